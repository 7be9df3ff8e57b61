package io.github.connectbylist.strategy.happyeyeballs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.Strategies;
import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.PathRecord;
import io.github.connectbylist.api.RankingContext;
import io.github.connectbylist.strategy.rfc6724.Rfc6724Ranker;
import io.github.connectbylist.testkit.ScriptedHistory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

  /** The third connect (not one of the exploring ones), an hour into the clock. */
  private static ScriptedHistory history() {
    return ScriptedHistory.at(60 * MINUTE).afterConnects(2);
  }

  private static PathRecord connected(long rttMs, long atNanos) {
    return ScriptedHistory.connectedIn(rttMs * MS, atNanos);
  }

  private static PathRecord lost(long ranMs, long atNanos) {
    return ScriptedHistory.lostAfter(ranMs * MS, atNanos);
  }

  private static List<AddressPair> rank(HistoryRanker ranker, ScriptedHistory history, AddressPair... order) {
    return ranker.rank(List.of(order), new RankingContext(List.of(), Map.of(), history));
  }

  private static HistoryRanker over(AddressPairRanker base) {
    return HistoryRanker.builder().base(base).build();
  }

  @Test
  void withNothingKnownTheBaseOrderStands() {
    assertEquals(List.of(V6A, V4A, V6B), rank(over(INPUT_ORDER), history(), V6A, V4A, V6B));
  }

  @Test
  void aBlackHoleThatLostARaceGoesBehindTheWinnerAndStaysThereAfterBeingSetAside() {
    ScriptedHistory h = history();
    h.pair(V6A, lost(250, h.nowNanos() - MINUTE)).pair(V4A, connected(20, h.nowNanos() - MINUTE));
    assertEquals(List.of(V4A, V6A), rank(over(INPUT_ORDER), h, V6A, V4A), "set aside: lost a minute ago");
    h.viewAt(h.nowNanos() + 20 * MINUTE);
    assertEquals(List.of(V4A, V6A), rank(over(INPUT_ORDER), h, V6A, V4A),
        "no longer set aside, but its lower bound of 250 ms is beyond 20 ms + the leeway");
  }

  @Test
  void roundTripTimesCloserThanTheLeewayCountAsEqual() {
    ScriptedHistory h = history();
    h.pair(V6A, connected(120, h.nowNanos())).pair(V4A, connected(100, h.nowNanos()));
    assertEquals(List.of(V6A, V4A), rank(over(INPUT_ORDER), h, V6A, V4A), "20 ms apart: the base order");
    h.pair(V6A, connected(130, h.nowNanos()));
    assertEquals(List.of(V4A, V6A), rank(over(INPUT_ORDER), h, V6A, V4A), "30 ms apart: the faster first");
    HistoryRanker wide = HistoryRanker.builder().base(INPUT_ORDER).rttLeeway(Duration.ofMillis(40)).build();
    assertEquals(List.of(V6A, V4A), rank(wide, h, V6A, V4A), "within a 40 ms leeway");
  }

  @Test
  void previouslyUsedGoesBeforeNeverUsed() {
    ScriptedHistory h = history();
    h.pair(V4A, connected(50, h.nowNanos()));
    assertEquals(List.of(V4A, V6A, V6B), rank(over(INPUT_ORDER), h, V6A, V6B, V4A));
  }

  @Test
  void aFailureSetsAPairAsideForItsWindowOnly() {
    ScriptedHistory h = history();
    h.pair(V6A, ScriptedHistory.failed(FailureKind.REFUSED, h.nowNanos() - 5 * MINUTE));
    assertEquals(List.of(V4A, V6A), rank(over(INPUT_ORDER), h, V6A, V4A), "refused 5 minutes ago");
    h.viewAt(h.nowNanos() + 6 * MINUTE);
    assertEquals(List.of(V6A, V4A), rank(over(INPUT_ORDER), h, V6A, V4A), "11 minutes ago: out of the window");
    HistoryRanker longer = HistoryRanker.builder().base(INPUT_ORDER).setAsideFor(Duration.ofMinutes(30)).build();
    assertEquals(List.of(V4A, V6A), rank(longer, h, V6A, V4A), "within a 30-minute window");
  }

  @Test
  void everySixteenthConnectTriesTheBaseOrdersFirstChoiceFirst() {
    ScriptedHistory h = history();
    h.pair(V6A, lost(250, h.nowNanos() - 10 * MINUTE)).pair(V6B, lost(250, h.nowNanos() - 10 * MINUTE))
        .pair(V4A, connected(20, h.nowNanos() - MINUTE));
    for (long before = 0; before < 40; before++) {
      h.afterConnects(before);
      List<AddressPair> ranked = rank(over(INPUT_ORDER), h, V6A, V6B, V4A);
      boolean explores = (before + 1) % 16 == 0;
      assertEquals(explores ? List.of(V6A, V4A, V6B) : List.of(V4A, V6A, V6B), ranked,
          "connect " + (before + 1) + ": looking past history costs one delay, not one per black hole");
    }
    HistoryRanker never = HistoryRanker.builder().base(INPUT_ORDER).exploreEvery(0).build();
    h.afterConnects(15);
    assertEquals(List.of(V4A, V6A, V6B), rank(never, h, V6A, V6B, V4A), "explore-every=0: never");
  }

  @Test
  void whileAPairWasNeverTriedAndTheKnownPathIsSlowThe2nd4thAnd8thConnectsTryItFirst() {
    ScriptedHistory h = history();
    h.pair(V6A, connected(120, h.nowNanos()));
    for (long before = 0; before < 16; before++) {
      h.afterConnects(before);
      long connect = before + 1;
      boolean explores = connect == 2 || connect == 4 || connect == 8;
      assertEquals(explores ? List.of(V4A, V6A) : List.of(V6A, V4A), rank(over(INPUT_ORDER), h, V6A, V4A),
          "connect " + connect);
    }
    h.afterConnects(1);
    h.pair(V6A, connected(20, h.nowNanos()));
    assertEquals(List.of(V6A, V4A), rank(over(INPUT_ORDER), h, V6A, V4A),
        "a known path within the leeway cannot be beaten by more than it: no exploring");
    h.pair(V6A, connected(49, h.nowNanos()));
    assertEquals(List.of(V6A, V4A), rank(over(INPUT_ORDER), h, V6A, V4A),
        "49 ms: a path that beat it by the leeway would be under 24 ms; not worth a look");
    h.pair(V6A, connected(51, h.nowNanos()));
    assertEquals(List.of(V4A, V6A), rank(over(INPUT_ORDER), h, V6A, V4A), "51 ms: over twice the leeway, explored");
    h.pair(V4A, connected(20, h.nowNanos()));
    h.pair(V6A, connected(120, h.nowNanos()));
    assertEquals(List.of(V4A, V6A), rank(over(INPUT_ORDER), h, V6A, V4A), "both tried: the rules, v4 faster");
  }

  @Test
  void aPairNeverTriedIsJudgedByItsPrefix() {
    ScriptedHistory h = history();
    h.prefix(V6A.destinationAddress(), lost(250, h.nowNanos() - MINUTE));
    h.pair(V4A, connected(20, h.nowNanos()));
    assertEquals(List.of(V4A, V6B), rank(over(INPUT_ORDER), h, V6B, V4A),
        "2001:db8::b was never tried, but its /64 lost a race a minute ago");
  }

  @Test
  void withAHappyEyeballsBaseTheFamiliesAreInterleavedAgainAfterTheRules() {
    ScriptedHistory h = history();
    h.pair(V4A, connected(10, h.nowNanos())).pair(V4B, connected(12, h.nowNanos()))
        .pair(V6A, connected(100, h.nowNanos())).pair(V6B, connected(110, h.nowNanos()));
    HistoryRanker ranker = HistoryRanker.builder().build();
    assertInstanceOf(HappyEyeballsRanker.class, ranker.base());
    assertEquals(List.of(V4A, V6A, V4B, V6B), rank(ranker, h, V6A, V6B, V4A, V4B),
        "IPv4 faster, so first; then the families alternate");
  }

  @Test
  void textOptionsReachTheRankerAndItsBase() {
    Strategies discovered = Strategies.discovered();
    HistoryRanker r = (HistoryRanker) discovered.ranker(
        "history(rtt-leeway=40ms, set-aside-for=30m, explore-every=8, first-address-family-count=2)");
    assertEquals(2, ((HappyEyeballsRanker) r.base()).firstAddressFamilyCount());
    assertTrue(r.toString().contains("rtt-leeway=40ms") && r.toString().contains("explore-every=8"), r.toString());
    HistoryRanker rfc = (HistoryRanker) discovered.ranker("history(base=rfc6724)");
    assertInstanceOf(Rfc6724Ranker.class, rfc.base());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> discovered.ranker("history(base=nope)"));
    assertTrue(unknown.getMessage().contains("base=nope") && unknown.getMessage().contains("rfc6724"),
        unknown.getMessage());
    IllegalArgumentException misplaced = assertThrows(IllegalArgumentException.class,
        () -> discovered.ranker("history(base=rfc6724, first-address-family-count=2)"));
    assertTrue(misplaced.getMessage().contains("first-address-family-count"), misplaced.getMessage());
    assertThrows(IllegalArgumentException.class, () -> discovered.ranker("history(explore-every=-1)"));
  }

  @Test
  void theBaseIsFoundThroughTheDiscoveryThatMakesTheRanker() {
    Strategies discovered = Strategies.discovered();
    assertEquals("option base=rfc6724: unknown option 'first-address-family-count' for ranker rfc6724; it takes: "
        + "gai-conf=none, prefer-temporary=true", assertThrows(IllegalArgumentException.class,
            () -> discovered.ranker("history(base=rfc6724, first-address-family-count=2)")).getMessage());
    assertEquals("option base=history: ranker history builds on itself: history -> history",
        assertThrows(IllegalArgumentException.class, () -> discovered.ranker("history(base=history)")).getMessage());
    HistoryRanker sortedOnly = (HistoryRanker) discovered.ranker("history(base=rfc6724, gai-conf=host)");
    assertInstanceOf(Rfc6724Ranker.class, sortedOnly.base(), "what history does not take goes to its base");
  }

  private static AddressPair pair(String address) {
    try {
      return AddressPair.toDestination(new InetSocketAddress(InetAddress.getByName(address), 443));
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
