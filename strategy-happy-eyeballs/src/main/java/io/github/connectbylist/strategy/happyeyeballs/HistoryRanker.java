package io.github.connectbylist.strategy.happyeyeballs;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.PathHistory;
import io.github.connectbylist.api.PathRecord;
import io.github.connectbylist.api.RankingContext;
import io.github.connectbylist.api.StrategyLookup;
import io.github.connectbylist.api.StrategyOption;
import io.github.connectbylist.api.StrategyOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Ranker {@code history}: a base order (Happy Eyeballs by default) changed by what earlier connects on this
 * network learned, as Happy Eyeballs v3's stateful client does (draft-ietf-happy-happyeyeballs-v3, "Sorting
 * Destination Addresses Within Groups"). What is known of a pair is its own record, or, for a pair never
 * tried, its destination prefix's (the same route, most likely).
 *
 * <ol>
 *   <li>pairs whose last attempt failed or lost a race within {@code set-aside-for} go after all others
 *       (Firefox sets such addresses aside; OkHttp's route database postpones them);
 *   <li>the others are sorted by HEv3's two rules added between RFC 6724's rules 8 and 9: lower expected
 *       round-trip time first, where two differ by more than {@code rtt-leeway} (by default Apple's, {@link #RTT_LEEWAY});
 *       then previously used before never used. A pair's expected RTT is its smoothed RTT, or the time an
 *       attempt ran without connecting (a lost race, a time-out) when that is longer: a black hole that
 *       lost a race at 250 ms ranks behind a path that connected in 20 ms;
 *   <li>with a Happy Eyeballs base, the families are interleaved again after that sort (RFC 8305 section 4).
 * </ol>
 *
 * <p>So that clients with different histories converge (HEv3 requires it) and a path that recovered is
 * found again, history is looked past now and then, counted deterministically by the connects made on this
 * network: every {@code explore-every}-th connect tries the base order's first choice first (so it costs at
 * most one connection attempt delay, and nothing where history agrees with the base), and the 2nd, 4th and
 * 8th connects put first the pairs of which nothing at all is known, while there are any and every known
 * path is slower than twice the leeway. Pure: it reads the history view of its ranking context and keeps no
 * state of its own.
 */
public final class HistoryRanker implements AddressPairRanker {
  /**
   * The ranker whose order history changes, by name, found through the discovery that makes this ranker (so
   * with its priorities and the strategies a {@code ConnectByList} was given); the options this ranker does not
   * take itself go to it.
   */
  public static final StrategyOption<String> BASE = StrategyOption.text("base", "happy-eyeballs",
      "the ranker whose order history changes, by name");
  /** Round-trip times closer than this count as equal; the default is Apple's leeway. */
  public static final StrategyOption<Duration> RTT_LEEWAY = StrategyOption.duration("rtt-leeway",
      Duration.ofMillis(25), Duration.ZERO, StrategyOptions.MAX_DURATION, "round-trip times closer than this count as equal");
  /** How long a failure or a lost race sets a pair aside; zero sets nothing aside (the RTT rule still applies). */
  public static final StrategyOption<Duration> SET_ASIDE_FOR = StrategyOption.duration("set-aside-for",
      Duration.ofMinutes(10), Duration.ZERO, StrategyOptions.MAX_DURATION,
      "how long a failure or a lost race puts a pair last");
  /**
   * Every this many connects history is set aside to look again at what it holds back; 0 for never (clients then
   * need not converge, which HEv3 requires them to).
   */
  public static final StrategyOption<Integer> EXPLORE_EVERY = StrategyOption.whole("explore-every", 16, 0,
      Integer.MAX_VALUE, "every this many connects, the base order's first pair goes first; 0 never");
  /** The options of this ranker alone, which it does not pass on to its base. */
  private static final List<StrategyOption<?>> OWN = List.of(BASE, RTT_LEEWAY, SET_ASIDE_FOR, EXPLORE_EVERY);
  /** Every option of ranker {@code history}: its own, then those of {@code happy-eyeballs}, its default base. */
  public static final List<StrategyOption<?>> OPTIONS = options();

  private static List<StrategyOption<?>> options() {
    List<StrategyOption<?>> all = new ArrayList<>(OWN);
    all.addAll(HappyEyeballsRanker.OPTIONS);
    return List.copyOf(all);
  }

  private final AddressPairRanker base;
  private final long leewayNanos;
  private final long setAsideNanos;
  private final int exploreEvery;

  private HistoryRanker(Builder b) {
    this.base = b.base;
    this.leewayNanos = b.leeway.toNanos();
    this.setAsideNanos = b.setAside.toNanos();
    this.exploreEvery = b.exploreEvery;
  }

  /**
   * Typed options, with Happy Eyeballs' order as the base.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The ranker its text options describe, its base made by {@code lookup}: by name, with the options given that
   * are not this ranker's own.
   *
   * @param options values of {@link #OPTIONS}
   * @param lookup the other rankers
   * @return the ranker
   * @throws IllegalArgumentException naming {@code base} when there is no such ranker, or it takes not the options
   *     passed on to it
   */
  static HistoryRanker fromOptions(StrategyOptions options, StrategyLookup lookup) {
    Builder b = builder();
    String base = options.get(BASE);
    try {
      b.base = lookup.ranker(base, options.without(OWN));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("option " + BASE.name() + "=" + base + ": " + e.getMessage(), e);
    }
    b.leeway = options.get(RTT_LEEWAY);
    b.setAside = options.get(SET_ASIDE_FOR);
    b.exploreEvery = options.get(EXPLORE_EVERY);
    return b.build();
  }

  /**
   * The order this ranker changes.
   *
   * @return the base ranker
   */
  public AddressPairRanker base() {
    return base;
  }

  @Override
  public List<AddressPair> rank(List<AddressPair> pairs, RankingContext context) {
    List<AddressPair> order = base.rank(pairs, context);
    if (order.size() < 2) {
      return order; // one pair has one order: nothing to look up
    }
    PathHistory history = context.history();
    List<Ranked> rest = new ArrayList<>(order.size());
    List<Ranked> setAside = new ArrayList<>();
    boolean anything = false;
    boolean fresh = false;
    for (AddressPair p : order) {
      Ranked r = new Ranked(p, evidence(p, history));
      anything |= r.record != null;
      fresh |= r.record == null;
      if (r.record != null && r.record.wentWrongWithin(history.nowNanos(), setAsideNanos)) {
        setAside.add(r);
      } else {
        rest.add(r);
      }
    }
    if (!anything) {
      return order; // nothing learned yet: the base order as it is
    }
    insertionSort(rest);
    List<AddressPair> ranked = pairsOf(rest);
    if (base instanceof HappyEyeballsRanker he) {
      ranked = new ArrayList<>(he.interleave(ranked));
    }
    ranked.addAll(pairsOf(setAside));
    long connect = history.connects() + 1; // this connect's number on this network, from 1
    if (exploreEvery > 0 && connect % exploreEvery == 0) {
      return baseFirst(ranked, order.get(0));
    }
    if (exploreEvery > 0 && fresh && connect < exploreEvery && isPowerOfTwo(connect) && mightBeBeaten(rest)) {
      return freshFirst(ranked, history);
    }
    return ranked;
  }

  /**
   * Whether trying a path never tried is worth its cost. It can change the order afterwards only by being
   * faster than the best known path by more than the leeway, and exploring costs its round-trip time on
   * this connect; we explore when the best known path is slower than twice the leeway (50 ms by default),
   * so that behind a path 100 ms slower than another (the lab's {@code slow-ipv6}) it is found on the 2nd
   * connect, and on a healthy dual-stack network, whose families differ by a few milliseconds, no connect
   * pays for a look at the other family.
   */
  private boolean mightBeBeaten(List<Ranked> known) {
    long best = Long.MAX_VALUE;
    for (Ranked r : known) {
      if (r.record != null && r.record.hasRtt()) {
        best = Math.min(best, r.record.expectedRttNanos());
      }
    }
    return best == Long.MAX_VALUE || best > 2 * leewayNanos;
  }

  /** What is known of a pair: the pair's own record, else its prefix's (the same route, most likely). */
  private static PathRecord evidence(AddressPair p, PathHistory history) {
    Optional<PathRecord> own = history.pair(p);
    return own.isPresent() ? own.get() : history.prefix(p.destinationAddress()).orElse(null);
  }

  private static List<AddressPair> pairsOf(List<Ranked> ranked) {
    List<AddressPair> pairs = new ArrayList<>(ranked.size());
    for (Ranked r : ranked) {
      pairs.add(r.pair);
    }
    return pairs;
  }

  private static boolean isPowerOfTwo(long n) {
    return n > 1 && (n & (n - 1)) == 0;
  }

  /** Exploring what was never tried (nor anything in its prefix): those pairs first, the rest as ranked. */
  private static List<AddressPair> freshFirst(List<AddressPair> ranked, PathHistory history) {
    List<AddressPair> first = new ArrayList<>(ranked.size());
    List<AddressPair> then = new ArrayList<>(ranked.size());
    for (AddressPair p : ranked) {
      (evidence(p, history) == null ? first : then).add(p);
    }
    first.addAll(then);
    return first;
  }

  /**
   * Looking past history, as HEv3 suggests, for the first attempt only: the base order's first pair goes
   * first, and history orders the rest, so that one such connect costs at most one connection attempt delay
   * (ignoring history for every pair would walk through every black hole it learned of).
   */
  private static List<AddressPair> baseFirst(List<AddressPair> ranked, AddressPair baseChoice) {
    List<AddressPair> explored = new ArrayList<>(ranked);
    explored.remove(baseChoice);
    explored.add(0, baseChoice);
    return explored;
  }

  /**
   * HEv3's rules, stable: a moves before b only when the rules say so. The RTT rule with a leeway is not
   * transitive, so this is an insertion sort (a connect has a handful of pairs), not a library sort that
   * may throw on such a comparator.
   */
  private void insertionSort(List<Ranked> list) {
    for (int i = 1; i < list.size(); i++) {
      Ranked x = list.get(i);
      int j = i;
      while (j > 0 && before(x, list.get(j - 1))) {
        list.set(j, list.get(j - 1));
        j--;
      }
      list.set(j, x);
    }
  }

  /** Whether {@code a} must go before {@code b}: lower expected RTT beyond the leeway, else used before unused. */
  private boolean before(Ranked a, Ranked b) {
    long ra = a.record == null ? -1 : a.record.expectedRttNanos();
    long rb = b.record == null ? -1 : b.record.expectedRttNanos();
    if (ra >= 0 && rb >= 0 && ra + leewayNanos < rb) {
      return true;
    }
    if (ra >= 0 && rb >= 0 && rb + leewayNanos < ra) {
      return false;
    }
    boolean usedA = a.record != null && a.record.used();
    boolean usedB = b.record != null && b.record.used();
    return usedA && !usedB;
  }

  /** A pair and what history knows of it. */
  private record Ranked(AddressPair pair, PathRecord record) {}

  @Override
  public String toString() {
    return "history(base=" + base + ", rtt-leeway=" + RTT_LEEWAY.format(Duration.ofNanos(leewayNanos))
        + ", set-aside-for=" + SET_ASIDE_FOR.format(Duration.ofNanos(setAsideNanos)) + ", explore-every="
        + exploreEvery + ")";
  }

  /**
   * Typed options, with the defaults and checks of {@link #OPTIONS}, the text options' declarations; the base is
   * {@link HappyEyeballsRanker#standard()}, the ranker {@link HistoryRanker#BASE}'s default names.
   */
  public static final class Builder {
    private AddressPairRanker base = HappyEyeballsRanker.standard();
    private Duration leeway = RTT_LEEWAY.defaultValue();
    private Duration setAside = SET_ASIDE_FOR.defaultValue();
    private int exploreEvery = EXPLORE_EVERY.defaultValue();

    private Builder() {}

    /**
     * The order history changes; {@code happy-eyeballs} by default.
     *
     * @param base the base ranker
     * @return this builder
     */
    public Builder base(AddressPairRanker base) {
      this.base = Objects.requireNonNull(base, "base");
      return this;
    }

    /**
     * Round-trip times closer than this count as equal; see {@link HistoryRanker#RTT_LEEWAY} for the default.
     *
     * @param leeway not negative, at most {@link StrategyOptions#MAX_DURATION}
     * @return this builder
     */
    public Builder rttLeeway(Duration leeway) {
      this.leeway = RTT_LEEWAY.check(leeway);
      return this;
    }

    /**
     * How long a failure or a lost race sets a pair aside; see {@link HistoryRanker#SET_ASIDE_FOR} for the default.
     *
     * @param setAside not negative, at most {@link StrategyOptions#MAX_DURATION}; zero sets nothing aside (the RTT
     *     rule still applies)
     * @return this builder
     */
    public Builder setAsideFor(Duration setAside) {
      this.setAside = SET_ASIDE_FOR.check(setAside);
      return this;
    }

    /**
     * Every this many connects history is set aside to look again at what it holds back; see {@link
     * HistoryRanker#EXPLORE_EVERY} for the default, 0 for never.
     *
     * @param every not negative
     * @return this builder
     */
    public Builder exploreEvery(int every) {
      this.exploreEvery = EXPLORE_EVERY.check(every);
      return this;
    }

    /**
     * The ranker with these options.
     *
     * @return the ranker
     */
    public HistoryRanker build() {
      return new HistoryRanker(this);
    }
  }
}
