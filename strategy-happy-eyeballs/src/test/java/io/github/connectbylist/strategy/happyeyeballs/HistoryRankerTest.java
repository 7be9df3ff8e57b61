package io.github.connectbylist.strategy.happyeyeballs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.PathHistory;
import io.github.connectbylist.api.PathRecord;
import io.github.connectbylist.api.RankingContext;
import io.github.connectbylist.api.StrategyOptions;
import io.github.connectbylist.strategy.rfc6724.Rfc6724Ranker;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** HEv3's stateful rules over a base order, with histories made by hand: pure, exact, no clock. */
class HistoryRankerTest {
  private static final long MS = 1_000_000;
  private static final long MINUTE = 60_000 * MS;
  private static final AddressPairRanker INPUT_ORDER = (pairs, context) -> pairs;

  private static final AddressPair V6A = pair("2001:db8::a");
  private static final AddressPair V6B = pair("2001:db8::b");
  private static final AddressPair V4A = pair("192.0.2.1");
  private static final AddressPair V4B = pair("192.0.2.2");

  /** A history of records by pair, seen at {@code now}, with {@code connects} connects before this one. */
  private static class Known implements PathHistory {
    final Map<AddressPair, PathRecord> records = new HashMap<>();
    long now = 60 * MINUTE;
    long connects = 2; // the third connect: not one of the exploring ones

    Known with(AddressPair p, PathRecord r) {
      records.put(p, r);
      return this;
    }

    @Override
    public long nowNanos() {
      return now;
    }

    @Override
    public long connects() {
      return connects;
    }

    @Override
    public Optional<PathRecord> pair(AddressPair pair) {
      return Optional.ofNullable(records.get(pair));
    }

    @Override
    public Optional<PathRecord> destination(InetSocketAddress destination) {
      return Optional.empty();
    }

    @Override
    public Optional<PathRecord> prefix(InetAddress address) {
      return Optional.empty();
    }
  }

  private static PathRecord connected(long rttMs, long atNanos) {
    return new PathRecord(1, 0, Map.of(), 0, PathRecord.Outcome.CONNECTED, atNanos, rttMs * MS, rttMs * MS / 2, 0, atNanos);
  }

  private static PathRecord lost(long ranMs, long atNanos) {
    return new PathRecord(0, 0, Map.of(), 1, PathRecord.Outcome.LOST, atNanos, -1, -1, ranMs * MS, Long.MIN_VALUE);
  }

  private static PathRecord refused(long atNanos) {
    return new PathRecord(0, 1, Map.of(FailureKind.REFUSED, 1), 0, PathRecord.Outcome.FAILED, atNanos, -1, -1, 0,
        Long.MIN_VALUE);
  }

  private static List<AddressPair> rank(HistoryRanker ranker, Known history, AddressPair... order) {
    return ranker.rank(List.of(order), new RankingContext(List.of(), Map.of(), history));
  }

  private static HistoryRanker over(AddressPairRanker base) {
    return HistoryRanker.builder().base(base).build();
  }

  @Test
  void withNothingKnownTheBaseOrderStands() {
    assertEquals(List.of(V6A, V4A, V6B), rank(over(INPUT_ORDER), new Known(), V6A, V4A, V6B));
  }

  @Test
  void aBlackHoleThatLostARaceGoesBehindTheWinnerAndStaysThereAfterBeingSetAside() {
    Known h = new Known();
    h.with(V6A, lost(250, h.now - MINUTE)).with(V4A, connected(20, h.now - MINUTE));
    assertEquals(List.of(V4A, V6A), rank(over(INPUT_ORDER), h, V6A, V4A), "set aside: lost a minute ago");
    h.now += 20 * MINUTE;
    assertEquals(List.of(V4A, V6A), rank(over(INPUT_ORDER), h, V6A, V4A),
        "no longer set aside, but its lower bound of 250 ms is beyond 20 ms + the leeway");
  }

  @Test
  void roundTripTimesCloserThanTheLeewayCountAsEqual() {
    Known h = new Known();
    h.with(V6A, connected(120, h.now)).with(V4A, connected(100, h.now));
    assertEquals(List.of(V6A, V4A), rank(over(INPUT_ORDER), h, V6A, V4A), "20 ms apart: the base order");
    h.with(V6A, connected(130, h.now));
    assertEquals(List.of(V4A, V6A), rank(over(INPUT_ORDER), h, V6A, V4A), "30 ms apart: the faster first");
    HistoryRanker wide = HistoryRanker.builder().base(INPUT_ORDER).rttLeeway(Duration.ofMillis(40)).build();
    assertEquals(List.of(V6A, V4A), rank(wide, h, V6A, V4A), "within a 40 ms leeway");
  }

  @Test
  void previouslyUsedGoesBeforeNeverUsed() {
    Known h = new Known();
    h.with(V4A, connected(50, h.now));
    assertEquals(List.of(V4A, V6A, V6B), rank(over(INPUT_ORDER), h, V6A, V6B, V4A));
  }

