package io.github.connectbylist.strategy.sequential;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.api.Deadline;
import io.github.connectbylist.api.PathHistory;
import io.github.connectbylist.api.Decision;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.StrategyOption;
import io.github.connectbylist.api.StrategyOptions;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One attempt at a time; the next starts when the current one fails, as WSAConnectByList does. With no
 * attempt timeout (the default, as in WSAConnectByList) a black-holed address holds the connect until the
 * kernel gives up or the deadline passes. Two ways out: a fixed {@code attempt-timeout}, and {@code
 * split-deadline}, which gives each attempt an equal share of the time left, never less than a floor (Go's
 * {@code net.Dialer} does this with a 2 s floor), so that one dead address cannot eat the whole deadline.
 */
public final class SequentialScheduler implements AttemptScheduler {
  /** Ends an attempt that has not connected after this long; none by default, as in WSAConnectByList. */
  public static final StrategyOption<Optional<Duration>> ATTEMPT_TIMEOUT = StrategyOption.durationOrNone(
      "attempt-timeout", Duration.ofNanos(1), StrategyOptions.MAX_DURATION,
      "end an attempt that has not connected after this long");
  /** Gives each attempt an equal share of the time left before the deadline, as Go's {@code net.Dialer} does. */
  public static final StrategyOption<Boolean> SPLIT_DEADLINE = StrategyOption.flag("split-deadline", false,
      "give each attempt an equal share of the time left before the deadline (as Go's dialer)");
  /** The least share of the deadline an attempt gets: Go's {@code saneMinimum} in {@code net/dial.go}, 2 s. */
  public static final StrategyOption<Duration> SPLIT_FLOOR = StrategyOption.duration("split-floor",
      Duration.ofSeconds(2), Duration.ofNanos(1), StrategyOptions.MAX_DURATION,
      "the least time an attempt gets when the deadline is split");
  /** Every option of scheduler {@code sequential}. */
  public static final List<StrategyOption<?>> OPTIONS = List.of(ATTEMPT_TIMEOUT, SPLIT_DEADLINE, SPLIT_FLOOR);

  private final Optional<Duration> attemptTimeout;
  private final boolean splitDeadline;
  private final Duration splitFloor;

  private SequentialScheduler(Builder builder) {
    this.attemptTimeout = builder.attemptTimeout;
    this.splitDeadline = builder.splitDeadline;
    this.splitFloor = builder.splitFloor;
  }

  /**
   * Typed options, starting from WSAConnectByList's behaviour.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A scheduler with WSAConnectByList's behaviour: no attempt timeout, no split.
   *
   * @return the scheduler
   */
  public static SequentialScheduler standard() {
    return builder().build();
  }

  static SequentialScheduler fromOptions(StrategyOptions options) {
    Builder b = builder();
    b.attemptTimeout = options.get(ATTEMPT_TIMEOUT);
    b.splitDeadline = options.get(SPLIT_DEADLINE);
    b.splitFloor = options.get(SPLIT_FLOOR);
    return b.build();
  }

  /**
   * The time after which an attempt is ended.
   *
   * @return the timeout, or empty for none
   */
  public Optional<Duration> attemptTimeout() {
    return attemptTimeout;
  }

  /**
   * Whether each attempt gets a share of the time left before the deadline.
   *
   * @return {@code true} when split
   */
  public boolean splitDeadline() {
    return splitDeadline;
  }

  /**
   * The least time an attempt gets when the deadline is split.
   *
   * @return the floor
   */
  public Duration splitFloor() {
    return splitFloor;
  }

  @Override
  public Schedule newSchedule(List<AddressPair> rankedPairs, Deadline deadline, PathHistory history) {
    return new OneAtATime(rankedPairs.size(), Deadline.nanosOrNever(attemptTimeout),
        splitDeadline ? deadline : Deadline.none(), splitFloor.toNanos());
  }

  @Override
  public String toString() {
    return "sequential(attempt-timeout=" + ATTEMPT_TIMEOUT.format(attemptTimeout) + ", split-deadline=" + splitDeadline
        + ", split-floor=" + SPLIT_FLOOR.format(splitFloor) + ")";
  }

  /** The per-connect state: which pair is next, which attempt runs, when it must end. */
  private static final class OneAtATime implements Schedule {
    private final int pairCount;
    private final long attemptTimeoutNanos;
    private final Deadline splitDeadline;
    private final long floorNanos;
    private int started;
    private boolean running;
    private long endRunningAt = Long.MAX_VALUE;

    /** @param splitDeadline the deadline to share among the attempts, or none to share nothing */
    OneAtATime(int pairCount, long attemptTimeoutNanos, Deadline splitDeadline, long floorNanos) {
      this.pairCount = pairCount;
      this.attemptTimeoutNanos = attemptTimeoutNanos;
      this.splitDeadline = splitDeadline;
      this.floorNanos = floorNanos;
    }

    @Override
    public Decision next(long now) {
      if (running) {
        if (endRunningAt == Long.MAX_VALUE) {
          return Decision.awaitAttemptEnd();
        }
        return now >= endRunningAt ? Decision.endAttempt(started - 1) : Decision.wakeAt(endRunningAt);
      }
      if (started == pairCount) {
        return Decision.awaitAttemptEnd();
      }
      running = true;
      endRunningAt = Deadline.plus(now, Math.min(attemptTimeoutNanos, splitDeadline.share(now, pairCount - started, floorNanos)));
      started++;
      return Decision.startNext();
    }

    @Override
    public void attemptFailed(int index, FailureKind kind, long now) {
      if (index == started - 1) {
        running = false;
        endRunningAt = Long.MAX_VALUE;
      }
    }
  }

  /** Typed options, with the defaults and checks of {@link #OPTIONS}, the text options' declarations. */
  public static final class Builder {
    private Optional<Duration> attemptTimeout = ATTEMPT_TIMEOUT.defaultValue();
    private boolean splitDeadline = SPLIT_DEADLINE.defaultValue();
    private Duration splitFloor = SPLIT_FLOOR.defaultValue();

    private Builder() {}

    /**
     * Ends an attempt that has not connected after {@code timeout}; by default {@link SequentialScheduler#ATTEMPT_TIMEOUT}'s, none.
     *
     * @param timeout positive, at most {@link StrategyOptions#MAX_DURATION}
     * @return this builder
     */
    public Builder attemptTimeout(Duration timeout) {
      this.attemptTimeout = ATTEMPT_TIMEOUT.check(Optional.of(Objects.requireNonNull(timeout, "timeout")));
      return this;
    }

    /**
     * Gives each attempt an equal share of the time left before the deadline, never less than the floor.
     *
     * @param split whether to split the deadline
     * @return this builder
     */
    public Builder splitDeadline(boolean split) {
      this.splitDeadline = split;
      return this;
    }

    /**
     * The least time an attempt gets when the deadline is split; by default {@link SequentialScheduler#SPLIT_FLOOR}'s, as in Go.
     *
     * @param floor positive, at most {@link StrategyOptions#MAX_DURATION}
     * @return this builder
     */
    public Builder splitFloor(Duration floor) {
      this.splitFloor = SPLIT_FLOOR.check(floor);
      return this;
    }

    /**
     * The scheduler with these options.
     *
     * @return the scheduler
     */
    public SequentialScheduler build() {
      return new SequentialScheduler(this);
    }
  }
}
