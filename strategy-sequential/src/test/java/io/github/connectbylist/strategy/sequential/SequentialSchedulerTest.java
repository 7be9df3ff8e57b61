package io.github.connectbylist.strategy.sequential;

import static io.github.connectbylist.testkit.Script.connectsAfter;
import static io.github.connectbylist.testkit.Script.failsAfter;
import static io.github.connectbylist.testkit.Script.hangs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.api.NamedStrategy;
import io.github.connectbylist.api.StrategyOptions;
import io.github.connectbylist.testkit.ScheduleRun;
import io.github.connectbylist.testkit.ScheduleRun.Result;
import io.github.connectbylist.testkit.Script;
import io.github.connectbylist.testkit.Span;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The sequential scheduler through the real orchestrator under a virtual clock (the testkit): exact times,
 * no sockets, no sleeping.
 */
class SequentialSchedulerTest {

  private static Result run(SequentialScheduler scheduler, Optional<Duration> deadline, Script... scripts) {
    ScheduleRun run = ScheduleRun.of(scheduler);
    deadline.ifPresent(run::deadline);
    return run.run(scripts);
  }

  @Test
  void startsOneAtATimeAndTheNextOnlyWhenTheCurrentFails() {
    Result r = run(SequentialScheduler.standard(), Optional.empty(), failsAfter(30), failsAfter(5), connectsAfter(12));
    assertEquals(List.of(new Span(0, 0, 30, "REFUSED"), new Span(1, 30, 35, "REFUSED"), new Span(2, 35, 47, "CONNECTED")),
        r.spans());
    assertEquals("CONNECTED", r.end());
  }

  @Test
  void withoutAnAttemptTimeoutAHangingAttemptHoldsTheConnectUntilTheDeadline() {
    Result r = run(SequentialScheduler.standard(), Optional.of(Duration.ofSeconds(10)), hangs(), connectsAfter(1));
    assertEquals(List.of(new Span(0, 0, 10_000, "TIMED_OUT")), r.spans(), "closed by the deadline, never ended early");
    assertEquals("TIMED_OUT", r.end());
    assertEquals(10_000, r.endMs());
  }

  @Test
  void theAttemptTimeoutEndsAHangingAttemptAndStartsTheNextAtTheSameInstant() {
    SequentialScheduler s = SequentialScheduler.builder().attemptTimeout(Duration.ofMillis(250)).build();
    Result r = run(s, Optional.empty(), hangs(), hangs(), connectsAfter(3));
    assertEquals(List.of(new Span(0, 0, 250, "TIMED_OUT"), new Span(1, 250, 500, "TIMED_OUT"),
        new Span(2, 500, 503, "CONNECTED")), r.spans());
  }

  @Test
  void anAttemptThatFailsBeforeItsTimeoutIsNotEndedLater() {
    SequentialScheduler s = SequentialScheduler.builder().attemptTimeout(Duration.ofMillis(250)).build();
    Result r = run(s, Optional.empty(), failsAfter(100), connectsAfter(200));
    assertEquals(List.of(new Span(0, 0, 100, "REFUSED"), new Span(1, 100, 300, "CONNECTED")), r.spans());
  }

  @Test
  void givesUpWhenTheLastAttemptFails() {
    Result r = run(SequentialScheduler.standard(), Optional.empty(), failsAfter(1), failsAfter(2));
    assertEquals("REFUSED", r.end(), "the kind of the last attempt to end");
    assertEquals(3, r.endMs());
  }

  @Test
  void splitDeadlineGivesEachAttemptAnEqualShareOfTheTimeLeft() {
    SequentialScheduler s = SequentialScheduler.builder().splitDeadline(true).build();
    Result r = run(s, Optional.of(Duration.ofSeconds(9)), hangs(), hangs(), connectsAfter(1));
    assertEquals(List.of(new Span(0, 0, 3_000, "TIMED_OUT"), new Span(1, 3_000, 6_000, "TIMED_OUT"),
        new Span(2, 6_000, 6_001, "CONNECTED")), r.spans());
  }

