package io.github.connectbylist.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Decides when each ranked pair is tried. An instance holds configuration and may learn across connects;
 * each connect gets its own {@link Schedule}, an event-driven state machine that is told the time and
 * never reads a clock, sleeps, or touches a socket. That is what lets one strategy run unchanged on real
 * sockets and under a virtual clock.
 */
public interface AttemptScheduler {

  /**
   * Starts the schedule of one connect.
   *
   * @param rankedPairs the pairs in the order they will be started; the n-th {@link Decision.StartNext}
   *     starts the n-th pair
   * @param deadline the time, from the start of the connect, at which the caller gives up, if any
   */
  Schedule newSchedule(List<AddressPair> rankedPairs, Optional<Duration> deadline);

  /**
   * The state of one connect. Times are nanoseconds since the connect started. The caller asks {@link
   * #next} at the start, after every failed attempt and when a requested wake-up time arrives, and keeps
   * asking while the answer is {@link Decision.StartNext} or {@link Decision.EndAttempt}.
   */
  interface Schedule {

    /** What to do now. */
    Decision next(long nowNanos);

    /**
     * Attempt {@code index} (0-based, in start order) failed or was ended at {@code nowNanos}, including
     * when this schedule ended it with {@link Decision.EndAttempt}.
     */
    void attemptFailed(int index, long nowNanos);

    /** Attempt {@code index} connected at {@code nowNanos}; the connect is over. Schedulers may learn from it. */
    default void attemptConnected(int index, long nowNanos) {}
  }

  /** Registers a scheduler with {@link java.util.ServiceLoader}. */
  interface Provider extends StrategyProvider<AttemptScheduler> {}
}
