package io.github.connectbylist.api;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A ranker, scheduler or resolver under a name, as a {@link StrategyProvider} registers it: what users choose it
 * by, a line that says what it does, a priority for when nobody chooses, the options it takes (each declared once,
 * as a {@link StrategyOption}), and the factory that makes it.
 *
 * @param <T> what it makes: {@link AddressPairRanker}, {@link AttemptScheduler} or {@link NameResolver}
 */
public final class NamedStrategy<T> {

  /** The three kinds of strategy, each chosen by name among its own. */
  public enum Kind {
    /** An {@link AddressPairRanker}. */
    RANKER,
    /** An {@link AttemptScheduler}. */
    SCHEDULER,
    /** A {@link NameResolver}. */
    RESOLVER;

    /** The kind in a sentence: {@code ranker}, {@code scheduler} or {@code resolver}. */
    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Makes the strategy from options. A plain class does as well as a lambda here, and costs no bootstrap while the
   * first {@code ConnectByList} of a JVM is built.
   *
   * @param <T> what it makes
   */
  @FunctionalInterface
  public interface Factory<T> {
    /**
     * Makes the strategy.
     *
     * @param options the options given, each one the strategy declares, each value already read once by its
     *     declaration; read them with {@link StrategyOptions#get}
     * @param lookup the other strategies, for one that builds on another by name
     * @return the strategy
     * @throws IllegalArgumentException naming the option when values do not go together
     */
    T create(StrategyOptions options, StrategyLookup lookup);
  }

  private final Kind kind;
  private final String name;
  private final String description;
  private final int priority;
  private final List<StrategyOption<?>> options;
  private final Factory<? extends T> factory;

  private NamedStrategy(Kind kind, String name, String description, int priority, List<StrategyOption<?>> options,
      Factory<? extends T> factory) {
    this.kind = kind;
    this.name = Objects.requireNonNull(name, "name");
    this.description = Objects.requireNonNull(description, "description");
    this.priority = priority;
    this.options = List.copyOf(options);
    this.factory = Objects.requireNonNull(factory, "factory");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a " + kind + " needs a name");
    }
    for (int i = 0; i < this.options.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (this.options.get(i).name().equals(this.options.get(j).name())) {
          throw new IllegalArgumentException(kind + " " + name + " declares option " + this.options.get(i).name() + " twice");
        }
      }
    }
  }

  /**
   * A ranker.
   *
   * @param name the name users choose it by, lower case with dashes, such as {@code happy-eyeballs}
   * @param description one line for humans
   * @param priority higher wins when no ranker is named; this project's run from -50 (the client models, never a
   *     default) through 0 ({@code sequential}), 100 ({@code rfc6724}) and 200 ({@code happy-eyeballs}) to 300
   *     ({@code history})
   * @param options the options it takes
   * @param factory makes it
   * @return the registration
   */
  public static NamedStrategy<AddressPairRanker> ranker(String name, String description, int priority,
      List<StrategyOption<?>> options, Factory<? extends AddressPairRanker> factory) {
    return new NamedStrategy<>(Kind.RANKER, name, description, priority, options, factory);
  }

  /**
   * A scheduler.
   *
   * @param name the name users choose it by
   * @param description one line for humans
   * @param priority higher wins when no scheduler is named
   * @param options the options it takes
   * @param factory makes it
   * @return the registration
   */
  public static NamedStrategy<AttemptScheduler> scheduler(String name, String description, int priority,
      List<StrategyOption<?>> options, Factory<? extends AttemptScheduler> factory) {
    return new NamedStrategy<>(Kind.SCHEDULER, name, description, priority, options, factory);
  }

  /**
   * A resolver.
   *
   * @param name the name users choose it by
   * @param description one line for humans
   * @param priority higher wins when no resolver is named
   * @param options the options it takes
   * @param factory makes it
   * @return the registration
   */
  public static NamedStrategy<NameResolver> resolver(String name, String description, int priority,
      List<StrategyOption<?>> options, Factory<? extends NameResolver> factory) {
    return new NamedStrategy<>(Kind.RESOLVER, name, description, priority, options, factory);
  }

  /**
   * What it makes.
   *
   * @return ranker, scheduler or resolver
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The name users choose it by.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * What it does.
   *
   * @return one line for humans
   */
  public String description() {
    return description;
  }

  /**
   * Which one is used when none is named: higher wins.
   *
   * @return the priority
   */
  public int priority() {
    return priority;
  }

  /**
   * The options it takes, with their defaults.
   *
   * @return the declarations
   */
  public List<StrategyOption<?>> options() {
    return options;
  }

  /**
   * One of its options by name.
   *
   * @param optionName the option's name
   * @return the declaration, or {@code null} when it takes no such option
   */
  public StrategyOption<?> option(String optionName) {
    for (StrategyOption<?> o : options) {
      if (o.name().equals(optionName)) {
        return o;
      }
    }
    return null;
  }

  /**
   * Makes the strategy, after checking that it takes every option given and that each value is one of the option.
   *
   * @param given the options given by name
   * @param lookup the other strategies, for one that builds on another
   * @return the strategy
   * @throws IllegalArgumentException naming an unknown option with those it takes, or a bad value with what is
   *     allowed
   * @throws IllegalStateException when the factory makes nothing
   */
  public T create(StrategyOptions given, StrategyLookup lookup) {
    for (String key : given.asMap().keySet()) {
      StrategyOption<?> declared = option(key);
      if (declared == null) {
        throw unknownOption(key, kind + " " + name, options);
      }
      declared.parse(given.asMap().get(key));
    }
    T made = factory.create(given, lookup);
    if (made == null) {
      throw new IllegalStateException(kind + " " + name + " made null");
    }
    return made;
  }

  /**
   * The error for an option nobody declares: {@code unknown option 'x' for ranker y; it takes: a=1, b=none}.
   *
   * @param key the option given
   * @param owner what it was given to, such as {@code ranker rfc6724}
   * @param known the options that exist there
   * @return the error
   */
  public static IllegalArgumentException unknownOption(String key, String owner, List<StrategyOption<?>> known) {
    StringBuilder s = new StringBuilder("unknown option '").append(key).append("' for ").append(owner)
        .append("; it takes: ");
    if (known.isEmpty()) {
      s.append("no options");
    }
    for (int i = 0; i < known.size(); i++) {
      s.append(i == 0 ? "" : ", ").append(known.get(i));
    }
    return new IllegalArgumentException(s.toString());
  }

  /** {@code ranker happy-eyeballs}. */
  @Override
  public String toString() {
    return kind + " " + name;
  }
}
