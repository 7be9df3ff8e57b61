package io.github.connectbylist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.api.ConnectListener;
import io.github.connectbylist.api.Decision;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.support.Schedules;
import io.github.connectbylist.testbed.LeakCheck;
import io.github.connectbylist.testbed.ProcessResources;
import io.github.connectbylist.testbed.Testbed;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the event loop does with a strategy that throws an {@link Error}, spins or blocks: the connect it ran
 * for fails, named after the strategy; the loop goes on and stays fair to the other connects of its
 * instance, and meets their deadlines; only a fatal error stops it, and then nothing hangs. Real sockets and
 * the real event loop, on loopback.
 */
class HostileStrategyTest {
  private Testbed testbed;
  private InetSocketAddress good;
  private InetSocketAddress otherGood;
  private InetSocketAddress refused;
  private InetSocketAddress hole;
  private LeakCheck leaks;
  private long threadsBefore;

  @BeforeEach
  void start() throws Exception {
    testbed = new Testbed();
    good = testbed.accepting("127.0.0.1").address();
    otherGood = testbed.accepting("127.0.0.2").address();
    refused = testbed.refusing("127.0.0.3").address();
    hole = testbed.blackHoled("127.0.0.4").address();
    leaks = LeakCheck.start();
    threadsBefore = ProcessResources.liveThreads();
  }

  @AfterEach
  void stop() throws Exception {
    leaks.assertNoneOpen();
    long threadsAfter = ProcessResources.awaitAtMost(ProcessResources::liveThreads, threadsBefore, 3_000);
    assertTrue(threadsAfter <= threadsBefore, "threads: " + threadsBefore + " before, " + threadsAfter + " after");
    testbed.close();
  }

  private static ConnectFailedException failure(CompletableFuture<Connection> f) throws Exception {
    ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
    return assertInstanceOf(ConnectFailedException.class, e.getCause());
  }

  // 1. An Error thrown by a ranker, a schedule, a listener or a resolver

  @Test
  void aRankerThatThrowsStackOverflowErrorFailsItsConnectAndTheLoopGoesOn() throws Exception {
    ConnectByList cbl = ConnectByList.builder().timeout(Duration.ofSeconds(1)).scheduler("test-sequential")
        .ranker((pairs, ctx) -> {
          throw new StackOverflowError();
        }).build();
    ConnectFailedException first = failure(cbl.connectAsync(List.of(good, otherGood)));
    assertEquals(FailureKind.OTHER, first.kind());
    assertInstanceOf(StackOverflowError.class, first.getCause());
    assertTrue(first.getMessage().contains("ranker"), first.getMessage());

    Connection c = cbl.connectAsync(List.of(good)).get(3, TimeUnit.SECONDS); // one pair: the ranker is not asked
    c.close();
    ConnectFailedException blocking = assertThrows(ConnectFailedException.class, () -> cbl.connect(List.of(good, otherGood)));
    assertInstanceOf(StackOverflowError.class, blocking.getCause());
    CompletableFuture<Connection> pending = cbl.connectAsync(List.of(hole));
    cbl.close();
    assertEquals(FailureKind.CANCELLED, failure(pending).kind());
  }

  @Test
  void aScheduleThatThrowsAssertionErrorFailsItsConnectNamingTheScheduler() throws Exception {
    try (ConnectByList cbl = ConnectByList.builder().ranker("test-sequential")
        .scheduler(Schedules.scripted("asserting", (call, now) -> {
          throw new AssertionError("broken invariant");
        })).build()) {
      for (boolean async : new boolean[] {true, false}) {
        ConnectFailedException e = async ? failure(cbl.connectAsync(List.of(good)))
            : assertThrows(ConnectFailedException.class, () -> cbl.connect(List.of(good)));
        assertEquals(FailureKind.OTHER, e.kind());
        assertInstanceOf(AssertionError.class, e.getCause());
        assertTrue(e.getMessage().contains("the scheduler asserting threw in next()"), e.getMessage());
      }
    }
  }

