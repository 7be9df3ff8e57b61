package io.github.connectbylist.strategy.happyeyeballs;

import com.google.auto.service.AutoService;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.api.BaseStrategyProvider;
import io.github.connectbylist.api.StrategyOption;
import io.github.connectbylist.api.StrategyOptions;
import java.util.List;

/** Registers scheduler {@code happy-eyeballs}, the default when this module is on the class path. */
@AutoService(AttemptScheduler.Provider.class)
public final class HappyEyeballsSchedulerProvider extends BaseStrategyProvider<AttemptScheduler>
    implements AttemptScheduler.Provider {
  static final String DELAY = "connection-attempt-delay";
  static final String MAX_CONCURRENT = "max-concurrent-attempts";
  static final String ADAPTIVE = "adaptive";
  static final String RESOLUTION_DELAY = "resolution-delay";

  /**
   * For {@link java.util.ServiceLoader}.
   */
  public HappyEyeballsSchedulerProvider() {
    super("happy-eyeballs", "RFC 8305: a new attempt every connection attempt delay, or at once when one fails", 200,
        List.of(
            new StrategyOption(DELAY, "250ms", "time between attempt starts; at least 10ms, 100ms to 2s recommended"),
            new StrategyOption(MAX_CONCURRENT, "none", "at most this many attempts in flight"),
            new StrategyOption(ADAPTIVE, "false", "take each delay from the history of the path started (SRTT + 4 RTTVAR, 10ms..2s)"),
            new StrategyOption(RESOLUTION_DELAY, "50ms", "by name: how long to wait for AAAA when A answers first")));
  }

  @Override
  public AttemptScheduler create(StrategyOptions options) {
    return HappyEyeballsScheduler.fromOptions(options);
  }
}
