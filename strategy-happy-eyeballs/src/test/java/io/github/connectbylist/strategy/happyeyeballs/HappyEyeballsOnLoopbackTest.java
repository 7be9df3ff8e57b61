package io.github.connectbylist.strategy.happyeyeballs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.Connection;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.testbed.Endpoint;
import io.github.connectbylist.testbed.LeakCheck;
import io.github.connectbylist.testbed.Testbed;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Happy Eyeballs through ConnectByList on real loopback sockets. */
class HappyEyeballsOnLoopbackTest {
  /** Bounds for a loaded two-core machine; exact numbers belong in the benchmarks. */
  private static final Duration SLACK = Duration.ofMillis(400);

  private Testbed testbed;
  private LeakCheck leaks;

  @BeforeEach
  void start() {
    leaks = LeakCheck.start();
    testbed = new Testbed();
  }

  @AfterEach
  void stop() throws Exception {
    testbed.close();
    leaks.assertNoneOpen();
  }

  @Test
  void isTheDefaultStrategyWhenOnTheClassPath() {
    try (ConnectByList cbl = ConnectByList.builder().build()) {
      HistoryRanker ranker = assertInstanceOf(HistoryRanker.class, cbl.ranker(), "history over happy-eyeballs");
      assertInstanceOf(HappyEyeballsRanker.class, ranker.base());
      assertInstanceOf(HappyEyeballsScheduler.class, cbl.scheduler());
    }
  }

  @Test
  void withHistoryOnlyTheFirstConnectPaysForTheBlackHole() throws Exception {
    Endpoint hole = testbed.blackHoled("127.0.0.3");
    Endpoint good = testbed.accepting("127.0.0.1");
    try (ConnectByList cbl = ConnectByList.builder().strategy("history")
        .scheduler("happy-eyeballs(connection-attempt-delay=150ms)").timeout(Duration.ofSeconds(5)).build()) {
      try (Connection first = cbl.connect(List.of(hole.address(), good.address()))) {
        assertEquals(2, first.attempts().size(), "the black hole first, the good one after the delay");
        assertTrue(first.elapsed().compareTo(Duration.ofMillis(150)) >= 0, "took " + first.elapsed());
      }
      for (int i = 2; i <= 12; i++) { // the 16th connect would look past history once
        try (Connection later = cbl.connect(List.of(hole.address(), good.address()))) {
          assertEquals(1, later.attempts().size(), "connect " + i + ": " + later.attempts());
          assertEquals(good.address(), later.remoteAddress());
          assertTrue(later.elapsed().compareTo(Duration.ofMillis(100)) < 0, "connect " + i + " took " + later.elapsed());
        }
      }
    }
  }

  @Test
  void blackHoledIpv6ThenGoodIpv4ConnectsInAboutOneDelay() throws Exception {
    assumeTrue(Testbed.ipv6LoopbackAvailable(), "::1 cannot be bound here; skipping the IPv6 test");
    Endpoint hole = testbed.blackHoled("::1");
    Endpoint good = testbed.accepting("127.0.0.1");
    assertConnectsAfterOneDelay(List.of(good.address(), hole.address()), hole, good);
  }

  @Test
  void blackHoledThenGoodOnIpv4ConnectsInAboutOneDelay() throws Exception {
    Endpoint hole = testbed.blackHoled("127.0.0.3");
    Endpoint good = testbed.accepting("127.0.0.1");
    assertConnectsAfterOneDelay(List.of(hole.address(), good.address()), hole, good);
  }

  private void assertConnectsAfterOneDelay(List<InetSocketAddress> given, Endpoint hole, Endpoint good) throws Exception {
    Duration delay = Duration.ofMillis(150);
    try (ConnectByList cbl = ConnectByList.builder().strategy("happy-eyeballs(connection-attempt-delay=150ms)").build();
        Connection c = cbl.connect(given)) {
      assertEquals(good.address(), c.remoteAddress());
      List<Attempt> attempts = c.attempts();
      assertEquals(2, attempts.size(), attempts.toString());
      assertEquals(hole.address(), attempts.get(0).pair().destination(), "tried first: " + attempts);
      assertEquals(FailureKind.CANCELLED, attempts.get(0).failure(), "closed when the other won");
      assertTrue(attempts.get(1).startedAt().compareTo(delay) >= 0, "started early: " + attempts.get(1));
      assertTrue(c.elapsed().compareTo(delay) >= 0 && c.elapsed().compareTo(delay.plus(SLACK)) < 0,
          "took " + c.elapsed());
    }
  }

  @Test
  void refusedThenGoodConnectsWithoutWaitingForTheDelay() throws Exception {
    Endpoint refused = testbed.refusing("127.0.0.2");
    Endpoint good = testbed.accepting("127.0.0.1");
    try (ConnectByList cbl = ConnectByList.builder().strategy("happy-eyeballs(connection-attempt-delay=2s)").build();
        Connection c = cbl.connect(List.of(refused.address(), good.address()))) {
      assertEquals(FailureKind.REFUSED, c.attempts().get(0).failure());
      assertTrue(c.elapsed().compareTo(SLACK) < 0, "waited: " + c.elapsed());
    }
  }

  @Test
  void neverOpensMoreSocketsThanPairsAndClosesEveryLoser() throws Exception {
    Endpoint hole1 = testbed.blackHoled("127.0.0.3");
    Endpoint hole2 = testbed.blackHoled("127.0.0.4");
    Endpoint refused = testbed.refusing("127.0.0.2");
    Endpoint good = testbed.accepting("127.0.0.1");
    List<InetSocketAddress> given = List.of(hole1.address(), refused.address(), hole2.address(), good.address());
    try (ConnectByList cbl = ConnectByList.builder().strategy("happy-eyeballs(connection-attempt-delay=20ms)").build()) {
      for (int i = 0; i < 20; i++) {
        try (Connection c = cbl.connect(given)) {
          assertTrue(c.attempts().size() <= given.size(), c.attempts().toString());
          assertEquals(1, c.attempts().stream().filter(Attempt::connected).count());
          assertEquals(good.address(), c.remoteAddress());
        }
      }
    }
  }
}
