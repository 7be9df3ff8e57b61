package io.github.connectbylist.resolver.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.ConnectFailedException;
import io.github.connectbylist.Connection;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.Query;
import io.github.connectbylist.resolver.dns.RecordingAnswers.Report;
import io.github.connectbylist.testbed.DnsReply;
import io.github.connectbylist.testbed.DnsReply.Decoy;
import io.github.connectbylist.testbed.DnsServer;
import io.github.connectbylist.testbed.DnsServer.RecordType;
import io.github.connectbylist.testbed.LeakCheck;
import io.github.connectbylist.testbed.Testbed;
import io.github.connectbylist.testbed.ThreadCheck;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's DNS cases: a server (or an off-path attacker, or a path) that misbehaves must not hang, spin,
 * mislead or leak the resolver. Each test is named for the case the audit found; the server is the testbed's,
 * on loopback, and every name is under {@code .test}. Bounds are loose enough for a loaded two-core machine.
 */
class HostileDnsServerTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(1);
  /**
   * What a 1 s query timeout may take on a loaded two-core machine: 1.5 s more than the timeout, and still far
   * under what the cases took before they were fixed (17 s for a dripped answer, never for a flooded one).
   */
  private static final long TIMEOUT_BOUND_MILLIS = 2_500;

  private DnsServer dns;
  private final List<AutoCloseable> closeLast = new ArrayList<>();
  private LeakCheck leaks;
  private ThreadCheck threads;

  @BeforeAll
  static void warmUp() throws Exception {
    ConnectByNameOnLoopbackTest.warmUp(); // the JVM's once-only descriptors, out of the leak counts
  }

  @BeforeEach
  void start() throws Exception {
    threads = ThreadCheck.start();
    leaks = LeakCheck.start();
    dns = DnsServer.start();
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = closeLast.size() - 1; i >= 0; i--) {
      closeLast.get(i).close();
    }
    dns.close();
    leaks.assertNoneOpen();
    threads.assertNoneLeft();
  }

  private DnsResolver resolver(InetSocketAddress... servers) {
    return resolver(TIMEOUT, servers);
  }

  /** A resolver whose timeout is long enough that "at once" and "after a wait" are seconds apart. */
  private DnsResolver resolver(Duration timeout, InetSocketAddress... servers) {
    DnsResolver r = DnsResolver.builder().servers(servers.length == 0 ? List.of(dns.address()) : List.of(servers))
        .noHostsFile().timeout(timeout).build();
    closeLast.add(r);
    return r;
  }

  private static RecordingAnswers resolve(DnsResolver resolver, String name) throws InterruptedException {
    RecordingAnswers answers = new RecordingAnswers();
    resolver.resolve(name, answers);
    assertTrue(answers.awaitDone(30), "done within 30 s: " + answers);
    assertEquals(List.of(), answers.problems());
    return answers;
  }

  // Audit case 4: the resolver timeout holds while a DNS-over-TCP answer trickles in.

  @Test
  void aTcpAnswerDrippedOneBytePer300msFailsAtTheOneSecondTimeoutNotWhenItEnds() throws Exception {
    dns.reply("drip.test", RecordType.AAAA, DnsReply.addresses("::1").drippedOverTcp(Duration.ofMillis(300)));
    dns.reply("drip.test", RecordType.A, DnsReply.addresses("127.0.0.1").drippedOverTcp(Duration.ofMillis(300)));
    try (ConnectByList cbl = ConnectByList.builder()
        .resolver("dns(servers=" + dns.serverSpec() + ", hosts=none, timeout=1s)").timeout(Duration.ofSeconds(30))
        .build()) {
      long start = System.nanoTime();
      ConnectFailedException e = assertThrows(ConnectFailedException.class, () -> cbl.connect("drip.test", 9));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertEquals(FailureKind.RESOLUTION_FAILED, e.kind(), e.getMessage());
      assertTrue(millis >= 900 && millis < TIMEOUT_BOUND_MILLIS, "failed at the 1 s query timeout: " + millis + " ms");
      assertEquals(List.of(), e.attempts());
    }
    assertTrue(dns.queriesOverTcp("drip.test", RecordType.A) >= 1, "the truncated reply was asked again over TCP");
  }

  @Test
  void aLostQueryTimesOutOnItsOwnTimerWhileAnotherQuerysTcpAnswerTrickles() throws Exception {
    dns.reply("drip.test", RecordType.AAAA, DnsReply.addresses("::1").drippedOverTcp(Duration.ofMillis(300)));
    dns.reply("drip.test", RecordType.A, DnsReply.addresses("127.0.0.1").drippedOverTcp(Duration.ofMillis(300)));
    dns.reply("lost.test", RecordType.AAAA, DnsReply.dropped());
    dns.reply("lost.test", RecordType.A, DnsReply.dropped());
    DnsResolver r = resolver();
    RecordingAnswers dripping = new RecordingAnswers();
    r.resolve("drip.test", dripping);
    Thread.sleep(200); // the TCP connections are open and dripping
    RecordingAnswers lost = resolve(r, "lost.test");
    for (Query q : List.of(Query.AAAA, Query.A)) {
      Report report = lost.report(q);
      assertEquals(FailureKind.RESOLUTION_FAILED, report.failure(), lost.toString());
      assertTrue(report.millis() >= 900 && report.millis() < TIMEOUT_BOUND_MILLIS, "own 1 s timer: " + lost);
    }
    assertTrue(dripping.awaitDone(2), "the dripping one ended at its own timeout too: " + dripping);
  }

  // Review of issue 17: a TCP connection that never stops sending must not hold the resolver's thread.

  @Test
  void aTcpAnswerFloodedWithEmptyMessagesFailsAtTheTimeoutAndTheNextLookupAsksAgain() throws Exception {
    dns.reply("flood.test", RecordType.AAAA, DnsReply.addresses("::1").floodedOverTcp());
    dns.reply("flood.test", RecordType.A, DnsReply.addresses("127.0.0.1").floodedOverTcp());
    DnsResolver r = DnsResolver.builder().servers(List.of(dns.address())).noHostsFile().timeout(TIMEOUT).build();
    closeLast.add(r); // closed below; here too should an assertion fail first
    RecordingAnswers first = new RecordingAnswers();
    r.resolve("flood.test", first);
    assertTrue(first.awaitDone(10), "ended, at its 1 s timeout, within 10 s: " + first);
    for (Query q : List.of(Query.AAAA, Query.A)) {
      Report report = first.report(q);
      assertEquals(FailureKind.RESOLUTION_FAILED, report.failure(), first.toString());
      assertTrue(report.millis() >= 900 && report.millis() < TIMEOUT_BOUND_MILLIS, "at its 1 s timeout: " + first);
      assertTrue(report.error().getMessage().contains("did not answer the query ignored"),
          "the empty messages were counted: " + report.error().getMessage());
    }
    RecordingAnswers second = new RecordingAnswers();
    r.resolve("flood.test", second);
    assertTrue(second.awaitDone(10), "the next lookup ends too: " + second);
    assertEquals(2, dns.queriesOverTcp("flood.test", RecordType.A), "asked again, not joined to a stuck query");
    long start = System.nanoTime();
    r.close();
    long closeMillis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(closeMillis < 2_500, "close() did not have to wait for the thread: " + closeMillis + " ms");
    // stop(): the resolver's thread and every socket are gone
  }

  @Test
  void aLookupPendingOnAFloodedConnectionIsFailedByCloseAtOnce() throws Exception {
    dns.reply("flood.test", RecordType.AAAA, DnsReply.addresses("::1").floodedOverTcp());
    dns.reply("flood.test", RecordType.A, DnsReply.addresses("127.0.0.1").floodedOverTcp());
    DnsResolver r = DnsResolver.builder().servers(List.of(dns.address())).noHostsFile()
        .timeout(Duration.ofSeconds(20)).build();
    closeLast.add(r);
    RecordingAnswers answers = new RecordingAnswers();
    r.resolve("flood.test", answers);
    long until = System.nanoTime() + 5_000_000_000L;
    while (dns.queriesOverTcp("flood.test", RecordType.A) == 0 && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    Thread.sleep(200); // the flood is on
    long start = System.nanoTime();
    r.close();
    long closeMillis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(answers.awaitDone(2), "close reports what was pending: " + answers);
    assertEquals(FailureKind.RESOLUTION_FAILED, answers.report(Query.A).failure(), answers.toString());
    assertTrue(closeMillis < 2_500, "the loop saw the close within a turn: " + closeMillis + " ms");
    // stop(): the resolver's thread and every socket are gone
  }

  @Test
  void anAnswerCallbackThatBlocksIsInterruptedByCloseWhichLeavesNoThreadOrSocket() throws Exception {
    dns.reply("x.test", RecordType.A, DnsReply.addresses("127.0.0.1"));
    dns.reply("x.test", RecordType.AAAA, DnsReply.dropped()); // its query keeps a socket open
    DnsResolver r = DnsResolver.builder().servers(List.of(dns.address())).noHostsFile()
        .timeout(Duration.ofSeconds(20)).build();
    closeLast.add(r);
    java.util.concurrent.CountDownLatch blocking = new java.util.concurrent.CountDownLatch(1);
    RecordingAnswers answers = new RecordingAnswers() {
      @Override
      public void answered(Query query, List<java.net.InetAddress> addresses) {
        super.answered(query, addresses);
        blocking.countDown();
        try {
          new java.util.concurrent.CountDownLatch(1).await(); // a caller's callback that never returns by itself
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
    r.resolve("x.test", answers);
    assertTrue(blocking.await(5, java.util.concurrent.TimeUnit.SECONDS), "the callback is blocking the thread");
    long start = System.nanoTime();
    r.close();
    long closeMillis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(closeMillis < 8_000, "close() waited 5 s, then interrupted the thread: " + closeMillis + " ms");
    // stop(): the thread ended and every socket is closed
  }

  // Review of issue 17: an ended query's timers leave the transport at once, not when they fall due.

  @Test
  void anAnsweredQuerysTimersLeaveAtOnceEvenBehindAPendingQuerysEarlierDeadline() throws Exception {
    dns.reply("lost.test", RecordType.AAAA, DnsReply.dropped());
    dns.reply("lost.test", RecordType.A, DnsReply.dropped());
    dns.reply("x.test", RecordType.A, DnsReply.addresses("127.0.0.1"));
    dns.reply("x.test", RecordType.AAAA, DnsReply.addresses("::1"));
    try (DnsServer second = DnsServer.start()) {
      DnsResolver r = DnsResolver.builder().servers(List.of(dns.address(), second.address())).noHostsFile()
          .timeout(Duration.ofMinutes(5)).cacheSize(0).build();
      closeLast.add(r);
      r.resolve("lost.test", new RecordingAnswers()); // pending: its timers are due first, for 2.5 and 5 minutes
      for (int i = 0; i < 20; i++) {
        resolve(r, "x.test");
      }
      assertEquals(4, r.transport().timerCount().get(5, java.util.concurrent.TimeUnit.SECONDS),
          "only the pending queries' deadlines and next-server timers: the 40 answered queries' 80 cancelled "
              + "timers (each holding its query) are gone, not waiting 5 minutes behind them");
    }
  }

  // Review of issue 17: an error reply without a question does not end a server's try.

  @Test
  void aRefusalWithTheRightIdButNoQuestionIsIgnoredAndTheRealAnswerIsUsed() throws Exception {
    dns.reply("x.test", RecordType.A, DnsReply.addresses("127.0.0.1").after(Duration.ofMillis(200))
        .precededBy(Decoy.NO_QUESTION));
    RecordingAnswers answers = resolve(resolver(), "x.test");
    Report a = answers.report(Query.A);
    assertEquals(List.of("127.0.0.1"), a.literals(), "one forged datagram did not end the query: " + answers);
    assertTrue(a.millis() >= 150, "the real answer, 200 ms later: " + answers);
  }

  @Test
  void aTruncatedReplyIsAskedAgainOverTcpOneConnectionPerQuery() throws Exception {
    dns.reply("tc.test", RecordType.AAAA, DnsReply.addresses("::1").truncated());
    dns.reply("tc.test", RecordType.A, DnsReply.addresses("127.0.0.1", "127.0.0.2").truncated());
    RecordingAnswers answers = resolve(resolver(), "tc.test");
    assertEquals(List.of("127.0.0.1", "127.0.0.2"), answers.report(Query.A).literals(), answers.toString());
    assertEquals(List.of("0:0:0:0:0:0:0:1"), answers.report(Query.AAAA).literals(), answers.toString());
    assertEquals(1, dns.queriesOverTcp("tc.test", RecordType.A));
    assertEquals(2, dns.tcpConnections(), "no pipelining of unrelated queries (RFC 7766 section 6.2.1.1)");
  }

  // Audit case 5: answer records are used only when owned by the query name or its CNAME chain.

  @Test
  void anAddressOwnedByAnotherNameIsNotUsed() throws Exception {
    dns.reply("x.test", RecordType.A, DnsReply.addresses("127.0.0.66").ownedBy("evil.test"));
    dns.reply("x.test", RecordType.AAAA, DnsReply.empty());
    RecordingAnswers answers = resolve(resolver(), "x.test");
    assertEquals(List.of(), answers.report(Query.A).literals(), "evil.test's record ignored: " + answers);
    assertNull(answers.report(Query.A).failure());
  }

  @Test
  void aConnectToANameWhoseAnswerIsOwnedByAnotherNameNeverReachesThatAddress() throws Exception {
    dns.reply("x.test", RecordType.A, DnsReply.addresses("127.0.0.66").ownedBy("evil.test"));
    dns.reply("x.test", RecordType.AAAA, DnsReply.empty());
    try (Testbed testbed = new Testbed()) {
      int port = testbed.accepting("127.0.0.66").address().getPort();
      try (ConnectByList cbl = ConnectByList.builder()
          .resolver("dns(servers=" + dns.serverSpec() + ", hosts=none, timeout=1s)").build()) {
        ConnectFailedException e = assertThrows(ConnectFailedException.class, () -> cbl.connect("x.test", port));
        assertEquals(List.of(), e.attempts(), "127.0.0.66 never tried");
      }
      assertEquals(0, testbed.acceptedCount());
    }
  }

  @Test
  void anAddressAfterACnameIsNotUsedWhenItsOwnerIsNotTheCnamesTarget() throws Exception {
    dns.reply("x.test", RecordType.A, DnsReply.addresses("127.0.0.66").viaCnames("y.test").ownedBy("unrelated.test"));
    RecordingAnswers answers = resolve(resolver(), "x.test");
    assertEquals(List.of(), answers.report(Query.A).literals(), answers.toString());
  }

  @Test
  void aCnameChainIsFollowedToTheAddressesOfItsLastName() throws Exception {
    dns.reply("x.test", RecordType.A, DnsReply.addresses("127.0.0.1").viaCnames("y.test", "Z.TEST"));
    RecordingAnswers answers = resolve(resolver(), "x.test");
    assertEquals(List.of("127.0.0.1"), answers.report(Query.A).literals(), "names compare case-insensitively");
  }

  @Test
  void aCnameLoopEndsTheQueryAtOnce() throws Exception {
    dns.reply("x.test", RecordType.A, DnsReply.addresses("127.0.0.1").viaCnames("y.test", "x.test"));
    RecordingAnswers answers = resolve(resolver(Duration.ofSeconds(6)), "x.test");
    Report a = answers.report(Query.A);
    assertEquals(FailureKind.RESOLUTION_FAILED, a.failure(), answers.toString());
    assertTrue(a.error().getMessage().contains("loop"), a.error().getMessage());
    assertTrue(a.millis() < 2_500, "not a wait for the 6 s timeout: " + answers);
  }

  @Test
  void aCnameChainLongerThanTheLimitIsRefused() throws Exception {
    String[] chain = new String[40];
    for (int i = 0; i < chain.length; i++) {
      chain[i] = "c" + i + ".test";
    }
    dns.reply("x.test", RecordType.A, DnsReply.addresses("127.0.0.1").viaCnames(chain));
    RecordingAnswers answers = resolve(resolver(), "x.test");
    assertEquals(FailureKind.RESOLUTION_FAILED, answers.report(Query.A).failure(), answers.toString());
  }

  // Audit case 6: a reply that does not answer the query is ignored, and the query keeps waiting.

  @Test
  void aReplyWithAWrongTransactionIdIsIgnoredAndTheRealAnswerIsUsed() throws Exception {
    dns.reply("x.test", RecordType.A, DnsReply.addresses("127.0.0.1").after(Duration.ofMillis(200))
        .precededBy(Decoy.WRONG_ID));
    RecordingAnswers answers = resolve(resolver(), "x.test");
    Report a = answers.report(Query.A);
    assertEquals(List.of("127.0.0.1"), a.literals(), answers.toString());
    assertTrue(a.millis() >= 150, "the real answer, 200 ms later: " + answers);
  }

  @Test
  void aReplyWithAWrongQuestionIsIgnoredAndTheRealAnswerIsUsed() throws Exception {
    dns.reply("x.test", RecordType.A, DnsReply.addresses("127.0.0.1").after(Duration.ofMillis(200))
        .precededBy(Decoy.WRONG_QUESTION));
    RecordingAnswers answers = resolve(resolver(), "x.test");
    assertEquals(List.of("127.0.0.1"), answers.report(Query.A).literals(), answers.toString());
  }

  @Test
  void aReplyWithTheQrBitClearIsIgnoredAndTheRealAnswerIsUsed() throws Exception {
    dns.reply("x.test", RecordType.A, DnsReply.addresses("127.0.0.1").after(Duration.ofMillis(200))
        .precededBy(Decoy.QR_CLEAR));
    RecordingAnswers answers = resolve(resolver(), "x.test");
    assertEquals(List.of("127.0.0.1"), answers.report(Query.A).literals(), answers.toString());
  }

  @Test
  void aQueryWhoseOnlyReplyHasAWrongTransactionIdWaitsForItsOwnTimeout() throws Exception {
    dns.reply("x.test", RecordType.A, DnsReply.dropped().precededBy(Decoy.WRONG_ID, Decoy.WRONG_QUESTION,
        Decoy.QR_CLEAR));
    RecordingAnswers answers = resolve(resolver(), "x.test");
    Report a = answers.report(Query.A);
    assertEquals(FailureKind.RESOLUTION_FAILED, a.failure(), answers.toString());
    assertTrue(a.millis() >= 900 && a.millis() < TIMEOUT_BOUND_MILLIS, "failed at its 1 s timeout: " + answers);
  }

  // Audit case 10: a TTL with the high bit set counts as 0 (RFC 2181 section 8).

  @Test
  void aTtlWithTheHighBitSetIsNotCached() throws Exception {
    dns.reply("x.test", RecordType.A, DnsReply.addresses("127.0.0.1").ttl(0x8000_0000L + 60));
    dns.reply("x.test", RecordType.AAAA, DnsReply.empty());
    DnsResolver r = resolver();
    assertEquals(List.of("127.0.0.1"), resolve(r, "x.test").report(Query.A).literals());
    assertEquals(List.of("127.0.0.1"), resolve(r, "x.test").report(Query.A).literals());
    assertEquals(2, dns.queries("x.test", RecordType.A), "not cached: asked twice");
  }

  @Test
  void theCachedTtlIsTheSmallestOfTheChainsRecords() throws Exception {
    dns.reply("x.test", RecordType.A, DnsReply.addresses("127.0.0.1").viaCnames("y.test").ttl(0));
    DnsResolver r = resolver();
    resolve(r, "x.test");
    resolve(r, "x.test");
    assertEquals(2, dns.queries("x.test", RecordType.A), "TTL 0: not cached");
  }

  // Several servers, within the one timeout.

  @Test
  void aSilentFirstServerHandsOverToTheNextWithinTheTimeout() throws Exception {
    dns.reply("x.test", RecordType.A, DnsReply.dropped());
    try (DnsServer second = DnsServer.start()) {
      second.reply("x.test", RecordType.A, DnsReply.addresses("127.0.0.1"));
      RecordingAnswers answers = resolve(resolver(dns.address(), second.address()), "x.test");
      Report a = answers.report(Query.A);
      assertEquals(List.of("127.0.0.1"), a.literals(), answers.toString());
      assertTrue(a.millis() >= 400 && a.millis() < TIMEOUT_BOUND_MILLIS, "the second asked at half the timeout, "
          + "its answer in time: " + answers);
    }
  }

  @Test
  void aFailingFirstServerHandsOverToTheNextAtOnce() throws Exception {
    dns.reply("x.test", RecordType.A, DnsReply.servfail());
    InetSocketAddress nobody;
    try (DatagramChannel closed = DatagramChannel.open()) {
      closed.bind(new InetSocketAddress("127.0.0.1", 0));
      nobody = (InetSocketAddress) closed.getLocalAddress(); // ICMP port unreachable once closed
    }
    try (DnsServer third = DnsServer.start()) {
      third.reply("x.test", RecordType.A, DnsReply.addresses("127.0.0.1"));
      RecordingAnswers answers = resolve(resolver(Duration.ofSeconds(9), nobody, dns.address(), third.address()),
          "x.test");
      Report a = answers.report(Query.A);
      assertEquals(List.of("127.0.0.1"), a.literals(), answers.toString());
      assertTrue(a.millis() < 2_500, "no wait for a server that said no (each one's share is 3 s): " + answers);
    }
  }

  // The resolver's own thread and sockets.

  @Test
  void closeFailsWhatIsPendingAndLeavesNoThreadOrSocket() throws Exception {
    dns.reply("x.test", RecordType.AAAA, DnsReply.dropped());
    dns.reply("x.test", RecordType.A, DnsReply.addresses("127.0.0.1").drippedOverTcp(Duration.ofMillis(300)));
    DnsResolver r = DnsResolver.builder().servers(List.of(dns.address())).noHostsFile()
        .timeout(Duration.ofSeconds(20)).build();
    RecordingAnswers answers = new RecordingAnswers();
    r.resolve("x.test", answers);
    Thread.sleep(200);
    r.close();
    assertTrue(answers.awaitDone(2), "close reports what was pending: " + answers);
    assertEquals(FailureKind.RESOLUTION_FAILED, answers.report(Query.A).failure());
    // the leak and thread checks of stop() do the rest
  }

  @Test
  void anAnswersCallbackThatThrowsDoesNotStopTheResolver() throws Exception {
    dns.reply("x.test", RecordType.A, DnsReply.addresses("127.0.0.1").after(Duration.ofMillis(50)));
    DnsResolver r = resolver();
    RecordingAnswers throwing = new RecordingAnswers() {
      @Override
      public void answered(Query query, List<java.net.InetAddress> addresses) {
        super.answered(query, addresses);
        throw new AssertionError("a broken callback");
      }
    };
    r.resolve("x.test", throwing);
    assertTrue(throwing.awaitDone(5), throwing.toString());
    RecordingAnswers next = resolve(r, "x.test"); // cached or asked: either way answered
    assertNotNull(next.report(Query.A));
    assertFalse(next.report(Query.A).literals().isEmpty(), next.toString());
  }
}
