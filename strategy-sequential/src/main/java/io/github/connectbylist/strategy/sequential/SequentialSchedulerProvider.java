package io.github.connectbylist.strategy.sequential;

import com.google.auto.service.AutoService;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.api.BaseStrategyProvider;
import io.github.connectbylist.api.StrategyOption;
import io.github.connectbylist.api.StrategyOptions;
import java.util.List;

/** Registers scheduler {@code sequential} and its text options. */
@AutoService(AttemptScheduler.Provider.class)
public final class SequentialSchedulerProvider extends BaseStrategyProvider<AttemptScheduler>
    implements AttemptScheduler.Provider {
  static final String ATTEMPT_TIMEOUT = "attempt-timeout";
  static final String SPLIT_DEADLINE = "split-deadline";
  static final String SPLIT_FLOOR = "split-floor";

  /**
   * For {@link java.util.ServiceLoader}.
   */
  public SequentialSchedulerProvider() {
    super("sequential", "One attempt at a time; the next starts when the current one fails (WSAConnectByList)", 0,
        List.of(
            new StrategyOption(ATTEMPT_TIMEOUT, "none", "end an attempt that has not connected after this long"),
            new StrategyOption(SPLIT_DEADLINE, "false",
                "give each attempt an equal share of the time left before the deadline (as Go's dialer)"),
            new StrategyOption(SPLIT_FLOOR, "2s", "the least time an attempt gets when the deadline is split")));
  }

  @Override
  public AttemptScheduler create(StrategyOptions options) {
    return SequentialScheduler.fromOptions(options);
  }
}
