package io.github.connectbylist.strategy.clients;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.api.Deadline;
import io.github.connectbylist.api.PathHistory;
import io.github.connectbylist.api.Decision;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.StrategyOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One queue of attempts in ranked order, started one after another: the next when a delay has passed since
 * the last start, or when a failure lets it. Clients differ in which failure lets it ({@link Trigger}), in
 * whether there is a delay at all, and in how long one attempt may run. OkHttp 5, Node.js, Python asyncio
 * and curl 8 are all this shape; RFC 8305 section 5 is too, with {@link Trigger#ANY_FAILURE}.
 */
public final class Staggered implements AttemptScheduler {

  /** Which failure starts the next attempt before the delay has passed. */
  public enum Trigger {
    /** Any attempt's failure starts one more (RFC 8305 section 5, curl 8). */
    ANY_FAILURE,
    /** Only the failure of the attempt started last (asyncio's {@code staggered_race}, Node.js). */
    PREVIOUS_FAILURE,
    /** A failure starts the next only when no attempt is left in flight (OkHttp 5's fast fallback). */
    NONE_IN_FLIGHT
  }

  private final String name;
  private final Optional<Duration> delay;
  private final Trigger trigger;
  private final Optional<Duration> attemptTimeout;
  private final boolean lastAttemptTimesOut;
  private final Optional<Duration> giveUpAfter;

  /**
   * @param name the client and its options, for {@link #toString()}
   * @param delay the time from one start to the next, or empty to start only on failure
   * @param trigger which failure starts the next attempt early
   * @param attemptTimeout how long one attempt may run, or empty for as long as the connect
   * @param lastAttemptTimesOut whether the last pair's attempt is ended at its timeout too (Node.js: no)
   * @param giveUpAfter when every attempt is ended and none started (a client's own connect timeout), if any
   */
  Staggered(String name, Optional<Duration> delay, Trigger trigger, Optional<Duration> attemptTimeout,
      boolean lastAttemptTimesOut, Optional<Duration> giveUpAfter) {
    this.name = name;
    this.delay = delay;
    this.trigger = trigger;
    this.attemptTimeout = attemptTimeout;
    this.lastAttemptTimesOut = lastAttemptTimesOut;
    this.giveUpAfter = giveUpAfter;
  }

  @Override
  public Schedule newSchedule(List<AddressPair> rankedPairs, Deadline deadline, PathHistory history) {
    return new Queue(rankedPairs.size(), Deadline.nanosOrNever(delay), trigger, Deadline.nanosOrNever(attemptTimeout), lastAttemptTimesOut,
        Deadline.nanosOrNever(giveUpAfter));
  }

  @Override
  public String toString() {
    return name + "(delay=" + delay.map(StrategyOptions::formatDuration).orElse("none") + ", next on "
        + trigger.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ", attempt timeout="
        + attemptTimeout.map(StrategyOptions::formatDuration).orElse("none")
        + (attemptTimeout.isPresent() && !lastAttemptTimesOut ? " but the last" : "")
        + giveUpAfter.map(d -> ", gives up after " + StrategyOptions.formatDuration(d)).orElse("") + ")";
  }

  /** One connect: which pairs started when, which still run, and how many starts failures have earned. */
  private static final class Queue implements Schedule {
    private final int pairCount;
    private final long delay;
    private final Trigger trigger;
    private final long attemptTimeout;
    private final boolean lastAttemptTimesOut;
    private final long giveUpAt;
    private final long[] endAt;
    private final boolean[] running;
    private int started;
    private int inFlight;
    private long lastStart;
    private int earnedStarts;

    Queue(int pairCount, long delay, Trigger trigger, long attemptTimeout, boolean lastAttemptTimesOut, long giveUpAt) {
      this.pairCount = pairCount;
      this.delay = delay;
      this.trigger = trigger;
      this.attemptTimeout = attemptTimeout;
      this.lastAttemptTimesOut = lastAttemptTimesOut;
      this.giveUpAt = giveUpAt;
      this.endAt = new long[pairCount];
      this.running = new boolean[pairCount];
    }

    @Override
    public Decision next(long now) {
      for (int i = 0; i < started; i++) {
        if (running[i] && (now >= endAt[i] || now >= giveUpAt)) {
          return Decision.endAttempt(i);
        }
      }
      if (started < pairCount && now < giveUpAt && mayStart(now)) {
        int index = started++;
        running[index] = true;
        inFlight++;
        lastStart = now;
        earnedStarts = Math.max(0, earnedStarts - 1);
        boolean timesOut = lastAttemptTimesOut || index < pairCount - 1;
        endAt[index] = timesOut ? Deadline.plus(now, attemptTimeout) : Long.MAX_VALUE;
        return Decision.startNext();
      }
      long wake = inFlight > 0 ? giveUpAt : Long.MAX_VALUE;
      for (int i = 0; i < started; i++) {
        if (running[i]) {
          wake = Math.min(wake, endAt[i]);
        }
      }
      if (started < pairCount && now < giveUpAt) {
        wake = Math.min(wake, Deadline.plus(lastStart, delay));
      }
      return wake == Long.MAX_VALUE ? Decision.awaitAttemptEnd() : Decision.wakeAt(wake);
    }

    private boolean mayStart(long now) {
      return started == 0 || earnedStarts > 0 || now >= Deadline.plus(lastStart, delay)
          || (trigger == Trigger.NONE_IN_FLIGHT && inFlight == 0);
    }

    @Override
    public void attemptFailed(int index, FailureKind kind, long now) {
      if (index < 0 || index >= started || !running[index]) {
        return;
      }
      running[index] = false;
      inFlight--;
      if (trigger == Trigger.ANY_FAILURE || (trigger == Trigger.PREVIOUS_FAILURE && index == started - 1)) {
        earnedStarts++;
      }
    }
  }
}
