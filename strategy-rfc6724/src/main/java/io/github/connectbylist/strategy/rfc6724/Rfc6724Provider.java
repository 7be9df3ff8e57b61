package io.github.connectbylist.strategy.rfc6724;

import com.google.auto.service.AutoService;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.NamedStrategy;
import io.github.connectbylist.api.StrategyLookup;
import io.github.connectbylist.api.StrategyOptions;
import io.github.connectbylist.api.StrategyProvider;
import java.util.List;

/** Registers ranker {@code rfc6724}, priority 100: over {@code sequential}, under {@code happy-eyeballs}. */
@AutoService(StrategyProvider.class)
@SuppressWarnings("exports") // @AutoService is read at compile time only; no caller sees it
public final class Rfc6724Provider implements StrategyProvider {

  /** For {@link java.util.ServiceLoader}. */
  public Rfc6724Provider() {}

  @Override
  public List<NamedStrategy<?>> strategies() {
    return List.of(NamedStrategy.ranker("rfc6724",
        "RFC 6724 destination order, each destination's OS-preferred source first", 100, Rfc6724Ranker.OPTIONS,
        new Ranker()));
  }

  private static final class Ranker implements NamedStrategy.Factory<AddressPairRanker> {
    @Override
    public AddressPairRanker create(StrategyOptions options, StrategyLookup lookup) {
      return Rfc6724Ranker.fromOptions(options);
    }
  }
}
