package io.github.connectbylist.strategy.happyeyeballs;

import static io.github.connectbylist.testkit.Script.connectsAfter;
import static io.github.connectbylist.testkit.Script.failsAfter;
import static io.github.connectbylist.testkit.Script.hangs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.History;
import io.github.connectbylist.api.NamedStrategy;
import io.github.connectbylist.api.StrategyOptions;
import io.github.connectbylist.testkit.ScheduleRun;
import io.github.connectbylist.testkit.ScheduleRun.Result;
import io.github.connectbylist.testkit.Script;
import io.github.connectbylist.testkit.Span;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * RFC 8305 pacing through the real orchestrator under a virtual clock (the testkit): exact times, no
 * sockets, no sleeping. Attempts still running when one connects are closed at that instant (CANCELLED).
 */
class HappyEyeballsSchedulerTest {

  private static Result run(HappyEyeballsScheduler scheduler, long deadlineMs, Script... scripts) {
    return ScheduleRun.of(scheduler).deadline(Duration.ofMillis(deadlineMs)).run(scripts);
  }

  private static Result run(HappyEyeballsScheduler scheduler, Script... scripts) {
    return ScheduleRun.of(scheduler).run(scripts);
  }

  @Test
  void startsTheNextAttemptWhenTheDelayPassesAndKeepsTheFirstRunning() {
    Result r = run(HappyEyeballsScheduler.standard(), hangs(), connectsAfter(10));
    assertEquals(List.of(new Span(0, 0, 260, "CANCELLED"), new Span(1, 250, 260, "CONNECTED")), r.spans(),
        "the first ran until the second won");
  }

  @Test
  void aFailureBeforeTheDelayStartsTheNextAttemptAtOnce() {
    Result r = run(HappyEyeballsScheduler.standard(), failsAfter(100), hangs(), connectsAfter(5));
    assertEquals(List.of(new Span(0, 0, 100, "REFUSED"), new Span(1, 100, 355, "CANCELLED"),
        new Span(2, 350, 355, "CONNECTED")), r.spans(), "the delay counts from the last start");
  }

  @Test
  void twoFailuresAtTheSameInstantStartExactlyTwoAttemptsInOrder() {
    Result r = run(HappyEyeballsScheduler.standard(),
        failsAfter(300), failsAfter(50), hangs(), hangs(), hangs(), connectsAfter(1));
    assertEquals(List.of(
        new Span(0, 0, 300, "REFUSED"),
        new Span(1, 250, 300, "REFUSED"),
        new Span(2, 300, 801, "CANCELLED"),
        new Span(3, 300, 801, "CANCELLED"),
        new Span(4, 550, 801, "CANCELLED"),
        new Span(5, 800, 801, "CONNECTED")), r.spans());
  }

  @Test
  void aFailureAndTheDelayFallingDueTogetherStartOneAttempt() {
    Result r = run(HappyEyeballsScheduler.standard(), failsAfter(250), hangs(), connectsAfter(1));
    assertEquals(List.of(new Span(0, 0, 250, "REFUSED"), new Span(1, 250, 501, "CANCELLED"),
        new Span(2, 500, 501, "CONNECTED")), r.spans(), "never a burst");
  }

  @Test
  void theCapHoldsAndAFailureFreesAPlace() {
    HappyEyeballsScheduler capped = HappyEyeballsScheduler.builder().maxConcurrentAttempts(2).build();
    Result held = run(capped, 2_000, hangs(), hangs(), connectsAfter(1));
    assertEquals(2, held.spans().size(), "the third never starts while two hang");
    assertEquals("TIMED_OUT", held.end());
    assertEquals(2_000, held.endMs());
    Result freed = run(capped, failsAfter(600), hangs(), connectsAfter(1));
    assertEquals(List.of(new Span(0, 0, 600, "REFUSED"), new Span(1, 250, 601, "CANCELLED"),
        new Span(2, 600, 601, "CONNECTED")), freed.spans());
  }

  @Test
  void aSlowEarlierAttemptThatConnectsFirstWins() {
    Result r = run(HappyEyeballsScheduler.standard(), connectsAfter(300), connectsAfter(100));
    assertEquals(List.of(new Span(0, 0, 300, "CONNECTED"), new Span(1, 250, 300, "CANCELLED")), r.spans());
    assertEquals(300, r.endMs());
  }

  @Test
  void givesUpOnlyWhenEveryAttemptHasFailed() {
    Result r = run(HappyEyeballsScheduler.standard(), failsAfter(1), failsAfter(2), failsAfter(3));
    assertEquals(List.of(new Span(0, 0, 1, "REFUSED"), new Span(1, 1, 3, "REFUSED"), new Span(2, 3, 6, "REFUSED")),
        r.spans());
    assertEquals("REFUSED", r.end());
  }

  private static final InetSocketAddress KNOWN = new InetSocketAddress("192.0.2.1", 443);
  private static final InetSocketAddress OTHER_PREFIX = new InetSocketAddress("198.51.100.9", 443);

