package io.github.connectbylist.strategy.happyeyeballs;

/**
 * A smoothed round-trip time and its variation from the connects of one {@code ConnectByList}, as TCP keeps
 * them (RFC 6298 section 2): the adaptive delay is the time after which an answer is late, SRTT + 4 RTTVAR,
 * within RFC 8305's bounds. Shared by the concurrent connects of an instance, so it is thread-safe.
 */
final class RttEstimator {
  private long smoothedNanos = -1;
  private long variationNanos;

  synchronized void record(long rttNanos) {
    if (rttNanos < 0) {
      return;
    }
    if (smoothedNanos < 0) {
      smoothedNanos = rttNanos;
      variationNanos = rttNanos / 2;
    } else {
      variationNanos = (3 * variationNanos + Math.abs(smoothedNanos - rttNanos)) / 4;
      smoothedNanos = (7 * smoothedNanos + rttNanos) / 8;
    }
  }

  /** SRTT + 4 RTTVAR clamped to [min, max], or {@code otherwise} before the first sample. */
  synchronized long delayNanos(long otherwise, long min, long max) {
    if (smoothedNanos < 0) {
      return otherwise;
    }
    long delay = smoothedNanos + 4 * variationNanos;
    return Math.max(min, Math.min(max, delay));
  }
}
