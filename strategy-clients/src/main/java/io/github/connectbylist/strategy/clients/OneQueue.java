package io.github.connectbylist.strategy.clients;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.api.Deadline;
import io.github.connectbylist.api.PathHistory;
import io.github.connectbylist.api.Staggered;
import io.github.connectbylist.api.StrategyOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A client whose attempts form one queue in ranked order, started one after another: the next when a delay has
 * passed since the last start, or when a failure lets it. OkHttp 5, Node.js, Python asyncio and curl 8 are all
 * this shape, and differ in which failure lets it ({@link Staggered.Trigger}), in whether there is a delay at all,
 * and in how long one attempt may run; api's {@link Staggered} runs each connect.
 */
final class OneQueue implements AttemptScheduler {
  private final String name;
  private final Optional<Duration> delay;
  private final Optional<Duration> attemptTimeout;
  private final Optional<Duration> giveUpAfter;
  private final Staggered.Pacing pacing;

  /**
   * @param name the client, for {@link #toString()}
   * @param delay the time from one start to the next, or empty to start only on failure
   * @param trigger which failure starts the next attempt early
   * @param attemptTimeout how long one attempt may run, or empty for as long as the connect
   * @param lastAttemptTimesOut whether the last pair's attempt is ended at its timeout too (Node.js: no)
   * @param giveUpAfter when every attempt is ended and none started (a client's own connect timeout), if any
   */
  OneQueue(String name, Optional<Duration> delay, Staggered.Trigger trigger, Optional<Duration> attemptTimeout,
      boolean lastAttemptTimesOut, Optional<Duration> giveUpAfter) {
    this.name = name;
    this.delay = delay;
    this.attemptTimeout = attemptTimeout;
    this.giveUpAfter = giveUpAfter;
    this.pacing = new Staggered.Pacing(trigger, Integer.MAX_VALUE, Deadline.nanosOrNever(attemptTimeout),
        lastAttemptTimesOut, Deadline.nanosOrNever(giveUpAfter));
  }

  @Override
  public Schedule newSchedule(List<AddressPair> rankedPairs, Deadline deadline, PathHistory history) {
    return new Staggered(pacing, Staggered.every(rankedPairs.size(), Deadline.nanosOrNever(delay)));
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(name).append("(delay=").append(text(delay)).append(", next on ")
        .append(pacing.trigger().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
        .append(", attempt timeout=").append(text(attemptTimeout));
    if (attemptTimeout.isPresent() && !pacing.lastAttemptTimesOut()) {
      s.append(" but the last");
    }
    if (giveUpAfter.isPresent()) {
      s.append(", gives up after ").append(StrategyOptions.formatDuration(giveUpAfter.get()));
    }
    return s.append(')').toString();
  }

  private static String text(Optional<Duration> d) {
    return d.isPresent() ? StrategyOptions.formatDuration(d.get()) : "none";
  }
}
