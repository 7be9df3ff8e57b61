package io.github.connectbylist.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.api.StrategyOption;
import io.github.connectbylist.api.StrategyOptions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StrategySpecTest {
  @Test
  void parsesANameAlone() {
    assertEquals(new StrategySpec("happy-eyeballs", StrategyOptions.empty()), StrategySpec.parse(" happy-eyeballs "));
  }

  @Test
  void parsesOptionsInOrder() {
    StrategySpec spec = StrategySpec.parse("sequential( attempt-timeout = 250ms , split-deadline=true)");
    assertEquals("sequential", spec.name());
    assertEquals(Map.of("attempt-timeout", "250ms", "split-deadline", "true"), spec.options().asMap());
    assertEquals(Optional.of(Duration.ofMillis(250)), spec.options().get(
        StrategyOption.durationOrNone("attempt-timeout", Duration.ZERO, StrategyOptions.MAX_DURATION, "timeout")));
    assertEquals("sequential(attempt-timeout=250ms, split-deadline=true)", spec.toString());
  }

  @Test
  void durationsReadInEveryUnit() {
    assertEquals(Duration.ofNanos(1_500_000_000L), StrategyOptions.parseDuration("x", "1.5s"));
    assertEquals(Duration.ofNanos(500_000), StrategyOptions.parseDuration("x", "500us"));
    assertEquals(Duration.ofMinutes(1), StrategyOptions.parseDuration("x", "1m"));
    assertEquals("250ms", StrategyOptions.formatDuration(Duration.ofMillis(250)));
    assertEquals("10m", StrategyOptions.formatDuration(Duration.ofMinutes(10)));
    assertEquals("90s", StrategyOptions.formatDuration(Duration.ofSeconds(90)));
    assertEquals("0s", StrategyOptions.formatDuration(Duration.ZERO));
    assertEquals(Duration.ofMillis(250), StrategyOptions.parseDuration("x", " 250 ms "));
    assertEquals(Duration.ofNanos(7), StrategyOptions.parseDuration("x", "7ns"));
    assertEquals(Duration.ofSeconds(2), StrategyOptions.parseDuration("x", "2s"));
    for (String bad : new String[] {"250", "ms", "1.s", ".5s", "1.5.2s", "-1s", "5 sec", "\u0665s", ""}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StrategyOptions.parseDuration("x", bad), bad);
      assertTrue(e.getMessage().contains("x=" + bad), e.getMessage());
    }
  }

  @Test
  void rejectsMalformedText() {
    assertThrows(IllegalArgumentException.class, () -> StrategySpec.parse("a(b)"));
    assertThrows(IllegalArgumentException.class, () -> StrategySpec.parse("a(b=1"));
    assertThrows(IllegalArgumentException.class, () -> StrategySpec.parse("a b"));
    assertThrows(IllegalArgumentException.class, () -> StrategySpec.parse("-a"));
    assertThrows(IllegalArgumentException.class, () -> StrategySpec.parse("a/b"));
    assertEquals("a.b_c-1", StrategySpec.parse("a.b_c-1").name());
  }
}