  @Test
  void splitDeadlineNeverGivesLessThanTheFloorUnlessLessIsLeft() {
    SequentialScheduler s = SequentialScheduler.builder().splitDeadline(true).build();
    // 3 s over 3 pairs is 1 s each, under Go's 2 s floor: the first gets 2 s, the second what is left.
    Result r = run(s, Optional.of(Duration.ofSeconds(3)), hangs(), hangs(), hangs());
    assertEquals(List.of(new Span(0, 0, 2_000, "TIMED_OUT"), new Span(1, 2_000, 3_000, "TIMED_OUT")), r.spans());
    assertEquals(3_000, r.endMs());
    assertEquals("TIMED_OUT", r.end());
  }

  @Test
  void aFailureLeavesMoreTimeForTheRestWhenTheDeadlineIsSplit() {
    SequentialScheduler s = SequentialScheduler.builder().splitDeadline(true).splitFloor(Duration.ofMillis(100)).build();
    Result r = run(s, Optional.of(Duration.ofSeconds(1)), failsAfter(100), hangs(), connectsAfter(5));
    // after the failure at 100 ms, 900 ms are left for 2 pairs: 450 ms each
    assertEquals(List.of(new Span(0, 0, 100, "REFUSED"), new Span(1, 100, 550, "TIMED_OUT"),
        new Span(2, 550, 555, "CONNECTED")), r.spans());
  }

  @Test
  void theShorterOfAttemptTimeoutAndSplitShareWins() {
    SequentialScheduler s = SequentialScheduler.builder().splitDeadline(true).attemptTimeout(Duration.ofMillis(500))
        .splitFloor(Duration.ofMillis(100)).build();
    Result r = run(s, Optional.of(Duration.ofSeconds(10)), hangs(), connectsAfter(1));
    assertEquals(new Span(0, 0, 500, "TIMED_OUT"), r.spans().get(0));
  }

  @Test
  void splitDeadlineWithoutADeadlineChangesNothing() {
    SequentialScheduler s = SequentialScheduler.builder().splitDeadline(true).build();
    Result r = run(s, Optional.empty(), failsAfter(7), connectsAfter(7));
    assertEquals(List.of(new Span(0, 0, 7, "REFUSED"), new Span(1, 7, 14, "CONNECTED")), r.spans());
  }

  /** Scheduler {@code sequential} as its module registers it. */
  private static NamedStrategy<?> registered() {
    for (NamedStrategy<?> s : new SequentialProvider().strategies()) {
      if (s.kind() == NamedStrategy.Kind.SCHEDULER && s.name().equals("sequential")) {
        return s;
      }
    }
    throw new AssertionError("scheduler sequential is not registered");
  }

  @Test
  void textOptionsMapOntoTheTypedOnes() {
    NamedStrategy<?> provider = registered();
    SequentialScheduler s = (SequentialScheduler) provider.create(StrategyOptions.of(
        Map.of("attempt-timeout", "1.5s", "split-deadline", "true", "split-floor", "500ms")), null);
    assertEquals(Optional.of(Duration.ofMillis(1_500)), s.attemptTimeout());
    assertTrue(s.splitDeadline());
    assertEquals(Duration.ofMillis(500), s.splitFloor());
    SequentialScheduler none = (SequentialScheduler) provider.create(StrategyOptions.of(Map.of("attempt-timeout", "none")), null);
    assertEquals(Optional.empty(), none.attemptTimeout());
  }

  @Test
  void badOptionValuesNameTheOption() {
    NamedStrategy<?> provider = registered();
    for (Map<String, String> bad : List.of(Map.of("attempt-timeout", "0ms"), Map.of("attempt-timeout", "fast"),
        Map.of("split-deadline", "maybe"), Map.of("split-floor", "-1s"))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> provider.create(StrategyOptions.of(bad), null));
      String name = bad.keySet().iterator().next();
      assertTrue(e.getMessage().contains(name), e.getMessage());
    }
  }

  @Test
  void aZeroAttemptTimeoutIsSaidAsWrittenNotAsPt0s() {
    NamedStrategy<?> provider = registered();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> provider.create(StrategyOptions.of(Map.of("attempt-timeout", "0ms")), null));
    assertEquals("option attempt-timeout=0ms is out of range: give a duration from 1ns to 24h", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> provider.create(StrategyOptions.of(Map.of("split-floor", "0.000s")), null));
    assertEquals("option split-floor=0.000s is out of range: give a duration from 1ns to 24h", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> SequentialScheduler.builder().attemptTimeout(Duration.ZERO));
    assertEquals("attempt-timeout must be positive, was 0s", e.getMessage());
  }
}
