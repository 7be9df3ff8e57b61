package io.github.connectbylist.support;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.api.Decision;
import io.github.connectbylist.api.StrategyOption;
import io.github.connectbylist.api.StrategyOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A scheduler that lives only on the test class path: starts every pair at once. It proves that discovery
 * finds providers outside this project's modules, and it races attempts against each other.
 */
public final class AllAtOnceScheduler implements AttemptScheduler {
  @Override
  public Schedule newSchedule(List<AddressPair> rankedPairs, Optional<Duration> deadline) {
    return new Schedule() {
      private int started;

      @Override
      public Decision next(long nowNanos) {
        return started++ < rankedPairs.size() ? Decision.startNext() : Decision.awaitAttemptEnd();
      }

      @Override
      public void attemptFailed(int index, long nowNanos) {}
    };
  }

  /** Registered through a hand-written services file in the test resources, not auto-service. */
  public static final class Provider implements AttemptScheduler.Provider {
    @Override
    public String name() {
      return "test-all-at-once";
    }

    @Override
    public String description() {
      return "test only: every pair at once";
    }

    @Override
    public int priority() {
      return -100;
    }

    @Override
    public List<StrategyOption> options() {
      return List.of();
    }

    @Override
    public AttemptScheduler create(StrategyOptions options) {
      return new AllAtOnceScheduler();
    }
  }
}
