package io.github.connectbylist.cli;

import io.github.connectbylist.lab.Experiment;
import io.github.connectbylist.lab.ExperimentRunner;
import io.github.connectbylist.lab.LazyEye;
import io.github.connectbylist.lab.Limits;
import io.github.connectbylist.lab.Parallel;
import io.github.connectbylist.lab.Results;
import io.github.connectbylist.lab.ResultsWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code experiment [FILE]}: runs an experiment (the built-in one by default) in the lab and writes the report. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
    description = {"Compare strategies over simulated networks and sessions; writes runs.csv, summary.csv, "
        + "sessions.csv, session-summary.csv, sweeps.csv, results.json and report.html.",
        "FILE 'lazy-eye' runs the Lazy Eye test cases (IMC 2025) on our strategies and every client model instead, "
            + "and prints the paper's table with its measured rows beside them.",
        "FILE 'https' runs the built-in scenarios with HTTPS records (RFC 9460): our strategies ask for them, the "
            + "client models do not."})
final class ExperimentCommand implements Callable<Integer> {
  private static final String LAZY_EYE = "lazy-eye";
  /** The built-in experiment on HTTPS records. */
  private static final String HTTPS = "https";
  /** Runs of each timed case per client in {@code lazy-eye --real}: a median and a spread, in about a quarter hour. */
  private static final int DEFAULT_REPETITIONS = 3;

  /** The most threads: more than any machine this runs on has cores; the cells are spread over them. */
  static final int MAX_THREADS = 1024;

