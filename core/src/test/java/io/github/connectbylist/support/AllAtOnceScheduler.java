package io.github.connectbylist.support;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.PathHistory;
import io.github.connectbylist.api.Deadline;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.api.NamedStrategy;
import io.github.connectbylist.api.Decision;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.StrategyProvider;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A scheduler that lives only on the test class path: starts every pair at once. It proves that discovery
 * finds providers outside this project's modules, and it races attempts against each other.
 */
public final class AllAtOnceScheduler implements AttemptScheduler {
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

  /** Registered through a hand-written services file in the test resources, not auto-service. */
  public static final class Provider implements StrategyProvider {
    @Override
    public List<NamedStrategy<?>> strategies() {
      return List.of(NamedStrategy.scheduler("test-all-at-once", "test only: every pair at once", -100, List.of(),
          (options, lookup) -> new AllAtOnceScheduler()));
    }
  }
}
