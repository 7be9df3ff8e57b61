package io.github.connectbylist.benchmarks;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark in a short but meaningful configuration (a few minutes on two cores) and prints the tables of
 * {@code docs/benchmarks.md}: medians and p99s measured in one run, each with its baseline and the ratio to it.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.connectbylist.benchmarks.Report</pre>
 */
public final class Report {
  private final PrintStream out = System.out;

  public static void main(String[] args) throws RunnerException {
    new Report().run();
  }

  private void run() throws RunnerException {
    Collection<RunResult> ttc = measure(TimeToConnect.class, 1, 3);
    Collection<RunResult> overhead = measure(Overhead.class, 2, 5);
    Collection<RunResult> ranking = measure(Ranking.class, 2, 3);
    Collection<RunResult> concurrency = measure(Concurrency.class, 2, 3);
    Collection<RunResult> simulated = measure(SimulatedConnects.class, 2, 3);
    Collection<RunResult> lab = measure(LabThroughput.class, 2, 3);
    Collection<RunResult> byName = io.github.connectbylist.testbed.Testbed.ipv6LoopbackAvailable()
        ? measure(ByName.class, 1, 3) : java.util.List.of();
    Collection<RunResult> coldStart = new Runner(new OptionsBuilder().include(ColdStart.class.getName() + "\\.")
        .verbosity(VerboseMode.SILENT).shouldFailOnError(true).build()).run(); // its own 10 forks, one shot each
    Collection<RunResult> coldBuild = new Runner(new OptionsBuilder().include(ColdBuild.class.getName() + "\\.")
        .verbosity(VerboseMode.SILENT).shouldFailOnError(true).build()).run(); // its own 10 forks, one shot each
    Collection<RunResult> lukewarm = new Runner(new OptionsBuilder().include(Lukewarm.class.getName() + "\\.")
        .verbosity(VerboseMode.SILENT).shouldFailOnError(true).build()).run(); // its own 10 forks, 1 + 6 shots each

    out.printf(Locale.ROOT, "%n## Benchmarks, %s, %d cores, %s %s%n", LocalDate.now(),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
        System.getProperty("java.version"));
    timeToConnect(ttc);
    overhead(overhead);
    ranking(ranking);
    concurrency(concurrency);
    simulated(simulated);
    labThroughput(lab);
    byName(byName);
    coldStart(coldStart, coldBuild);
    lukewarm(lukewarm);
  }

  private void byName(Collection<RunResult> results) {
    if (results.isEmpty()) {
      return;
    }
    out.println();
    out.println("### By name: median / p99 in ms, from the first query to a connected socket");
    out.println();
    row(List.of("DNS server", "both answers, then a list connect (the JDK's way)", "by name (resolver dns)",
        "ratio of medians"));
    separator(4);
    for (String dns : new String[] {"prompt", "slow-aaaa"}) {
      RunResult list = find(results, "connect", "dns", dns, "way", "both-answers-then-list");
      RunResult name = find(results, "connect", "dns", dns, "way", "by-name");
      if (list == null || name == null) {
        continue;
      }
      row(List.of(dns.equals("prompt") ? "both answers at once" : "AAAA 300 ms late",
          number(median(list)) + " / " + number(percentile(list, 99)),
          number(median(name)) + " / " + number(percentile(name, 99)),
          String.format(Locale.ROOT, "%.2fx", median(name) / median(list))));
    }
  }

  private void coldStart(Collection<RunResult> results, Collection<RunResult> builds) {
    out.println();
    out.println("### The first connect in a fresh JVM: median of 10 forks in ms (ratio to the java.net.Socket loop / "
        + "to the SocketChannel loop)");
    out.println();
    row(List.of("scenario", "Socket loop", "SocketChannel loop", "firstConnect (built before)", "build + firstConnect"));
    separator(5);
    for (Scenario scenario : Scenario.values()) {
      RunResult socket = find(results, "socketLoop", "scenario", scenario.id);
      RunResult channel = find(results, "socketChannelLoop", "scenario", scenario.id);
      RunResult first = find(results, "firstConnect", "scenario", scenario.id);
      RunResult built = find(results, "buildAndFirstConnect", "scenario", scenario.id);
      if (socket == null || channel == null || first == null || built == null) {
        continue;
      }
      row(List.of(scenario.id, number(median(socket)), number(median(channel)),
          String.format(Locale.ROOT, "%s (%.2fx / %.2fx)", number(median(first)), median(first) / median(socket),
              median(first) / median(channel)),
          String.format(Locale.ROOT, "%s (%.2fx / %.2fx)", number(median(built)), median(built) / median(socket),
              median(built) / median(channel))));
    }
    RunResult build = find(builds, "build", null, null);
    if (build != null) {
      out.println();
      out.printf(Locale.ROOT, "`build()` alone (`ColdBuild`, 10 forks): median %s ms, p90 %s ms (target: 15 ms)%n",
          number(median(build)), number(percentile(build, 90)));
    }
  }

