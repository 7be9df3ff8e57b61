package io.github.connectbylist.api;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The type of a {@link StrategyOption}: how its text is read (strictly, by {@link StrategyOptions}' readers),
 * how a value is written back, and which values are allowed. One type serves every form of an option: the text
 * a user writes, a typed builder's argument, and the listings.
 *
 * @param <T> the value's type
 */
sealed interface OptionType<T> {

  /**
   * Reads a value from text.
   *
   * @param subject how a message names the value, such as {@code option attempt-timeout=0ms}
   * @param text the text
   * @return the value
   * @throws IllegalArgumentException starting with {@code subject} and saying what is allowed
   */
  T parse(String subject, String text);

  /**
   * Writes a value as a user would.
   *
   * @param value a value of this type
   * @return its text, which {@link #parse} reads back
   */
  String format(T value);

  /**
   * What is wrong with a value given in code, such as {@code must be at least 10ms}.
   *
   * @param value the value
   * @return the requirement it breaks, or {@code null} when it is allowed
   */
  String problem(T value);

  /** A duration from {@code min} to {@code max}, written {@code 250ms}, {@code 1.5s} and the like. */
  record DurationType(Duration min, Duration max) implements OptionType<Duration> {
    @Override
    public Duration parse(String subject, String text) {
      return StrategyOptions.readDuration(subject, text, min, max, StrategyOptions.DURATION_EXAMPLES);
    }

    @Override
    public String format(Duration value) {
      return StrategyOptions.formatDuration(value);
    }

    @Override
    public String problem(Duration value) {
      if (value.compareTo(min) < 0) {
        return min.isZero() ? "must not be negative" : min.equals(Duration.ofNanos(1)) ? "must be positive"
            : "must be at least " + format(min);
      }
      return value.compareTo(max) > 0 ? "must be at most " + format(max) : null;
    }
  }

  /** A whole number from {@code min} to {@code max}, in ASCII digits. */
  record WholeType(int min, int max) implements OptionType<Integer> {
    @Override
    public Integer parse(String subject, String text) {
      return (int) StrategyOptions.readWhole(subject, text, min, max);
    }

    @Override
    public String format(Integer value) {
      return value.toString();
    }

    @Override
    public String problem(Integer value) {
      if (value < min) {
        return min == 0 ? "must not be negative" : "must be at least " + min;
      }
      return value > max ? "must be at most " + max : null;
    }
  }

  /** {@code true}, {@code yes} or {@code on}; {@code false}, {@code no} or {@code off}. */
  record FlagType() implements OptionType<Boolean> {
    @Override
    public Boolean parse(String subject, String text) {
      switch (text.toLowerCase(Locale.ROOT)) {
        case "true", "yes", "on":
          return true;
        case "false", "no", "off":
          return false;
        default:
          throw new IllegalArgumentException(subject + " is not true or false");
      }
    }

    @Override
    public String format(Boolean value) {
      return value.toString();
    }

    @Override
    public String problem(Boolean value) {
      return null;
    }
  }

  /** Text, taken as written; what it means is the strategy's to check. */
  record TextType() implements OptionType<String> {
    @Override
    public String parse(String subject, String text) {
      return text;
    }

    @Override
    public String format(String value) {
      return value;
    }

    @Override
    public String problem(String value) {
      return null;
    }
  }

  /**
   * A value of {@code inner}, or {@code none} (any case) for none. The message for text that is neither says
   * {@code none} is allowed.
   */
  record NoneOr<T>(OptionType<T> inner) implements OptionType<Optional<T>> {
    @Override
    public Optional<T> parse(String subject, String text) {
      if (text.equalsIgnoreCase("none")) {
        return Optional.empty();
      }
      if (inner instanceof DurationType d) {
        @SuppressWarnings("unchecked") // inner is OptionType<Duration>, so T is Duration
        T value = (T) StrategyOptions.readDuration(subject, text, d.min(), d.max(),
            StrategyOptions.DURATION_OR_NONE_EXAMPLES);
        return Optional.of(value);
      }
      return Optional.of(inner.parse(subject, text));
    }

    @Override
    public String format(Optional<T> value) {
      return value.isPresent() ? inner.format(value.get()) : "none";
    }

    @Override
    public String problem(Optional<T> value) {
      return value.isPresent() ? inner.problem(value.get()) : null;
    }
  }
}
