package io.github.connectbylist.support;

import io.github.connectbylist.api.NamedStrategy;
import io.github.connectbylist.api.StrategyProvider;
import java.util.List;

/** A provider whose constructor throws, as one with a missing dependency would. */
public final class BrokenRankerProvider implements StrategyProvider {
  public BrokenRankerProvider() {
    throw new IllegalStateException("broken on purpose");
  }

  @Override
  public List<NamedStrategy<?>> strategies() {
    throw new AssertionError("unreachable");
  }
}
