package io.github.connectbylist.api;

/**
 * The other strategies, as the discovery that is making a strategy sees them: for a strategy that builds on
 * another by name, such as ranker {@code history}'s {@code base}. Core's discovery passes itself in, so the
 * other strategy is the one a user would get by that name: with core's priorities among providers of one name,
 * among the strategies that {@code ConnectByList.Builder.strategies(...)} chose.
 */
public interface StrategyLookup {

  /**
   * A ranker by name.
   *
   * @param name its name, such as {@code happy-eyeballs}
   * @param options the options to make it with; each must be one it declares
   * @return a new ranker
   * @throws IllegalArgumentException naming an unknown ranker or option, with what exists
   */
  AddressPairRanker ranker(String name, StrategyOptions options);

  /**
   * A scheduler by name.
   *
   * @param name its name, such as {@code sequential}
   * @param options the options to make it with; each must be one it declares
   * @return a new scheduler
   * @throws IllegalArgumentException naming an unknown scheduler or option, with what exists
   */
  AttemptScheduler scheduler(String name, StrategyOptions options);
}
