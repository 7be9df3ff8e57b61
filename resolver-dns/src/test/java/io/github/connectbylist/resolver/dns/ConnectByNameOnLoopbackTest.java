package io.github.connectbylist.resolver.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.ConnectFailedException;
import io.github.connectbylist.Connection;
import io.github.connectbylist.DestinationPolicy;
import io.github.connectbylist.Strategies;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.Query;
import io.github.connectbylist.testbed.DnsReply;
import io.github.connectbylist.testbed.DnsServer;
import io.github.connectbylist.testbed.DnsServer.RecordType;
import io.github.connectbylist.testbed.Testbed;
import java.io.IOException;
import java.net.Inet6Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connects by name on loopback through the testbed's DNS server, whose AAAA and A answers are delayed,
 * dropped or failed per name: the cases RFC 8305 section 3 is about. Bounds are loose enough for a loaded
 * two-core machine; the exact times are the benchmarks' and the lab's.
 */
class ConnectByNameOnLoopbackTest {
  private static final Duration SLOW = Duration.ofMillis(300);

  private LoopbackNames names;
  private Testbed testbed;
  private DnsServer dns;
  private int port;

  /**
   * The JVM opens, once, the SecureRandom behind query IDs ({@code /dev/random}, {@code /dev/urandom}); one
   * lookup before the counting starts keeps them out of it. The resolver's own selector and thread are
   * closed with it, so they are counted.
   */
  @BeforeAll
  static void warmUp() throws Exception {
    try (DnsServer warm = DnsServer.start()) {
      warm.reply("warm.test", RecordType.A, DnsReply.addresses("127.0.0.1"));
      DnsResolver r = DnsResolver.builder().servers(List.of(warm.address())).noHostsFile().build();
      java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
      r.resolve("warm.test", new io.github.connectbylist.api.NameResolver.Answers() {
        @Override
        public void answered(Query query, List<java.net.InetAddress> addresses) {}

        @Override
        public void failed(Query query, FailureKind kind, Exception error) {}

        @Override
        public void done() {
          done.countDown();
        }
      });
      assertTrue(done.await(5, java.util.concurrent.TimeUnit.SECONDS));
      r.close();
    }
  }

  @BeforeEach
  void start() throws Exception {
    names = new LoopbackNames();
    testbed = names.testbed;
    dns = names.dns;
    port = testbed.acceptingOnBothFamilies(); // one port on both families, as a name's addresses have
  }

  @AfterEach
  void stop() throws Exception {
    if (names != null) {
      names.stop();
    }
  }

  /**
   * A query whose answer never comes (dropped, or the server closed before a delayed one went out) holds its
   * UDP socket until the query times out; 1 s, so that the leak check's 3 s wait sees them all closed.
   */
  private String resolver(String more) {
    return "dns(servers=" + dns.serverSpec() + ", hosts=none, timeout=1s" + more + ")";
  }

  private ConnectByList.Builder builder() {
    return ConnectByList.builder().resolver(resolver("")).timeout(Duration.ofSeconds(5));
  }

