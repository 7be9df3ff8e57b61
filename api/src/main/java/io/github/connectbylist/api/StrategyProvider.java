package io.github.connectbylist.api;

import java.util.List;

/**
 * What a module registers with {@link java.util.ServiceLoader}: the rankers, schedulers and resolvers it provides,
 * each under a name. One provider serves a whole module, however many strategies it has, so a module's {@code
 * module-info} has one {@code provides} line and its {@code META-INF/services} file one entry:
 *
 * <pre>{@code
 * @AutoService(StrategyProvider.class)
 * public final class MyStrategies implements StrategyProvider {
 *   @Override
 *   public List<NamedStrategy<?>> strategies() {
 *     return List.of(
 *         NamedStrategy.scheduler("fixed-stagger", "a new attempt every interval", 10,
 *             List.of(FixedStaggerScheduler.INTERVAL), new FixedStaggerScheduler.Factory()),
 *         NamedStrategy.ranker("every-other", "one pair of each family in turn", 10, List.of(),
 *             new EveryOtherRanker.Factory()));
 *   }
 * }
 * }</pre>
 *
 * <p>Implementations need a public no-argument constructor and must not declare a public static {@code
 * provider()} method: in a named module ServiceLoader would call that instead. {@link #strategies()} runs while the
 * first {@code ConnectByList} of a JVM is built: it should only describe, and leave the making to each factory.
 */
public interface StrategyProvider {

  /**
   * The strategies of this module.
   *
   * @return each ranker, scheduler and resolver under its name; names are unique per kind
   */
  List<NamedStrategy<?>> strategies();
}
