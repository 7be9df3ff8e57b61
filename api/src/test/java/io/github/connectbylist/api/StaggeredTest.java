package io.github.connectbylist.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The staggered core's decisions, step by step (the strategies that run on it are tested at exact times through
 * the real orchestrator, in their modules).
 */
class StaggeredTest {
  private static final long MS = 1_000_000;

  @Test
  void aStartEveryDelayAndOneMoreForEachFailure() {
    Staggered s = new Staggered(Staggered.Pacing.rfc8305(Integer.MAX_VALUE), Staggered.every(4, 250 * MS));
    assertEquals(Decision.startNext(), s.next(0));
    assertEquals(Decision.wakeAt(250 * MS), s.next(0));
    s.attemptFailed(0, FailureKind.REFUSED, 10 * MS);
    assertEquals(Decision.startNext(), s.next(10 * MS), "a failure starts the next at once");
    assertEquals(Decision.wakeAt(260 * MS), s.next(10 * MS), "and the delay counts from that start");
    assertEquals(Decision.startNext(), s.next(260 * MS));
    assertEquals(Decision.startNext(), s.next(510 * MS));
    assertEquals(Decision.awaitAttemptEnd(), s.next(510 * MS), "every pair started");
  }

  @Test
  void aCapHoldsTheNextStartUntilAnAttemptEnds() {
    Staggered s = new Staggered(Staggered.Pacing.rfc8305(1), Staggered.every(2, 250 * MS));
    assertEquals(Decision.startNext(), s.next(0));
    assertEquals(Decision.awaitAttemptEnd(), s.next(300 * MS));
    s.attemptFailed(0, FailureKind.TIMED_OUT, 400 * MS);
    assertEquals(Decision.startNext(), s.next(400 * MS));
  }

  @Test
  void onlyTheLastStartedFailureStartsTheNextWhenSoPaced() {
    Staggered.Pacing pacing = new Staggered.Pacing(Staggered.Trigger.PREVIOUS_FAILURE, Integer.MAX_VALUE,
        Long.MAX_VALUE, true, Long.MAX_VALUE);
    Staggered s = new Staggered(pacing, Staggered.every(3, 250 * MS));
    s.next(0);
    s.next(250 * MS);
    s.attemptFailed(0, FailureKind.REFUSED, 300 * MS);
    assertEquals(Decision.wakeAt(500 * MS), s.next(300 * MS), "not the one started last: wait out the delay");
    s.attemptFailed(1, FailureKind.REFUSED, 350 * MS);
    assertEquals(Decision.startNext(), s.next(350 * MS));
  }

  @Test
  void attemptsEndAtTheirTimeoutAndAllAtTheTimeToGiveUp() {
    Staggered.Pacing pacing = new Staggered.Pacing(Staggered.Trigger.NONE_IN_FLIGHT, Integer.MAX_VALUE, 100 * MS,
        false, 1_000 * MS);
    Staggered s = new Staggered(pacing, Staggered.every(2, Long.MAX_VALUE));
    assertEquals(Decision.startNext(), s.next(0));
    assertEquals(Decision.wakeAt(100 * MS), s.next(0));
    assertEquals(Decision.endAttempt(0), s.next(100 * MS));
    s.attemptFailed(0, FailureKind.TIMED_OUT, 100 * MS);
    assertEquals(Decision.startNext(), s.next(100 * MS), "none in flight");
    assertEquals(Decision.wakeAt(1_000 * MS), s.next(100 * MS), "the last pair has no timeout but the give-up time");
    assertEquals(Decision.endAttempt(1), s.next(1_000 * MS));
  }

  @Test
  void pairsThatArriveLaterKeepThePacingOfThoseStarted() {
    Staggered s = new Staggered(Staggered.Pacing.rfc8305(Integer.MAX_VALUE), new long[0]);
    assertEquals(Decision.awaitAttemptEnd(), s.next(0), "nothing to start yet");
    s.pairsChanged(new long[] {250 * MS});
    assertEquals(Decision.startNext(), s.next(5 * MS));
    s.pairsChanged(new long[] {999 * MS, 100 * MS, 100 * MS});
    assertEquals(Decision.wakeAt(255 * MS), s.next(5 * MS), "the started pair keeps its delay");
    s.oweStart();
    assertEquals(Decision.startNext(), s.next(6 * MS), "a start owed starts at once");
    assertEquals(Decision.wakeAt(106 * MS), s.next(6 * MS));
  }
}
