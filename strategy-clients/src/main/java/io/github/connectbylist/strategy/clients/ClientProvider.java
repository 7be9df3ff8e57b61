package io.github.connectbylist.strategy.clients;

import com.google.auto.service.AutoService;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.api.NamedStrategy;
import io.github.connectbylist.api.StrategyLookup;
import io.github.connectbylist.api.StrategyOptions;
import io.github.connectbylist.api.StrategyProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers each client's address order and pacing under the client's name (see {@link Client}), a ranker and a
 * scheduler per client. Their priority is negative: a model is used only when named, never as the default.
 */
@AutoService(StrategyProvider.class)
@SuppressWarnings("exports") // @AutoService is read at compile time only; no caller sees it
public final class ClientProvider implements StrategyProvider {
  /** Below every built-in strategy's (sequential's 0 is the lowest), so that a model is never picked unnamed. */
  static final int PRIORITY = -50;

  /** For {@link java.util.ServiceLoader}. */
  public ClientProvider() {}

  @Override
  public List<NamedStrategy<?>> strategies() {
    List<NamedStrategy<?>> all = new ArrayList<>();
    for (Client c : Client.values()) {
      String description = c.version() + ", after " + c.source() + ". Weak spot: " + c.failure()
          + ". HTTPS records: " + c.httpsRecords();
      all.add(NamedStrategy.ranker(c.strategyName(), description, PRIORITY, c.rankerOptions(), new Ranker(c)));
      all.add(NamedStrategy.scheduler(c.strategyName(), description, PRIORITY, c.schedulerOptions(), new Scheduler(c)));
    }
    return all;
  }

  /** A client's ranker. A record's equals, hashCode and toString bootstrap only when called, and none is. */
  private record Ranker(Client client) implements NamedStrategy.Factory<AddressPairRanker> {
    @Override
    public AddressPairRanker create(StrategyOptions options, StrategyLookup lookup) {
      return client.ranker(options);
    }
  }

  /** A client's scheduler. */
  private record Scheduler(Client client) implements NamedStrategy.Factory<AttemptScheduler> {
    @Override
    public AttemptScheduler create(StrategyOptions options, StrategyLookup lookup) {
      return client.scheduler(options);
    }
  }
}