  @Spec
  private CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "FILE",
      description = "an experiment file (JSON), lazy-eye, or https; the built-in set when absent")
  private Path file;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "lab-report", description = "where to write (default: ${DEFAULT-VALUE})")
  private Path out;

  @Option(names = "--runs", paramLabel = "N", description = "connects per strategy and scenario, 1 to 1000000 "
      + "(overrides the file)")
  private String runs;

  @Option(names = "--seed", paramLabel = "N", description = "the random seed (overrides the file)")
  private String seed;

  @Option(names = "--session-runs", paramLabel = "N", description = "simulated clients per strategy and session, 1 to "
      + "1000000 (overrides the file)")
  private String sessionRuns;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
      description = "threads to run on, up to " + MAX_THREADS + "; 0 (the default) for one per core. The results do "
          + "not depend on it.")
  private String threadsText;

  @Option(names = "--conformance", description = "also run the Lazy Eye test cases on the experiment's strategies")
  private boolean conformance;

  @Option(names = "--real", description = "with lazy-eye: run the test cases on real clients (curl, Node.js, asyncio, "
      + "Go, OkHttp, Chromium, Firefox, ConnectByList) on emulated networks on this kernel, measured from the "
      + "packet log, beside their models; needs root and /dev/net/tun")
  private boolean real;

  @Option(names = "--clients", paramLabel = "NAME,...", split = ",", description = "with --real: the clients to run "
      + "(default: every one installed)")
  private List<String> clients;

  @Option(names = "--repetitions", paramLabel = "N", description = "with --real: runs of each timed case per "
      + "client, 1 to 100 (default: " + DEFAULT_REPETITIONS + ")")
  private String repetitions;

  private int threads;

  @Override
  public Integer call() throws Exception {
    PrintWriter w = spec.commandLine().getOut();
    threads = (int) WholeOption.read("--threads", threadsText, 0, MAX_THREADS,
        "of 0 (one per core) or more, up to " + MAX_THREADS);
    Integer runsOverride = runs == null ? null : (int) WholeOption.read("--runs", runs, 1, Limits.MAX_RUNS);
    Integer sessionRunsOverride = sessionRuns == null ? null
        : (int) WholeOption.read("--session-runs", sessionRuns, 1, Limits.MAX_RUNS);
    Long seedOverride = seed == null ? null : WholeOption.read("--seed", seed, Long.MIN_VALUE, Long.MAX_VALUE);
    if ((clients != null || repetitions != null) && !real) {
      throw new BadInput("--clients and --repetitions go with --real: experiment lazy-eye --real [--clients ...] "
          + "[--repetitions N]");
    }
    if (real && (file == null || !file.toString().equals(LAZY_EYE))) {
      throw new BadInput("--real goes with lazy-eye: experiment lazy-eye --real [--clients ...]");
    }
    if (real && (runs != null || seed != null || sessionRuns != null || conformance)) {
      throw new BadInput("--runs, --seed, --session-runs and --conformance are the simulator's: with --real give "
          + "--clients and --repetitions");
    }
    if (real) {
      return RealStudy.run(clients, repetitions == null ? DEFAULT_REPETITIONS
          : (int) WholeOption.read("--repetitions", repetitions, 1, 100), out, w);
    }
    if (file != null && file.toString().equals(LAZY_EYE)) {
      ReportDirectory.prepare(out);
      List<LazyEye.Row> rows = lazyEye(LazyEye.BUILT_IN_STRATEGIES, w);
      w.println("report: " + ReportDirectory.written(out, () -> ResultsWriter.writeConformance(rows, out))
          .toAbsolutePath());
      return 0;
    }
    Experiment experiment;
    try {
      experiment = file == null ? Experiment.builtIn() : file.toString().equals(HTTPS) ? Experiment.https()
          : Experiment.read(file);
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw new BadInput(e.getMessage(), e); // names the file, and for bad JSON its line and column
    }
    String source = file == null ? "the built-in experiment" : file.toString().equals(HTTPS)
        ? "the built-in https experiment" : file.toString();
    try { // all at once: the size is checked against Limits with every override in place
      Experiment e = experiment;
      experiment = new Experiment(e.name(), seedOverride != null ? seedOverride : e.seed(),
          runsOverride != null ? runsOverride : e.runs(), e.deadline(), e.strategies(), e.scenarios(), e.sessions(),
          sessionRunsOverride != null ? sessionRunsOverride : e.sessionRuns(), e.sweeps());
    } catch (IllegalArgumentException e) {
      throw new BadInput(source + ": " + e.getMessage(), e); // larger than Limits allows
    }
    try {
      ExperimentRunner.checkStrategies(experiment);
    } catch (IllegalArgumentException e) {
      throw new BadInput(source + ": " + e.getMessage(), e);
    }
    ReportDirectory.prepare(out); // before the run, not after it; and only for an experiment that can run
    long start = System.nanoTime();
    Results results;
    try {
      results = ExperimentRunner.run(experiment, threads);
    } catch (IllegalArgumentException e) {
      throw new BadInput(source + ": " + e.getMessage(), e);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    List<LazyEye.Row> rows = conformance ? lazyEye(experiment.strategies(), w) : List.of();
    Results written = results;
    Path report = ReportDirectory.written(out, () -> ResultsWriter.write(written, rows, out));
    long connects = (long) results.cells().size() * experiment.runs();
    long sessionConnects = 0;
    for (Results.SessionCell c : results.sessions()) {
      sessionConnects += (long) c.runs().size() * c.session().connects();
    }
    w.printf(Locale.ROOT, "%d simulated connects (%d strategies x %d scenarios x %d runs", connects + sessionConnects,
        experiment.allStrategies().size(), experiment.scenarios().size(), experiment.runs());
    if (sessionConnects > 0) {
      w.printf(Locale.ROOT, "; %d in %d sessions x %d clients", sessionConnects, experiment.sessions().size(),
          experiment.sessionRuns());
    }
    w.printf(Locale.ROOT, ") in %.1f s on %d threads, %,.0f connects/s%n", seconds, Parallel.threads(threads),
        (connects + sessionConnects) / seconds);
    w.print(ResultsWriter.summaryCsv(results));
    if (!results.sessions().isEmpty()) {
      w.print(ResultsWriter.sessionSummaryCsv(results));
    }
    w.println("report: " + report.toAbsolutePath());
    return 0;
  }

  private List<LazyEye.Row> lazyEye(List<String> strategies, PrintWriter w) {
    List<LazyEye.Row> rows;
    try {
      rows = LazyEye.withPaper(LazyEye.run(strategies, threads));
    } catch (IllegalArgumentException e) {
      throw new BadInput("lazy-eye: " + e.getMessage(), e);
    }
    w.println("Lazy Eye test cases (Sattler et al., IMC 2025), simulated; the paper's measured rows marked (paper):");
    w.print(LazyEye.table(rows));
    return rows;
  }
}