  @Test
  void aFailureSetsAPairAsideForItsWindowOnly() {
    Known h = new Known();
    h.with(V6A, refused(h.now - 5 * MINUTE));
    assertEquals(List.of(V4A, V6A), rank(over(INPUT_ORDER), h, V6A, V4A), "refused 5 minutes ago");
    h.now += 6 * MINUTE;
    assertEquals(List.of(V6A, V4A), rank(over(INPUT_ORDER), h, V6A, V4A), "11 minutes ago: out of the window");
    HistoryRanker longer = HistoryRanker.builder().base(INPUT_ORDER).setAsideFor(Duration.ofMinutes(30)).build();
    assertEquals(List.of(V4A, V6A), rank(longer, h, V6A, V4A), "within a 30-minute window");
  }

  @Test
  void everySixteenthConnectTriesTheBaseOrdersFirstChoiceFirst() {
    Known h = new Known();
    h.with(V6A, lost(250, h.now - 10 * MINUTE)).with(V6B, lost(250, h.now - 10 * MINUTE))
        .with(V4A, connected(20, h.now - MINUTE));
    for (long before = 0; before < 40; before++) {
      h.connects = before;
      List<AddressPair> ranked = rank(over(INPUT_ORDER), h, V6A, V6B, V4A);
      boolean explores = (before + 1) % 16 == 0;
      assertEquals(explores ? List.of(V6A, V4A, V6B) : List.of(V4A, V6A, V6B), ranked,
          "connect " + (before + 1) + ": looking past history costs one delay, not one per black hole");
    }
    HistoryRanker never = HistoryRanker.builder().base(INPUT_ORDER).exploreEvery(0).build();
    h.connects = 15;
    assertEquals(List.of(V4A, V6A, V6B), rank(never, h, V6A, V6B, V4A), "explore-every=0: never");
  }

  @Test
  void whileAPairWasNeverTriedAndTheKnownPathIsSlowThe2nd4thAnd8thConnectsTryItFirst() {
    Known h = new Known();
    h.with(V6A, connected(120, h.now));
    for (long before = 0; before < 16; before++) {
      h.connects = before;
      long connect = before + 1;
      boolean explores = connect == 2 || connect == 4 || connect == 8;
      assertEquals(explores ? List.of(V4A, V6A) : List.of(V6A, V4A), rank(over(INPUT_ORDER), h, V6A, V4A),
          "connect " + connect);
    }
    h.connects = 1;
    h.with(V6A, connected(20, h.now));
    assertEquals(List.of(V6A, V4A), rank(over(INPUT_ORDER), h, V6A, V4A),
        "a known path within the leeway cannot be beaten by more than it: no exploring");
    h.with(V4A, connected(20, h.now));
    h.with(V6A, connected(120, h.now));
    assertEquals(List.of(V4A, V6A), rank(over(INPUT_ORDER), h, V6A, V4A), "both tried: the rules, v4 faster");
  }

  @Test
  void aPairNeverTriedIsJudgedByItsPrefix() {
    Known h = new Known() {
      @Override
      public Optional<PathRecord> prefix(InetAddress address) {
        return address.getAddress().length == 16 ? Optional.of(lost(250, now - MINUTE)) : Optional.empty();
      }
    };
    h.with(V4A, connected(20, h.now));
    assertEquals(List.of(V4A, V6B), rank(over(INPUT_ORDER), h, V6B, V4A),
        "2001:db8::b was never tried, but its /64 lost a race a minute ago");
  }

  @Test
  void withAHappyEyeballsBaseTheFamiliesAreInterleavedAgainAfterTheRules() {
    Known h = new Known();
    h.with(V4A, connected(10, h.now)).with(V4B, connected(12, h.now))
        .with(V6A, connected(100, h.now)).with(V6B, connected(110, h.now));
    HistoryRanker ranker = HistoryRanker.builder().build();
    assertInstanceOf(HappyEyeballsRanker.class, ranker.base());
    assertEquals(List.of(V4A, V6A, V4B, V6B), rank(ranker, h, V6A, V6B, V4A, V4B),
        "IPv4 faster, so first; then the families alternate");
  }

  @Test
  void textOptionsReachTheRankerAndItsBase() {
    HistoryRankerProvider provider = new HistoryRankerProvider();
    HistoryRanker r = (HistoryRanker) provider.create(StrategyOptions.of(Map.of(
        "rtt-leeway", "40ms", "set-aside-for", "30m", "explore-every", "8", "first-address-family-count", "2")));
    assertEquals(2, ((HappyEyeballsRanker) r.base()).firstAddressFamilyCount());
    assertTrue(r.toString().contains("rtt-leeway=40ms") && r.toString().contains("explore-every=8"), r.toString());
    HistoryRanker rfc = (HistoryRanker) provider.create(StrategyOptions.of(Map.of("base", "rfc6724")));
    assertInstanceOf(Rfc6724Ranker.class, rfc.base());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> provider.create(StrategyOptions.of(Map.of("base", "nope"))));
    assertTrue(unknown.getMessage().contains("base=nope") && unknown.getMessage().contains("rfc6724"),
        unknown.getMessage());
    IllegalArgumentException misplaced = assertThrows(IllegalArgumentException.class,
        () -> provider.create(StrategyOptions.of(Map.of("base", "rfc6724", "first-address-family-count", "2"))));
    assertTrue(misplaced.getMessage().contains("first-address-family-count"), misplaced.getMessage());
    assertThrows(IllegalArgumentException.class, () -> provider.create(StrategyOptions.of(Map.of("explore-every", "-1"))));
  }

  private static AddressPair pair(String address) {
    try {
      return AddressPair.toDestination(new InetSocketAddress(InetAddress.getByName(address), 443));
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
