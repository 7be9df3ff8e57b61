package io.github.connectbylist.cli;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.ConnectFailedException;
import io.github.connectbylist.Connection;
import io.github.connectbylist.Strategies;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.NamedStrategy;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.testbed.DnsReply;
import io.github.connectbylist.testbed.DnsServer;
import io.github.connectbylist.testbed.Endpoint;
import io.github.connectbylist.testbed.Testbed;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: starts loopback endpoints (a black-holed IPv6 address, a refused one, a good IPv4 one) and
 * connects to them with every discovered strategy, printing time-to-connect and attempts side by side; then
 * connects a few times in a row on one instance of the default strategy, to show what its history changes;
 * then connects by name to a name whose AAAA answer is slow, with every scheduler, through the testbed's DNS
 * server.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Connect to a black-holed, a refused and a good loopback endpoint with every strategy.")
final class DemoCommand implements Callable<Integer> {
  /** The most connects in a row: the table of them is for reading. */
  static final int MAX_REPEAT = 1000;

  @Spec
  private CommandSpec spec;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "2s", converter = DurationConverter.class,
      description = "overall deadline of each connect (default: ${DEFAULT-VALUE})")
  private Duration timeout;

  /** Compared always, beside the discovered schedulers and those given. */
  private static final String ALWAYS_EXTRA = "sequential(attempt-timeout=250ms)";

  @Option(names = "--scheduler", paramLabel = "SPEC",
      description = "a scheduler to add to the comparison, with options, beside " + ALWAYS_EXTRA + "; may be "
          + "repeated")
  private List<String> givenSchedulers = new ArrayList<>();

  @Option(names = "--trace", description = "print every connect's attempt timeline too")
  private boolean trace;

  @Option(names = "--repeat", paramLabel = "N", defaultValue = "5",
      description = "connects in a row on one instance of the default strategy, after the table "
          + "(default: ${DEFAULT-VALUE}; 0 for none, at most " + MAX_REPEAT + ")")
  private String repeatText;

  private int repeat;

  /** One compared strategy and how its connect went. */
  private record Row(String ranker, String scheduler, String result, Duration time, int attempts, String winner) {}

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    repeat = (int) WholeOption.read("--repeat", repeatText, 0, MAX_REPEAT);
    Strategies strategies = Strategies.discovered();
    List<String> extraSchedulers = new ArrayList<>(List.of(ALWAYS_EXTRA)); // what is given adds, never replaces
    for (String given : givenSchedulers) {
      if (!extraSchedulers.contains(given)) {
        extraSchedulers.add(given);
      }
    }
    for (String scheduler : extraSchedulers) {
      try {
        strategies.scheduler(scheduler);
      } catch (IllegalArgumentException e) {
        throw new BadInput("--scheduler " + scheduler + ": " + e.getMessage(), e);
      }
    }
    try (Testbed testbed = new Testbed()) {
      boolean ipv6 = Testbed.ipv6LoopbackAvailable();
      Endpoint hole = testbed.blackHoled(ipv6 ? "::1" : "127.0.0.3");
      Endpoint refused = testbed.refusing("127.0.0.2");
      Endpoint good = testbed.accepting("127.0.0.1");
      List<InetSocketAddress> addresses = List.of(hole.address(), refused.address(), good.address());
      out.println("endpoints, in the order given: " + hole + ", " + refused + ", " + good);
      if (!ipv6) {
        out.println("(::1 is not available here: the black hole is on 127.0.0.3 instead)");
      }
      out.println("deadline " + Timeline.millis(timeout) + " ms per connect");
      out.println();

      warmUp(addresses);
      // The library's strategies crossed; the models of real clients (negative priority) each as a whole.
      List<String> schedulers = new ArrayList<>();
      List<String> models = new ArrayList<>();
      strategies.schedulers().forEach(s -> (s.priority() >= 0 ? schedulers : models).add(s.name()));
      extraSchedulers.stream().filter(s -> !schedulers.contains(s)).forEach(schedulers::add);
      List<Row> rows = new ArrayList<>();
      for (NamedStrategy<AddressPairRanker> ranker : strategies.rankers()) {
        if (ranker.priority() < 0) {
          continue;
        }
        for (String scheduler : schedulers) {
          rows.add(connect(out, strategies, ranker.name(), scheduler, addresses));
        }
      }
      for (String model : models) {
        if (strategies.rankers().stream().anyMatch(r -> r.name().equals(model))) {
          rows.add(connect(out, strategies, model, model, addresses));
        }
      }
      printTable(out, rows);
      if (repeat > 0) {
        out.println();
        connectInARow(out, addresses);
      }
      out.println();
      slowAaaa(out, testbed, schedulers);
    }
    return 0;
  }

  /**
   * A name whose AAAA answer comes 300 ms after its A answer, both families good: what RFC 8305 section 3 is
   * for. Each scheduler connects by name with the default ranker, through the testbed's DNS server.
   */
  private void slowAaaa(PrintWriter out, Testbed testbed, List<String> schedulers) throws java.io.IOException {
    if (!Testbed.ipv6LoopbackAvailable()) {
      out.println("(by name with a slow AAAA answer needs ::1, which is not available here: skipped)");
      return;
    }
    int port = testbed.acceptingOnBothFamilies();
    try (DnsServer dns = DnsServer.start()) {
      dns.reply(SLOW_AAAA, DnsServer.RecordType.AAAA, DnsReply.addresses("::1").after(Duration.ofMillis(300)));
      dns.reply(SLOW_AAAA, DnsServer.RecordType.A, DnsReply.addresses("127.0.0.1"));
      String resolver = "dns(servers=" + dns.serverSpec() + ", hosts=none, cache=0, timeout=1s)";
      out.println("by name: " + SLOW_AAAA + ":" + port + ", whose AAAA answer (::1) comes after 300 ms and A "
          + "(127.0.0.1) at once, both accepting; resolver " + resolver);
      dns.reply("warm.test", DnsServer.RecordType.A, DnsReply.addresses("127.0.0.1"));
      try (ConnectByList warm = ConnectByList.builder().resolver(resolver).build()) {
        warm.connect("warm.test", port).close(); // untimed: dnsjava's first use starts its I/O thread
      } catch (ConnectFailedException e) {
        // the rows below say how it goes
      }
      String format = "%-" + Math.max(9, schedulers.stream().mapToInt(String::length).max().orElse(9))
          + "s  %-10s %12s %16s  %s%n";
      out.printf(Locale.ROOT, format, "scheduler", "result", "time ms", "first attempt ms", "winner");
      for (String scheduler : schedulers) {
        try (ConnectByList cbl = ConnectByList.builder().scheduler(scheduler).resolver(resolver).timeout(timeout)
            .build()) {
          try (Connection c = cbl.connect(SLOW_AAAA, port)) {
            out.printf(Locale.ROOT, format, scheduler, "connected", Timeline.millis(c.elapsed()),
                Timeline.millis(c.attempts().get(0).startedAt()),
                io.github.connectbylist.api.Addresses.format(c.remoteAddress().getAddress(), c.remoteAddress().getPort()));
            if (trace) {
              Timeline.print(out, c.answers(), c.attempts());
            }
          } catch (ConnectFailedException e) {
            out.printf(Locale.ROOT, format, scheduler, e.kind(), "-", "-", "-");
          }
        }
      }
    }
  }

  private static final String SLOW_AAAA = "slow-aaaa.test";

  /**
   * One instance, {@code repeat} connects: with a strategy that keeps history (the default when the
   * Happy Eyeballs module is present), only the first pays for the black hole and the refusal.
   */
  private void connectInARow(PrintWriter out, List<InetSocketAddress> addresses) {
    try (ConnectByList cbl = ConnectByList.builder().timeout(timeout).build()) {
      out.println(repeat + " connects in a row on one instance of the default strategy");
      out.println("  ranker    " + cbl.ranker());
      out.println("  scheduler " + cbl.scheduler());
      List<Row> rows = new ArrayList<>();
      for (int i = 1; i <= repeat; i++) {
        rows.add(connect(out, cbl, Integer.toString(i), "", addresses));
      }
      printInARow(out, rows);
    }
  }

  /**
   * Untimed connects first, through the event loop and past every endpoint, so that the first row does not
   * pay for class loading, compilation and address discovery.
   */
  private static void warmUp(List<InetSocketAddress> addresses) throws java.io.IOException {
    try (ConnectByList cbl = ConnectByList.builder().ranker("sequential").scheduler("sequential(attempt-timeout=10ms)")
        .build()) {
      for (int i = 0; i < 20; i++) {
        cbl.connect(addresses).close();
      }
    }
  }

  private Row connect(PrintWriter out, Strategies strategies, String ranker, String scheduler,
      List<InetSocketAddress> addresses) {
    AttemptScheduler s = strategies.scheduler(scheduler);
    try (ConnectByList cbl = ConnectByList.builder().ranker(strategies.ranker(ranker)).scheduler(s)
        .timeout(timeout).build()) {
      return connect(out, cbl, ranker, scheduler, addresses);
    }
  }

  private Row connect(PrintWriter out, ConnectByList cbl, String ranker, String scheduler,
      List<InetSocketAddress> addresses) {
    List<Attempt> attempts;
    Row row;
    try (Connection c = cbl.connect(addresses)) {
      attempts = c.attempts();
      row = new Row(ranker, scheduler, "connected", c.elapsed(), attempts.size(),
          io.github.connectbylist.api.Addresses.format(c.remoteAddress().getAddress(), c.remoteAddress().getPort()));
    } catch (ConnectFailedException e) {
      attempts = e.attempts();
      Duration end = attempts.stream().map(Attempt::endedAt).max(Duration::compareTo).orElse(Duration.ZERO);
      row = new Row(ranker, scheduler, e.kind().toString(), end, attempts.size(), "-");
    } catch (java.io.IOException e) {
      row = new Row(ranker, scheduler, e.toString(), Duration.ZERO, 0, "-");
      attempts = List.of();
    }
    if (trace) {
      out.println(scheduler.isEmpty() ? "connect " + ranker + ":" : ranker + " / " + scheduler + ":");
      Timeline.print(out, attempts);
      out.println();
    }
    return row;
  }

  private static void printTable(PrintWriter out, List<Row> rows) {
    int rw = Math.max(6, rows.stream().mapToInt(r -> r.ranker().length()).max().orElse(6));
    int sw = Math.max(9, rows.stream().mapToInt(r -> r.scheduler().length()).max().orElse(9));
    String format = "%-" + rw + "s  %-" + sw + "s  %-10s %12s %9s  %s%n";
    out.printf(Locale.ROOT, format, "ranker", "scheduler", "result", "time ms", "attempts", "winner");
    for (Row r : rows) {
      out.printf(Locale.ROOT, format, r.ranker(), r.scheduler(), r.result(), Timeline.millis(r.time()), r.attempts(),
          r.winner());
    }
  }

  /** The rows of one instance: numbered connects, no strategy columns. */
  private static void printInARow(PrintWriter out, List<Row> rows) {
    String format = "%-7s  %-10s %12s %9s  %s%n";
    out.printf(Locale.ROOT, format, "connect", "result", "time ms", "attempts", "winner");
    for (Row r : rows) {
      out.printf(Locale.ROOT, format, r.ranker(), r.result(), Timeline.millis(r.time()), r.attempts(), r.winner());
    }
  }
}
