package io.github.connectbylist.cli;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.ConnectFailedException;
import io.github.connectbylist.ConnectRequest;
import io.github.connectbylist.Connection;
import io.github.connectbylist.api.Addresses;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

  @Option(names = "--service", paramLabel = "SCHEME",
      description = "by name: also ask the service records of SCHEME (https: HTTPS records, RFC 9460) and connect to "
          + "their endpoints first; needs --resolver dns")
  private String service;

  @Parameters(arity = "1..*", paramLabel = "HOST:PORT",
      description = "one name, resolved as the connect runs with the chosen resolver; or destinations in "
          + "order, a name among several standing for all of its addresses (the chosen resolver's answers). "
          + "A literal is ASCII: IPv4 as four numbers 0 to 255 without leading zeros, IPv6 in brackets")
  private List<String> destinations;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<HostPort> given = new ArrayList<>();
    boolean names = false;
    for (String d : destinations) { // every destination is read before anything is built or resolved
      HostPort hp = HostPort.parse(d);
      if (!hp.isName()) {
        hp.literal(); // a bad literal is bad input now, never a name or a lookup
      }
      names |= hp.isName();
      given.add(hp);
    }
    HostPort byName = given.size() == 1 && names ? given.get(0) : null;
    ConnectByList cbl;
    try {
      ConnectByList.Builder builder = choice.apply(ConnectByList.builder());
      cbl = (service == null ? builder : builder.service(service)).build();
    } catch (IllegalArgumentException e) {
      throw new BadInput(e.getMessage(), e);
    }
    try (cbl) {
      long deadline = System.nanoTime() + choice.timeout.toNanos(); // resolving names among several counts too
      StringBuilder header = new StringBuilder("strategy: ranker " + cbl.ranker() + ", scheduler " + cbl.scheduler());
      if (names) {
        header.append("\nresolver: ").append(resolverOf(cbl));
      }
      List<InetSocketAddress> addresses = new ArrayList<>();
      List<String> typed = new ArrayList<>(); // for each address, the argument it came from
      if (byName == null) {
        for (HostPort hp : given) {
          List<InetAddress> found = hp.isName()
              ? NameAddresses.resolve(cbl.resolver(), hp, Math.max(1, deadline - System.nanoTime()))
              : List.of(hp.literal());
          if (hp.isName()) {
            header.append("\n  ").append(hp.host()).append(": ").append(found.stream().map(Addresses::text)
                .collect(Collectors.joining(", ")));
          }
          for (InetAddress a : found) {
            addresses.add(new InetSocketAddress(a, hp.port()));
            typed.add(hp.text());
          }
        }
      }
      Duration left = Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
      try (Connection c = byName != null ? cbl.connect(byName.host(), byName.port())
          : cbl.connect(names ? ConnectRequest.to(addresses).timeout(left) : ConnectRequest.to(addresses))) {
        out.println(header);
        Timeline.print(out, c.answers(), c.attempts());
        c.service().ifPresent(b -> out.println("service: " + b + "; offer ALPN " + c.alpn()));
        out.println("connected " + format(c.localAddress()) + " -> " + format(c.remoteAddress()) + " in "
            + Timeline.millis(c.elapsed()) + " ms");
        return 0;
      } catch (ConnectFailedException e) {
        out.println(header);
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
    return Addresses.format(a.getAddress(), a.getPort());
  }
}
