package io.github.connectbylist.api;

import java.util.Map;
import java.util.Objects;

/**
 * What earlier connects learned of one path (a pair, a destination, or a destination's prefix): how often
 * it connected, failed or lost a race, how it last ended and when, its smoothed round-trip time (RFC 6298
 * section 2 over connect times), and a lower bound on its round-trip time from attempts that were still
 * running when they were given up. Times are nanoseconds on the clock of the {@link PathHistory} it came
 * from.
 *
 * @param connected attempts that connected
 * @param failed attempts that failed, whatever the kind
 * @param failuresByKind {@code failed}, by kind
 * @param lost attempts still running when an attempt started after them connected: slower than the winner
 * @param lastOutcome how the last attempt with an outcome ended
 * @param lastOutcomeAtNanos when it ended
 * @param smoothedRttNanos SRTT of the connect times, or {@code -1} before the first
 * @param rttVariationNanos RTTVAR of the connect times, or {@code -1} before the first
 * @param slowerThanNanos the longest time an attempt ran without connecting since the last connect (lost
 *     races, timeouts): a lower bound on the round-trip time now; 0 when there is none
 * @param lastUsedAtNanos when an attempt last connected, or {@link Long#MIN_VALUE} if none ever did
 */
public record PathRecord(
    int connected,
    int failed,
    Map<FailureKind, Integer> failuresByKind,
    int lost,
    Outcome lastOutcome,
    long lastOutcomeAtNanos,
    long smoothedRttNanos,
    long rttVariationNanos,
    long slowerThanNanos,
    long lastUsedAtNanos) {

  /** How an attempt on a path ended, as history counts it. */
  public enum Outcome {
    /** It connected. */
    CONNECTED,
    /** It failed: refused, unreachable, timed out. */
    FAILED,
    /** It was still running when an attempt started after it connected: it lost the race. */
    LOST
  }

  /**
   * Copies the map and checks the rest.
   *
   * @param connected attempts that connected
   * @param failed attempts that failed
   * @param failuresByKind failures by kind
   * @param lost races lost
   * @param lastOutcome how the last attempt ended
   * @param lastOutcomeAtNanos when
   * @param smoothedRttNanos SRTT, or -1
   * @param rttVariationNanos RTTVAR, or -1
   * @param slowerThanNanos lower bound on the RTT since the last connect, or 0
   * @param lastUsedAtNanos last connect, or {@link Long#MIN_VALUE}
   */
  public PathRecord {
    failuresByKind = Map.copyOf(failuresByKind);
    Objects.requireNonNull(lastOutcome, "lastOutcome");
  }

  /**
   * Whether a connect time has been measured.
   *
   * @return {@code true} once an attempt connected
   */
  public boolean hasRtt() {
    return smoothedRttNanos >= 0;
  }

  /**
   * Whether an attempt on this path ever connected: HEv3's "previously used".
   *
   * @return {@code true} when one did
   */
  public boolean used() {
    return lastUsedAtNanos != Long.MIN_VALUE;
  }

  /**
   * The round-trip time to expect: the smoothed one, or the lower bound when that is larger (an attempt
   * ran longer without connecting since).
   *
   * @return nanoseconds, or {@code -1} when nothing is known
   */
  public long expectedRttNanos() {
    return Math.max(smoothedRttNanos, slowerThanNanos > 0 ? slowerThanNanos : -1);
  }

  /**
   * Whether the last outcome was a failure or a lost race within {@code window} before {@code nowNanos}.
   *
   * @param nowNanos the time to judge at, on the history's clock
   * @param windowNanos how long such an outcome counts
   * @return {@code true} when the path went wrong that recently
   */
  public boolean wentWrongWithin(long nowNanos, long windowNanos) {
    return lastOutcome != Outcome.CONNECTED && nowNanos - lastOutcomeAtNanos < windowNanos;
  }
}
