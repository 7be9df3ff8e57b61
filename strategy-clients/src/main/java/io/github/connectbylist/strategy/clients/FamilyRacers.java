package io.github.connectbylist.strategy.clients;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.api.Deadline;
import io.github.connectbylist.api.PathHistory;
import io.github.connectbylist.api.Decision;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.StrategyOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Two racers, one per address family, each trying its family's addresses one at a time in ranked order: the
 * primary at once, the fallback after a delay or as soon as the primary has run out of addresses. This is
 * RFC 6555's shape (Happy Eyeballs v1), which Go, curl 7, Chrome and Firefox kept: at most two attempts are
 * ever in flight, and an address that neither connects nor fails holds its family until its attempt
 * timeout, if the client has one at all.
 */
public final class FamilyRacers implements AttemptScheduler {

  /** Which family the primary racer takes. */
  public enum Primary {
    /** The family of the first ranked address (Go's {@code dialParallel}, curl 7, Firefox). */
    FIRST_ADDRESS,
    /** IPv6 whenever there is an IPv6 address (Chrome's {@code TransportConnectJob}). */
    IPV6
  }

  /** How long one attempt of a racer may run. */
  public sealed interface AttemptTimeout {
    /**
     * The end of an attempt started now, or {@code -1} when the racer must not start another.
     *
     * @param now the time since the connect started
     * @param deadline the connect's deadline
     * @param racerRemaining the racer's addresses not yet tried, this one included
     * @param lastOfAll whether this is the last pair of the whole ranked list
     * @return when to end the attempt ({@link Long#MAX_VALUE} for never), or {@code -1}
     */
    long endOfAttempt(long now, Deadline deadline, int racerRemaining, boolean lastOfAll);
  }

  /** No attempt timeout: an attempt runs until it connects, fails, or the connect's deadline (Chrome, Firefox). */
  public record NoTimeout() implements AttemptTimeout {
    @Override
    public long endOfAttempt(long now, Deadline deadline, int racerRemaining, boolean lastOfAll) {
      return Long.MAX_VALUE;
    }

    @Override
    public String toString() {
      return "no attempt timeout";
    }
  }

  /**
   * Go's {@code partialDeadline} ({@code net/dial.go}): each address gets an equal share of the time left
   * before the deadline, never less than {@code floor} (Go's {@code saneMinimum}, 2 s) unless less is left.
   * Without a deadline (neither the connect's nor {@code Dialer.Timeout}) there is no attempt timeout.
   *
   * @param dialTimeout Go's {@code Dialer.Timeout}, if set
   * @param floor the least share
   */
  public record SplitDeadline(Optional<Duration> dialTimeout, Duration floor) implements AttemptTimeout {
    @Override
    public long endOfAttempt(long now, Deadline deadline, int racerRemaining, boolean lastOfAll) {
      Deadline end = deadline.orEarlier(dialTimeout);
      if (end.isNone()) {
        return Long.MAX_VALUE;
      }
      return end.hasPassed(now) ? -1 : now + end.share(now, racerRemaining, floor.toNanos());
    }

    @Override
    public String toString() {
      return "deadline split per address, floor " + StrategyOptions.formatDuration(floor)
          + dialTimeout.map(d -> ", dial timeout " + StrategyOptions.formatDuration(d)).orElse("");
    }
  }

  /**
   * curl 7's halving ({@code lib/connect.c}, 7.88.1: {@code timeoutms_per_addr = ai_next == NULL ? timeout_ms :
   * timeout_ms / 2}): each attempt gets half of the connect timeout left, the last address of the whole list
   * all of it.
   *
   * @param connectTimeout curl's {@code CURLOPT_CONNECTTIMEOUT}, 300 s by default
   */
  public record Halving(Duration connectTimeout) implements AttemptTimeout {
    @Override
    public long endOfAttempt(long now, Deadline deadline, int racerRemaining, boolean lastOfAll) {
      long remaining = deadline.orEarlier(Optional.of(connectTimeout)).remaining(now);
      if (remaining <= 0) {
        return -1;
      }
      return now + (lastOfAll ? remaining : remaining / 2);
    }

    @Override
    public String toString() {
      return "half the time left per address of " + StrategyOptions.formatDuration(connectTimeout);
    }
  }

  private final String name;
  private final Primary primary;
  private final Duration fallbackDelay;
  private final AttemptTimeout attemptTimeout;
  private final Optional<Duration> wakeUpInterval;

  /**
   * @param name the client and its options, for {@link #toString()}
   * @param primary which family goes first
   * @param fallbackDelay how long the primary racer runs alone
   * @param attemptTimeout how long one attempt may run
   * @param wakeUpInterval for a client that replaces a failed address only when it next wakes up (curl 7): the
   *     longest it sleeps; empty for one that replaces it at once
   */
  FamilyRacers(String name, Primary primary, Duration fallbackDelay, AttemptTimeout attemptTimeout,
      Optional<Duration> wakeUpInterval) {
    this.name = name;
    this.primary = primary;
    this.fallbackDelay = fallbackDelay;
    this.attemptTimeout = attemptTimeout;
    this.wakeUpInterval = wakeUpInterval;
  }

  @Override
  public Schedule newSchedule(List<AddressPair> rankedPairs, Deadline deadline, PathHistory history) {
    boolean primaryIsV6 = !rankedPairs.isEmpty()
        && (primary == Primary.IPV6 ? AddressPair.anyIpv6(rankedPairs) : rankedPairs.get(0).isIpv6());
    Racer first = new Racer();
    Racer second = new Racer();
    for (int i = 0; i < rankedPairs.size(); i++) {
      (rankedPairs.get(i).isIpv6() == primaryIsV6 ? first : second).positions.add(i);
    }
    return new Race(rankedPairs, first, second, fallbackDelay.toNanos(), attemptTimeout,
        deadline, Deadline.nanosOrNever(wakeUpInterval));
  }

