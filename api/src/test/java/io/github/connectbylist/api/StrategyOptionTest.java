package io.github.connectbylist.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One declaration gives an option's default, its text form both ways, and the check a typed builder makes. */
class StrategyOptionTest {
  private static final StrategyOption<Duration> DELAY = StrategyOption.duration("connection-attempt-delay",
      Duration.ofMillis(250), Duration.ofMillis(10), StrategyOptions.MAX_DURATION, "time between starts");
  private static final StrategyOption<Optional<Duration>> TIMEOUT = StrategyOption.durationOrNone("attempt-timeout",
      Duration.ofNanos(1), StrategyOptions.MAX_DURATION, "end an attempt after this");
  private static final StrategyOption<Optional<Integer>> CAP =
      StrategyOption.wholeOrNone("max-concurrent-attempts", 1, Integer.MAX_VALUE, "at most this many");
  private static final StrategyOption<Boolean> ADAPTIVE = StrategyOption.flag("adaptive", false, "from history");
  private static final StrategyOption<String> BASE = StrategyOption.text("base", "happy-eyeballs", "a ranker");

  private static StrategyOptions given(String... keyValues) {
    Map<String, String> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put(keyValues[i], keyValues[i + 1]);
    }
    return StrategyOptions.of(map);
  }

  @Test
  void anAbsentOptionHasItsDeclaredDefault() {
    StrategyOptions none = StrategyOptions.empty();
    assertEquals(Duration.ofMillis(250), none.get(DELAY));
    assertEquals(Optional.empty(), none.get(TIMEOUT));
    assertEquals(Optional.empty(), none.get(CAP));
    assertFalse(none.get(ADAPTIVE));
    assertEquals("happy-eyeballs", none.get(BASE));
    assertFalse(none.isGiven(DELAY));
  }

  @Test
  void theListingShowsTheDefaultAsAUserWritesIt() {
    assertEquals("connection-attempt-delay=250ms", DELAY.toString());
    assertEquals("attempt-timeout=none", TIMEOUT.toString());
    assertEquals("max-concurrent-attempts=none", CAP.toString());
    assertEquals("adaptive=false", ADAPTIVE.toString());
    assertEquals("base=happy-eyeballs", BASE.toString());
  }

  @Test
  void textIsReadByTheDeclaration() {
    StrategyOptions o = given("connection-attempt-delay", "1.5s", "attempt-timeout", "NONE", "max-concurrent-attempts",
        "3", "adaptive", "yes", "base", "rfc6724");
    assertEquals(Duration.ofMillis(1500), o.get(DELAY));
    assertEquals(Optional.empty(), o.get(TIMEOUT));
    assertEquals(Optional.of(3), o.get(CAP));
    assertTrue(o.get(ADAPTIVE));
    assertEquals("rfc6724", o.get(BASE));
    assertTrue(o.isGiven(DELAY));
  }

  @Test
  void noneIsAValueOnlyWhereItIsTheDefault() {
    assertEquals("option connection-attempt-delay=none is not a duration such as 250ms, 2s or 1.5s",
        assertThrows(IllegalArgumentException.class, () -> given("connection-attempt-delay", "none").get(DELAY))
            .getMessage());
    assertEquals("option attempt-timeout=soon is not a duration such as 250ms, 2s, 1.5s or none",
        assertThrows(IllegalArgumentException.class, () -> given("attempt-timeout", "soon").get(TIMEOUT)).getMessage());
  }

  @Test
  void theTextAndTheBuilderObeyOneRange() {
    assertEquals("option connection-attempt-delay=9ms is out of range: give a duration from 10ms to 24h",
        assertThrows(IllegalArgumentException.class, () -> given("connection-attempt-delay", "9ms").get(DELAY))
            .getMessage());
    assertEquals("connection-attempt-delay must be at least 10ms, was 9ms",
        assertThrows(IllegalArgumentException.class, () -> DELAY.check(Duration.ofMillis(9))).getMessage());
    assertEquals("connection-attempt-delay must be at most 24h, was 25h",
        assertThrows(IllegalArgumentException.class, () -> DELAY.check(Duration.ofHours(25))).getMessage());
    assertEquals("attempt-timeout must be positive, was 0s",
        assertThrows(IllegalArgumentException.class, () -> TIMEOUT.check(Optional.of(Duration.ZERO))).getMessage());
    assertEquals("max-concurrent-attempts must be at least 1, was 0",
        assertThrows(IllegalArgumentException.class, () -> CAP.check(Optional.of(0))).getMessage());
    assertEquals(Optional.empty(), TIMEOUT.check(Optional.empty()));
    assertEquals("option adaptive=maybe is not true or false",
        assertThrows(IllegalArgumentException.class, () -> given("adaptive", "maybe").get(ADAPTIVE)).getMessage());
  }

  @Test
  void aDefaultOutsideItsOwnRangeIsADeclarationError() {
    assertThrows(IllegalArgumentException.class, () -> StrategyOption.whole("count", 0, 1, 10, "at least one"));
    assertThrows(IllegalArgumentException.class, () -> StrategyOption.flag("Bad_Name", true, "not lower case"));
  }

  @Test
  void aNamedStrategyRefusesAnOptionItDoesNotDeclareAndListsThoseItDoes() {
    NamedStrategy<AddressPairRanker> ranker = NamedStrategy.ranker("test", "test", 0, List.of(ADAPTIVE, BASE),
        (options, lookup) -> (pairs, context) -> pairs);
    assertEquals("unknown option 'adaptiv' for ranker test; it takes: adaptive=false, base=happy-eyeballs",
        assertThrows(IllegalArgumentException.class, () -> ranker.create(given("adaptiv", "true"), null)).getMessage());
    assertEquals("option adaptive=2 is not true or false",
        assertThrows(IllegalArgumentException.class, () -> ranker.create(given("adaptive", "2"), null)).getMessage());
    assertSame(BASE, ranker.option("base"));
    assertThrows(IllegalArgumentException.class,
        () -> NamedStrategy.ranker("twice", "test", 0, List.of(BASE, BASE), (options, lookup) -> null));
  }

  @Test
  void whatAStrategyPassesOnLeavesItsOwnOptionsOut() {
    StrategyOptions o = given("base", "rfc6724", "adaptive", "true", "gai-conf", "host");
    assertEquals(Map.of("gai-conf", "host"), o.without(List.of(BASE, ADAPTIVE)).asMap());
    assertSame(o, o.without(List.of(DELAY)));
  }
}
