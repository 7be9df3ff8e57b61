package io.github.connectbylist.realclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.connectbylist.api.Addresses;
import io.github.connectbylist.emulator.Fate;
import io.github.connectbylist.emulator.LoggedPacket;
import io.github.connectbylist.emulator.Network;
import io.github.connectbylist.emulator.capture.CapturedPacket;
import io.github.connectbylist.emulator.capture.PacketLog;
import io.github.connectbylist.emulator.capture.PacketRecord;
import io.github.connectbylist.emulator.capture.PcapReader;
import io.github.connectbylist.emulator.packet.IpPacket;
import io.github.connectbylist.lab.LazyEye;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every real client, unchanged, on the dual-stack network with slow IPv6 (300 ms round trip, IPv4 20 ms): each
 * fetches from (or connects to) {@code dual.test:80}, resolving it through the network's name server, and the
 * packet log, not the client, says that it sent a SYN to the server and that a handshake completed, and that
 * nothing it sent was for an address outside the network. A client not installed here is skipped, saying how to
 * install it; everything is skipped where namespaces cannot run.
 */
class RealClientsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  @Test
  void allAreInAFixedOrderWithTheirNamesAndModels() {
    List<RealClient> all = RealClients.all();
    List<String> names = all.stream().map(RealClient::name).toList();
    assertEquals(List.of("curl", "node", "asyncio", "asyncio-250ms", "go", "okhttp", "java-socket", "chromium",
        "firefox"), names.subList(0, 9));
    assertEquals(LazyEye.BUILT_IN_STRATEGIES.stream().map(s -> "connectbylist:" + s).toList(),
        names.subList(9, names.size()));
    for (RealClient c : all) {
      if (!c.name().equals("java-socket")) {
        String model = c.model().orElseThrow(() -> new AssertionError(c.name() + " has no model"));
        assertTrue(LazyEye.BUILT_IN_STRATEGIES.contains(model), c.name() + "'s model " + model
            + " is one of the Lazy Eye set");
      }
      c.unavailable().ifPresent(why -> assertFalse(why.contains("\n"), why));
    }
    assertEquals(Optional.of("node/node"), RealClients.named(List.of("node")).get(0).model());
    assertEquals(Optional.of("asyncio(happy-eyeballs-delay=250ms)/asyncio(happy-eyeballs-delay=250ms)"),
        RealClients.named(List.of("asyncio-250ms")).get(0).model());
    assertEquals(Optional.empty(), RealClients.named(List.of("java-socket")).get(0).model());
  }

  @Test
  void namedKeepsTheOrderGivenAndTakesAnyStrategy() {
    List<RealClient> some = RealClients.named(List.of("firefox", "connectbylist:rfc6724/sequential(attempt-timeout=250ms)",
        "curl"));
    assertEquals(List.of("firefox", "connectbylist:rfc6724/sequential(attempt-timeout=250ms)", "curl"),
        some.stream().map(RealClient::name).toList());
    assertEquals(Optional.of("rfc6724/sequential(attempt-timeout=250ms)"), some.get(1).model());
  }

  @Test
  void namedRefusesInOneLine() {
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> RealClients.named(List.of("curl", "wget")));
    assertEquals("unknown client 'wget'; the clients are curl, node, asyncio, asyncio-250ms, go, okhttp, java-socket, "
        + "chromium, firefox, connectbylist:RANKER/SCHEDULER", unknown.getMessage());
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> RealClients.named(List.of("go", "go")));
    assertEquals("client go is named twice", twice.getMessage());
    for (String bad : List.of("connectbylist:chrome", "connectbylist:nosuch/chrome", "connectbylist:chrome/nosuch",
        "connectbylist:go(no-such-option=1)/go")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RealClients.named(List.of(bad)));
      assertTrue(e.getMessage().startsWith("client " + bad + ": "), e.getMessage());
      assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
  }

  @Test
  void aClientRefusesWhatCouldReachItsCommandLineAsAnOption() {
    for (RealClient c : RealClients.named(List.of("curl", "chromium", "connectbylist:go/go"))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> c.start(null, "--output=/etc/passwd", 80, TIMEOUT));
      assertEquals("'--output=/etc/passwd' is not a host name or an address literal", e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> c.start(null, "dual.test", 0, TIMEOUT));
      assertThrows(IllegalArgumentException.class, () -> c.start(null, "dual.test", 80, Duration.ZERO));
    }
  }

  @TestFactory
  Stream<DynamicTest> eachClientConnectsOnTheDualStackNetwork() {
    return RealClients.all().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> connects(c)));
  }

  /** One client's run on the network, checked from the packet log and printed. */
  static Run connects(RealClient client) throws Exception {
    Networks.assumeAvailable();
    Optional<String> why = client.unavailable();
    assumeTrue(why.isEmpty(), () -> "skipped: " + why.orElse(""));
    String version = client.version();
    Path pcap = Files.createTempFile("realclients-", ".pcap");
    Set<Path> foldersBefore = tempFolders();
    Run run;
    try {
      try (Network net = Network.up(Networks.file("dual-stack-slow-ipv6.json"), new Network.Options(Optional.of(pcap), 1));
          AutoCloseable http = net.host("server").serveHttp(80)) {
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        Process p = client.start(net.host("client"), "dual.test", 80, TIMEOUT);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
          try (InputStream in = p.getInputStream()) {
            in.transferTo(output);
          } catch (IOException e) {
            // the run is over
          }
        }, "output of " + client.name());
        reader.start();
        boolean ended = p.waitFor(TIMEOUT.toSeconds() + 15, TimeUnit.SECONDS);
        double elapsedMs = (System.nanoTime() - start) / 1e6;
        reader.join(5_000);
        String out = output.toString(StandardCharsets.UTF_8);
        assertTrue(ended, client.name() + " did not end: " + out);
        run = new Run(client, version, p.exitValue(), p instanceof ClientProcess c && c.timedOut(), elapsedMs,
            startedAt.getEpochSecond() * 1_000_000_000L + startedAt.getNano(), net.packetLog(), net.packets(), out);
      }
      run = run.withNames(questions(pcap));
    } finally {
      Files.deleteIfExists(pcap);
    }
    System.out.println(run);
    assertFalse(run.timedOut(), client.name() + " was killed at its deadline:\n" + run.details());
    assertEquals(0, run.exit(), client.name() + " failed:\n" + run.details());
    assertTrue(run.firstSyn().isPresent(), client.name() + " sent no SYN to port 80:\n" + run.details());
    assertTrue(run.handshake(), client.name() + " completed no handshake with the server:\n" + run.details());
    assertEquals(List.of(), run.noRoute(), client.name() + " sent packets out of the network");
    assertEquals(List.of(), run.synsElsewhere(), client.name() + " connected elsewhere than the server's port 80");
    assertEquals(List.of(), ClientProcess.anyRunOfThisJvm(), client.name() + " left processes behind");
    Set<Path> left = tempFolders();
    left.removeAll(foldersBefore);
    assertEquals(Set.of(), left, client.name() + " left folders behind");
    return run;
  }

  private static Set<Path> tempFolders() throws IOException {
    Set<Path> out = new TreeSet<>();
    try (var list = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      list.filter(p -> p.getFileName().toString().matches("connectbylist-(chromium|firefox)-.*")).forEach(out::add);
    }
    return out;
  }

  private static List<String> questions(Path pcap) throws IOException {
    List<String> out = new ArrayList<>();
    for (CapturedPacket c : PcapReader.readAll(pcap)) {
      Networks.dnsQuestion(c.data()).filter(q -> q.startsWith("query ")).ifPresent(q -> out.add(q.substring(6)));
    }
    return out;
  }

  /** What a run did, from the packet log. */
  record Run(RealClient client, String version, int exit, boolean timedOut, double elapsedMs, long startNanos,
      PacketLog log, List<LoggedPacket> packets, String output, List<String> names) {

    Run(RealClient client, String version, int exit, boolean timedOut, double elapsedMs, long startNanos,
        PacketLog log, List<LoggedPacket> packets, String output) {
      this(client, version, exit, timedOut, elapsedMs, startNanos, log, packets, output, List.of());
    }

    Run withNames(List<String> questions) {
      return new Run(client, version, exit, timedOut, elapsedMs, startNanos, log, packets, output, questions);
    }

    Optional<PacketRecord> firstSyn() {
      return log.packets().stream().filter(p -> p.isTcpSyn() && p.destinationPort() == 80).findFirst();
    }

    /** Whether the server answered a SYN of the client with a SYN-ACK. */
    boolean handshake() {
      return log.packets().stream().anyMatch(p -> p.tcpFlags() >= 0 && p.sourcePort() == 80
          && (p.tcpFlags() & (IpPacket.TCP_SYN | IpPacket.TCP_ACK)) == (IpPacket.TCP_SYN | IpPacket.TCP_ACK)
          && (p.source().equals(address("2001:db8:2::2")) || p.source().equals(address("198.51.100.2"))));
    }

    /** The SYNs to anything but port 80 of the server's two addresses. */
    List<PacketRecord> synsElsewhere() {
      return log.packets().stream().filter(p -> p.isTcpSyn() && !(p.destinationPort() == 80
          && (p.destination().equals(address("2001:db8:2::2")) || p.destination().equals(address("198.51.100.2")))))
          .toList();
    }

    List<LoggedPacket> noRoute() {
      return packets.stream().filter(p -> p.fate() == Fate.NO_ROUTE).toList();
    }

    double ms(PacketRecord p) {
      return (p.timeNanos() - startNanos) / 1e6;
    }

    String details() {
      return "output: " + output.strip() + "\n" + log.summary();
    }

    @Override
    public String toString() {
      StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-60s %s%n", client.name() + " (model "
          + client.model().orElse("none") + ")", version));
      s.append(String.format(Locale.ROOT, "  exit %d%s, %.0f ms in all", exit, timedOut ? " (killed at the deadline)"
          : "", elapsedMs));
      firstSyn().ifPresent(p -> s.append(String.format(Locale.ROOT, "; first SYN %s at %.0f ms to %s", p.family(),
          ms(p), Addresses.text(p.destination()))));
      s.append("\n  SYNs:");
      log.packets().stream().filter(PacketRecord::isTcpSyn).forEach(p -> s.append(String.format(Locale.ROOT,
          " %.0f ms %s;", ms(p), Addresses.format(p.destination(), p.destinationPort()))));
      s.append('\n');
      List<String> others = names.stream().filter(n -> !n.startsWith("dual.test. ")).distinct().toList();
      s.append("  DNS queries ").append(names.size()).append(others.isEmpty() ? ", all for dual.test"
          : ", others than dual.test: " + others).append("; packets out of the network: ").append(noRoute().size())
          .append('\n');
      String last = output.strip().lines().reduce((a, b) -> b).orElse("");
      s.append("  last line of output: ").append(last.length() > 150 ? last.substring(0, 150) + "..." : last);
      return s.toString();
    }

    private static InetAddress address(String literal) {
      return Addresses.parseLiteral(literal);
    }
  }
}
