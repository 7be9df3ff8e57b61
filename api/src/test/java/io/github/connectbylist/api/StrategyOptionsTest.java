package io.github.connectbylist.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Option texts are read strictly: ASCII digits, no coercion, ranges checked, messages that say what is allowed. */
class StrategyOptionsTest {
  private static StrategyOptions option(String name, String text) {
    return StrategyOptions.of(Map.of(name, text));
  }

  private static final StrategyOption<Integer> N = StrategyOption.whole("n", 0, Integer.MIN_VALUE, Integer.MAX_VALUE, "n");
  private static final StrategyOption<Optional<Duration>> D =
      StrategyOption.durationOrNone("d", Duration.ZERO, StrategyOptions.MAX_DURATION, "d");

  private static String integerError(String text) {
    return assertThrows(IllegalArgumentException.class, () -> option("n", text).get(N)).getMessage();
  }

  private static String durationError(String text) {
    return assertThrows(IllegalArgumentException.class, () -> option("d", text).get(D)).getMessage();
  }

  @Test
  void nonAsciiDigitsAreNotDigits() {
    // Integer.parseInt reads full-width and Arabic-Indic digits; an option does not.
    assertEquals("option n=\uff11\uff10 is not a whole number: give one from -2147483648 to 2147483647",
        integerError("\uff11\uff10"));
    assertEquals("option n=\u0661\u0662 is not a whole number: give one from -2147483648 to 2147483647",
        integerError("\u0661\u0662"));
    assertEquals("option d=\uff11\uff10ms is not a duration such as 250ms, 2s, 1.5s or none", durationError("\uff11\uff10ms"));
    assertEquals("option d=1.\u0665s is not a duration such as 250ms, 2s, 1.5s or none", durationError("1.\u0665s"));
  }

  @Test
  void aWholeNumberIsNeitherRoundedNorWrapped() {
    assertEquals("option n=1.9 is not a whole number: give one from -2147483648 to 2147483647", integerError("1.9"));
    assertEquals("option n=abc is not a whole number: give one from -2147483648 to 2147483647", integerError("abc"));
    assertEquals("option n=+5 is not a whole number: give one from -2147483648 to 2147483647", integerError("+5"));
    assertEquals("option n=1e3 is not a whole number: give one from -2147483648 to 2147483647", integerError("1e3"));
    assertEquals("option n=4294967297 is out of range: give a whole number from -2147483648 to 2147483647",
        integerError("4294967297"));
    assertEquals("option n=" + "9".repeat(40) + " is out of range: give a whole number from -2147483648 to 2147483647",
        integerError("9".repeat(40)));
    assertEquals(-7, option("n", " -007 ").get(N));
    assertEquals(0, option("n", "0").get(N));
    assertEquals(0, option("n", "-000").get(N));
    assertEquals(Integer.MAX_VALUE, option("n", "2147483647").get(N));
  }

  @Test
  void aRangedIntegerSaysItsRange() {
    StrategyOption<Integer> explore = StrategyOption.whole("explore-every", 16, 1, 1000, "every this many");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> option("explore-every", "0").get(explore));
    assertEquals("option explore-every=0 is out of range: give a whole number from 1 to 1000", e.getMessage());
    assertEquals(16, option("explore-every", "16").get(explore));
  }

  @Test
  void aDurationOfTenToTheThirtyMinutesIsOutOfRangeNotTwoHundredYears() {
    assertEquals("option d=" + "1" + "0".repeat(30) + "m is out of range: give a duration from 0s to 24h",
        durationError("1" + "0".repeat(30) + "m"));
    assertEquals("option d=25h is out of range: give a duration from 0s to 24h", durationError("25h"));
    assertEquals("option d=9223372036854775807ns is out of range: give a duration from 0s to 24h",
        durationError("9223372036854775807ns"));
    assertEquals("option d=99999999999999999999s is out of range: give a duration from 0s to 24h",
        durationError("99999999999999999999s"));
    assertEquals(Optional.of(Duration.ofHours(24)), option("d", "24h").get(D));
    assertEquals(Optional.of(Duration.ofHours(24)), option("d", "1440m").get(D));
  }

  @Test
  void aRangedDurationSaysItsRangeInTheProjectsTextForm() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> option("attempt-timeout", "0ms").get(
            StrategyOption.durationOrNone("attempt-timeout", Duration.ofNanos(1), Duration.ofHours(1), "timeout")));
    assertEquals("option attempt-timeout=0ms is out of range: give a duration from 1ns to 1h", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> StrategyOptions.readDuration("'10us'", "10us", Duration.ofMillis(1), Duration.ofMillis(1500)));
    assertEquals("'10us' is out of range: give a duration from 1ms to 1500ms", e.getMessage());
  }

  @Test
  void aDurationFinerThanANanosecondIsRefusedNotRounded() {
    assertEquals("option d=1.5ns is finer than a nanosecond: give a duration from 0s to 24h", durationError("1.5ns"));
    assertEquals("option d=0.0000000001s is finer than a nanosecond: give a duration from 0s to 24h",
        durationError("0.0000000001s"));
    assertEquals("option d=0.00000000000000000000000001h is finer than a nanosecond: give a duration from 0s to 24h",
        durationError("0.00000000000000000000000001h"));
    assertEquals(Optional.of(Duration.ofNanos(1_000_000_001)), option("d", "1.000000001s").get(D));
    assertEquals(Optional.of(Duration.ofNanos(500)), option("d", "0.5us").get(D));
    assertEquals(Optional.of(Duration.ofMillis(1500)), option("d", "1.50000s").get(D));
    assertEquals(Optional.of(Duration.ofMinutes(90)), option("d", "1.5h").get(D));
    assertEquals(Optional.of(Duration.ofNanos(1)), option("d", "0.000000001s").get(D));
  }

  @Test
  void durationsAreWrittenInTheProjectsTextFormNeverAsIso() {
    assertEquals("10ms", StrategyOptions.formatDuration(Duration.ofMillis(10)));
    assertEquals("1500ms", StrategyOptions.formatDuration(Duration.ofMillis(1500)));
    assertEquals("24h", StrategyOptions.formatDuration(StrategyOptions.MAX_DURATION));
    assertEquals("90m", StrategyOptions.formatDuration(Duration.ofMinutes(90)));
    assertEquals("10m", StrategyOptions.formatDuration(Duration.ofMinutes(10)));
    assertEquals(Long.MAX_VALUE + "s", StrategyOptions.formatDuration(Duration.ofSeconds(Long.MAX_VALUE)),
        "even past what nanoseconds hold");
    for (String text : new String[] {"250ms", "1500ms", "24h", "90m", "7ns", "500us", "0s"}) {
      assertEquals(text, StrategyOptions.formatDuration(StrategyOptions.parseDuration("x", text)), "round trip");
    }
  }

  @Test
  void readWholeNamesTheValueAsTheCallerDoes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StrategyOptions.readWhole("--runs 0", "0", 1, 1_000_000));
    assertEquals("--runs 0 is out of range: give a whole number from 1 to 1000000", e.getMessage());
    assertEquals(-9_223_372_036_854_775_808L, StrategyOptions.readWhole("s", "-9223372036854775808", Long.MIN_VALUE,
        Long.MAX_VALUE));
  }
}
