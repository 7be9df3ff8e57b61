package io.github.connectbylist.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.connectbylist.emulator.capture.PacketLog;
import io.github.connectbylist.emulator.capture.PacketRecord;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A real client, unchanged, in an emulated host: curl resolves {@code dual.test} through the network's name
 * server (its AAAA and A crossing the network, delayed by its rules), races the answers with its own Happy
 * Eyeballs (200 ms), and fetches a page from a server in another host; the pcap file holds it all.
 */
class NamesAndProgramsTest {

  @Test
  void curlResolvesThroughTheNetworksNameServerAndConnectsOverTheFastFamily() throws Exception {
    Networks.assumeAvailable();
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "skipped: curl is not installed");
    Path pcap = Files.createTempFile("emulated", ".pcap");
    try (Network net = Network.up(Networks.file("dual-stack-slow-ipv6.json"),
        new Network.Options(java.util.Optional.of(pcap), 1))) {
      try (AutoCloseable http = net.host("server").serveHttp(8080)) {
        Process curl = net.host("client").command(List.of("curl", "-sS", "--max-time", "10", "-w",
            " %{remote_ip} %{time_connect}", "http://dual.test:8080/")).redirectErrorStream(true).start();
        String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertEquals(0, curl.waitFor(), out);
        assertTrue(out.startsWith("hello from server"), out);
        assertTrue(out.contains(" 198.51.100.2 "), "curl connected over IPv4, 20 ms, not IPv6, 300 ms: " + out);
      }
      PacketLog log = net.packetLog();
      List<PacketRecord> queries = log.dnsQueries();
      assertTrue(queries.stream().anyMatch(q -> q.dns().type() == PacketRecord.TYPE_AAAA), "AAAA asked: " + queries);
      assertTrue(queries.stream().anyMatch(q -> q.dns().type() == PacketRecord.TYPE_A), "A asked: " + queries);
      for (PacketRecord q : queries) {
        assertEquals(InetAddress.getByName("198.51.100.53"), q.destination(), "asked of the network's server");
        assertTrue(log.answerTo(q).isPresent(), "and answered: " + q);
      }
      assertTrue(log.firstSyn(Family.IPV4, 8080).isPresent(), log.summary());
    }
    PacketLog fromFile = PacketLog.read(pcap);
    assertTrue(fromFile.firstSyn(Family.IPV4, 8080).isPresent(), "the pcap file holds what the log held");
    assertTrue(fromFile.dnsAnswers().size() >= 2, "with the answers: " + fromFile.summary());
    Files.delete(pcap);
  }
}
