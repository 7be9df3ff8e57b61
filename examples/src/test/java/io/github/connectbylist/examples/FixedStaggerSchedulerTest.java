package io.github.connectbylist.examples;

// snippet:start schedule-run
import static io.github.connectbylist.testkit.Script.connectsAfter;
import static io.github.connectbylist.testkit.Script.failsAfter;
import static io.github.connectbylist.testkit.Script.hangs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.connectbylist.testkit.ScheduleRun;
import io.github.connectbylist.testkit.Span;
// snippet:end schedule-run
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's test of a scheduler with the testkit: the exact timeline, under a virtual clock. */
class FixedStaggerSchedulerTest {

  @Test
  void aNewAttemptEveryIntervalFailuresOrNot() {
    // snippet:start schedule-run
    ScheduleRun.Result r = ScheduleRun.of(new FixedStaggerScheduler(Duration.ofMillis(100)))
        .deadline(Duration.ofSeconds(1))
        .run(hangs(), failsAfter(30), connectsAfter(5));
    assertEquals(List.of(new Span(0, 0, 205, "CANCELLED"),      // still running when #2 won: closed, lost
                         new Span(1, 100, 130, "REFUSED"),
                         new Span(2, 200, 205, "CONNECTED")), r.spans());
    // snippet:end schedule-run
  }
}
