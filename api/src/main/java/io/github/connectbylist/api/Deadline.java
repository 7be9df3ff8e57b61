package io.github.connectbylist.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When a connect gives up, in nanoseconds since it started, or never: the one form of a connect's deadline.
 * Each connect makes its own once, from the timeout of that call or else of its instance, and everything
 * that runs for the connect (the orchestrator, the planner, the schedule) reads this one value, as Go's
 * dialer reads its {@code ctx}; so a per-call timeout and the instance's can never disagree. Times are on the
 * schedule's scale: nanoseconds since the connect started.
 *
 * <p>It also holds the arithmetic strategies share: what is left at a time ({@link #remaining}), a deadline
 * earlier of two ({@link #orEarlier}), Go's split of the time left among the addresses to try ({@link
 * #share}), and additions that saturate instead of wrapping ({@link #plus}).
 */
public final class Deadline {
  private static final Deadline NONE = new Deadline(Long.MAX_VALUE);

  private final long nanos;

  private Deadline(long nanos) {
    this.nanos = nanos;
  }

  /**
   * No deadline: the connect runs until an attempt connects, every one fails, or the caller cancels.
   *
   * @return the deadline that never passes
   */
  public static Deadline none() {
    return NONE;
  }

  /**
   * A deadline {@code timeout} after the connect starts.
   *
   * @param timeout positive
   * @return the deadline
   * @throws IllegalArgumentException when {@code timeout} is not positive
   */
  public static Deadline after(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("a deadline's timeout must be positive, was " + StrategyOptions.formatDuration(timeout));
    }
    return afterNanos(saturatedNanos(timeout));
  }

  /**
   * A deadline {@code nanos} after the connect starts; {@link Long#MAX_VALUE} is none.
   *
   * @param nanos positive
   * @return the deadline
   */
  public static Deadline afterNanos(long nanos) {
    if (nanos <= 0) {
      throw new IllegalArgumentException("a deadline must be after the start, was " + nanos + " ns");
    }
    return nanos == Long.MAX_VALUE ? NONE : new Deadline(nanos);
  }

  /**
   * The deadline of a timeout that may be absent.
   *
   * @param timeout the timeout, or empty for none
   * @return the deadline, or {@link #none()}
   */
  public static Deadline of(Optional<Duration> timeout) {
    return timeout.isPresent() ? after(timeout.get()) : NONE;
  }

  /**
   * Whether there is no deadline.
   *
   * @return {@code true} for {@link #none()}
   */
  public boolean isNone() {
    return nanos == Long.MAX_VALUE;
  }

  /**
   * When it passes.
   *
   * @return nanoseconds since the connect started; {@link Long#MAX_VALUE} for none
   */
  public long nanos() {
    return nanos;
  }

  /**
   * The timeout it was made from.
   *
   * @return the time from the start to the deadline, or empty for none
   */
  public Optional<Duration> timeout() {
    return isNone() ? Optional.empty() : Optional.of(Duration.ofNanos(nanos));
  }

  /**
   * Whether it has passed at {@code nowNanos}.
   *
   * @param nowNanos the time since the connect started
   * @return {@code true} at or after the deadline
   */
  public boolean hasPassed(long nowNanos) {
    return nowNanos >= nanos;
  }

  /**
   * What is left at {@code nowNanos}.
   *
   * @param nowNanos the time since the connect started
   * @return the nanoseconds left, 0 once passed, {@link Long#MAX_VALUE} for none
   */
  public long remaining(long nowNanos) {
    return isNone() ? Long.MAX_VALUE : Math.max(0, nanos - nowNanos);
  }

  /**
   * This deadline or the one {@code timeout} after the start, whichever comes first: the connect's deadline
   * together with a strategy's own overall timeout (Go's {@code Dialer.Timeout}, curl's connect timeout).
   *
   * @param timeout a timeout from the start, or empty
   * @return the earlier deadline
   */
  public Deadline orEarlier(Optional<Duration> timeout) {
    if (timeout.isEmpty()) {
      return this;
    }
    long other = saturatedNanos(timeout.get());
    return other < nanos ? afterNanos(other) : this;
  }

  /**
   * Go's {@code partialDeadline} ({@code net/dial.go}): how long one of {@code attemptsLeft} attempts may
   * run, when the time left is shared equally among them, but never less than {@code floorNanos} (Go's
   * {@code saneMinimum}, 2 s) unless less than that is left; so that one black-holed address cannot eat the
   * whole deadline, and none gets too little to connect.
   *
   * @param nowNanos the time since the connect started
   * @param attemptsLeft the attempts still to start, this one included; at least 1
   * @param floorNanos the least share
   * @return the share in nanoseconds; 0 once passed; {@link Long#MAX_VALUE} when there is no deadline
   */
  public long share(long nowNanos, int attemptsLeft, long floorNanos) {
    if (attemptsLeft < 1) {
      throw new IllegalArgumentException("attemptsLeft must be at least 1, was " + attemptsLeft);
    }
    if (isNone()) {
      return Long.MAX_VALUE;
    }
    long remaining = remaining(nowNanos);
    long share = remaining / attemptsLeft;
    return share < floorNanos ? Math.min(floorNanos, remaining) : share;
  }

  /**
   * {@code a + b}, or {@link Long#MAX_VALUE} where the sum would overflow: for times where the largest value
   * means "never", such as a start plus a timeout that is none.
   *
   * @param a nanoseconds
   * @param b nanoseconds
   * @return the sum, saturated at {@link Long#MAX_VALUE}
   */
  public static long plus(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
  }

  /**
   * The nanoseconds of {@code d}, or {@link Long#MAX_VALUE} when they do not fit (about 292 years).
   *
   * @param d a duration
   * @return its nanoseconds, saturated
   */
  public static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException tooLong) {
      return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /**
   * The nanoseconds of a duration that may be absent.
   *
   * @param d a duration, or empty for never
   * @return its nanoseconds, or {@link Long#MAX_VALUE} when empty or too long
   */
  public static long nanosOrNever(Optional<Duration> d) {
    return d.isPresent() ? saturatedNanos(d.get()) : Long.MAX_VALUE;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Deadline other && other.nanos == nanos;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(nanos);
  }

  /** {@code none}, or the timeout as the project writes durations, such as {@code 3s}. */
  @Override
  public String toString() {
    return isNone() ? "none" : StrategyOptions.formatDuration(Duration.ofNanos(nanos));
  }
}
