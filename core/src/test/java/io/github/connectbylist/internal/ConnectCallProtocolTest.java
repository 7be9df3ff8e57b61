package io.github.connectbylist.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.ConnectRequest;
import io.github.connectbylist.DestinationPolicy;
import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.AttemptScheduler.Schedule;
import io.github.connectbylist.api.ConnectListener;
import io.github.connectbylist.api.Deadline;
import io.github.connectbylist.api.Decision;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.NameResolver;
import io.github.connectbylist.engine.Delivery;
import io.github.connectbylist.engine.Engine;
import io.github.connectbylist.engine.Host;
import io.github.connectbylist.simulation.SimulatedTransport;
import io.github.connectbylist.simulation.SimulatedTransport.Fate;
import io.github.connectbylist.simulation.VirtualDriver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The orchestrator calls a schedule exactly as {@link Schedule}'s protocol says, under a virtual clock, and
 * the same whether the connect starts on the caller's thread (a blocking connect) or on the driver (an
 * asynchronous one). Every call the schedule gets is logged with its time; the logs are compared whole.
 */
class ConnectCallProtocolTest {
  private static final long MS = 1_000_000;

  /** Starts one attempt now and another every {@code stagger}, or at once after a failure. */
  private static final class LoggingStagger implements Schedule {
    final List<String> log = new ArrayList<>();
    private final int pairs;
    private final long stagger;
    private int started;
    private long lastStart;
    private boolean failedSinceAsked;

    LoggingStagger(int pairs, long stagger) {
      this.pairs = pairs;
      this.stagger = stagger;
    }

    @Override
    public Decision next(long now) {
      Decision d;
      if (started == pairs) {
        d = Decision.awaitAttemptEnd();
      } else if (started == 0 || failedSinceAsked || now >= lastStart + stagger) {
        failedSinceAsked = false;
        started++;
        lastStart = now;
        d = Decision.startNext();
      } else {
        d = Decision.wakeAt(lastStart + stagger);
      }
      log.add("next@" + now / MS + " " + d);
      return d;
    }

    @Override
    public void attemptFailed(int index, FailureKind kind, long now) {
      failedSinceAsked = true;
      log.add("failed#" + index + " " + kind + "@" + now / MS);
    }

    @Override
    public void attemptLost(int index, int winner, long now) {
      log.add("lost#" + index + " to #" + winner + "@" + now / MS);
    }

    @Override
    public void attemptConnected(int index, long now) {
      log.add("connected#" + index + "@" + now / MS);
    }
  }

