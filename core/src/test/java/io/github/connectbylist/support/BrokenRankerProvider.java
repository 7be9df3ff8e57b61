package io.github.connectbylist.support;

import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.BaseStrategyProvider;
import io.github.connectbylist.api.StrategyOptions;
import java.util.List;

/** A provider whose constructor throws, as one with a missing dependency would. */
public final class BrokenRankerProvider extends BaseStrategyProvider<AddressPairRanker>
    implements AddressPairRanker.Provider {
  public BrokenRankerProvider() {
    super("broken", "never loads", 1000, List.of());
    throw new IllegalStateException("broken on purpose");
  }

  @Override
  public AddressPairRanker create(StrategyOptions options) {
    throw new AssertionError("unreachable");
  }
}
