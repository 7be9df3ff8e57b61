package io.github.connectbylist.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * The staggered schedule of one connect, the shape RFC 8305 section 5 shares with OkHttp 5, Node.js, Python
 * asyncio and curl 8: attempts start one after another in ranked order, the next when a delay has passed since
 * the last start or when a failure lets it; optionally no more than so many in flight, each ended after a
 * timeout, and all ended at a time to give up. Written once here so that every scheduler of that shape counts
 * starts, failures and wake-ups the same way; a scheduler adds only what is its own (RFC 8305's Resolution
 * Delay, per-pair delays from history) around it.
 *
 * <p>Times are those of {@link AttemptScheduler.Schedule}: nanoseconds since the connect started, {@link
 * Long#MAX_VALUE} for never.
 */
public final class Staggered implements AttemptScheduler.Schedule {

  /** Which failure starts the next attempt before its delay has passed. */
  public enum Trigger {
    /** Any attempt's failure starts one more (RFC 8305 section 5, curl 8). */
    ANY_FAILURE,
    /** Only the failure of the attempt started last (asyncio's {@code staggered_race}, Node.js). */
    PREVIOUS_FAILURE,
    /** A failure starts the next only when no attempt is left in flight (OkHttp 5's fast fallback). */
    NONE_IN_FLIGHT
  }

  /**
   * What a scheduler fixes once for all its connects.
   *
   * @param trigger which failure starts the next attempt early
   * @param maxInFlight at most this many attempts at once, at least 1; {@link Integer#MAX_VALUE} for no cap
   * @param attemptTimeoutNanos how long one attempt may run; {@link Long#MAX_VALUE} for as long as the connect
   * @param lastAttemptTimesOut whether the last pair's attempt is ended at its timeout too (Node.js: no)
   * @param giveUpAtNanos when every attempt is ended and no other starts (a client's own connect timeout);
   *     {@link Long#MAX_VALUE} for never
   */
  public record Pacing(Trigger trigger, int maxInFlight, long attemptTimeoutNanos, boolean lastAttemptTimesOut,
      long giveUpAtNanos) {
    /**
     * Checks the pacing.
     *
     * @param trigger which failure starts the next attempt early
     * @param maxInFlight at least 1
     * @param attemptTimeoutNanos positive
     * @param lastAttemptTimesOut whether the last attempt times out too
     * @param giveUpAtNanos positive
     */
    public Pacing {
      Objects.requireNonNull(trigger, "trigger");
      if (maxInFlight < 1 || attemptTimeoutNanos < 1 || giveUpAtNanos < 1) {
        throw new IllegalArgumentException("a cap, a timeout and a time to give up must be positive: " + maxInFlight
            + ", " + attemptTimeoutNanos + ", " + giveUpAtNanos);
      }
    }

    /**
     * RFC 8305 section 5's: any failure starts the next attempt, nothing ends one.
     *
     * @param maxInFlight at most this many attempts at once; {@link Integer#MAX_VALUE} for no cap
     * @return the pacing
     */
    public static Pacing rfc8305(int maxInFlight) {
      return new Pacing(Trigger.ANY_FAILURE, maxInFlight, Long.MAX_VALUE, true, Long.MAX_VALUE);
    }
  }

  private final Pacing pacing;
  private long[] delayAfter; // for each pair in ranked order, how long after starting it the next may start
  private long[] endAt; // for each attempt started, when to end it
  private boolean[] running;
  private int started;
  private int inFlight;
  private int startsOwed; // failures (and whatever the scheduler adds) not yet answered with a start
  private long nextDue; // when the delay after the last start has passed

  /**
   * The schedule of one connect.
   *
   * @param pacing the scheduler's pacing
   * @param delayAfter for each pair in ranked order, how long after its start the next may start ({@link
   *     Long#MAX_VALUE}: only a failure starts the next); see {@link #every}
   */
  public Staggered(Pacing pacing, long[] delayAfter) {
    this.pacing = Objects.requireNonNull(pacing, "pacing");
    this.delayAfter = delayAfter.clone();
    this.endAt = new long[delayAfter.length];
    this.running = new boolean[delayAfter.length];
  }

  /**
   * The same delay after every pair.
   *
   * @param pairCount how many pairs
   * @param delayNanos the delay; {@link Long#MAX_VALUE} for none
   * @return the delays for {@link #Staggered}
   */
  public static long[] every(int pairCount, long delayNanos) {
    long[] delays = new long[pairCount];
    Arrays.fill(delays, delayNanos);
    return delays;
  }

  /**
   * How many attempts have started.
   *
   * @return the attempts started, which are the first pairs in ranked order
   */
  public int started() {
    return started;
  }

  /**
   * How many pairs this schedule knows of.
   *
   * @return the pairs, started or not
   */
  public int pairCount() {
    return delayAfter.length;
  }

  /**
   * For a connect by name whose pairs changed (an answer arrived): the delays of every pair now, in ranked order.
   * The first {@link #started()} are those of the pairs already started, which keep their delay.
   *
   * @param delays for each pair now, how long after its start the next may start
   */
  public void pairsChanged(long[] delays) {
    if (delays.length < started) {
      throw new IllegalArgumentException("the " + started + " pairs started cannot go away: " + delays.length);
    }
    long[] all = delays.clone();
    System.arraycopy(delayAfter, 0, all, 0, started);
    delayAfter = all;
    endAt = Arrays.copyOf(endAt, all.length);
    running = Arrays.copyOf(running, all.length);
  }

  /** Lets the next attempt start at once, as a failure would (one start, never a burst). */
  public void oweStart() {
    startsOwed++;
  }

  @Override
  public Decision next(long now) {
    for (int i = 0; i < started; i++) {
      if (running[i] && (now >= endAt[i] || now >= pacing.giveUpAtNanos())) {
        return Decision.endAttempt(i);
      }
    }
    boolean more = started < delayAfter.length;
    if (!more) {
      startsOwed = 0; // a failure with nothing left to start owes nothing to pairs that come later
    }
    boolean startable = more && inFlight < pacing.maxInFlight() && now < pacing.giveUpAtNanos();
    if (startable && mayStart(now)) {
      return start(now);
    }
    long wake = inFlight > 0 ? pacing.giveUpAtNanos() : Long.MAX_VALUE;
    for (int i = 0; i < started; i++) {
      if (running[i]) {
        wake = Math.min(wake, endAt[i]);
      }
    }
    if (startable) {
      wake = Math.min(wake, nextDue);
    }
    return wake == Long.MAX_VALUE ? Decision.awaitAttemptEnd() : Decision.wakeAt(wake);
  }

  private boolean mayStart(long now) {
    return started == 0 || startsOwed > 0 || now >= nextDue
        || (pacing.trigger() == Trigger.NONE_IN_FLIGHT && inFlight == 0);
  }

  private Decision start(long now) {
    int index = started++;
    running[index] = true;
    inFlight++;
    startsOwed = Math.max(0, startsOwed - 1);
    nextDue = Deadline.plus(now, delayAfter[index]);
    boolean timesOut = pacing.lastAttemptTimesOut() || index < delayAfter.length - 1;
    endAt[index] = timesOut ? Deadline.plus(now, pacing.attemptTimeoutNanos()) : Long.MAX_VALUE;
    return Decision.startNext();
  }

  @Override
  public void attemptFailed(int index, FailureKind kind, long now) {
    if (index < 0 || index >= started || !running[index]) {
      return;
    }
    running[index] = false;
    inFlight--;
    Trigger trigger = pacing.trigger();
    if (trigger == Trigger.ANY_FAILURE || (trigger == Trigger.PREVIOUS_FAILURE && index == started - 1)) {
      startsOwed++;
    }
  }
}
