package io.github.connectbylist.lab;

import io.github.connectbylist.Strategies;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.LocalAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The test cases of "Lazy Eye Inspection: Capturing the State of Happy Eyeballs Implementations" (Sattler et
 * al., IMC 2025), run on any strategy in the simulator, connecting by name as a browser does:
 *
 * <ul>
 *   <li>connection attempt delay: one IPv6 and one IPv4 address, IPv6 delayed by 0 to 400 ms in 5 ms steps;
 *       the delay found is when the IPv4 attempt starts while IPv6 has not connected;
 *   <li>IPv6 first: with no delay, whether the first attempt goes to IPv6;
 *   <li>resolution delay: the AAAA answer delayed by 0 to 1,000 ms in 10 ms steps; the delay found is when
 *       the IPv4 attempt starts while AAAA has not come (RFC 8305 section 3);
 *   <li>addresses used: ten addresses per family, each connecting after 30 s; how many of each are tried
 *       before the first connects.
 * </ul>
 *
 * <p>Every step is one simulated connect with fixed latencies (1 ms plus the delay), so the results are exact
 * and the same on every run.
 */
public final class LazyEye {
  /** The strategies of the built-in {@code lazy-eye} set: ours, then every client model. */
  public static final List<String> BUILT_IN_STRATEGIES = List.of(
      "sequential/sequential",
      "rfc6724/happy-eyeballs",
      "happy-eyeballs/happy-eyeballs",
      "history/happy-eyeballs",
      "chrome/chrome",
      "firefox/firefox",
      "curl-7.88/curl-7.88",
      "curl/curl",
      "okhttp5/okhttp5",
      "go/go",
      "node/node",
      "asyncio/asyncio",
      "asyncio(happy-eyeballs-delay=250ms)/asyncio(happy-eyeballs-delay=250ms)");

  /** The paper's measured rows (its Table 2), by the model that follows each client, where there is one. */
  public static final List<Row> PAPER = List.of(
      new Row("Chrome 130 (paper)", "300 ms", "yes", "none", "1/1", "chrome/chrome"),
      new Row("Firefox 132 (paper)", "250 ms", "yes", "none", "1/1", "firefox/firefox"),
      new Row("Safari 17.6 (paper)", "dynamic, 50 ms-2 s", "yes", "yes", "all/all (with address selection)", ""),
      new Row("curl 7.88.1 (paper)", "200 ms", "yes", "none", "1/1", "curl-7.88/curl-7.88"),
      new Row("wget (paper)", "no Happy Eyeballs", "-", "-", "-", ""));

  static final String NAME = "lazy-eye.test";
  private static final int PORT = 443;
  private static final int ADDRESSES_PER_FAMILY = 10;
  private static final double SLOW_MS = 30_000;
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  /** Long enough that a client which splits its deadline (Go) gives the first address more than 30 s. */
  private static final Duration DEADLINE_WITH_SLOW_ADDRESSES = Duration.ofHours(1);

  private LazyEye() {}

  /**
   * One line of the table.
   *
   * @param strategy the strategy, or the paper's client
   * @param connectionAttemptDelay the delay found
   * @param ipv6First whether IPv6 goes first
   * @param resolutionDelay the resolution delay found
   * @param addressesUsed IPv4 and IPv6 addresses tried, {@code v4/v6}
   * @param model for a paper row, the strategy that models the client; empty for ours
   */
  public record Row(String strategy, String connectionAttemptDelay, String ipv6First, String resolutionDelay,
      String addressesUsed, String model) {}

  /**
   * Runs the four test cases on every strategy, one strategy per piece of work on {@code threads} threads.
   *
   * @param strategies {@code ranker/scheduler} specs
   * @param threads how many threads; 0 for one per core
   * @return one row per strategy, in the order given
   */
  public static List<Row> run(List<String> strategies, int threads) {
    List<Row> rows = new ArrayList<>();
    for (Result r : results(strategies, threads)) {
      rows.add(r.row());
    }
    return rows;
  }

