package io.github.connectbylist.api;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Options given to a strategy as text, {@code key=value}, read by their declarations ({@link #get}), whose errors
 * name the option, the text and what is allowed. Durations read as {@code 250ms}, {@code 2s}, {@code 1.5s}, {@code 500us},
 * {@code 1m}, {@code 1h}, or {@code none}, from 0 to {@link #MAX_DURATION}; whole numbers as ASCII digits.
 * Nothing is coerced: {@code 1.9} is not rounded to a whole number, {@code 4294967297} does not wrap, a
 * full-width or Arabic-Indic digit is not a digit here (Java's {@code Integer.parseInt} would take them), and
 * a duration past the range is refused rather than clamped. The command line and the lab read their numbers
 * and durations with the same readers ({@link #readWhole}, {@link #readDuration}), so every form of a value
 * obeys the same rules.
 */
public final class StrategyOptions {
  /**
   * The longest duration an option may give: one day. Every timeout, delay and deadline of a connect is far
   * shorter; longer is a mistake, and it keeps nanosecond arithmetic far from overflow ({@code
   * Duration.toNanos()} overflows past 292 years).
   */
  public static final Duration MAX_DURATION = Duration.ofHours(24);

  static final String DURATION_EXAMPLES = "250ms, 2s or 1.5s";
  static final String DURATION_OR_NONE_EXAMPLES = "250ms, 2s, 1.5s or none";
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
    return new StrategyOptions(Collections.unmodifiableMap(copy));
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
   * An option's value: its text read by its declaration, or its default when it is not given. Plain code, not
   * Optional chains of lambdas: this runs while the first ConnectByList of a JVM is built, where each new lambda
   * costs a bootstrap.
   *
   * @param option the option's declaration
   * @param <T> the value's type
   * @return the value
   * @throws IllegalArgumentException naming the option, the text as written and what is allowed, when the text is
   *     not a value of the option
   */
  public <T> T get(StrategyOption<T> option) {
    String text = values.get(option.name());
    return text == null ? option.defaultValue() : option.parse(text);
  }

  /**
   * Whether an option is given, whatever its value.
   *
   * @param option the option's declaration
   * @return {@code true} when its name is among these options
   */
  public boolean isGiven(StrategyOption<?> option) {
    return values.containsKey(option.name());
  }

  /**
   * These options but the ones declared in {@code options}: what a strategy passes on to one it builds on.
   *
   * @param options the options to leave out
   * @return the others, in the order given
   */
  public StrategyOptions without(List<StrategyOption<?>> options) {
    Map<String, String> rest = new LinkedHashMap<>(values);
    for (StrategyOption<?> o : options) {
      rest.remove(o.name());
    }
    return rest.size() == values.size() ? this : new StrategyOptions(Collections.unmodifiableMap(rest));
  }

  /**
   * Parses {@code 250ms}, {@code 1.5s} and the like, from 0 to {@link #MAX_DURATION}; the error names the
   * option.
   *
   * @param name the option's name, for the error
   * @param text ASCII digits, an optional fraction, and a unit: {@code ns}, {@code us}, {@code ms}, {@code s},
   *     {@code m} or {@code h}
   * @return the duration
   * @throws IllegalArgumentException naming the option when {@code text} is not a duration in that range
   */
  public static Duration parseDuration(String name, String text) {
    return parseDuration(name, text, Duration.ZERO, MAX_DURATION);
  }

  /**
   * Parses {@code 250ms}, {@code 1.5s} and the like, from {@code min} to {@code max}; the error names the
   * option.
   *
   * @param name the option's name, for the error
   * @param text ASCII digits, an optional fraction, and a unit: {@code ns}, {@code us}, {@code ms}, {@code s},
   *     {@code m} or {@code h}
   * @param min the shortest allowed
   * @param max the longest allowed
   * @return the duration
   * @throws IllegalArgumentException naming the option, the text and the range when {@code text} is not a
   *     duration in it
   */
  public static Duration parseDuration(String name, String text, Duration min, Duration max) {
    return readDuration(subject(name, text), text, min, max, DURATION_EXAMPLES);
  }

  /**
   * Reads a duration whatever it is called: a command line's {@code --timeout}, a field of a file. The
   * message starts with {@code subject}: {@code <subject> is out of range: give a duration from 1ms to 24h}.
   * The text is ASCII digits, an optional fraction ({@code 1.5s}) and a unit ({@code ns}, {@code us},
   * {@code ms}, {@code s}, {@code m}, {@code h}); a value that is not a whole number of nanoseconds, or
   * outside the range, is refused rather than rounded.
   *
   * @param subject how the message names the value, such as {@code '0ms'} or {@code option attempt-timeout=0ms}
   * @param text the text
   * @param min the shortest allowed
   * @param max the longest allowed
   * @return the duration
   * @throws IllegalArgumentException starting with {@code subject} and saying what is allowed
   */
  public static Duration readDuration(String subject, String text, Duration min, Duration max) {
    return readDuration(subject, text, min, max, DURATION_EXAMPLES);
  }

  static Duration readDuration(String subject, String text, Duration min, Duration max, String examples) {
    // Read by hand, not with a regular expression: options are parsed in a connect's first path.
    String t = text == null ? "" : text.trim();
    int wholeEnd = digits(t, 0);
    int end = wholeEnd;
    int fractionEnd = wholeEnd;
    if (wholeEnd > 0 && end < t.length() && t.charAt(end) == '.') {
      fractionEnd = digits(t, end + 1);
      end = fractionEnd > end + 1 ? fractionEnd : -1;
    }
    long nanosPerUnit = end <= 0 ? -1 : switch (t.substring(end).trim()) {
      case "ns" -> 1L;
      case "us" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      case "m" -> 60_000_000_000L;
      case "h" -> 3_600_000_000_000L;
      default -> -1;
    };
    if (nanosPerUnit < 0) {
      throw new IllegalArgumentException(subject + " is not a duration such as " + examples);
    }
    String range = " from " + formatDuration(min) + " to " + formatDuration(max);
    String whole = stripLeadingZeros(t.substring(0, wholeEnd));
    String fraction = fractionEnd > wholeEnd ? stripTrailingZeros(t.substring(wholeEnd + 1, fractionEnd)) : "";
    long fractionNanos = 0;
    if (!fraction.isEmpty()) {
      // 0.f units is f * unit / 10^k nanoseconds, whole only when 10^k / gcd(10^k, unit) divides f; a fraction
      // of more than 13 digits (its last one not 0) never is, since the longest unit, 1h, is 2^13 * 3^2 * 5^11 ns.
      if (fraction.length() > 13) {
        throw new IllegalArgumentException(subject + " is finer than a nanosecond: give a duration" + range);
      }
      long f = Long.parseLong(fraction);
      long scale = 1;
      for (int i = 0; i < fraction.length(); i++) {
        scale *= 10;
      }
      long common = gcd(scale, nanosPerUnit);
      if (f % (scale / common) != 0) {
        throw new IllegalArgumentException(subject + " is finer than a nanosecond: give a duration" + range);
      }
      fractionNanos = f / (scale / common) * (nanosPerUnit / common);
    }
    boolean fits = whole.length() <= 18; // fits a long; longer is out of any range, and not parsed
    long nanos = 0;
    if (fits) {
      try {
        nanos = Math.addExact(Math.multiplyExact(whole.isEmpty() ? 0 : Long.parseLong(whole), nanosPerUnit),
            fractionNanos);
      } catch (ArithmeticException tooLong) {
        fits = false;
      }
    }
    if (!fits || nanos < min.toNanos() || nanos > max.toNanos()) {
      throw new IllegalArgumentException(subject + " is out of range: give a duration" + range);
    }
    return Duration.ofNanos(nanos);
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  /**
   * Reads a whole number whatever it is called: a command line's {@code --runs}, a field of a file. Only
   * ASCII digits with an optional leading {@code -}: no sign {@code +}, no fraction, no exponent, no other
   * script's digits, nothing rounded or wrapped. The message starts with {@code subject}: {@code <subject> is
   * out of range: give a whole number from 1 to 1000000}.
   *
   * @param subject how the message names the value, such as {@code '0'} or {@code option explore-every=0}
   * @param text the text
   * @param min the least allowed
   * @param max the greatest allowed
   * @return the number
   * @throws IllegalArgumentException starting with {@code subject} and saying what is allowed
   */
  public static long readWhole(String subject, String text, long min, long max) {
    String t = text == null ? "" : text.trim();
    int start = t.startsWith("-") ? 1 : 0;
    String range = " from " + min + " to " + max;
    if (t.length() == start || digits(t, start) != t.length()) {
      throw new IllegalArgumentException(subject + " is not a whole number: give one" + range);
    }
    String magnitude = stripLeadingZeros(t.substring(start));
    if (magnitude.isEmpty()) {
      magnitude = "0";
    }
    boolean fits = magnitude.length() <= 19; // a long has 19 digits: anything longer is out of range, unparsed
    long value = 0;
    if (fits) {
      try {
        value = Long.parseLong((start == 1 ? "-" : "") + magnitude); // ASCII digits only by now
      } catch (NumberFormatException tooLarge) {
        fits = false;
      }
    }
    if (!fits || value < min || value > max) {
      throw new IllegalArgumentException(subject + " is out of range: give a whole number" + range);
    }
    return value;
  }

  private static String subject(String name, String text) {
    return "option " + name + "=" + text;
  }

  /** The index after the ASCII digits that start at {@code from}. */
  private static int digits(String text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  private static String stripLeadingZeros(String digits) {
    int i = 0;
    while (i < digits.length() && digits.charAt(i) == '0') {
      i++;
    }
    return digits.substring(i);
  }

  private static String stripTrailingZeros(String digits) {
    int i = digits.length();
    while (i > 0 && digits.charAt(i - 1) == '0') {
      i--;
    }
    return digits.substring(0, i);
  }

  /**
   * The project's text form of a duration, and the inverse of {@link #parseDuration}: the largest unit that
   * keeps it whole ({@code 250ms}, {@code 1500ms}, {@code 10m}, {@code 24h}). Every message that shows a
   * duration the user did not write shows it this way, never as {@link Duration#toString()}'s {@code PT0.25S}.
   *
   * @param d a duration
   * @return its text, such as {@code 250ms}
   */
  public static String formatDuration(Duration d) {
    long nanos;
    try {
      nanos = d.toNanos();
    } catch (ArithmeticException tooLong) {
      return d.getSeconds() + "s";
    }
    if (nanos != 0 && nanos % 3_600_000_000_000L == 0) return nanos / 3_600_000_000_000L + "h";
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
