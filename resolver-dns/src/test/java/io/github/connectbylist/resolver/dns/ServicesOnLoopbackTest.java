package io.github.connectbylist.resolver.dns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.ConnectRequest;
import io.github.connectbylist.Connection;
import io.github.connectbylist.api.Addresses;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.Query;
import io.github.connectbylist.testbed.DnsReply;
import io.github.connectbylist.testbed.DnsServer;
import io.github.connectbylist.testbed.DnsServer.RecordType;
import io.github.connectbylist.testbed.ServiceRecord;
import io.github.connectbylist.testbed.Testbed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Connecting with service information on loopback (RFC 9460; the Happy Eyeballs v3 draft's sections 4 to 7):
 * the testbed's DNS server answers HTTPS records with hints, ports, ALPN and aliases, and delays or loses
 * answers; real sockets connect. Times are bounds for a loaded two-core machine; exact times are the virtual
 * tests' ({@code ServiceEndpointsTest}, {@code DraftDnsExamplesTest}).
 */
class ServicesOnLoopbackTest {
  private static final Duration LATE = Duration.ofMillis(500);

  private LoopbackNames names;
  private Testbed testbed;
  private DnsServer dns;

  @BeforeAll
  static void warmUp() throws Exception {
    ConnectByNameOnLoopbackTest.warmUp();
  }

  @BeforeEach
  void start() throws Exception {
    names = new LoopbackNames();
    testbed = names.testbed;
    dns = names.dns;
  }

  @AfterEach
  void stop() throws Exception {
    if (names != null) {
      names.stop();
    }
  }

  private ConnectByList https() {
    return ConnectByList.builder().resolver("dns(servers=" + dns.serverSpec() + ", hosts=none, timeout=1s)")
        .timeout(Duration.ofSeconds(5)).service("https").build();
  }

  /** RFC 9460 section 9.1: the HTTPS query name of a port other than 443. */
  private static String httpsName(String host, int port) {
    return "_" + port + "._https." + host;
  }

  private static List<String> tried(Connection c) {
    List<String> tried = new ArrayList<>();
    for (Attempt a : c.attempts()) {
      tried.add(Addresses.format(a.pair().destinationAddress(), a.pair().destination().getPort()));
    }
    return tried;
  }

  @Test
  void hintsStartTheConnectWhileTheAddressesAreLate() throws Exception {
    int port = testbed.acceptingOnBothFamilies();
    dns.reply(httpsName("hints.test", port), RecordType.HTTPS, DnsReply.services(
        ServiceRecord.service(1, ".").alpn("h2").ipv4Hints("127.0.0.1").ipv6Hints("::1").ech(new byte[] {0, 3, 1, 2, 3})));
    dns.reply("hints.test", RecordType.AAAA, DnsReply.addresses("::1").after(LATE));
    dns.reply("hints.test", RecordType.A, DnsReply.addresses("127.0.0.1").after(LATE));
    try (ConnectByList cbl = https(); Connection c = cbl.connect("hints.test", port)) {
      assertTrue(c.elapsed().toMillis() < 100, "started on the hints, not 500 ms later: " + c.elapsed());
      assertEquals("[::1]:" + port, tried(c).get(0), "the IPv6 hint first");
      assertEquals(List.of("h2", "http/1.1"), c.alpn(), "the record's ALPN and HTTPS's default, to offer on TLS");
      assertEquals(1, c.service().orElseThrow().priority());
      assertArrayEquals(new byte[] {0, 3, 1, 2, 3}, c.service().orElseThrow().ech(), "the ECH configuration, to send");
      assertTrue(c.answers().stream().anyMatch(a -> a.query() == Query.HTTPS), "the HTTPS answer is in the trace");
    }
  }

  @Test
  void answersThatComeAfterTheConnectStillFillTheCache() throws Exception {
    int port = testbed.acceptingOnBothFamilies();
    dns.reply(httpsName("fill.test", port), RecordType.HTTPS, DnsReply.services(
        ServiceRecord.service(1, ".").ipv4Hints("127.0.0.1").ipv6Hints("::1")));
    dns.reply("fill.test", RecordType.AAAA, DnsReply.addresses("::1").after(Duration.ofMillis(200)));
    dns.reply("fill.test", RecordType.A, DnsReply.addresses("127.0.0.1").after(Duration.ofMillis(200)));
    try (ConnectByList cbl = https()) {
      cbl.connect("fill.test", port).close();
      Thread.sleep(600); // the A and AAAA answers come after the connect (draft section 6: keep taking them)
      try (Connection again = cbl.connect("fill.test", port)) {
        assertEquals(1, dns.queries("fill.test", RecordType.A), "answered from the cache the late answer filled");
        assertEquals(1, dns.queries("fill.test", RecordType.AAAA));
        assertTrue(again.elapsed().toMillis() < 100, again.elapsed().toString());
      }
    }
  }

  @Test
  void thePortKeyMovesTheConnectToThatPort() throws Exception {
    int origin = testbed.refusing("127.0.0.1").address().getPort(); // nothing listens at the origin's port
    int moved = testbed.accepting("127.0.0.1").address().getPort();
    dns.reply(httpsName("moved.test", origin), RecordType.HTTPS, DnsReply.services(
        ServiceRecord.service(1, ".").port(moved)));
    dns.reply("moved.test", RecordType.A, DnsReply.addresses("127.0.0.1"));
    try (ConnectByList cbl = https(); Connection c = cbl.connect("moved.test", origin)) {
      assertEquals(moved, c.remoteAddress().getPort());
      assertEquals(List.of("127.0.0.1:" + moved), tried(c), "the origin's port was never tried");
    }
  }

  @Test
  void anHttp3OnlyRecordIsNeverConnectedByATcpClient() throws Exception {
    int port = testbed.accepting("127.0.0.1").address().getPort();
    int quic = testbed.accepting("127.0.0.1").address().getPort(); // would accept, if it were ever tried
    dns.reply(httpsName("h3.test", port), RecordType.HTTPS, DnsReply.services(
        ServiceRecord.service(1, ".").alpn("h3").noDefaultAlpn(true).port(quic).ipv4Hints("127.0.0.1")));
    dns.reply("h3.test", RecordType.A, DnsReply.addresses("127.0.0.1"));
    try (ConnectByList cbl = https(); Connection c = cbl.connect("h3.test", port)) {
      assertEquals(List.of("127.0.0.1:" + port), tried(c), "the A answer at the origin's port, not the QUIC record");
      assertTrue(c.service().isEmpty());
      assertEquals(List.of(), c.alpn());
    }
  }

  @Test
  void anAliasModeChainIsFollowedToItsServiceRecord() throws Exception {
    int origin = testbed.refusing("127.0.0.1").address().getPort();
    int served = testbed.accepting("127.0.0.2").address().getPort();
    dns.reply(httpsName("apex.test", origin), RecordType.HTTPS, DnsReply.services(ServiceRecord.alias("cdn.test")));
    dns.reply("cdn.test", RecordType.HTTPS, DnsReply.services(ServiceRecord.alias("pool.cdn.test")));
    dns.reply("pool.cdn.test", RecordType.HTTPS, DnsReply.services(ServiceRecord.service(1, ".").port(served)));
    dns.reply("pool.cdn.test", RecordType.A, DnsReply.addresses("127.0.0.2"));
    dns.reply("apex.test", RecordType.A, DnsReply.addresses("127.0.0.1"));
    try (ConnectByList cbl = https(); Connection c = cbl.connect("apex.test", origin)) {
      assertEquals("127.0.0.2:" + served, tried(c).get(0), "two aliases, then the service's own name and port");
      assertEquals("pool.cdn.test", c.service().orElseThrow().target());
      assertTrue(c.answers().stream().anyMatch(a -> a.host().equals("pool.cdn.test") && a.query() == Query.A),
          "the target's A answer is in the trace under the target's name");
    }
  }

  @Test
  void aHintAbsentFromTheTargetsLaterAnswerIsDroppedBeforeItsTurn() throws Exception {
    int port = testbed.blackHoled("127.0.0.2").address().getPort();
    testbed.accepting("127.0.0.4", port);
    testbed.accepting("127.0.0.5", port); // would accept too: that it is never tried is the point
    dns.reply(httpsName("drop.test", port), RecordType.HTTPS, DnsReply.services(
        ServiceRecord.service(1, "pool.test").ipv4Hints("127.0.0.2", "127.0.0.5")));
    dns.reply("drop.test", RecordType.A, DnsReply.empty());
    dns.reply("pool.test", RecordType.A, DnsReply.addresses("127.0.0.2", "127.0.0.4").after(Duration.ofMillis(100)));
    try (ConnectByList cbl = https(); Connection c = cbl.connect("drop.test", port)) {
      assertEquals(List.of("127.0.0.2:" + port, "127.0.0.4:" + port), tried(c),
          "127.0.0.5 was only a hint: the A answer at 100 ms replaced it before its turn at 250 ms");
      assertEquals("127.0.0.4", c.remoteAddress().getAddress().getHostAddress());
    }
  }

  @Test
  void noHttpsAnswerCostsAtMostTheResolutionDelay() throws Exception {
    int port = testbed.acceptingOnBothFamilies();
    // unset: NXDOMAIN; then NODATA; then lost (dropped, its query times out after 1 s)
    dns.reply(httpsName("nodata.test", port), RecordType.HTTPS, DnsReply.empty());
    dns.reply(httpsName("lost.test", port), RecordType.HTTPS, DnsReply.dropped());
    try (ConnectByList cbl = https()) {
      for (String name : List.of("nxdomain.test", "nodata.test", "lost.test")) {
        dns.reply(name, RecordType.AAAA, DnsReply.addresses("::1"));
        dns.reply(name, RecordType.A, DnsReply.addresses("127.0.0.1"));
        try (Connection c = cbl.connect(name, port)) {
          assertTrue(c.elapsed().toMillis() < 50 + 150, name + ": at most the 50 ms delay, with room: " + c.elapsed());
          assertTrue(c.service().isEmpty(), name);
          assertEquals(1, dns.queries(httpsName(name, port), RecordType.HTTPS), name + ": the HTTPS query went out");
          if (name.equals("lost.test")) {
            assertTrue(c.elapsed().toMillis() >= 49, "and was waited for, the Resolution Delay: " + c.elapsed());
          }
        }
      }
    }
  }

  @Test
  void aSetWithAnAliasIsTakenAsTheAliasItsServiceRecordsIgnored() throws Exception {
    int origin = testbed.refusing("127.0.0.1").address().getPort();
    int served = testbed.accepting("127.0.0.2").address().getPort();
    dns.reply(httpsName("mixed.test", origin), RecordType.HTTPS, DnsReply.services(
        ServiceRecord.service(1, ".").ipv4Hints("127.0.0.3"), ServiceRecord.alias("real.test")));
    dns.reply("real.test", RecordType.HTTPS, DnsReply.services(ServiceRecord.service(1, ".").port(served)));
    dns.reply("real.test", RecordType.A, DnsReply.addresses("127.0.0.2"));
    dns.reply("mixed.test", RecordType.A, DnsReply.addresses("127.0.0.1"));
    try (ConnectByList cbl = https(); Connection c = cbl.connect("mixed.test", origin)) {
      assertEquals(List.of("127.0.0.2:" + served), tried(c), "RFC 9460 section 2.4.2: the ServiceMode record beside "
          + "the alias (hint 127.0.0.3) is ignored");
    }
  }

  @Test
  void aChainLongerThanTheLimitFallsBackToTheHostsAddresses() throws Exception {
    int port = testbed.accepting("127.0.0.1").address().getPort();
    dns.reply(httpsName("deep.test", port), RecordType.HTTPS, DnsReply.services(ServiceRecord.alias("hop0.test")));
    for (int i = 0; i <= DnsResolver.MAX_ALIASES; i++) {
      dns.reply("hop" + i + ".test", RecordType.HTTPS, DnsReply.services(ServiceRecord.alias("hop" + (i + 1) + ".test")));
    }
    // The address comes late, so that the chain of nine lookups has ended, failed, before the first attempt even
    // under load: it waits for the HTTPS answer only 50 ms after an address.
    dns.reply("deep.test", RecordType.A, DnsReply.addresses("127.0.0.1").after(Duration.ofMillis(500)));
    try (ConnectByList cbl = https(); Connection c = cbl.connect("deep.test", port)) {
      assertEquals(List.of("127.0.0.1:" + port), tried(c), "RFC 9460 section 3.1: as if there were no record");
      assertTrue(c.answers().stream().anyMatch(a -> a.query() == Query.HTTPS && a.failed()),
          "the HTTPS query failed, saying why: " + c.answers());
      // the origin's record is alias 1 (to hop0); hop6's is alias 8 (to hop7): followed. hop7's is the 9th.
      assertEquals(1, dns.queries("hop" + (DnsResolver.MAX_ALIASES - 1) + ".test", RecordType.HTTPS));
      assertEquals(0, dns.queries("hop" + DnsResolver.MAX_ALIASES + ".test", RecordType.HTTPS), "no further");
    }
  }

  @Test
  void anAliasToTheRootSaysThereIsNoServiceAndTheHostIsUsed() throws Exception {
    int port = testbed.accepting("127.0.0.1").address().getPort();
    dns.reply(httpsName("none.test", port), RecordType.HTTPS, DnsReply.services(ServiceRecord.alias(".")));
    dns.reply("none.test", RecordType.A, DnsReply.addresses("127.0.0.1"));
    try (ConnectByList cbl = https(); Connection c = cbl.connect("none.test", port)) {
      assertEquals(List.of("127.0.0.1:" + port), tried(c), "RFC 9460 section 2.5.1");
      assertTrue(c.service().isEmpty());
    }
  }

  @Test
  void aRecordWhoseTargetIsNoHostNameIsLeftOutAndTheLookupEnds() throws Exception {
    int port = testbed.accepting("127.0.0.1").address().getPort();
    dns.reply(httpsName("odd.test", port), RecordType.HTTPS, DnsReply.services(
        ServiceRecord.service(1, "-svc.test").ipv4Hints("127.0.0.9")));
    dns.reply("odd.test", RecordType.A, DnsReply.addresses("127.0.0.1"));
    try (ConnectByList cbl = https(); Connection c = cbl.connect("odd.test", port)) {
      assertEquals(List.of("127.0.0.1:" + port), tried(c), "its addresses cannot be asked: the record is left out");
      assertTrue(c.answers().stream().anyMatch(a -> a.query() == Query.HTTPS && a.services().isEmpty()),
          "reported without it: " + c.answers());
    }
  }

  @Test
  void anAliasLoopEndsTheServiceQueryAndTheHostIsUsed() throws Exception {
    int port = testbed.accepting("127.0.0.1").address().getPort();
    dns.reply(httpsName("loop.test", port), RecordType.HTTPS, DnsReply.services(ServiceRecord.alias("a.loop.test")));
    dns.reply("a.loop.test", RecordType.HTTPS, DnsReply.services(ServiceRecord.alias("b.loop.test")));
    dns.reply("b.loop.test", RecordType.HTTPS, DnsReply.services(ServiceRecord.alias("a.loop.test")));
    dns.reply("loop.test", RecordType.A, DnsReply.addresses("127.0.0.1"));
    try (ConnectByList cbl = https(); Connection c = cbl.connect("loop.test", port)) {
      assertEquals(List.of("127.0.0.1:" + port), tried(c));
      assertTrue(c.answers().stream().anyMatch(a -> a.query() == Query.HTTPS && a.failed()
          && a.error().getMessage().contains("loop")), "the loop is named: " + c.answers());
      assertEquals(1, dns.queries("a.loop.test", RecordType.HTTPS), "asked once, not round and round");
    }
  }

  @Test
  void anotherSchemeAsksSvcbUnderItsPortAndScheme() throws Exception {
    int origin = testbed.refusing("127.0.0.1").address().getPort();
    int served = testbed.accepting("127.0.0.1").address().getPort();
    dns.reply("_" + origin + "._foo.svcb.test", RecordType.SVCB, DnsReply.services(ServiceRecord.service(1, ".")
        .port(served)));
    dns.reply("svcb.test", RecordType.A, DnsReply.addresses("127.0.0.1"));
    try (ConnectByList cbl = ConnectByList.builder().resolver("dns(servers=" + dns.serverSpec() + ", hosts=none, "
        + "timeout=1s)").build(); Connection c = cbl.connect(ConnectRequest.to("svcb.test", origin).service("foo"))) {
      assertEquals(List.of("127.0.0.1:" + served), tried(c), "RFC 9460 section 2.3: _PORT._foo.svcb.test, type SVCB");
      assertEquals(0, dns.queries(httpsName("svcb.test", origin), RecordType.HTTPS), "no HTTPS query for foo");
    }
  }
}
