package io.github.connectbylist.strategy.sequential;

import com.google.auto.service.AutoService;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.StrategyOption;
import io.github.connectbylist.api.StrategyOptions;
import java.util.List;

/** Registers ranker {@code sequential}. */
@AutoService(AddressPairRanker.Provider.class)
public final class SequentialRankerProvider implements AddressPairRanker.Provider {
  @Override
  public String name() {
    return "sequential";
  }

  @Override
  public String description() {
    return "Destinations in the given order; for each, the source the OS would pick first";
  }

  @Override
  public int priority() {
    return 0;
  }

  @Override
  public List<StrategyOption> options() {
    return List.of();
  }

  @Override
  public AddressPairRanker create(StrategyOptions options) {
    return new SequentialRanker();
  }
}
