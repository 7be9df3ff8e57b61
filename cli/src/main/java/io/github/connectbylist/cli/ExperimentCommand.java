package io.github.connectbylist.cli;

import io.github.connectbylist.lab.Experiment;
import io.github.connectbylist.lab.ExperimentRunner;
import io.github.connectbylist.lab.LazyEye;
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
            + "and prints the paper's table with its measured rows beside them."})
final class ExperimentCommand implements Callable<Integer> {
  private static final String LAZY_EYE = "lazy-eye";

  @Spec
  private CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "FILE",
      description = "an experiment file (JSON), or lazy-eye; the built-in set when absent")
  private Path file;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "lab-report", description = "where to write (default: ${DEFAULT-VALUE})")
  private Path out;

  @Option(names = "--runs", paramLabel = "N", description = "connects per strategy and scenario (overrides the file)")
  private Integer runs;

  @Option(names = "--seed", paramLabel = "N", description = "the random seed (overrides the file)")
  private Long seed;

  @Option(names = "--session-runs", paramLabel = "N", description = "simulated clients per strategy and session "
      + "(overrides the file)")
  private Integer sessionRuns;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
      description = "threads to run on; 0 (the default) for one per core. The results do not depend on it.")
  private int threads;

  @Option(names = "--conformance", description = "also run the Lazy Eye test cases on the experiment's strategies")
  private boolean conformance;

  @Override
  public Integer call() throws Exception {
    PrintWriter w = spec.commandLine().getOut();
    if (threads < 0) {
      throw new BadInput("--threads must be 0 (one per core) or more, was " + threads);
    }
    if (file != null && file.toString().equals(LAZY_EYE)) {
      List<LazyEye.Row> rows = lazyEye(LazyEye.BUILT_IN_STRATEGIES, w);
      w.println("report: " + ResultsWriter.writeConformance(rows, out).toAbsolutePath());
      return 0;
    }
    Experiment experiment;
    try {
      experiment = file == null ? Experiment.builtIn() : Experiment.read(file);
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw new BadInput(e.getMessage(), e); // names the file, and for bad JSON its line and column
    }
    if (runs != null) {
      experiment = experiment.withRuns(runs);
    }
    if (seed != null) {
      experiment = experiment.withSeed(seed);
    }
    if (sessionRuns != null) {
      experiment = experiment.withSessionRuns(sessionRuns);
    }
    long start = System.nanoTime();
    Results results;
    try {
      results = ExperimentRunner.run(experiment, threads);
    } catch (IllegalArgumentException e) {
      throw new BadInput((file == null ? "the built-in experiment" : file.toString()) + ": " + e.getMessage(), e);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    List<LazyEye.Row> rows = conformance ? lazyEye(experiment.strategies(), w) : List.of();
    Path report = ResultsWriter.write(results, rows, out);
    int connects = results.cells().size() * experiment.runs();
    int sessionConnects = 0;
    for (Results.SessionCell c : results.sessions()) {
      sessionConnects += c.runs().size() * c.session().connects();
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
