package io.github.connectbylist.cli;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.ConnectFailedException;
import io.github.connectbylist.Connection;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code connect HOST:PORT...}: connects with the chosen strategy and prints the attempt timeline. */
@Command(name = "connect", mixinStandardHelpOptions = true,
    description = "Connect to one of the addresses and print every attempt and the winner.")
final class ConnectCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Mixin
  private StrategyChoice choice = new StrategyChoice();

  @Parameters(arity = "1..*", paramLabel = "HOST:PORT",
      description = "destinations in order; a name stands for all of its addresses")
  private List<String> destinations;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<InetSocketAddress> addresses = new ArrayList<>();
    ConnectByList cbl;
    try {
      for (String d : destinations) {
        addresses.addAll(HostPort.resolve(d));
      }
      cbl = choice.apply(ConnectByList.builder()).build();
    } catch (IllegalArgumentException | java.net.UnknownHostException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    try (cbl) {
      out.println("strategy: ranker " + cbl.ranker() + ", scheduler " + cbl.scheduler());
      try (Connection c = cbl.connect(addresses)) {
        Timeline.print(out, c.attempts());
        out.println("connected " + format(c.localAddress()) + " -> " + format(c.remoteAddress()) + " in "
            + Timeline.millis(c.elapsed()) + " ms");
        return 0;
      } catch (ConnectFailedException e) {
        Timeline.print(out, e.attempts());
        out.println("failed: " + e.kind());
        return 1;
      }
    }
  }

  private static String format(InetSocketAddress a) {
    return io.github.connectbylist.api.Addresses.format(a.getAddress(), a.getPort());
  }
}
