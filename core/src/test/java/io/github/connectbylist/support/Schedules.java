package io.github.connectbylist.support;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.PathHistory;
import io.github.connectbylist.api.Deadline;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.api.Decision;
import io.github.connectbylist.api.FailureKind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;

/** Schedulers for tests of what the orchestrator does with a schedule that misbehaves. */
public final class Schedules {
  private Schedules() {}

  /** What one call of a schedule does: answer, or throw, or block. */
  public interface Step {
    Decision next(int call, long nowNanos) throws Exception;
  }

  /**
   * A scheduler whose every schedule answers {@code next} with {@code step}; a failed attempt is ignored.
   *
   * @param name its {@code toString}, which the orchestrator names in its errors
   * @param step the answer to the n-th call (0-based) at the time given
   * @return the scheduler
   */
  public static AttemptScheduler scripted(String name, Step step) {
    return new AttemptScheduler() {
      @Override
      public Schedule newSchedule(List<AddressPair> rankedPairs, Deadline deadline, PathHistory history) {
        return new Schedule() {
          private int calls;

          @Override
          public Decision next(long nowNanos) {
            try {
              return step.next(calls++, nowNanos);
            } catch (RuntimeException | Error e) {
              throw e;
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }

          @Override
          public void attemptFailed(int index, FailureKind kind, long nowNanos) {}

          @Override
          public String toString() {
            return name;
          }
        };
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  /** Starts the first pair, then answers with {@code then} at every later call. */
  public static AttemptScheduler startThen(String name, LongFunction<Decision> then) {
    return scripted(name, (call, now) -> call == 0 ? Decision.startNext() : then.apply(now));
  }

  /** One attempt at a time, like {@code test-sequential}, but throwing {@code error} when told of a failure. */
  public static AttemptScheduler throwingOnFailure(Error error) {
    return new AttemptScheduler() {
      @Override
      public Schedule newSchedule(List<AddressPair> rankedPairs, Deadline deadline, PathHistory history) {
        return new Schedule() {
          private int started;

          @Override
          public Decision next(long nowNanos) {
            return started < rankedPairs.size() ? startOne() : Decision.awaitAttemptEnd();
          }

          private Decision startOne() {
            started++;
            return Decision.startNext();
          }

          @Override
          public void attemptFailed(int index, FailureKind kind, long nowNanos) {
            throw error;
          }
        };
      }

      @Override
      public String toString() {
        return "throws-on-failure";
      }
    };
  }

  /**
   * {@code first} for the first connect of an instance, one attempt at a time ({@code test-sequential}) for
   * every later one: a misbehaving connect beside well-behaved ones on the same event loop.
   */
  public static AttemptScheduler firstConnectOnly(AttemptScheduler first) {
    AttemptScheduler plain = new TestSequential.Scheduler(Optional.empty());
    AtomicBoolean used = new AtomicBoolean();
    return new AttemptScheduler() {
      @Override
      public Schedule newSchedule(List<AddressPair> rankedPairs, Deadline deadline, PathHistory history) {
        return (used.compareAndSet(false, true) ? first : plain).newSchedule(rankedPairs, deadline, history);
      }

      @Override
      public String toString() {
        return first + " then test-sequential";
      }
    };
  }
}
