package io.github.connectbylist.examples;

// snippet:start provider
import com.google.auto.service.AutoService;
import io.github.connectbylist.api.NamedStrategy;
import io.github.connectbylist.api.StrategyProvider;
// snippet:end provider
import java.util.List;

// snippet:start provider
@AutoService(StrategyProvider.class)   // or list it in META-INF/services/io.github.connectbylist.api.StrategyProvider
public final class MyStrategies implements StrategyProvider {
  @Override public List<NamedStrategy<?>> strategies() {
    return List.of(
        NamedStrategy.scheduler("fixed-stagger", "a new attempt every interval", 10,
            List.of(FixedStaggerScheduler.INTERVAL),
            (options, lookup) -> new FixedStaggerScheduler(options.get(FixedStaggerScheduler.INTERVAL))),
        NamedStrategy.ranker("every-other", "the families in turn", 10, List.of(),
            (options, lookup) -> new EveryOtherRanker()));
  }
}
// snippet:end provider
