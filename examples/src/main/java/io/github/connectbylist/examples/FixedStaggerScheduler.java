package io.github.connectbylist.examples;

// snippet:start scheduler
import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.api.Deadline;
import io.github.connectbylist.api.Decision;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.PathHistory;
import io.github.connectbylist.api.StrategyOption;
import io.github.connectbylist.api.StrategyOptions;
// snippet:end scheduler
import java.time.Duration;
import java.util.List;

// snippet:start scheduler
/** Starts a new attempt every `interval` without ending the earlier ones. */
public final class FixedStaggerScheduler implements AttemptScheduler {
  /** The time between starts: declared once, read by the text form, the listing and the constructor. */
  public static final StrategyOption<Duration> INTERVAL = StrategyOption.duration("interval",
      Duration.ofMillis(100), Duration.ofMillis(1), StrategyOptions.MAX_DURATION, "time between starts");
  private final long intervalNanos;

  public FixedStaggerScheduler(Duration interval) { this.intervalNanos = INTERVAL.check(interval).toNanos(); }

  @Override public Schedule newSchedule(List<AddressPair> pairs, Deadline deadline, PathHistory history) {
    return new Schedule() {
      int started; long lastStart;
      @Override public Decision next(long now) {
        if (started == pairs.size()) return Decision.awaitAttemptEnd();
        if (started == 0 || now >= lastStart + intervalNanos) { started++; lastStart = now; return Decision.startNext(); }
        return Decision.wakeAt(lastStart + intervalNanos);
      }
      @Override public void attemptFailed(int index, FailureKind kind, long now) { }
    };
  }
}
// snippet:end scheduler
