package io.github.connectbylist.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One option a strategy takes, declared once: its name, what it means, its type (how its text is read and written
 * back, and which values are allowed) and its default. Every form of the option reads this declaration: the text
 * form ({@link StrategyOptions#get}), the strategy's typed builder (its default, and {@link #check} for what
 * code gives it), the {@code strategies} listing and error messages ({@link #toString()}: {@code
 * connection-attempt-delay=250ms}), and the tables in {@code docs/}, which a test compares with the declarations.
 *
 * <p>Declare it as a constant beside the strategy it configures, with a Javadoc that says what it is for:
 *
 * <pre>{@code
 * // RFC 8305 section 5: time between attempt starts; 250 ms recommended (section 8), never below 10 ms
 * public static final StrategyOption<Duration> CONNECTION_ATTEMPT_DELAY = StrategyOption.duration(
 *     "connection-attempt-delay", Duration.ofMillis(250), Duration.ofMillis(10), StrategyOptions.MAX_DURATION,
 *     "time between attempt starts; at least 10ms, 100ms to 2s recommended");
 * }</pre>
 *
 * @param <T> the value's type
 */
public final class StrategyOption<T> {
  private final String name;
  private final T defaultValue;
  private final OptionType<T> type;
  private final String description;

  private StrategyOption(String name, T defaultValue, OptionType<T> type, String description) {
    this.name = Objects.requireNonNull(name, "name");
    this.defaultValue = Objects.requireNonNull(defaultValue, "defaultValue");
    this.type = type;
    this.description = Objects.requireNonNull(description, "description");
    if (!isName(name)) {
      throw new IllegalArgumentException("an option's name is lower case letters, digits and dashes: '" + name + "'");
    }
    String problem = type.problem(defaultValue);
    if (problem != null) {
      throw new IllegalArgumentException("the default of " + name + " " + problem + ", was " + type.format(defaultValue));
    }
  }

  /**
   * A duration from {@code min} to {@code max}, written {@code 250ms}, {@code 2s}, {@code 1.5s} and the like.
   *
   * @param name the option's name, lower case with dashes
   * @param byDefault the value when the option is not given
   * @param min the shortest allowed
   * @param max the longest allowed, at most {@link StrategyOptions#MAX_DURATION} for the text to reach it
   * @param description one line for humans
   * @return the option
   */
  public static StrategyOption<Duration> duration(String name, Duration byDefault, Duration min, Duration max,
      String description) {
    return new StrategyOption<>(name, byDefault, new OptionType.DurationType(min, max), description);
  }

  /**
   * A duration from {@code min} to {@code max}, or {@code none} (the default): for a timeout or a delay that may
   * be absent.
   *
   * @param name the option's name, lower case with dashes
   * @param min the shortest allowed
   * @param max the longest allowed
   * @param description one line for humans
   * @return the option; its value is empty for {@code none}
   */
  public static StrategyOption<Optional<Duration>> durationOrNone(String name, Duration min, Duration max,
      String description) {
    return new StrategyOption<>(name, Optional.empty(), new OptionType.NoneOr<>(new OptionType.DurationType(min, max)),
        description);
  }

  /**
   * A whole number from {@code min} to {@code max}, in ASCII digits.
   *
   * @param name the option's name, lower case with dashes
   * @param byDefault the value when the option is not given
   * @param min the least allowed
   * @param max the greatest allowed
   * @param description one line for humans
   * @return the option
   */
  public static StrategyOption<Integer> whole(String name, int byDefault, int min, int max, String description) {
    return new StrategyOption<>(name, byDefault, new OptionType.WholeType(min, max), description);
  }

  /**
   * A whole number from {@code min} to {@code max}, or {@code none} (the default).
   *
   * @param name the option's name, lower case with dashes
   * @param min the least allowed
   * @param max the greatest allowed
   * @param description one line for humans, which says what none means
   * @return the option; its value is empty for {@code none}
   */
  public static StrategyOption<Optional<Integer>> wholeOrNone(String name, int min, int max, String description) {
    return new StrategyOption<>(name, Optional.empty(), new OptionType.NoneOr<>(new OptionType.WholeType(min, max)),
        description);
  }

  /**
   * {@code true} or {@code false} (also {@code yes}/{@code no}, {@code on}/{@code off}).
   *
   * @param name the option's name, lower case with dashes
   * @param byDefault the value when the option is not given
   * @param description one line for humans
   * @return the option
   */
  public static StrategyOption<Boolean> flag(String name, boolean byDefault, String description) {
    return new StrategyOption<>(name, byDefault, new OptionType.FlagType(), description);
  }

  /**
   * Text, taken as written: a keyword or a path, or another strategy's name, which the strategy reads itself.
   *
   * @param name the option's name, lower case with dashes
   * @param byDefault the value when the option is not given
   * @param description one line for humans, which says what the text may be
   * @return the option
   */
  public static StrategyOption<String> text(String name, String byDefault, String description) {
    return new StrategyOption<>(name, byDefault, new OptionType.TextType(), description);
  }

  /**
   * The name users give the option by.
   *
   * @return the name, such as {@code connection-attempt-delay}
   */
  public String name() {
    return name;
  }

  /**
   * What the option means.
   *
   * @return one line for humans
   */
  public String description() {
    return description;
  }

  /**
   * The value when the option is not given.
   *
   * @return the default
   */
  public T defaultValue() {
    return defaultValue;
  }

  /**
   * The default as a user would write it.
   *
   * @return such as {@code 250ms} or {@code none}
   */
  public String defaultText() {
    return type.format(defaultValue);
  }

  /**
   * Reads the option's text; {@link StrategyOptions#get} does this for an option given by name.
   *
   * @param text the text, as written
   * @return the value
   * @throws IllegalArgumentException naming the option, the text as written and what is allowed, such as {@code
   *     option attempt-timeout=0ms is out of range: give a duration from 1ns to 24h}
   */
  public T parse(String text) {
    return type.parse("option " + name + "=" + text, Objects.requireNonNull(text, name));
  }

  /**
   * Checks a value given in code, for a typed builder: the same range the text form has.
   *
   * @param value the value
   * @return {@code value}
   * @throws IllegalArgumentException naming the option and the value, such as {@code attempt-timeout must be
   *     positive, was 0s}
   */
  public T check(T value) {
    Objects.requireNonNull(value, name);
    String problem = type.problem(value);
    if (problem != null) {
      throw new IllegalArgumentException(name + " " + problem + ", was " + type.format(value));
    }
    return value;
  }

  /**
   * Writes a value as a user would.
   *
   * @param value a value of this option
   * @return its text
   */
  public String format(T value) {
    return type.format(value);
  }

  /** The option with its default as it is written, {@code name=default}, as listings and messages show it. */
  @Override
  public String toString() {
    return name + "=" + defaultText();
  }

  private static boolean isName(String name) {
    if (name.isEmpty() || name.charAt(0) < 'a' || name.charAt(0) > 'z') {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '-') {
        return false;
      }
    }
    return true;
  }
}
