package io.github.connectbylist.support;

import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.StrategyOption;
import io.github.connectbylist.api.StrategyOptions;
import java.util.List;

/** A provider whose constructor throws, as one with a missing dependency would. */
public final class BrokenRankerProvider implements AddressPairRanker.Provider {
  public BrokenRankerProvider() {
    throw new IllegalStateException("broken on purpose");
  }

  @Override
  public String name() {
    return "broken";
  }

  @Override
  public String description() {
    return "never loads";
  }

  @Override
  public int priority() {
    return 1000;
  }

  @Override
  public List<StrategyOption> options() {
    return List.of();
  }

  @Override
  public AddressPairRanker create(StrategyOptions options) {
    throw new AssertionError("unreachable");
  }
}