  private static List<AddressPair> pairs(int n) {
    List<AddressPair> pairs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      pairs.add(AddressPair.toDestination(new InetSocketAddress("192.0.2." + (i + 1), 443)));
    }
    return pairs;
  }

  /** Runs one connect of {@code schedule} against {@code fates} (in start order) and returns its result. */
  private static CompletableFuture<List<Attempt>> run(boolean onCallingThread, Schedule schedule, List<Fate> fates,
      Delivery<AddressPair, List<Attempt>> delivery, long deadlineNanos) {
    VirtualDriver driver = new VirtualDriver();
    int[] opened = {0};
    SimulatedTransport transport = new SimulatedTransport(driver, pair -> fates.get(opened[0]++));
    List<PlannedPair> pairs = new ArrayList<>();
    for (AddressPair p : pairs(fates.size())) {
      pairs.add(new PlannedPair(p, false));
    }
    Engine<AddressPair, List<Attempt>> engine = new Engine<>(driver, transport, delivery,
        (host, answers) -> NameResolver.Lookup.DONE, Host.of(List.of(), Map.of()));
    Settings settings = new Settings((p, context) -> p, (p, d, h) -> schedule, ConnectListener.NONE, PathTable.NONE,
        DestinationPolicy.allowAll(), true);
    Call<AddressPair, List<Attempt>> connect = new Call<>(ConnectRequest.to(List.of(new InetSocketAddress("192.0.2.1", 443))),
        deadlineNanos == Long.MAX_VALUE ? Deadline.none() : Deadline.afterNanos(deadlineNanos), 0, engine, settings);
    ConnectCall<AddressPair, List<Attempt>> call = new ConnectCall<>(connect, now -> new ConnectPlan(pairs, schedule));
    call.start(onCallingThread);
    driver.runUntil(call.future()::isDone);
    assertTrue(call.future().isDone(), "the connect ended");
    return call.future();
  }

  private static List<String> logOf(boolean onCallingThread, List<Fate> fates,
      Delivery<AddressPair, List<Attempt>> delivery, long deadlineNanos) {
    LoggingStagger schedule = new LoggingStagger(fates.size(), 100 * MS);
    run(onCallingThread, schedule, fates, delivery, deadlineNanos);
    return schedule.log;
  }

  @ParameterizedTest(name = "starting on the caller''s thread: {0}")
  @ValueSource(booleans = {true, false})
  void failuresCarryTheirKindAndLostAttemptsAreReportedAsLostNotFailed(boolean onCallingThread) {
    List<Fate> fates = List.of(Fate.hangs(), Fate.failsAfter(10 * MS, FailureKind.REFUSED),
        Fate.connectsAfter(5 * MS));
    assertEquals(List.of(
        "next@0 StartNext[]", "next@0 WakeAt[nanos=100000000]",
        "next@100 StartNext[]", "next@100 WakeAt[nanos=200000000]",
        "failed#1 REFUSED@110", "next@110 StartNext[]", "next@110 AwaitAttemptEnd[]",
        "lost#0 to #2@115", "connected#2@115"),
        logOf(onCallingThread, fates, Delivery.attemptsOnly(), Long.MAX_VALUE));
  }

  @ParameterizedTest(name = "starting on the caller''s thread: {0}")
  @ValueSource(booleans = {true, false})
  void aWinnerWhoseHandOverFailsIsReportedAsFailedAndTheConnectGoesOn(boolean onCallingThread) {
    Delivery<AddressPair, List<Attempt>> failsOnce = new Delivery<>() {
      private boolean failed;

      @Override
      public List<Attempt> deliver(AddressPair connection, List<Attempt> attempts, Attempt winner, Duration elapsed)
          throws IOException {
        if (!failed) {
          failed = true;
          throw new IOException("reset before it could be handed over");
        }
        return attempts;
      }

      @Override
      public void discard(List<Attempt> result) {}

      @Override
      public void discardConnection(AddressPair connection) {}
    };
    List<String> log = logOf(onCallingThread, List.of(Fate.connectsAfter(MS), Fate.connectsAfter(MS)), failsOnce,
        Long.MAX_VALUE);
    assertEquals(List.of(
        "next@0 StartNext[]", "next@0 WakeAt[nanos=100000000]",
        "failed#0 OTHER@1", "next@1 StartNext[]", "next@1 AwaitAttemptEnd[]",
        "connected#1@2"), log);
    assertFalse(log.contains("connected#0@1"), "never told connected for a winner that was not handed over");
  }

  @ParameterizedTest(name = "starting on the caller''s thread: {0}")
  @ValueSource(booleans = {true, false})
  void nothingIsAskedAtOrAfterTheDeadlineAndClosedAttemptsAreNotReported(boolean onCallingThread) {
    List<String> log = logOf(onCallingThread, List.of(Fate.hangs(), Fate.hangs(), Fate.hangs()),
        Delivery.attemptsOnly(), 150 * MS);
    assertEquals(List.of(
        "next@0 StartNext[]", "next@0 WakeAt[nanos=100000000]",
        "next@100 StartNext[]", "next@100 WakeAt[nanos=200000000]"), log);
  }

  @ParameterizedTest(name = "starting on the caller''s thread: {0}")
  @ValueSource(booleans = {true, false})
  void anAttemptThatConnectsAtOnceWinsBeforeTheScheduleIsAskedAgain(boolean onCallingThread) {
    List<String> log = logOf(onCallingThread, List.of(Fate.connectsAfter(0), Fate.hangs()), Delivery.attemptsOnly(),
        Long.MAX_VALUE);
    assertEquals(List.of("next@0 StartNext[]", "connected#0@0"), log);
  }

  @ParameterizedTest(name = "starting on the caller''s thread: {0}")
  @ValueSource(booleans = {true, false})
  void aFailureOnTheSpotIsReportedBeforeTheNextQuestion(boolean onCallingThread) {
    List<String> log = logOf(onCallingThread,
        List.of(Fate.failsAfter(0, FailureKind.NETWORK_UNREACHABLE), Fate.connectsAfter(3 * MS)),
        Delivery.attemptsOnly(), Long.MAX_VALUE);
    assertEquals(List.of("next@0 StartNext[]", "failed#0 NETWORK_UNREACHABLE@0", "next@0 StartNext[]",
        "next@0 AwaitAttemptEnd[]", "connected#1@3"), log);
  }

  @ParameterizedTest(name = "starting on the caller''s thread: {0}")
  @ValueSource(booleans = {true, false})
  void aPairStartedByNameJumpsTheQueueAndAPairAlreadyStartedCountsAsAwait(boolean onCallingThread) {
    List<AddressPair> pairs = pairs(3);
    List<String> log = new ArrayList<>();
    Schedule schedule = new Schedule() {
      private int asked;

      @Override
      public Decision next(long now) {
        Decision d = switch (asked++) {
          case 0 -> Decision.start(pairs.get(2));
          case 1 -> Decision.start(pairs.get(2)); // already started: waits for an attempt to end
          case 2 -> Decision.startNext();
          default -> Decision.awaitAttemptEnd();
        };
        log.add("next@" + now / MS + " " + d);
        return d;
      }

      @Override
      public void attemptFailed(int index, FailureKind kind, long now) {
        log.add("failed#" + index + "@" + now / MS);
      }
    };
    List<Attempt> attempts = run(onCallingThread, schedule, List.of(Fate.failsAfter(10 * MS, FailureKind.REFUSED),
        Fate.connectsAfter(5 * MS), Fate.hangs()), new Delivery<>() {
          @Override
          public List<Attempt> deliver(AddressPair connection, List<Attempt> all, Attempt winner, Duration elapsed) {
            return all;
          }

          @Override
          public void discard(List<Attempt> result) {}

          @Override
          public void discardConnection(AddressPair connection) {}
        }, Long.MAX_VALUE).join();
    assertEquals(List.of(pairs.get(2), pairs.get(0)), List.of(attempts.get(0).pair(), attempts.get(1).pair()),
        "attempt 0 is the pair named; then the ranked order goes on from its first pair not started");
    assertEquals(List.of("next@0 StartPair[pair=" + pairs.get(2) + "]", "next@0 StartPair[pair=" + pairs.get(2) + "]",
        "failed#0@10", "next@10 StartNext[]", "next@10 AwaitAttemptEnd[]"), log);
  }
}