  private void lukewarm(Collection<RunResult> results) {
    RunResult socket = find(results, "socketLoop", null, null);
    if (socket == null) {
      return;
    }
    out.println();
    out.println("### Connects 2 to 7 of a fresh JVM (the first one unmeasured), good loopback address: median / p90 "
        + "in µs of 10 forks x 6 shots (ratio of medians to the Socket loop)");
    out.println();
    row(List.of("Socket loop", "SocketChannel.open", "ConnectByList (default strategy)", "ConnectByList (happy-eyeballs)"));
    separator(4);
    List<String> cells = new ArrayList<>();
    for (String method : List.of("socketLoop", "socketChannel", "connectByList", "happyEyeballs")) {
      RunResult r = find(results, method, null, null);
      cells.add(r == null ? "-" : String.format(Locale.ROOT, "%s / %s (%.2fx)", number(median(r)),
          number(percentile(r, 90)), median(r) / median(socket)));
    }
    row(cells);
  }

  private void simulated(Collection<RunResult> results) {
    out.println();
    out.println("### Lab: simulated connects per second on one thread (Happy Eyeballs)");
    out.println();
    row(List.of("scenario", "connects per second", "target"));
    separator(3);
    for (RunResult r : results) {
      row(List.of(r.getParams().getParam("network"), String.format(Locale.ROOT, "%,.0f", r.getPrimaryResult().getScore()),
          ">= 100,000"));
    }
  }

  private void labThroughput(Collection<RunResult> results) {
    out.println();
    out.printf(Locale.ROOT, "### Lab: a whole experiment (%,d simulated connects) on one thread and on all %d cores%n",
        LabThroughput.connects(), Runtime.getRuntime().availableProcessors());
    out.println();
    row(List.of("threads", "ms per experiment (median)", "connects per second", "ratio to one thread"));
    separator(4);
    double one = Double.NaN;
    for (RunResult r : results) {
      double ms = median(r);
      String threads = r.getParams().getParam("threads");
      if (threads.equals("1")) {
        one = ms;
      }
      row(List.of(threads.equals("0") ? "all (" + Runtime.getRuntime().availableProcessors() + ")" : threads,
          String.format(Locale.ROOT, "%.1f", ms), String.format(Locale.ROOT, "%,.0f", LabThroughput.connects() / ms * 1000),
          String.format(Locale.ROOT, "%.2fx", one / ms)));
    }
  }

  private static Collection<RunResult> measure(Class<?> benchmark, int warmups, int iterations) throws RunnerException {
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(benchmark.getName() + "\\.")
        .forks(1)
        .warmupIterations(warmups)
        .warmupTime(TimeValue.seconds(1))
        .measurementIterations(iterations)
        .measurementTime(TimeValue.seconds(1))
        .verbosity(VerboseMode.SILENT)
        .shouldFailOnError(true);
    return new Runner(options.build()).run();
  }

  private void timeToConnect(Collection<RunResult> results) {
    out.println();
    out.println("### Time to connect: median / p99 in ms (ratio of medians to raw-loop)");
    out.println();
    Map<String, Map<String, RunResult>> byScenario = new LinkedHashMap<>();
    Set<String> strategies = new LinkedHashSet<>();
    for (RunResult r : results) {
      String scenario = r.getParams().getParam("scenario");
      String strategy = r.getParams().getParam("strategy");
      strategies.add(strategy);
      byScenario.computeIfAbsent(scenario, s -> new LinkedHashMap<>()).put(strategy, r);
    }
    List<String> header = new ArrayList<>(List.of("scenario"));
    header.addAll(strategies);
    row(header);
    separator(header.size());
    byScenario.forEach((scenario, row) -> {
      double baseline = median(row.get("raw-loop"));
      List<String> cells = new ArrayList<>(List.of(scenario));
      for (String strategy : strategies) {
        RunResult r = row.get(strategy);
        cells.add(r == null ? "-" : String.format(Locale.ROOT, "%s / %s (%.2fx)", number(median(r)),
            number(percentile(r, 99)), median(r) / baseline));
      }
      row(cells);
    });
  }

