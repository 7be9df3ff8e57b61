package io.github.connectbylist.strategy.happyeyeballs;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.Answer;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.api.Deadline;
import io.github.connectbylist.api.Decision;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.PathHistory;
import io.github.connectbylist.api.PathRecord;
import io.github.connectbylist.api.Query;
import io.github.connectbylist.api.ServiceBinding;
import io.github.connectbylist.api.Staggered;
import io.github.connectbylist.api.StrategyOption;
import io.github.connectbylist.api.StrategyOptions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Scheduler {@code happy-eyeballs}, RFC 8305 section 5: the first attempt starts at once; the next starts
 * when the Connection Attempt Delay has passed since the last start, or at once when an attempt fails (one
 * new start per failure, never a burst). Earlier attempts keep running, since the delay is not a timeout,
 * and the first to connect wins. An optional cap bounds the attempts in flight.
 *
 * <p>The adaptive mode takes each delay from the history of connects (section 5: "historical RTT data
 * gathered from other connections to the same host or prefix"): after starting a pair whose destination,
 * or else whose prefix, has connected before, the next start waits for that path's retransmission timeout,
 * SRTT + 4 RTTVAR (RFC 6298 section 2); for a pair never connected, the shortest such timeout among this
 * connect's other pairs, which are addresses of the same service; with no history at all, the configured
 * delay. Always within 10 ms and 2 s.
 *
 * <p>A connect by name starts before resolution has ended (RFC 8305 section 3; the Happy Eyeballs v3 draft's
 * section 4.2): once it has a destination, it starts when the preferred family (IPv6) has answered, positive,
 * empty or failed, and, when service records were asked for ({@link Schedule#servicesAwaited}), their answer
 * has come too; else when the Resolution Delay ({@code resolution-delay}, 50 ms) has passed since the first
 * destination came, or resolution ends. An IPv6 hint counts as the IPv6 answer until the answer comes (draft
 * section 4.2.1). Without service records this is RFC 8305's rule: an AAAA answer first starts at once, an A
 * answer first waits up to the delay for AAAA. Later answers are ranked into the pairs not yet started (section 6)
 * and keep the pacing, with one exception of ours: an AAAA answer that comes after the Resolution Delay ran
 * out, while only IPv4 has been tried, starts IPv6 at once. The delay postponed the family RFC 6724 prefers;
 * it did not demote it, and a slow AAAA answer behind a broken IPv4 path then costs its own delay, not a
 * further Connection Attempt Delay. A late A answer keeps the pacing.
 */
public final class HappyEyeballsScheduler implements AttemptScheduler {
  /** RFC 8305 section 5: the delay MUST NOT be shorter than 10 ms; the adaptive delay is kept above it too. */
  public static final Duration MINIMUM_DELAY = Duration.ofMillis(10);
  /** RFC 8305 section 5: the adaptive delay SHOULD stay at or below 2 s. */
  public static final Duration MAXIMUM_ADAPTIVE_DELAY = Duration.ofSeconds(2);

  /**
   * RFC 8305 section 5's Connection Attempt Delay: the time between attempt starts; 250 ms recommended (section
   * 8), never below {@link #MINIMUM_DELAY}. Values outside 100 ms to 2 s are allowed but not recommended.
   */
  public static final StrategyOption<Duration> CONNECTION_ATTEMPT_DELAY = StrategyOption.duration(
      "connection-attempt-delay", Duration.ofMillis(250), MINIMUM_DELAY, StrategyOptions.MAX_DURATION,
      "time between attempt starts; at least " + StrategyOptions.formatDuration(MINIMUM_DELAY)
          + ", 100ms to 2s recommended");
  /** At most this many attempts in flight; when reached, the next start waits for one to end. No cap by default. */
  public static final StrategyOption<Optional<Integer>> MAX_CONCURRENT_ATTEMPTS = StrategyOption.wholeOrNone(
      "max-concurrent-attempts", 1, Integer.MAX_VALUE, "at most this many attempts in flight");
  /**
   * Each delay from history, as RFC 8305 section 5 allows: the retransmission timeout (SRTT + 4 RTTVAR, RFC 6298)
   * of the path started, within {@link #MINIMUM_DELAY} and {@link #MAXIMUM_ADAPTIVE_DELAY}.
   */
  public static final StrategyOption<Boolean> ADAPTIVE = StrategyOption.flag("adaptive", false,
      "take each delay from the history of the path started (SRTT + 4 RTTVAR, "
          + StrategyOptions.formatDuration(MINIMUM_DELAY) + ".." + StrategyOptions.formatDuration(MAXIMUM_ADAPTIVE_DELAY)
          + ")");
  /**
   * RFC 8305 section 3's Resolution Delay: by name, how long to wait for the AAAA answer when the A answer came
   * first; 50 ms recommended (section 8). Zero starts on any first answer.
   */
  public static final StrategyOption<Duration> RESOLUTION_DELAY = StrategyOption.duration("resolution-delay",
      Duration.ofMillis(50), Duration.ZERO, StrategyOptions.MAX_DURATION,
      "by name: how long to wait for AAAA when A answers first");
  /** Every option of scheduler {@code happy-eyeballs}. */
  public static final List<StrategyOption<?>> OPTIONS =
      List.of(CONNECTION_ATTEMPT_DELAY, MAX_CONCURRENT_ATTEMPTS, ADAPTIVE, RESOLUTION_DELAY);

  private final Duration delay;
  private final Optional<Integer> maxConcurrentAttempts;
  private final boolean adaptive;
  private final Duration resolutionDelay;

  private final Staggered.Pacing pacing;

  private HappyEyeballsScheduler(Builder b) {
    this.delay = b.delay;
    this.maxConcurrentAttempts = b.maxConcurrentAttempts;
    this.pacing = Staggered.Pacing.rfc8305(b.maxConcurrentAttempts.orElse(Integer.MAX_VALUE));
    this.adaptive = b.adaptive;
    this.resolutionDelay = b.resolutionDelay;
  }

  /**
   * Typed options, starting from RFC 8305's recommendation.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * RFC 8305's recommendation: every option at its default (see {@link #OPTIONS}).
   *
   * @return the scheduler
   */
  public static HappyEyeballsScheduler standard() {
    return builder().build();
  }

  static HappyEyeballsScheduler fromOptions(StrategyOptions options) {
    Builder b = builder();
    b.delay = options.get(CONNECTION_ATTEMPT_DELAY);
    b.maxConcurrentAttempts = options.get(MAX_CONCURRENT_ATTEMPTS);
    b.adaptive = options.get(ADAPTIVE);
    b.resolutionDelay = options.get(RESOLUTION_DELAY);
    return b.build();
  }

  /**
   * How long a connect by name whose A answer came first waits for the AAAA answer.
   *
   * @return the Resolution Delay
   */
  public Duration resolutionDelay() {
    return resolutionDelay;
  }

  /** Races the answers of a connect by name as they arrive (RFC 8305 section 3). */
  @Override
  public boolean startsBeforeResolution() {
    return true;
  }

  /**
   * The configured Connection Attempt Delay: always used when not adaptive, else when history knows nothing.
   *
   * @return the delay
   */
  public Duration connectionAttemptDelay() {
    return delay;
  }

  /**
   * The cap on attempts in flight.
   *
   * @return the cap, or empty for none
   */
  public Optional<Integer> maxConcurrentAttempts() {
    return maxConcurrentAttempts;
  }

  /**
   * Whether each delay comes from the history of the path just started.
   *
   * @return {@code true} when adaptive
   */
  public boolean adaptive() {
    return adaptive;
  }

  @Override
  public Schedule newSchedule(List<AddressPair> rankedPairs, Deadline deadline, PathHistory history) {
    Staggered staggered = new Staggered(pacing, delays(rankedPairs, history));
    return new ConnectState(rankedPairs, staggered, resolutionDelay.toNanos(), this, history);
  }

  /** For each pair, how long after starting it the next may start. */
  private long[] delays(List<AddressPair> rankedPairs, PathHistory history) {
    long[] delays = new long[rankedPairs.size()];
    Arrays.fill(delays, delay.toNanos());
    if (adaptive) {
      adaptDelays(rankedPairs, history, delays);
    }
    return delays;
  }

  /**
   * Each pair's retransmission timeout from history, or the shortest of the others' where it has none; left
   * at the configured delay when no pair of this connect has connected before.
   */
  private static void adaptDelays(List<AddressPair> pairs, PathHistory history, long[] delays) {
    long best = Long.MAX_VALUE;
    long[] own = new long[pairs.size()];
    for (int i = 0; i < own.length; i++) {
      own[i] = retransmissionTimeout(pairs.get(i), history);
      if (own[i] >= 0) {
        best = Math.min(best, own[i]);
      }
    }
    if (best == Long.MAX_VALUE) {
      return;
    }
    for (int i = 0; i < own.length; i++) {
      long timeout = own[i] >= 0 ? own[i] : best;
      delays[i] = Math.max(MINIMUM_DELAY.toNanos(), Math.min(MAXIMUM_ADAPTIVE_DELAY.toNanos(), timeout));
    }
  }

  /** SRTT + 4 RTTVAR of the pair's destination, else of its prefix; -1 when neither ever connected. */
  private static long retransmissionTimeout(AddressPair pair, PathHistory history) {
    Optional<PathRecord> known = history.destination(pair.destination());
    if (known.isEmpty() || !known.get().hasRtt()) {
      known = history.prefix(pair.destinationAddress());
    }
    if (known.isEmpty() || !known.get().hasRtt()) {
      return -1;
    }
    return known.get().smoothedRttNanos() + 4 * known.get().rttVariationNanos();
  }

  @Override
  public String toString() {
    return "happy-eyeballs(connection-attempt-delay=" + CONNECTION_ATTEMPT_DELAY.format(delay)
        + ", max-concurrent-attempts=" + MAX_CONCURRENT_ATTEMPTS.format(maxConcurrentAttempts)
        + ", adaptive=" + adaptive + ", resolution-delay=" + RESOLUTION_DELAY.format(resolutionDelay) + ")";
  }

  /**
   * The state of one connect: api's {@link Staggered} core paces the attempts; this adds RFC 8305 section 3 for a
   * connect by name (the Resolution Delay, late answers ranked in) and the adaptive delays.
   */
  private static final class ConnectState implements Schedule {
    private final Staggered staggered;
    private final long resolutionDelay;
    private final HappyEyeballsScheduler config;
    private final PathHistory history;
    private List<AddressPair> pairs;
    // RFC 8305 section 3 and the v3 draft's section 4.2, for a connect by name
    private boolean ipv6Settled; // the AAAA query is over, whatever it said, an IPv6 hint came, or resolution ended
    private boolean servicesPending; // service records were asked for and their answer has not come
    private String serviceHost; // the name the service answer was for: any other name is a record's target
    private long firstDestinationAt = -1; // when the first destination came

    ConnectState(List<AddressPair> rankedPairs, Staggered staggered, long resolutionDelay, HappyEyeballsScheduler config,
        PathHistory history) {
      this.pairs = rankedPairs;
      this.staggered = staggered;
      this.resolutionDelay = resolutionDelay;
      this.config = config;
      this.history = history;
    }

    @Override
    public Decision next(long now) {
      if (staggered.started() == 0 && staggered.pairCount() > 0 && firstDestinationAt >= 0
          && (!ipv6Settled || servicesPending) && now < firstDestinationAt + resolutionDelay) {
        return Decision.wakeAt(firstDestinationAt + resolutionDelay); // wait for AAAA and HTTPS, within the delay
      }
      return staggered.next(now);
    }

    @Override
    public void attemptFailed(int index, FailureKind kind, long now) {
      staggered.attemptFailed(index, kind, now);
    }

    @Override
    public void answered(Answer answer, List<AddressPair> rankedPairs, long now) {
      int started = staggered.started();
      // no IPv6 pair before this answer: none started, none waiting
      boolean lateAaaa = started > 0 && answer.query() == Query.AAAA && answer.hasIpv6() && !AddressPair.anyIpv6(pairs);
      if (answer.query().isService()) {
        servicesPending = false;
        serviceHost = answer.host();
      }
      // only the name's own AAAA answer settles IPv6, not a record target's (nor the NAT64 discovery's)
      boolean target = serviceHost != null && !answer.query().isService() && !answer.host().equalsIgnoreCase(serviceHost);
      if (answer.query().coversIpv6() && !answer.isNat64Discovery() && !target
          || answer.query().isService() && hasIpv6Hint(answer)) {
        ipv6Settled = true;
      }
      if (firstDestinationAt < 0 && !rankedPairs.isEmpty()) {
        firstDestinationAt = now;
      }
      long[] all = new long[rankedPairs.size()];
      long[] rest = config.delays(rankedPairs.subList(started, rankedPairs.size()), history);
      System.arraycopy(rest, 0, all, started, rest.length);
      staggered.pairsChanged(all);
      pairs = rankedPairs;
      if (lateAaaa) {
        staggered.oweStart(); // ours: the Resolution Delay postponed the preferred family; it did not demote it
      }
    }

    /** Draft section 4.2.1: an IPv6 hint of a usable record is a positive IPv6 answer until AAAA comes. */
    private static boolean hasIpv6Hint(Answer answer) {
      for (ServiceBinding b : answer.services()) {
        if (b.usableOverTcp() && !b.ipv6Hints().isEmpty()) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void resolutionEnded(long now) {
      ipv6Settled = true;
      servicesPending = false;
    }

    @Override
    public void servicesAwaited(long now) {
      servicesPending = true;
    }
  }

  /** Typed options, with the defaults and checks of {@link #OPTIONS}, the text options' declarations. */
  public static final class Builder {
    private Duration delay = CONNECTION_ATTEMPT_DELAY.defaultValue();
    private Optional<Integer> maxConcurrentAttempts = MAX_CONCURRENT_ATTEMPTS.defaultValue();
    private boolean adaptive = ADAPTIVE.defaultValue();
    private Duration resolutionDelay = RESOLUTION_DELAY.defaultValue();

    private Builder() {}

    /**
     * The Connection Attempt Delay; see {@link HappyEyeballsScheduler#CONNECTION_ATTEMPT_DELAY} for its default.
     * Below {@link HappyEyeballsScheduler#MINIMUM_DELAY} is refused (RFC 8305 section 5: MUST NOT); outside 100 ms
     * to 2 s is allowed but not recommended.
     *
     * @param delay at least 10 ms, at most {@link StrategyOptions#MAX_DURATION}
     * @return this builder
     */
    public Builder connectionAttemptDelay(Duration delay) {
      this.delay = CONNECTION_ATTEMPT_DELAY.check(delay);
      return this;
    }

    /**
     * At most this many attempts in flight; when reached, the next waits for one to end. No cap by default.
     *
     * @param max at least 1
     * @return this builder
     */
    public Builder maxConcurrentAttempts(int max) {
      this.maxConcurrentAttempts = MAX_CONCURRENT_ATTEMPTS.check(Optional.of(max));
      return this;
    }

    /**
     * Sets the delay from the round-trip times of earlier connects (SRTT + 4 RTTVAR), within 10 ms and 2 s.
     *
     * @param adaptive whether to adapt
     * @return this builder
     */
    public Builder adaptive(boolean adaptive) {
      this.adaptive = adaptive;
      return this;
    }

    /**
     * How long a connect by name waits for the AAAA answer when the A answer came first; see {@link
     * HappyEyeballsScheduler#RESOLUTION_DELAY} for its default. Zero starts on any first answer.
     *
     * @param delay not negative, at most {@link StrategyOptions#MAX_DURATION}
     * @return this builder
     */
    public Builder resolutionDelay(Duration delay) {
      this.resolutionDelay = RESOLUTION_DELAY.check(delay);
      return this;
    }

    /**
     * The scheduler with these options.
     *
     * @return the scheduler
     */
    public HappyEyeballsScheduler build() {
      return new HappyEyeballsScheduler(this);
    }
  }
}
