package io.github.connectbylist.api;

import java.util.List;

/**
 * What a strategy module registers with {@link java.util.ServiceLoader}: a name to choose it by, a line
 * that says what it does, a priority for when nobody chooses, and a factory that takes options.
 *
 * <p>Implementations need a public no-argument constructor and must not declare a public static {@code
 * provider()} method: in a named module ServiceLoader would call that instead.
 *
 * @param <T> what it makes: an {@link AddressPairRanker}, an {@link AttemptScheduler} or a {@link NameResolver}
 */
public interface StrategyProvider<T> {

  /**
   * The name users choose this strategy by.
   *
   * @return the name, in lower case with dashes, such as {@code happy-eyeballs}
   */
  String name();

  /**
   * What the strategy does.
   *
   * @return one line for humans
   */
  String description();

  /**
   * Which strategy is used when none is named.
   *
   * @return higher wins; the built-in ones use 0 (sequential) to 200 (happy-eyeballs)
   */
  int priority();

  /**
   * The options {@link #create} understands; the caller rejects any other before calling it.
   *
   * @return the options, with their defaults
   */
  List<StrategyOption> options();

  /**
   * Makes a strategy from options whose names are all in {@link #options()}.
   *
   * @param options the options given, by name
   * @return the strategy
   *
   * @throws IllegalArgumentException naming the option when a value is malformed or out of range
   */
  T create(StrategyOptions options);
}