  private void overhead(Collection<RunResult> results) {
    out.println();
    out.println("### Overhead: one warm loopback connect, median / p99 in µs");
    out.println();
    RunResult raw = find(results, "raw", null, null);
    RunResult ours = find(results, "connectByList", null, null);
    row(List.of("raw SocketChannel", "ConnectByList (default strategy)", "ratio of medians", "target"));
    separator(4);
    row(List.of(number(median(raw)) + " / " + number(percentile(raw, 99)),
        number(median(ours)) + " / " + number(percentile(ours, 99)),
        String.format(Locale.ROOT, "%.2fx", median(ours) / median(raw)), "<= 1.15x"));
  }

  private void ranking(Collection<RunResult> results) {
    out.println();
    out.println("### Ranking: average µs per rank call, 4 sources (ratio to sequential)");
    out.println();
    Map<String, Map<String, Double>> byCount = new LinkedHashMap<>();
    Set<String> rankers = new LinkedHashSet<>();
    for (RunResult r : results) {
      rankers.add(r.getParams().getParam("ranker"));
      byCount.computeIfAbsent(r.getParams().getParam("destinations"), d -> new LinkedHashMap<>())
          .put(r.getParams().getParam("ranker"), r.getPrimaryResult().getScore());
    }
    List<String> header = new ArrayList<>(List.of("destinations"));
    header.addAll(rankers);
    row(header);
    separator(header.size());
    byCount.forEach((count, row) -> {
      List<String> cells = new ArrayList<>(List.of(count));
      for (String ranker : rankers) {
        cells.add(String.format(Locale.ROOT, "%s (%.1fx)", number(row.get(ranker)), row.get(ranker) / row.get("sequential")));
      }
      row(cells);
    });
  }

  private void concurrency(Collection<RunResult> results) {
    out.println();
    out.println("### Concurrency: connects per second with N connects in flight");
    out.println();
    row(List.of("in flight", "raw non-blocking connects", "ConnectByList connectAsync", "ratio"));
    separator(4);
    for (String n : List.of("1", "100", "1000")) {
      RunResult raw = find(results, "raw", "inFlight", n);
      RunResult ours = find(results, "connectAsync", "inFlight", n);
      if (raw == null || ours == null) {
        continue;
      }
      double rawRate = raw.getPrimaryResult().getScore() * Integer.parseInt(n);
      double ourRate = ours.getPrimaryResult().getScore() * Integer.parseInt(n);
      row(List.of(n, String.format(Locale.ROOT, "%,.0f", rawRate), String.format(Locale.ROOT, "%,.0f", ourRate),
          String.format(Locale.ROOT, "%.2fx", ourRate / rawRate)));
    }
  }

  private static RunResult find(Collection<RunResult> results, String method, String param, String value) {
    return find(results, method, param, value, null, null);
  }

  /** The result of {@code method} whose parameters have the given values; a {@code null} name matches any. */
  private static RunResult find(
      Collection<RunResult> results, String method, String param, String value, String param2, String value2) {
    for (RunResult r : results) {
      String label = r.getParams().getBenchmark();
      if (label.endsWith("." + method) && (param == null || value.equals(r.getParams().getParam(param)))
          && (param2 == null || value2.equals(r.getParams().getParam(param2)))) {
        return r;
      }
    }
    return null;
  }

  private static double median(RunResult r) {
    return percentile(r, 50);
  }

  private static double percentile(RunResult r, double p) {
    return r.getPrimaryResult().getStatistics().getPercentile(p);
  }

  private static String number(double v) {
    return v >= 100 ? String.format(Locale.ROOT, "%.1f", v)
        : v >= 1 ? String.format(Locale.ROOT, "%.2f", v) : String.format(Locale.ROOT, "%.3f", v);
  }

  private void row(List<String> cells) {
    out.println("| " + String.join(" | ", cells) + " |");
  }

  private void separator(int columns) {
    out.println("|" + "---|".repeat(columns));
  }
}
