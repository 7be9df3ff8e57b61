package io.github.connectbylist.strategy.happyeyeballs;

import com.google.auto.service.AutoService;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.api.NamedStrategy;
import io.github.connectbylist.api.StrategyLookup;
import io.github.connectbylist.api.StrategyOptions;
import io.github.connectbylist.api.StrategyProvider;
import java.util.List;

/**
 * Registers ranker and scheduler {@code happy-eyeballs} (priority 200, over {@code rfc6724} and {@code
 * sequential}) and ranker {@code history} (300: the default ranker when this module is on the class path).
 */
@AutoService(StrategyProvider.class)
@SuppressWarnings("exports") // @AutoService is read at compile time only; no caller sees it
public final class HappyEyeballsProvider implements StrategyProvider {

  /** For {@link java.util.ServiceLoader}. */
  public HappyEyeballsProvider() {}

  @Override
  public List<NamedStrategy<?>> strategies() {
    return List.of(
        NamedStrategy.ranker("history",
            "a base order (happy-eyeballs) changed by what earlier connects learned: HEv3's stateful rules", 300,
            HistoryRanker.OPTIONS, new History()),
        NamedStrategy.ranker("happy-eyeballs", "RFC 6724 order, then address families interleaved (RFC 8305 section 4)",
            200, HappyEyeballsRanker.OPTIONS, new Ranker()),
        NamedStrategy.scheduler("happy-eyeballs",
            "RFC 8305: a new attempt every connection attempt delay, or at once when one fails", 200,
            HappyEyeballsScheduler.OPTIONS, new Scheduler()));
  }

  private static final class History implements NamedStrategy.Factory<AddressPairRanker> {
    @Override
    public AddressPairRanker create(StrategyOptions options, StrategyLookup lookup) {
      return HistoryRanker.fromOptions(options, lookup);
    }
  }

  private static final class Ranker implements NamedStrategy.Factory<AddressPairRanker> {
    @Override
    public AddressPairRanker create(StrategyOptions options, StrategyLookup lookup) {
      return HappyEyeballsRanker.fromOptions(options);
    }
  }

  private static final class Scheduler implements NamedStrategy.Factory<AttemptScheduler> {
    @Override
    public AttemptScheduler create(StrategyOptions options, StrategyLookup lookup) {
      return HappyEyeballsScheduler.fromOptions(options);
    }
  }
}