  private static double medianMillis(List<Double> millis) {
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  @Test
  void aSlowAaaaCostsTheResolutionDelayNotItsOwnTime() throws Exception {
    dns.reply("slow-aaaa.test", RecordType.AAAA, DnsReply.addresses("::1").after(SLOW));
    dns.reply("slow-aaaa.test", RecordType.A, DnsReply.addresses("127.0.0.1"));
    List<Double> times = new ArrayList<>();
    try (ConnectByList cbl = builder().resolver(resolver(", cache=0")).build()) {
      for (int i = 0; i < 5; i++) {
        try (Connection c = cbl.connect("slow-aaaa.test", port)) {
          times.add(c.elapsed().toNanos() / 1e6);
          assertFalse(c.remoteAddress().getAddress() instanceof Inet6Address, "IPv4, the answer that came");
          assertTrue(c.winner().startedAt().toMillis() >= 45, "waited the resolution delay for AAAA: " + c.attempts());
          assertEquals(List.of(Query.A), c.answers().stream().map(a -> a.query()).toList(),
              "the AAAA answer had not come: " + c.answers());
        }
      }
    }
    assertTrue(medianMillis(times) < 250, "connected after the resolution delay, not the 300 ms AAAA: " + times);
    assertEquals(5, dns.queries("slow-aaaa.test", RecordType.AAAA), "cache=0: every connect asked");
  }

  @Test
  void aSlowAAnswerIsNotWaitedFor() throws Exception {
    dns.reply("slow-a.test", RecordType.AAAA, DnsReply.addresses("::1"));
    dns.reply("slow-a.test", RecordType.A, DnsReply.addresses("127.0.0.1").after(Duration.ofSeconds(1)));
    try (ConnectByList cbl = builder().build(); Connection c = cbl.connect("slow-a.test", port)) {
      assertInstanceOf(Inet6Address.class, c.remoteAddress().getAddress());
      assertTrue(c.elapsed().toMillis() < 500, "AAAA first: at once, " + c.elapsed());
    }
  }

  @Test
  void aLostAaaaDoesNotHoldTheConnect() throws Exception {
    dns.reply("lost-aaaa.test", RecordType.AAAA, DnsReply.dropped());
    dns.reply("lost-aaaa.test", RecordType.A, DnsReply.addresses("127.0.0.1"));
    try (ConnectByList cbl = builder().build(); Connection c = cbl.connect("lost-aaaa.test", port)) {
      assertFalse(c.remoteAddress().getAddress() instanceof Inet6Address);
      assertTrue(c.elapsed().toMillis() < 700, "not the 1 s query timeout: " + c.elapsed());
    }
  }

  @Test
  void behindABlackHoledIpv4TheLateAaaaStartsWhenItArrivesAndWins() throws Exception {
    int holePort = port;
    String hole = "127.0.0.7";
    testbed.blackHoled(hole, holePort);
    dns.reply("v4-hole.test", RecordType.A, DnsReply.addresses(hole));
    dns.reply("v4-hole.test", RecordType.AAAA, DnsReply.addresses("::1").after(Duration.ofMillis(150)));
    // a long connection attempt delay: without the new family starting on its answer, IPv6 would wait 2 s
    try (ConnectByList cbl = builder().scheduler("happy-eyeballs(connection-attempt-delay=2s)").build();
        Connection c = cbl.connect("v4-hole.test", holePort)) {
      assertInstanceOf(Inet6Address.class, c.remoteAddress().getAddress());
      Attempt v6 = c.winner();
      assertTrue(v6.startedAt().toMillis() >= 140 && v6.startedAt().toMillis() < 1000,
          "IPv6 started on its answer (150 ms), not 2 s after IPv4: " + c.attempts());
      assertEquals("127.0.0.7", c.attempts().get(0).pair().destinationAddress().getHostAddress(), "IPv4 went first");
    }
  }

  @Test
  void noSuchNameFailsWithItsKindAndOpensNoSocket() throws Exception {
    try (ConnectByList cbl = builder().build()) {
      ConnectFailedException e = assertThrows(ConnectFailedException.class, () -> cbl.connect("nowhere.test", port));
      assertEquals(FailureKind.NO_SUCH_NAME, e.kind(), e.getMessage());
      assertEquals(List.of(), e.attempts());
      assertEquals(2, e.answers().size(), "AAAA and A both said NXDOMAIN: " + e.answers());
    }
    assertEquals(0, testbed.acceptedCount(), "no socket connected anywhere");
  }

  @Test
  void aServerFailureIsAResolutionFailure() throws Exception {
    dns.reply("broken.test", RecordType.AAAA, DnsReply.servfail());
    dns.reply("broken.test", RecordType.A, DnsReply.servfail());
    try (ConnectByList cbl = builder().build()) {
      ConnectFailedException e = assertThrows(ConnectFailedException.class, () -> cbl.connect("broken.test", port));
      assertEquals(FailureKind.RESOLUTION_FAILED, e.kind(), e.getMessage());
    }
  }

  @Test
  void theDenyPrivatePresetDeniesEveryLoopbackAnswerAndOpensNoSocket() throws Exception {
    dns.reply("rebind.test", RecordType.AAAA, DnsReply.addresses("::1"));
    dns.reply("rebind.test", RecordType.A, DnsReply.addresses("127.0.0.1"));
    try (ConnectByList cbl = builder().destinations(DestinationPolicy.denyPrivate()).build()) {
      ConnectFailedException e = assertThrows(ConnectFailedException.class, () -> cbl.connect("rebind.test", port));
      assertEquals(FailureKind.DENIED, e.kind(), e.getMessage());
      assertEquals(2, e.attempts().size(), "both addresses in the trace: " + e.attempts());
      for (Attempt a : e.attempts()) {
        assertEquals(FailureKind.DENIED, a.failure());
        assertEquals(Attempt.NOT_STARTED, a.index(), "never started");
        assertTrue(a.error().getMessage().contains("loopback"), a.error().getMessage());
      }
    }
    assertEquals(0, testbed.acceptedCount(), "nothing was connected");
  }

  @Test
  void aSchedulerThatDoesNotRaceWaitsForBothAnswers() throws Exception {
    dns.reply("slow-aaaa.test", RecordType.AAAA, DnsReply.addresses("::1").after(SLOW));
    dns.reply("slow-aaaa.test", RecordType.A, DnsReply.addresses("127.0.0.1"));
    try (ConnectByList cbl = builder().strategy("sequential").build();
        Connection c = cbl.connect("slow-aaaa.test", port)) {
      assertTrue(c.winner().startedAt().toMillis() >= 290, "WSAConnectByName's way: every answer first, " + c.attempts());
      assertEquals(2, c.answers().size());
    }
  }

  @Test
  void answersAreKeptForTheirTimeToLive() throws Exception {
    dns.reply("cached.test", RecordType.AAAA, DnsReply.addresses("::1").ttl(60));
    dns.reply("cached.test", RecordType.A, DnsReply.addresses("127.0.0.1").ttl(60));
    try (ConnectByList cbl = builder().build()) {
      cbl.connect("cached.test", port).close();
      cbl.connect("cached.test", port).close();
    }
    assertEquals(1, dns.queries("cached.test", RecordType.AAAA), "the second connect used the cached answer");
    // the A query may still be on its way when both connects have won on ::1: wait for it, then count
    long until = System.nanoTime() + 2_000_000_000L;
    while (dns.queries("cached.test", RecordType.A) == 0 && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    Thread.sleep(50);
    assertEquals(1, dns.queries("cached.test", RecordType.A), "asked once: the second connect joined or used the cache");
  }

  @Test
  void aNameInTheHostsFileIsNotAskedOfDns(@TempDir Path dir) throws Exception {
    Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 from-hosts.test\n::1 from-hosts.test\n");
    try (ConnectByList cbl = ConnectByList.builder().resolver("dns(servers=" + dns.serverSpec() + ", timeout=1s, hosts="
        + hosts + ")")
        .build(); Connection c = cbl.connect("from-hosts.test", port)) {
      assertTrue(c.remoteAddress().getAddress().isLoopbackAddress());
    }
    assertEquals(0, dns.queries("from-hosts.test", RecordType.AAAA) + dns.queries("from-hosts.test", RecordType.A));
  }

  /**
   * The hosts file answers at once, on the caller's thread: a blocking connect then races the answers there, and
   * the whole connect (answers, attempts, the hand-over) needs no other thread, as a connect to a list does.
   */
  @Test
  void aNameInTheHostsFileConnectsOnTheCallersThreadAlone(@TempDir Path dir) throws Exception {
    Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 from-hosts.test\n::1 from-hosts.test\n");
    List<String> threads = Collections.synchronizedList(new ArrayList<>());
    io.github.connectbylist.api.ConnectListener where = new io.github.connectbylist.api.ConnectListener() {
      @Override
      public void answered(io.github.connectbylist.api.Answer answer, List<io.github.connectbylist.api.AddressPair> pairs) {
        threads.add("answered " + Thread.currentThread().getName());
      }

      @Override
      public void attemptEnded(Attempt attempt) {
        threads.add("attemptEnded " + Thread.currentThread().getName());
      }
    };
    String caller = Thread.currentThread().getName();
    try (ConnectByList cbl = ConnectByList.builder().listener(where)
        .resolver("dns(servers=" + dns.serverSpec() + ", timeout=1s, hosts=" + hosts + ")").build()) {
      for (int i = 0; i < 3; i++) {
        try (Connection c = cbl.connect("from-hosts.test", port)) {
          assertEquals(2, c.answers().size(), c.answers().toString());
        }
      }
    }
    assertEquals(List.of("answered " + caller, "answered " + caller, "attemptEnded " + caller), threads.subList(0, 3));
    assertTrue(threads.stream().allMatch(t -> t.endsWith(" " + caller)), threads.toString());
    assertEquals(0, dns.queries("from-hosts.test", RecordType.AAAA) + dns.queries("from-hosts.test", RecordType.A));
  }

  @Test
  void theDnsResolverIsDiscoveredOverTheSystemOneAndItsOptionsAreChecked() {
    List<String> names = Strategies.discovered().resolvers().stream().map(p -> p.name()).toList();
    assertEquals(List.of("dns", "system"), names, "dns (100) over system (0)");
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> ConnectByList.builder().resolver("dns(servers=example.com:53)").build());
    assertTrue(bad.getMessage().contains("example.com") && bad.getMessage().contains("address literal"), bad.getMessage());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> ConnectByList.builder().resolver("dns(colour=blue)").build());
    assertTrue(unknown.getMessage().contains("servers"), unknown.getMessage());
    assertEquals(List.of(new java.net.InetSocketAddress("127.0.0.1", 5353), new java.net.InetSocketAddress("::1", 53)),
        DnsResolverProvider.parseServers("127.0.0.1:5353+[::1]"));
  }

  @Test
  void aLiteralNeedsNoResolver() throws IOException {
    try (ConnectByList cbl = builder().build(); Connection c = cbl.connect("[::1]", port)) {
      assertEquals(List.of(), c.answers());
      assertInstanceOf(Inet6Address.class, c.remoteAddress().getAddress());
    }
  }
}
