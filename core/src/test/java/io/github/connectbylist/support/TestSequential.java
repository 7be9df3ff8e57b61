package io.github.connectbylist.support;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.PathHistory;
import io.github.connectbylist.api.Deadline;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.api.NamedStrategy;
import io.github.connectbylist.api.Decision;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.RankingContext;
import io.github.connectbylist.api.StrategyOption;
import io.github.connectbylist.api.StrategyOptions;
import io.github.connectbylist.api.StrategyProvider;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Core's own stand-in for a strategy module, found through the test resources' services files: ranker
 * {@code test-sequential} keeps the input order, and scheduler {@code test-sequential} tries one pair at a
 * time, ending an attempt after {@code attempt-timeout} if one is given. Core's tests use it instead of a
 * real strategy module, whose own tests run on core.
 */
public final class TestSequential {
  private TestSequential() {}

  /** The input order. */
  public static final class Ranker implements AddressPairRanker {
    @Override
    public List<AddressPair> rank(List<AddressPair> pairs, RankingContext context) {
      return pairs;
    }

    @Override
    public String toString() {
      return "test-sequential";
    }
  }

  /** One attempt at a time, with an optional attempt timeout. */
  public static final class Scheduler implements AttemptScheduler {
    private final Optional<Duration> attemptTimeout;

    public Scheduler(Optional<Duration> attemptTimeout) {
      this.attemptTimeout = attemptTimeout;
    }

    @Override
    public Schedule newSchedule(List<AddressPair> rankedPairs, Deadline deadline, PathHistory history) {
      long timeout = attemptTimeout.map(Duration::toNanos).orElse(Long.MAX_VALUE);
      return new Schedule() {
        private int started;
        private boolean running;
        private long endAt;

        @Override
        public Decision next(long now) {
          if (running) {
            return endAt == Long.MAX_VALUE ? Decision.awaitAttemptEnd()
                : now >= endAt ? Decision.endAttempt(started - 1) : Decision.wakeAt(endAt);
          }
          if (started == rankedPairs.size()) {
            return Decision.awaitAttemptEnd();
          }
          started++;
          running = true;
          endAt = timeout == Long.MAX_VALUE ? Long.MAX_VALUE : now + timeout;
          return Decision.startNext();
        }

        @Override
        public void attemptFailed(int index, FailureKind kind, long now) {
          running = false;
        }
      };
    }

    @Override
    public String toString() {
      return "test-sequential(attempt-timeout=" + attemptTimeout.map(StrategyOptions::formatDuration).orElse("none") + ")";
    }
  }

  /** The scheduler's one option. */
  static final StrategyOption<Optional<Duration>> ATTEMPT_TIMEOUT = StrategyOption.durationOrNone("attempt-timeout",
      Duration.ZERO, StrategyOptions.MAX_DURATION, "end an attempt after this long");

  /** Registers the ranker and the scheduler. */
  public static final class Provider implements StrategyProvider {
    @Override
    public List<NamedStrategy<?>> strategies() {
      return List.of(
          NamedStrategy.ranker("test-sequential", "test only: the input order", 0, List.of(),
              (options, lookup) -> new Ranker()),
          NamedStrategy.scheduler("test-sequential", "test only: one at a time", 0, List.of(ATTEMPT_TIMEOUT),
              (options, lookup) -> new Scheduler(options.get(ATTEMPT_TIMEOUT))));
    }
  }
}
