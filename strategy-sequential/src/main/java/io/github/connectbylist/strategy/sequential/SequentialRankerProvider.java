package io.github.connectbylist.strategy.sequential;

import com.google.auto.service.AutoService;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.BaseStrategyProvider;
import io.github.connectbylist.api.StrategyOptions;
import java.util.List;

/** Registers ranker {@code sequential}. */
@AutoService(AddressPairRanker.Provider.class)
public final class SequentialRankerProvider extends BaseStrategyProvider<AddressPairRanker>
    implements AddressPairRanker.Provider {

  /**
   * For {@link java.util.ServiceLoader}.
   */
  public SequentialRankerProvider() {
    super("sequential", "Destinations in the given order; for each, the source the OS would pick first", 0, List.of());
  }

  @Override
  public AddressPairRanker create(StrategyOptions options) {
    return new SequentialRanker();
  }
}
