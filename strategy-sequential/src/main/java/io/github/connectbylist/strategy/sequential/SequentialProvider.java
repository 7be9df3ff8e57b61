package io.github.connectbylist.strategy.sequential;

import com.google.auto.service.AutoService;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.api.NamedStrategy;
import io.github.connectbylist.api.StrategyLookup;
import io.github.connectbylist.api.StrategyOptions;
import io.github.connectbylist.api.StrategyProvider;
import java.util.List;

/** Registers ranker and scheduler {@code sequential}, both of priority 0: used when nothing better is found. */
@AutoService(StrategyProvider.class)
@SuppressWarnings("exports") // @AutoService is read at compile time only; no caller sees it
public final class SequentialProvider implements StrategyProvider {

  /** For {@link java.util.ServiceLoader}. */
  public SequentialProvider() {}

  @Override
  public List<NamedStrategy<?>> strategies() {
    return List.of(
        NamedStrategy.ranker("sequential", "Destinations in the given order; for each, the source the OS would pick first",
            0, List.of(), new Ranker()),
        NamedStrategy.scheduler("sequential",
            "One attempt at a time; the next starts when the current one fails (WSAConnectByList)", 0,
            SequentialScheduler.OPTIONS, new Scheduler()));
  }

  private static final class Ranker implements NamedStrategy.Factory<AddressPairRanker> {
    @Override
    public AddressPairRanker create(StrategyOptions options, StrategyLookup lookup) {
      return new SequentialRanker();
    }
  }

  private static final class Scheduler implements NamedStrategy.Factory<AttemptScheduler> {
    @Override
    public AttemptScheduler create(StrategyOptions options, StrategyLookup lookup) {
      return SequentialScheduler.fromOptions(options);
    }
  }
}