  @Test
  void aScheduleThatThrowsLinkageErrorWhenToldOfAFailureFailsItsConnectWithItAsTheCause() throws Exception {
    LinkageError error = new NoClassDefFoundError("com/example/Gone");
    try (ConnectByList cbl = ConnectByList.builder().ranker("test-sequential")
        .scheduler(Schedules.throwingOnFailure(error)).build()) {
      ConnectFailedException e = failure(cbl.connectAsync(List.of(refused, good)));
      assertSame(error, e.getCause());
      assertEquals(1, e.attempts().size(), "the refused attempt, and nothing after: " + e.attempts());
      cbl.connectAsync(List.of(good)).get(3, TimeUnit.SECONDS).close();
    }
  }

  @Test
  void aListenerThatThrowsAnErrorIsReportedAndTheConnectGoesOn() throws Exception {
    ConnectListener throwing = new ConnectListener() {
      @Override
      public void attemptStarted(int index, AddressPair pair, Duration at) {
        throw new StackOverflowError();
      }

      @Override
      public void attemptEnded(Attempt attempt) {
        throw new AssertionError("listener bug");
      }
    };
    try (ConnectByList cbl = ConnectByList.builder().strategy("test-sequential").listener(throwing).build()) {
      cbl.connectAsync(List.of(refused, good)).get(3, TimeUnit.SECONDS).close();
      cbl.connect(List.of(refused, good)).close();
    }
  }

  @Test
  void anOutOfMemoryErrorStopsTheLoopAndFailsEveryPendingAndLaterConnectAtOnce() throws Exception {
    OutOfMemoryError oom = new OutOfMemoryError("made by the test");
    CountDownLatch twoPending = new CountDownLatch(2);
    ConnectByList cbl = ConnectByList.builder().ranker("test-sequential")
        .scheduler(Schedules.scripted("out-of-memory", (call, now) -> {
          if (call == 0) {
            twoPending.countDown();
            return Decision.startNext();
          }
          if (twoPending.getCount() == 0 && now > 0) {
            throw oom;
          }
          return Decision.wakeAt(now + 20_000_000L);
        })).build();
    CompletableFuture<Connection> a = cbl.connectAsync(List.of(hole));
    CompletableFuture<Connection> b = cbl.connectAsync(List.of(hole));
    for (CompletableFuture<Connection> pending : List.of(a, b)) {
      ConnectFailedException e = failure(pending);
      assertSame(oom, e.getCause());
      assertTrue(e.getMessage().contains("stopped on"), e.getMessage());
    }
    IllegalStateException later = assertThrows(IllegalStateException.class, () -> cbl.connectAsync(List.of(good)));
    assertSame(oom, later.getCause());
    assertTrue(later.getMessage().contains("OutOfMemoryError"), later.getMessage());
    assertSame(oom, assertThrows(IllegalStateException.class, () -> cbl.connect(List.of(good))).getCause());
    long closing = System.nanoTime();
    cbl.close();
    assertTrue(System.nanoTime() - closing < TimeUnit.SECONDS.toNanos(1), "close returns at once");
  }

  // 2. A schedule that answers wakeAt in the past forever