  /** Connects to {@code KNOWN} once, in {@code ms}, so that the history holds its round-trip time. */
  private static void learn(HappyEyeballsScheduler scheduler, History history, long ms) {
    ScheduleRun.of(scheduler).history(history).destinations(List.of(KNOWN)).run(connectsAfter(ms));
  }

  @Test
  void theAdaptiveDelayIsTheRetransmissionTimeoutOfThePathJustStarted() {
    HappyEyeballsScheduler adaptive = HappyEyeballsScheduler.builder().adaptive(true).build();
    History history = History.create();
    learn(adaptive, history, 40);
    Result r = ScheduleRun.of(adaptive).history(history).destinations(List.of(KNOWN, OTHER_PREFIX))
        .run(hangs(), connectsAfter(1));
    assertEquals(120, r.spans().get(1).startMs(), "SRTT 40 + 4 x RTTVAR 20 of 192.0.2.1");
  }

  @Test
  void aPairNeverConnectedWaitsTheShortestTimeoutOfTheConnectsOtherPairs() {
    HappyEyeballsScheduler adaptive = HappyEyeballsScheduler.builder().adaptive(true).build();
    History history = History.create();
    learn(adaptive, history, 40);
    Result r = ScheduleRun.of(adaptive).history(history).destinations(List.of(OTHER_PREFIX, KNOWN))
        .run(hangs(), connectsAfter(1));
    assertEquals(120, r.spans().get(1).startMs(), "198.51.100.9 is unknown: the same service's best known timeout");
  }

  @Test
  void withoutHistoryTheAdaptiveDelayIsTheConfiguredOne() {
    Result r = ScheduleRun.of(HappyEyeballsScheduler.builder().adaptive(true).build()).run(hangs(), connectsAfter(1));
    assertEquals(250, r.spans().get(1).startMs());
  }

  @Test
  void theAdaptiveDelayStaysWithin10MillisecondsAnd2Seconds() {
    HappyEyeballsScheduler adaptive = HappyEyeballsScheduler.builder().adaptive(true).build();
    History fast = History.create();
    for (int i = 0; i < 50; i++) {
      learn(adaptive, fast, 1);
    }
    assertEquals(10, ScheduleRun.of(adaptive).history(fast).destinations(List.of(KNOWN, OTHER_PREFIX))
        .run(hangs(), connectsAfter(1)).spans().get(1).startMs(), "never under 10 ms");
    History slow = History.create();
    for (int i = 0; i < 5; i++) {
      learn(adaptive, slow, 5_000);
    }
    assertEquals(2_000, ScheduleRun.of(adaptive).history(slow).destinations(List.of(KNOWN, OTHER_PREFIX))
        .run(hangs(), connectsAfter(1)).spans().get(1).startMs(), "never over 2 s");
  }

  @Test
  void theFixedDelayIgnoresRoundTripTimes() {
    HappyEyeballsScheduler fixed = HappyEyeballsScheduler.standard();
    History history = History.create();
    learn(fixed, history, 40);
    assertEquals(250, ScheduleRun.of(fixed).history(history).destinations(List.of(KNOWN, OTHER_PREFIX))
        .run(hangs(), connectsAfter(1)).spans().get(1).startMs());
  }

  @Test
  void optionsAreCheckedAndNameTheOption() {
    NamedStrategy<?> provider = registered(NamedStrategy.Kind.SCHEDULER, "happy-eyeballs");
    HappyEyeballsScheduler s = (HappyEyeballsScheduler) provider.create(StrategyOptions.of(Map.of(
        "connection-attempt-delay", "100ms", "max-concurrent-attempts", "3", "adaptive", "true")), null);
    assertEquals(Duration.ofMillis(100), s.connectionAttemptDelay());
    assertEquals(Optional.of(3), s.maxConcurrentAttempts());
    assertTrue(s.adaptive());
    assertEquals(Duration.ofSeconds(3), ((HappyEyeballsScheduler) provider.create(
        StrategyOptions.of(Map.of("connection-attempt-delay", "3s")), null)).connectionAttemptDelay(), "allowed, not advised");
    for (Map<String, String> bad : List.of(Map.of("connection-attempt-delay", "9ms"),
        Map.of("max-concurrent-attempts", "0"), Map.of("max-concurrent-attempts", "some"))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> provider.create(StrategyOptions.of(bad), null));
      assertTrue(e.getMessage().contains(bad.keySet().iterator().next()), e.getMessage());
    }
  }

  /** A strategy as this module registers it. */
  private static NamedStrategy<?> registered(NamedStrategy.Kind kind, String name) {
    for (NamedStrategy<?> s : new HappyEyeballsProvider().strategies()) {
      if (s.kind() == kind && s.name().equals(name)) {
        return s;
      }
    }
    throw new AssertionError(kind + " " + name + " is not registered");
  }
}