  @Override
  public String toString() {
    return name + "(primary=" + (primary == Primary.IPV6 ? "IPv6" : "the first address's family") + ", fallback after "
        + StrategyOptions.formatDuration(fallbackDelay) + ", " + attemptTimeout
        + wakeUpInterval.map(d -> ", a failed address replaced at the next wake-up, at most "
            + StrategyOptions.formatDuration(d) + " later").orElse("") + ")";
  }

  /**
   * One family's serial queue: positions in the ranked list, the next to try, the attempt running, and, for a
   * client that replaces a failed address only when it wakes up, when it may and when it decided to.
   */
  private static final class Racer {
    final List<Integer> positions = new ArrayList<>();
    int next;
    int attempt = -1;
    long endAt = Long.MAX_VALUE;
    long readyAt;
    long decidedAt = -1;
    boolean started;
    boolean stopped;

    boolean hasMore() {
      return !stopped && next < positions.size();
    }

    boolean exhausted() {
      return attempt < 0 && !hasMore();
    }
  }

  /** One connect: the two racers and the attempts they started. */
  private static final class Race implements Schedule {
    private final List<AddressPair> pairs;
    private final Racer primary;
    private final Racer fallback;
    private final long fallbackDelay;
    /** When the fallback racer may start: its delay after the primary's first attempt, not after the connect's
     * start, which for a connect by name includes the wait for DNS (the clients start their timer with the
     * first attempt: Chrome's {@code TransportConnectJob}, Go's {@code dialParallel}, curl's {@code
     * Curl_connecthost}). */
    private long fallbackAt = Long.MAX_VALUE;
    private final AttemptTimeout timeout;
    private final Deadline deadline;
    private final long wakeUpInterval;
    private final Racer[] racers;
    private final List<Racer> byAttempt = new ArrayList<>();

    Race(List<AddressPair> pairs, Racer primary, Racer fallback, long fallbackDelay, AttemptTimeout timeout,
        Deadline deadline, long wakeUpInterval) {
      this.pairs = pairs;
      this.primary = primary;
      this.fallback = fallback;
      this.fallbackDelay = fallbackDelay;
      this.timeout = timeout;
      this.deadline = deadline;
      this.wakeUpInterval = wakeUpInterval;
      this.racers = new Racer[] {primary, fallback};
      primary.started = true;
    }

    @Override
    public Decision next(long now) {
      for (Racer r : racers) {
        if (r.attempt >= 0 && now >= r.endAt) {
          return Decision.endAttempt(r.attempt);
        }
      }
      if (!fallback.started && (now >= fallbackAt || (primary.exhausted() && now >= fallback.readyAt))) {
        fallback.started = true;
      }
      for (Racer r : racers) {
        Decision start = r.started && r.attempt < 0 && now >= r.readyAt ? startNext(r, now) : null;
        if (start != null) {
          return start;
        }
      }
      long wake = Math.min(primary.endAt, fallback.endAt);
      if (!fallback.started && fallback.hasMore()) {
        wake = Math.min(wake, primary.exhausted() ? Math.min(fallbackAt, fallback.readyAt) : fallbackAt);
      }
      for (Racer r : racers) {
        if (r.started && r.attempt < 0 && r.hasMore()) {
          wake = Math.min(wake, r.readyAt);
        }
      }
      return wake == Long.MAX_VALUE ? Decision.awaitAttemptEnd() : Decision.wakeAt(wake);
    }

    private Decision startNext(Racer r, long now) {
      while (r.hasMore()) {
        int position = r.positions.get(r.next);
        long decided = r.decidedAt >= 0 ? r.decidedAt : now; // curl 7 sets the timeout when it moves on
        long end = timeout.endOfAttempt(decided, deadline, r.positions.size() - r.next, position == pairs.size() - 1);
        if (end < 0) {
          r.stopped = true;
          return null;
        }
        r.next++;
        r.attempt = byAttempt.size();
        r.endAt = end;
        byAttempt.add(r);
        if (r == primary && fallbackAt == Long.MAX_VALUE) {
          fallbackAt = Deadline.plus(now, fallbackDelay);
        }
        return Decision.start(pairs.get(position));
      }
      return null;
    }

    @Override
    public void attemptFailed(int index, FailureKind kind, long now) {
      if (index < 0 || index >= byAttempt.size()) {
        return;
      }
      Racer r = byAttempt.get(index);
      if (r.attempt == index) {
        r.attempt = -1;
        r.endAt = Long.MAX_VALUE;
        if (wakeUpInterval != Long.MAX_VALUE) {
          r.decidedAt = now;
          r.readyAt = nextWakeUp(now);
          if (r == primary && !fallback.started) {
            fallback.readyAt = r.readyAt;
          }
        }
      }
    }

    /** The first time after {@code now} that a client which sleeps between its timers looks again. */
    private long nextWakeUp(long now) {
      long wake = Deadline.plus(now, wakeUpInterval);
      if (now < fallbackAt) {
        wake = Math.min(wake, fallbackAt); // the happy eyeballs timer is still pending
      }
      for (Racer other : racers) {
        if (other.attempt >= 0) {
          wake = Math.min(wake, other.endAt);
        }
      }
      return wake;
    }
  }
}