  @Test
  void aScheduleThatWakesInThePastForeverFailsAndTheLoopStaysFair() throws Exception {
    AttemptScheduler scheduler = Schedules.firstConnectOnly(
        Schedules.startThen("past-waker", now -> Decision.wakeAt(now - 1)));
    try (ConnectByList cbl = ConnectByList.builder().ranker("test-sequential").scheduler(scheduler).build()) {
      long started = System.nanoTime();
      CompletableFuture<Connection> spin = cbl.connectAsync(List.of(hole));
      List<CompletableFuture<Connection>> others = new java.util.ArrayList<>();
      for (int i = 0; i < 20; i++) {
        others.add(cbl.connectAsync(List.of(refused, good))); // queued behind it on the same loop
      }
      ConnectFailedException e = failure(spin);
      assertEquals(FailureKind.OTHER, e.kind());
      assertTrue(e.getMessage().contains("the scheduler past-waker made no progress"), e.getMessage());
      assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(2), "failed at once");
      for (CompletableFuture<Connection> other : others) {
        other.get(2, TimeUnit.SECONDS).close();
      }
    }
  }

  @Test
  void aWakeUpAtTheEndOfTimeArmsNoTimerAndTheOtherDeadlinesStillFire() throws Exception {
    AttemptScheduler scheduler = Schedules.firstConnectOnly(
        Schedules.startThen("never-waker", now -> Decision.wakeAt(Long.MAX_VALUE)));
    try (ConnectByList cbl = ConnectByList.builder().ranker("test-sequential").scheduler(scheduler).build()) {
      CompletableFuture<Connection> never = cbl.connectAsync(List.of(hole)); // its wake-up is never, its deadline none
      long started = System.nanoTime();
      ConnectFailedException e = failure(cbl.connectAsync(ConnectRequest.to(List.of(hole)).timeout(Duration.ofMillis(100))));
      assertEquals(FailureKind.TIMED_OUT, e.kind());
      assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(2), "at its deadline, not buried behind never");
      never.cancel(false);
    }
  }

  @Test
  void aScheduleThatWakesItselfEveryNanosecondFailsAndOtherConnectsOfItsInstanceGoOn() throws Exception {
    AttemptScheduler scheduler = Schedules.firstConnectOnly(
        Schedules.startThen("nanosecond-waker", now -> Decision.wakeAt(now + 1)));
    try (ConnectByList cbl = ConnectByList.builder().ranker("test-sequential").scheduler(scheduler).build()) {
      CompletableFuture<Connection> spin = cbl.connectAsync(List.of(hole));
      for (int i = 0; i < 20; i++) {
        cbl.connectAsync(List.of(refused, good)).get(2, TimeUnit.SECONDS).close();
      }
      ConnectFailedException e = failure(spin);
      // its wake-ups in a row, or, when a wake-up's time has come before it is armed, its decisions in a row
      assertTrue(e.getMessage().contains("the scheduler nanosecond-waker made no progress"), e.getMessage());
    }
  }

  @Test
  void aResolverThatThrowsStackOverflowErrorFailsItsConnectAsAResolutionFailure() throws Exception {
    io.github.connectbylist.api.NameResolver deep = (host, answers) -> {
      throw new StackOverflowError();
    };
    try (ConnectByList cbl = ConnectByList.builder().strategy("test-sequential").resolver(deep).build()) {
      ConnectFailedException e = failure(cbl.connectAsync("svc.test", good.getPort()));
      assertEquals(FailureKind.RESOLUTION_FAILED, e.kind());
      assertInstanceOf(StackOverflowError.class, e.getCause());
      cbl.connectAsync(List.of(good)).get(2, TimeUnit.SECONDS).close(); // the loop goes on
    }
  }

  // 3. A strategy that blocks

  @Test
  void aScheduleWhoseNextBlocksPastTheDeadlineNeverConnectsAfterIt() throws Exception {
    try (ConnectByList cbl = ConnectByList.builder().ranker("test-sequential").timeout(Duration.ofMillis(300))
        .scheduler(Schedules.scripted("slow", (call, now) -> {
          if (call == 0) {
            Thread.sleep(800);
          }
          return call == 0 ? Decision.startNext() : Decision.awaitAttemptEnd();
        })).build()) {
      ConnectFailedException blocking = assertThrows(ConnectFailedException.class, () -> cbl.connect(List.of(good)));
      assertEquals(FailureKind.TIMED_OUT, blocking.kind());
      assertTrue(blocking.attempts().isEmpty(), "nothing started after the deadline: " + blocking.attempts());
      assertEquals(FailureKind.TIMED_OUT, failure(cbl.connectAsync(List.of(good))).kind());
    }
  }

  @Test
  void aBlockedLoopDoesNotHoldTheOtherConnectsOfItsInstanceBeyondTheirDeadlines() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch held = new CountDownLatch(1);
    AttemptScheduler scheduler = Schedules.firstConnectOnly(Schedules.scripted("blocking", (call, now) -> {
      held.countDown();
      release.await();
      return Decision.awaitAttemptEnd();
    }));
    try (ConnectByList cbl = ConnectByList.builder().ranker("test-sequential").scheduler(scheduler)
        .timeout(Duration.ofMillis(400)).build()) {
      long start = System.nanoTime();
      CompletableFuture<Connection> blocked = cbl.connectAsync(List.of(good));
      assertTrue(held.await(2, TimeUnit.SECONDS));
      CompletableFuture<Connection> queued = cbl.connectAsync(List.of(hole));
      ConnectFailedException other = failure(queued);
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertEquals(FailureKind.TIMED_OUT, other.kind());
      assertTrue(other.getMessage().contains("held"), other.getMessage());
      assertTrue(ms >= 390 && ms < 1_500, "ended at its 400 ms deadline, not when the strategy returns: " + ms + " ms");
      assertEquals(FailureKind.TIMED_OUT, failure(blocked).kind());
      release.countDown();
      cbl.connectAsync(List.of(good)).get(2, TimeUnit.SECONDS).close(); // the loop is back
    } finally {
      release.countDown();
    }
  }

  @Test
  void closeDoesNotWaitForAStrategyThatHoldsTheLoop() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch held = new CountDownLatch(1);
    ConnectByList cbl = ConnectByList.builder().ranker("test-sequential")
        .scheduler(Schedules.startThen("holding", now -> {
          held.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return Decision.awaitAttemptEnd();
        })).build();
    try {
      CompletableFuture<Connection> pending = cbl.connectAsync(List.of(hole));
      assertTrue(held.await(2, TimeUnit.SECONDS));
      long closing = System.nanoTime();
      cbl.close();
      assertTrue(System.nanoTime() - closing < TimeUnit.SECONDS.toNanos(1), "close did not wait for the strategy");
      assertEquals(FailureKind.CANCELLED, failure(pending).kind());
    } finally {
      release.countDown(); // the loop comes back, closes the attempt's socket and ends: checked after each test
    }
  }

  @Test
  void aListenerThatBlocksBeforeTheWinnerIsHandedOverCannotMakeItWinAfterTheDeadline() throws Exception {
    ConnectListener slow = new ConnectListener() {
      @Override
      public void attemptStarted(int index, AddressPair pair, Duration at) {
        sleep(1_500);
      }
    };
    try (ConnectByList cbl = ConnectByList.builder().strategy("test-sequential").listener(slow)
        .timeout(Duration.ofSeconds(1)).build()) {
      ConnectFailedException e = assertThrows(ConnectFailedException.class, () -> cbl.connect(List.of(good)));
      assertEquals(FailureKind.TIMED_OUT, e.kind(), "connected on the spot, but after the deadline: " + e);
    }
  }

  @Test
  void closeDoesNotWaitForAListenerThatBlocksWhileTheLoopEndsItsConnects() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    ConnectListener blocking = new ConnectListener() {
      @Override
      public void attemptEnded(Attempt attempt) {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
    ConnectByList cbl = ConnectByList.builder().strategy("test-sequential").listener(blocking).build();
    try {
      CompletableFuture<Connection> pending = cbl.connectAsync(List.of(hole));
      Thread.sleep(100);
      long closing = System.nanoTime();
      cbl.close(); // the close hook ends the attempt, and the listener hears of it: and blocks
      assertTrue(System.nanoTime() - closing < TimeUnit.SECONDS.toNanos(1), "close did not wait for the listener");
      assertEquals(FailureKind.CANCELLED, failure(pending).kind());
    } finally {
      release.countDown();
    }
  }

  @Test
  void aConnectTheWatchdogEndsCompletesOffTheWatchdogsThread() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AttemptScheduler scheduler = Schedules.scripted("holding", (call, now) -> {
      release.await();
      return Decision.awaitAttemptEnd();
    });
    try (ConnectByList cbl = ConnectByList.builder().ranker("test-sequential").scheduler(scheduler)
        .timeout(Duration.ofMillis(200)).build()) {
      CompletableFuture<String> completedOn = cbl.connectAsync(List.of(good))
          .handle((c, e) -> Thread.currentThread().getName());
      assertEquals("connectbylist-abandon", completedOn.get(5, TimeUnit.SECONDS),
          "the caller's callbacks never run on the thread that watches every loop");
    } finally {
      release.countDown();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // 10. Small ones

  @Test
  void aListConnectWhoseScheduleStartsNothingSaysTheStrategyGaveUp() throws Exception {
    try (ConnectByList cbl = ConnectByList.builder().ranker("test-sequential")
        .scheduler(Schedules.scripted("quitter", (call, now) -> Decision.awaitAttemptEnd())).build()) {
      ConnectFailedException e = assertThrows(ConnectFailedException.class, () -> cbl.connect(List.of(good, otherGood)));
      assertEquals(FailureKind.OTHER, e.kind());
      assertTrue(e.getMessage().startsWith("the scheduler quitter gave up without starting any of 2 address pairs"),
          e.getMessage());
    }
  }
}
