package io.github.connectbylist.testkit;

import static io.github.connectbylist.testkit.Script.connectsAfter;
import static io.github.connectbylist.testkit.Script.failsAfter;
import static io.github.connectbylist.testkit.Script.hangs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.PathHistory;
import io.github.connectbylist.api.Deadline;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.api.Decision;
import io.github.connectbylist.api.FailureKind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The testkit gives a strategy author the orchestrator's real timeline, with exact times. */
class ScheduleRunTest {
  /** Every pair at once. */
  private static final AttemptScheduler ALL_AT_ONCE = new AttemptScheduler() {
    @Override
    public Schedule newSchedule(List<AddressPair> rankedPairs, Deadline deadline, PathHistory history) {
      return new Schedule() {
        private int started;

        @Override
        public Decision next(long nowNanos) {
          return started++ < rankedPairs.size() ? Decision.startNext() : Decision.awaitAttemptEnd();
        }

        @Override
        public void attemptFailed(int index, FailureKind kind, long nowNanos) {}
      };
    }
  };

  @Test
  void theFirstToConnectWinsAndTheOthersAreClosedAtThatInstant() {
    ScheduleRun.Result r = ScheduleRun.of(ALL_AT_ONCE).run(hangs(), failsAfter(3), connectsAfter(7), connectsAfter(9));
    assertEquals(List.of(new Span(0, 0, 7, "CANCELLED"), new Span(1, 0, 3, "REFUSED"), new Span(2, 0, 7, "CONNECTED"),
        new Span(3, 0, 7, "CANCELLED")), r.spans());
    assertEquals("CONNECTED", r.end());
    assertEquals(7, r.endMs());
  }

  /** The example scheduler of {@code docs/write-a-strategy.md}: a new attempt every interval, failures or not. */
  private static AttemptScheduler fixedStagger(Duration interval) {
    long intervalNanos = interval.toNanos();
    return (pairs, deadline, history) -> new AttemptScheduler.Schedule() {
      private int started;
      private long lastStart;

      @Override
      public Decision next(long now) {
        if (started == pairs.size()) {
          return Decision.awaitAttemptEnd();
        }
        if (started == 0 || now >= lastStart + intervalNanos) {
          started++;
          lastStart = now;
          return Decision.startNext();
        }
        return Decision.wakeAt(lastStart + intervalNanos);
      }

      @Override
      public void attemptFailed(int index, FailureKind kind, long now) {}
    };
  }

  @Test
  void theReadmeExampleRunsAsTheReadmeSays() {
    ScheduleRun.Result r = ScheduleRun.of(fixedStagger(Duration.ofMillis(100))).deadline(Duration.ofSeconds(1))
        .run(hangs(), failsAfter(30), connectsAfter(5));
    assertEquals(List.of(new Span(0, 0, 205, "CANCELLED"), new Span(1, 100, 130, "REFUSED"),
        new Span(2, 200, 205, "CONNECTED")), r.spans());
  }

  @Test
  void theDeadlineEndsTheConnectAtItsExactTime() {
    ScheduleRun.Result r = ScheduleRun.of(ALL_AT_ONCE).deadline(Duration.ofMillis(1_500)).run(hangs(), hangs());
    assertEquals("TIMED_OUT", r.end());
    assertEquals(1_500, r.endMs());
    assertTrue(r.spans().stream().allMatch(s -> s.endMs() == 1_500 && s.outcome().equals("TIMED_OUT")), r.spans().toString());
  }

  @Test
  void startingMoreAttemptsThanScriptedIsReported() {
    ScheduleRun run = ScheduleRun.of(ALL_AT_ONCE).destinations(List.of(
        new java.net.InetSocketAddress("192.0.2.1", 1), new java.net.InetSocketAddress("192.0.2.2", 1)));
    AssertionError e = assertThrows(AssertionError.class, () -> run.run(hangs()));
    assertTrue(e.getMessage().contains("only 1 are scripted"), e.getMessage());
  }
}
