package io.github.connectbylist.cli;

import io.github.connectbylist.Strategies;
import io.github.connectbylist.api.NamedStrategy;
import io.github.connectbylist.api.StrategyOption;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code strategies}: what ServiceLoader found, with descriptions and options, as their declarations say. */
@Command(name = "strategies", mixinStandardHelpOptions = true,
    description = "List the rankers, schedulers and resolvers found on the class path, with their options.")
final class StrategiesCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Strategies strategies = Strategies.discovered();
    print(out, "rankers", strategies.rankers());
    print(out, "schedulers", strategies.schedulers());
    print(out, "resolvers", strategies.resolvers());
    if (!strategies.problems().isEmpty()) {
      out.println("could not load:");
      strategies.problems().forEach(p -> out.println("  " + p));
    }
    out.println("default (highest priority, or -D" + Strategies.PROPERTY + "=SPEC): ranker "
        + first(strategies.rankers()) + ", scheduler " + first(strategies.schedulers()));
    return 0;
  }

  private static void print(PrintWriter out, String title, List<? extends NamedStrategy<?>> providers) {
    out.println(title + ":");
    for (NamedStrategy<?> p : providers) {
      out.printf("  %-16s priority %-4d %s%n", p.name(), p.priority(), p.description());
      for (StrategyOption<?> o : p.options()) {
        out.printf("      %-32s %s%n", o, o.description());
      }
    }
  }

  private static String first(List<? extends NamedStrategy<?>> providers) {
    return providers.isEmpty() ? "(none)" : providers.get(0).name();
  }
}
