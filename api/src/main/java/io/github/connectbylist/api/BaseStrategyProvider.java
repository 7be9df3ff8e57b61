package io.github.connectbylist.api;

import java.util.List;
import java.util.Objects;

/**
 * A provider whose name, description, priority and options are values given once, so that a strategy module
 * writes only {@link #create}. Subclasses keep a public no-argument constructor for {@link
 * java.util.ServiceLoader}.
 *
 * @param <T> the strategy type, {@link AddressPairRanker} or {@link AttemptScheduler}
 */
public abstract class BaseStrategyProvider<T> implements StrategyProvider<T> {
  private final String name;
  private final String description;
  private final int priority;
  private final List<StrategyOption> options;

  /**
   * @param name the name users choose the strategy by
   * @param description one line for humans
   * @param priority higher wins when no strategy is named
   * @param options the options {@link #create} understands
   */
  protected BaseStrategyProvider(String name, String description, int priority, List<StrategyOption> options) {
    this.name = Objects.requireNonNull(name, "name");
    this.description = Objects.requireNonNull(description, "description");
    this.priority = priority;
    this.options = List.copyOf(options);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final int priority() {
    return priority;
  }

  @Override
  public final List<StrategyOption> options() {
    return options;
  }

  @Override
  public String toString() {
    return name + " (" + getClass().getName() + ")";
  }
}
