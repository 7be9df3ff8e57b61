package io.github.connectbylist.api;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Options given to a strategy as text, {@code key=value}, with typed readers whose errors name the option.
 * Durations read as {@code 250ms}, {@code 2s}, {@code 1.5s}, {@code 500us}, {@code 1m}, or {@code none}.
 */
public final class StrategyOptions {
  private static final StrategyOptions EMPTY = new StrategyOptions(Map.of());

  private final Map<String, String> values;

  private StrategyOptions(Map<String, String> values) {
    this.values = values;
  }

  /**
   * No options.
   *
   * @return the empty options
   */
  public static StrategyOptions empty() {
    return EMPTY;
  }

  /**
   * Options from a map of names to text values; the map's order is kept for messages.
   *
   * @param values option names to their text
   * @return the options
   */
  public static StrategyOptions of(Map<String, String> values) {
    Map<String, String> copy = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : values.entrySet()) {
      copy.put(Objects.requireNonNull(e.getKey(), "option name"), Objects.requireNonNull(e.getValue(), e.getKey()));
    }
    return new StrategyOptions(java.util.Collections.unmodifiableMap(copy));
  }

  /**
   * Every option as text.
   *
   * @return option names to their text, in the order given
   */
  public Map<String, String> asMap() {
    return values;
  }

  /**
   * Whether no option is given.
   *
   * @return {@code true} when there is none
   */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /**
   * An option as written.
   *
   * @param name the option's name
   * @return its text, or empty when absent
   */
  public Optional<String> text(String name) {
    return Optional.ofNullable(values.get(name));
  }

  // The readers below are plain code rather than Optional chains of lambdas: they run while the first
  // ConnectByList of a JVM is built, where each new lambda costs a bootstrap.

  /**
   * A duration, or empty when absent or written as {@code none}.
   *
   * @param name the option's name
   * @return the duration
   * @throws IllegalArgumentException naming the option when the text is not a duration
   */
  public Optional<Duration> duration(String name) {
    String v = values.get(name);
    return v == null || v.equalsIgnoreCase("none") ? Optional.empty() : Optional.of(parseDuration(name, v));
  }

  /**
   * {@code true}, {@code yes} or {@code on}; {@code false}, {@code no} or {@code off}; empty when absent.
   *
   * @param name the option's name
   * @return the flag
   * @throws IllegalArgumentException naming the option when the text is none of those
   */
  public Optional<Boolean> flag(String name) {
    String v = values.get(name);
    if (v == null) {
      return Optional.empty();
    }
    switch (v.toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "on":
        return Optional.of(true);
      case "false", "no", "off":
        return Optional.of(false);
      default:
        throw new IllegalArgumentException("option " + name + "=" + v + " is not true or false");
    }
  }

  /**
   * A whole number, or empty when absent.
   *
   * @param name the option's name
   * @return the number
   * @throws IllegalArgumentException naming the option when the text is not a whole number
   */
  public Optional<Integer> integer(String name) {
    String v = values.get(name);
    if (v == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(v.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("option " + name + "=" + v + " is not a whole number", e);
    }
  }

  /**
   * Parses {@code 250ms}, {@code 1.5s} and the like; the error names the option.
   *
   * @param name the option's name, for the error
   * @param text a number and a unit: {@code ns}, {@code us}, {@code ms}, {@code s} or {@code m}
   * @return the duration
   * @throws IllegalArgumentException naming the option when {@code text} is not a duration
   */
  public static Duration parseDuration(String name, String text) {
    // Read by hand, not with a regular expression: options are parsed in a connect's first path.
    String t = text.trim();
    int end = digits(t, 0);
    if (end > 0 && end < t.length() && t.charAt(end) == '.') {
      int fraction = digits(t, end + 1);
      end = fraction > end + 1 ? fraction : -1;
    }
    long nanosPerUnit = end <= 0 ? -1 : switch (t.substring(end).trim()) {
      case "ns" -> 1L;
      case "us" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      case "m" -> 60_000_000_000L;
      default -> -1;
    };
    if (nanosPerUnit < 0) {
      throw new IllegalArgumentException(
          "option " + name + "=" + text + " is not a duration such as 250ms, 2s, 1.5s or none");
    }
    return Duration.ofNanos(Math.round(Double.parseDouble(t.substring(0, end)) * nanosPerUnit));
  }

  /** The index after the ASCII digits that start at {@code from}. */
  private static int digits(String text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  /**
   * The inverse of {@link #parseDuration}, in the largest unit that keeps it whole.
   *
   * @param d a duration
   * @return its text, such as {@code 250ms}
   */
  public static String formatDuration(Duration d) {
    long nanos = d.toNanos();
    if (nanos != 0 && nanos % 60_000_000_000L == 0) return nanos / 60_000_000_000L + "m";
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
    for (Map.Entry<String, String> e : values.entrySet()) {
      s.append(s.length() == 0 ? "" : ", ").append(e.getKey()).append('=').append(e.getValue());
    }
    return s.toString();
  }
}
