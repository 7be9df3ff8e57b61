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
      description = "one name, resolved as the connect runs with the chosen resolver; or destinations in "
          + "order, a name among several standing for all of its addresses (the JDK's answer)")
  private List<String> destinations;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    HostPort byName = destinations.size() == 1 ? HostPort.parse(destinations.get(0)) : null;
    if (byName != null && !byName.isName()) {
      byName = null;
    }
    List<InetSocketAddress> addresses = new ArrayList<>();
    List<String> typed = new ArrayList<>(); // for each address, the argument it came from
    if (byName == null) {
      for (String d : destinations) {
        for (InetSocketAddress a : HostPort.resolve(d)) {
          addresses.add(a);
          typed.add(d);
        }
      }
    }
    ConnectByList cbl;
    try {
      cbl = choice.apply(ConnectByList.builder()).build();
    } catch (IllegalArgumentException e) {
      throw new BadInput(e.getMessage(), e);
    }
    try (cbl) {
      String strategy = "strategy: ranker " + cbl.ranker() + ", scheduler " + cbl.scheduler()
          + (byName == null ? "" : "\nresolver: " + resolverOf(cbl));
      try (Connection c = byName != null ? cbl.connect(byName.host(), byName.port()) : cbl.connect(addresses)) {
        out.println(strategy);
        Timeline.print(out, c.answers(), c.attempts());
        out.println("connected " + format(c.localAddress()) + " -> " + format(c.remoteAddress()) + " in "
            + Timeline.millis(c.elapsed()) + " ms");
        return 0;
      } catch (ConnectFailedException e) {
        out.println(strategy);
        Timeline.print(out, e.answers(), e.attempts());
        out.println("failed: " + e.kind());
        return 1;
      } catch (IllegalArgumentException e) {
        throw new BadInput(asTyped(e.getMessage(), typed), e);
      }
    }
  }

  /** The resolver, made on first use; a host without DNS servers cannot make {@code dns}. */
  private static String resolverOf(ConnectByList cbl) {
    try {
      return cbl.resolver().toString();
    } catch (IllegalStateException e) {
      throw new BadInput(e.getMessage() + " (name one with --resolver)", e);
    }
  }

  /**
   * The library names a bad destination {@code addresses[i] = /ADDRESS:PORT ...}; the user typed something
   * else, so say it in their words: {@code '0.0.0.0:80' is the unspecified address ...}.
   */
  static String asTyped(String message, List<String> typed) {
    String prefix = "addresses[";
    int close = message.indexOf(']');
    int value = message.indexOf(" = ");
    if (!message.startsWith(prefix) || close < 0 || value != close + 1) {
      return message;
    }
    int index;
    try {
      index = Integer.parseInt(message.substring(prefix.length(), close));
    } catch (NumberFormatException e) {
      return message;
    }
    int rest = message.indexOf(' ', value + 3);
    if (index < 0 || index >= typed.size() || rest < 0) {
      return message;
    }
    return "'" + typed.get(index) + "'" + message.substring(rest);
  }

  private static String format(InetSocketAddress a) {
    return io.github.connectbylist.api.Addresses.format(a.getAddress(), a.getPort());
  }
}
