package io.github.connectbylist.cli;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.DestinationPolicy;
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

  @Option(names = "--resolver", paramLabel = "SPEC",
      description = "the resolver of a name, with options: system, dns(servers=127.0.0.1:5353)")
  String resolver;

  @Option(names = "--deny-private",
      description = "connect to globally reachable addresses only (no loopback, private, link-local, ...)")
  boolean denyPrivate;

  ConnectByList.Builder apply(ConnectByList.Builder builder) {
    if (strategy != null && (ranker != null || scheduler != null)) { // the synopsis says one or the other
      throw new BadInput("--strategy " + strategy + " names the ranker and the scheduler both: give it alone, or "
          + "--ranker and --scheduler");
    }
    if (strategy != null) {
      builder.strategy(strategy);
    }
    if (ranker != null) {
      builder.ranker(ranker);
    }
    if (scheduler != null) {
      builder.scheduler(scheduler);
    }
    if (resolver != null) {
      builder.resolver(resolver);
    }
    if (denyPrivate) {
      builder.destinations(DestinationPolicy.denyPrivate());
    }
    return builder.timeout(timeout).osPicksSource(osPicksSource);
  }
}