  /**
   * The rows of {@code measured}, each followed by the paper's row of the client it models, then the paper's
   * rows that no strategy here models.
   *
   * @param measured rows from {@link #run}
   * @return the rows to print
   */
  public static List<Row> withPaper(List<Row> measured) {
    List<Row> out = new ArrayList<>();
    Set<Row> shown = new HashSet<>();
    for (Row r : measured) {
      out.add(r);
      for (Row p : PAPER) {
        if (p.model().equals(r.strategy())) {
          out.add(p);
          shown.add(p);
        }
      }
    }
    for (Row p : PAPER) {
      if (!shown.contains(p)) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * The table as aligned text, as the command line prints it.
   *
   * @param rows the rows
   * @return the text
   */
  public static String table(List<Row> rows) {
    String[] head = {"strategy", "connection attempt delay", "IPv6 first", "resolution delay", "addresses used (v4/v6)"};
    int[] width = new int[head.length];
    List<String[]> cells = new ArrayList<>();
    cells.add(head);
    rows.forEach(r -> cells.add(new String[] {r.strategy(), r.connectionAttemptDelay(), r.ipv6First(),
        r.resolutionDelay(), r.addressesUsed()}));
    for (String[] c : cells) {
      for (int i = 0; i < c.length; i++) {
        width[i] = Math.max(width[i], c[i].length());
      }
    }
    StringBuilder s = new StringBuilder();
    for (String[] c : cells) {
      for (int i = 0; i < c.length; i++) {
        s.append(i == 0 ? "" : "  ").append(c[i]).append(" ".repeat(width[i] - c[i].length()));
      }
      s.setLength(s.length() - trailing(s));
      s.append('\n');
    }
    return s.toString();
  }

  private static int trailing(StringBuilder s) {
    int n = 0;
    while (n < s.length() && s.charAt(s.length() - 1 - n) == ' ') {
      n++;
    }
    return n;
  }

  /**
   * The table as CSV.
   *
   * @param rows the rows
   * @return the CSV text
   */
  public static String csv(List<Row> rows) {
    StringBuilder s = new StringBuilder("strategy,connection_attempt_delay,ipv6_first,resolution_delay,addresses_used\n");
    for (Row r : rows) {
      s.append(ResultsWriter.quote(r.strategy())).append(',').append(ResultsWriter.quote(r.connectionAttemptDelay()))
          .append(',').append(r.ipv6First()).append(',').append(ResultsWriter.quote(r.resolutionDelay())).append(',')
          .append(ResultsWriter.quote(r.addressesUsed())).append('\n');
    }
    return s.toString();
  }

  /**
   * What one strategy did in the four test cases, as numbers; {@link #row()} says it as the table does.
   *
   * @param strategy the strategy
   * @param cadMinMs the least connection attempt delay seen, or -1 when the IPv4 attempt never started first
   * @param cadMaxMs the greatest, or -1
   * @param ipv4FirstSomewhere whether some step of the sweep went to IPv4 first
   * @param ipv6First whether the first attempt goes to IPv6 with no delay
   * @param rdMinMs the least resolution delay seen, or -1 when it always waits for AAAA
   * @param rdMaxMs the greatest, or -1
   * @param ipv4Addresses IPv4 addresses tried before the first connects
   * @param ipv6Addresses IPv6 addresses tried before the first connects
   */
  public record Result(String strategy, double cadMinMs, double cadMaxMs, boolean ipv4FirstSomewhere,
      boolean ipv6First, double rdMinMs, double rdMaxMs, int ipv4Addresses, int ipv6Addresses) {

    /**
     * The table's row, as the simulated run has always printed it.
     *
     * @return the row
     */
    public Row row() {
      return new Row(strategy, connectionAttemptDelay(), ipv6First ? "yes" : "no", resolutionDelay(),
          ipv4Addresses + "/" + ipv6Addresses, "");
    }

    private String connectionAttemptDelay() {
      if (cadMaxMs < 0) {
        return ipv4FirstSomewhere ? "IPv4 first; no fallback seen" : "none (no Happy Eyeballs)";
      }
      return cadMaxMs - cadMinMs < 0.5 ? ms(cadMinMs) : "dynamic, " + ms(cadMinMs) + "-" + ms(cadMaxMs);
    }

    private String resolutionDelay() {
      if (rdMaxMs < 0) {
        return "none (waits for AAAA)";
      }
      if (rdMaxMs < 0.5) {
        return "none (starts on A at once)";
      }
      return rdMaxMs - rdMinMs < 0.5 ? ms(rdMinMs) : "dynamic, " + ms(rdMinMs) + "-" + ms(rdMaxMs);
    }
  }

  /**
   * Runs the four test cases on every strategy and gives the numbers, one strategy per piece of work.
   *
   * @param strategies {@code ranker/scheduler} specs
   * @param threads how many threads; 0 for one per core
   * @return one result per strategy, in the order given
   */
  public static List<Result> results(List<String> strategies, int threads) {
    Strategies discovered = Strategies.discovered();
    List<Supplier<Result>> pieces = new ArrayList<>();
    for (String s : strategies) {
      String[] parts = Experiment.split(s);
      discovered.ranker(parts[0]);
      discovered.scheduler(parts[1]); // fail here, naming the spec, rather than in a worker
      pieces.add(() -> measure(s, discovered));
    }
    return Parallel.map(threads, pieces);
  }

  static Result measure(String strategy, Strategies strategies) {
    String[] parts = Experiment.split(strategy);
    double[] cad = connectionAttemptDelay(parts, strategies);
    double[] rd = resolutionDelay(parts, strategies);
    int[] used = addressesUsed(parts, strategies);
    return new Result(strategy, cad[0], cad[1], cad[2] > 0,
        firstAttemptIsIpv6(connect(parts, strategies, cadScenario(0))), rd[0], rd[1], used[0], used[1]);
  }

  /** {least, greatest, 1 when some step went to IPv4 first}; -1 for none seen. */
  private static double[] connectionAttemptDelay(String[] parts, Strategies strategies) {
    double min = Double.MAX_VALUE;
    double max = -1;
    boolean ipv4First = false;
    for (int delay = 0; delay <= 400; delay += 5) {
      Trace t = connect(parts, strategies, cadScenario(delay));
      if (!firstAttemptIsIpv6(t)) {
        ipv4First = true;
        continue;
      }
      double ipv6ConnectsAt = delay + 1;
      for (Attempt a : t.attempts()) {
        double start = millis(a.startedAt());
        if (!a.pair().isIpv6() && start < ipv6ConnectsAt) {
          min = Math.min(min, start);
          max = Math.max(max, start);
          break;
        }
      }
    }
    return new double[] {max < 0 ? -1 : min, max, ipv4First ? 1 : 0};
  }

  /** {least, greatest}; -1 when it always waits for AAAA. */
  private static double[] resolutionDelay(String[] parts, Strategies strategies) {
    double min = Double.MAX_VALUE;
    double max = -1;
    for (int delay = 10; delay <= 1000; delay += 10) {
      Trace t = connect(parts, strategies, resolutionScenario(delay));
      if (!t.attempts().isEmpty() && !t.attempts().get(0).pair().isIpv6()) {
        double start = millis(t.attempts().get(0).startedAt());
        if (start < delay) {
          min = Math.min(min, start);
          max = Math.max(max, start);
        }
      }
    }
    return new double[] {max < 0 ? -1 : min, max};
  }

  /** {IPv4, IPv6} addresses tried. */
  private static int[] addressesUsed(String[] parts, Strategies strategies) {
    Trace t = Simulation.connect(manyAddressesScenario(), strategies.ranker(parts[0]), strategies.scheduler(parts[1]), 1,
        0, DEADLINE_WITH_SLOW_ADDRESSES);
    Set<InetAddress> v4 = new HashSet<>();
    Set<InetAddress> v6 = new HashSet<>();
    for (Attempt a : t.attempts()) {
      (a.pair().isIpv6() ? v6 : v4).add(a.pair().destinationAddress());
    }
    return new int[] {v4.size(), v6.size()};
  }

  private static Trace connect(String[] parts, Strategies strategies, Scenario scenario) {
    return Simulation.connect(scenario, strategies.ranker(parts[0]), strategies.scheduler(parts[1]), 1, 0, DEADLINE);
  }

  private static boolean firstAttemptIsIpv6(Trace t) {
    return !t.attempts().isEmpty() && t.attempts().get(0).pair().isIpv6();
  }

  private static double millis(Duration d) {
    return d.toNanos() / 1e6;
  }

  private static String ms(double millis) {
    return String.format(Locale.ROOT, millis == Math.rint(millis) ? "%.0f ms" : "%.1f ms", millis);
  }

  /** One IPv6 and one IPv4 address; IPv6's connect takes {@code delayMs} longer. */
  static Scenario cadScenario(int delayMs) {
    List<InetSocketAddress> destinations = List.of(v6(1), v4(1));
    return scenario("lazy-eye-cad-" + delayMs, destinations, List.of(
        rule(destinations.get(0), new Behaviour.Connects(new Latency.Fixed(delayMs + 1.0))),
        rule(destinations.get(1), new Behaviour.Connects(new Latency.Fixed(1)))), 0);
  }

  /** One address per family, both connecting in 1 ms; the AAAA answer comes {@code delayMs} after the A. */
  static Scenario resolutionScenario(int delayMs) {
    List<InetSocketAddress> destinations = List.of(v6(1), v4(1));
    return scenario("lazy-eye-rd-" + delayMs, destinations, List.of(), delayMs);
  }

  /** Ten addresses per family, each connecting after 30 s. */
  static Scenario manyAddressesScenario() {
    List<InetSocketAddress> destinations = new ArrayList<>();
    for (int i = 1; i <= ADDRESSES_PER_FAMILY; i++) {
      destinations.add(v6(i));
    }
    for (int i = 1; i <= ADDRESSES_PER_FAMILY; i++) {
      destinations.add(v4(i));
    }
    return new Scenario("lazy-eye-addresses", "ten addresses per family, each 30 s slow", destinations, sources(),
        Map.of(), new SimulatedNetwork(List.of(), new Behaviour.Connects(new Latency.Fixed(SLOW_MS))),
        resolution(0));
  }

  private static Scenario scenario(String name, List<InetSocketAddress> destinations, List<SimulatedNetwork.Rule> rules,
      int aaaaDelayMs) {
    return new Scenario(name, "Lazy Eye test case", destinations, sources(), Map.of(),
        new SimulatedNetwork(rules, new Behaviour.Connects(new Latency.Fixed(1))), resolution(aaaaDelayMs));
  }

  private static Resolution resolution(int aaaaDelayMs) {
    return new Resolution(NAME, new Resolution.Family(Resolution.Answer.ADDRESSES, new Latency.Fixed(aaaaDelayMs)),
        new Resolution.Family(Resolution.Answer.ADDRESSES, new Latency.Fixed(0)), 5_000);
  }

  private static SimulatedNetwork.Rule rule(InetSocketAddress destination, Behaviour behaviour) {
    return new SimulatedNetwork.Rule(null, destination.getAddress(), behaviour);
  }

  /** A dual-stack host with global addresses, so that RFC 6724 prefers IPv6 as on the paper's test bed. */
  private static List<LocalAddress> sources() {
    return List.of(LocalAddress.of(address("2001:db8:1::2"), 64, "eth0"),
        LocalAddress.of(address("198.51.100.2"), 24, "eth0"));
  }

  private static InetSocketAddress v6(int i) {
    return new InetSocketAddress(address("2001:db8:10::" + Integer.toHexString(i)), PORT);
  }

  private static InetSocketAddress v4(int i) {
    return new InetSocketAddress(address("192.0.2." + i), PORT);
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException impossible) {
      throw new AssertionError(literal, impossible);
    }
  }
}
