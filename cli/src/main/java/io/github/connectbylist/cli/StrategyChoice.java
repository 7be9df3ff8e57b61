package io.github.connectbylist.cli;

import io.github.connectbylist.ConnectByList;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options that pick a strategy and a deadline, shared by the commands that connect. */
final class StrategyChoice {
  @Option(names = "--strategy", paramLabel = "SPEC",
      description = "ranker and scheduler of one name, with options: sequential(attempt-timeout=250ms)")
  String strategy;

  @Option(names = "--ranker", paramLabel = "SPEC", description = "the ranker, by name and options")
  String ranker;

  @Option(names = "--scheduler", paramLabel = "SPEC", description = "the scheduler, by name and options")
  String scheduler;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s",
      converter = DurationConverter.class, description = "overall deadline (default: ${DEFAULT-VALUE})")
  Duration timeout;

  @Option(names = "--os-picks-source", description = "one pair per destination; the OS picks the source")
  boolean osPicksSource;

  ConnectByList.Builder apply(ConnectByList.Builder builder) {
    if (strategy != null) {
      builder.strategy(strategy);
    }
    if (ranker != null) {
      builder.ranker(ranker);
    }
    if (scheduler != null) {
      builder.scheduler(scheduler);
    }
    return builder.timeout(timeout).osPicksSource(osPicksSource);
  }
}
