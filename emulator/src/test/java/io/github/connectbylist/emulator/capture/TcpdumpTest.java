package io.github.connectbylist.emulator.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import io.github.connectbylist.emulator.Action;
import io.github.connectbylist.emulator.packet.IpPacket;
import io.github.connectbylist.emulator.packet.Rejects;
import io.github.connectbylist.emulator.packet.TestPackets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tcpdump reads what {@link PcapWriter} writes: a line per packet, each time to the nanosecond. */
class TcpdumpTest {

  private static Path tcpdump() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String d : path.split(File.pathSeparator)) {
      Path candidate = Path.of(d.isEmpty() ? "." : d, "tcpdump");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    for (String d : new String[] {"/usr/sbin", "/usr/bin", "/sbin"}) {
      Path candidate = Path.of(d, "tcpdump");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** Runs tcpdump and gives its output's lines, after checking it succeeded. */
  private static List<String> run(Path tcpdump, Path dir, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(tcpdump.toString());
    command.addAll(List.of(arguments));
    Path output = dir.resolve("tcpdump.txt");
    Process process = new ProcessBuilder(command)
        .redirectOutput(output.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "tcpdump finished");
    List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), String.join("\n", lines));
    return lines;
  }

  @Test
  void tcpdumpPrintsALinePerPacketWithNanosecondTimes(@TempDir Path dir) throws IOException, InterruptedException {
    Path tcpdump = tcpdump();
    Assumptions.assumeTrue(tcpdump != null, "tcpdump is not installed: the file is not checked against it");
    Path file = dir.resolve("he.pcap");
    List<PacketLogTest.Timed> scenario = PacketLogTest.scenario();
    try (PcapWriter w = PcapWriter.create(file)) {
      for (PacketLogTest.Timed t : scenario) {
        w.write(t.nanos() + 1, t.packet(), t.packet().length); // + 1: tcpdump must print the nanoseconds
      }
    }
    List<String> lines = run(tcpdump, dir, "-nn", "-tt", "--time-stamp-precision=nano", "-r", file.toString());
    assertEquals(scenario.size(), lines.size(), String.join("\n", lines));
    assertTrue(lines.get(0).startsWith("1700000000.000000001 IP6 2001:db8:1::2.40001 > 2001:db8::53.53: 4660+ AAAA? "
        + "example.com."), lines.get(0));
    assertTrue(lines.get(6).startsWith("1700000000.020500001 IP6 2001:db8:1::2.50000 > 2001:db8:2::1.443: Flags [S]"),
        lines.get(6));
    assertTrue(lines.get(8).startsWith("1700000000.275000001 IP 198.51.100.7.443 > 192.0.2.2.50001: Flags [S.]"),
        lines.get(8));
  }

  @Test
  void tcpdumpFindsTheChecksumsOfEveryRejectCorrect(@TempDir Path dir) throws IOException, InterruptedException {
    Path tcpdump = tcpdump();
    Assumptions.assumeTrue(tcpdump != null, "tcpdump is not installed: the replies are not checked against it");
    byte[][] originals = {
        TestPackets.tcpPacket("192.0.2.2", 40_000, "198.51.100.7", 443, 77, 0, IpPacket.TCP_SYN, new byte[0]),
        TestPackets.tcpPacket("2001:db8:1::2", 40_000, "2001:db8:2::1", 443, 77, 0, IpPacket.TCP_SYN, new byte[0]),
        TestPackets.udpPacket("192.0.2.2", 40_001, "192.0.2.53", 53, Dns.message(1, false, "example.com", 1)),
        TestPackets.udpPacket("2001:db8:1::2", 40_001, "2001:db8::53", 53, Dns.message(1, false, "example.com", 28)),
    };
    Path file = dir.resolve("rejects.pcap");
    int written = 0;
    try (PcapWriter w = PcapWriter.create(file, PcapWriter.MAX_SNAP_LENGTH)) {
      IpPacket view = new IpPacket();
      for (byte[] original : originals) {
        assertTrue(view.reset(original, original.length));
        for (Action a : new Action[] {Action.RESET, Action.HOST_UNREACHABLE, Action.NETWORK_UNREACHABLE}) {
          byte[] reply = Rejects.answer(view, a);
          w.write(PacketLogTest.T0 + written++, reply, reply.length);
        }
      }
    }
    List<String> lines = run(tcpdump, dir, "-nn", "-vv", "-r", file.toString());
    String all = String.join("\n", lines);
    // With -vv tcpdump checks every IPv4 header, TCP and ICMP checksum, saying "bad", "incorrect" or "wrong"
    // when one is not right; it says "correct" of a TCP checksum, "sum ok" of an ICMPv6 one.
    assertEquals(2, lines.stream().filter(l -> l.contains("Flags [R.], cksum") && l.contains("(correct)")).count(),
        "the two resets:\n" + all);
    assertEquals(5, lines.stream().filter(l -> l.contains("[icmp6 sum ok]")).count(), all);
    assertEquals(5, lines.stream().filter(l -> l.contains("proto ICMP (1)")).count(), all);
    for (String bad : new String[] {"incorrect", "bad cksum", "wrong icmp cksum", "bad udp cksum"}) {
      assertTrue(!all.contains(bad), bad + ":\n" + all);
    }
    assertTrue(all.contains("Flags [R.], cksum"), all);
    assertTrue(all.contains("ICMP host 198.51.100.7 unreachable"), all);
    assertTrue(all.contains("ICMP net 198.51.100.7 unreachable"), all);
    assertTrue(all.contains("ICMP 192.0.2.53 udp port 53 unreachable"), all);
    assertTrue(all.contains("unreachable address 2001:db8:2::1"), all);
    assertTrue(all.contains("unreachable route 2001:db8:2::1"), all);
    assertTrue(all.contains("unreachable port, 2001:db8::53 udp port 53"), all);
  }
}
