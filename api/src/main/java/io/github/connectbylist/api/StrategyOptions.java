package io.github.connectbylist.api;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Options given to a strategy as text, {@code key=value}, with typed readers whose errors name the option.
 * Durations read as {@code 250ms}, {@code 2s}, {@code 1.5s}, {@code 500us}, {@code 1m}, or {@code none}.
 */
public final class StrategyOptions {
  private static final StrategyOptions EMPTY = new StrategyOptions(Map.of());
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|ms|s|m)");

  private final Map<String, String> values;

  private StrategyOptions(Map<String, String> values) {
    this.values = values;
  }

  public static StrategyOptions empty() {
    return EMPTY;
  }

  /** Options from a map of names to text values; the map's order is kept for messages. */
  public static StrategyOptions of(Map<String, String> values) {
    Map<String, String> copy = new LinkedHashMap<>();
    values.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "option name"), Objects.requireNonNull(v, k)));
    return new StrategyOptions(java.util.Collections.unmodifiableMap(copy));
  }

  public Map<String, String> asMap() {
    return values;
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  public Optional<String> text(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** A duration, or empty when absent or written as {@code none}. */
  public Optional<Duration> duration(String name) {
    return text(name).filter(v -> !v.equalsIgnoreCase("none")).map(v -> parseDuration(name, v));
  }

  public Optional<Boolean> flag(String name) {
    return text(name).map(v -> switch (v.toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw new IllegalArgumentException("option " + name + "=" + v + " is not true or false");
    });
  }

  public Optional<Integer> integer(String name) {
    return text(name).map(v -> {
      try {
        return Integer.parseInt(v.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("option " + name + "=" + v + " is not a whole number", e);
      }
    });
  }

  /** Parses {@code 250ms}, {@code 1.5s} and the like; the error names the option. */
  public static Duration parseDuration(String name, String text) {
    Matcher m = DURATION.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "option " + name + "=" + text + " is not a duration such as 250ms, 2s, 1.5s or none");
    }
    double amount = Double.parseDouble(m.group(1));
    long nanosPerUnit = switch (m.group(2)) {
      case "ns" -> 1L;
      case "us" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      default -> 60_000_000_000L;
    };
    return Duration.ofNanos(Math.round(amount * nanosPerUnit));
  }

  /** The inverse of {@link #parseDuration}, in the largest unit that keeps it whole. */
  public static String formatDuration(Duration d) {
    long nanos = d.toNanos();
    if (nanos % 1_000_000_000L == 0) return nanos / 1_000_000_000L + "s";
    if (nanos % 1_000_000L == 0) return nanos / 1_000_000L + "ms";
    if (nanos % 1_000L == 0) return nanos / 1_000L + "us";
    return nanos + "ns";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StrategyOptions other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    values.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append('=').append(v));
    return s.toString();
  }
}
