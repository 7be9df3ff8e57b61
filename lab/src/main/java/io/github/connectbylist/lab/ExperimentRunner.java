package io.github.connectbylist.lab;

import io.github.connectbylist.Strategies;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.AttemptScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * Runs an experiment: for each scenario and strategy, {@code runs} independent first connects; for each
 * session and strategy, {@code sessionRuns} clients, each learning through its own connects. On a scenario with
 * HTTPS records, this library's strategies ask for service records and the client models do not ({@link
 * ServiceRecords}).
 */
public final class ExperimentRunner {
  /** Time-to-connect is recorded in microseconds, from 1 us to 200 s, to 3 significant digits. */
  private static final long MAX_MICROS = 200_000_000L;

  private ExperimentRunner() {}

  /**
   * Runs every strategy on every scenario, {@code runs} times each, on one thread.
   *
   * @param experiment what to run
   * @return every connect, and a histogram per cell
   */
  public static Results run(Experiment experiment) {
    return run(experiment, 1);
  }

  /**
   * Runs every strategy on every scenario, {@code runs} times each, each scenario and strategy (a cell) on one
   * of {@code threads} threads. Cells share nothing, and their results are kept in experiment order, so the
   * results are the same, byte for byte, whatever the number of threads.
   *
   * @param experiment what to run
   * @param threads how many threads; 0 for one per core
   * @return every connect, and a histogram per cell
   * @throws IllegalArgumentException naming a strategy that does not exist or has a bad option, before anything
   *     runs
   */
  public static Results run(Experiment experiment, int threads) {
    Strategies strategies = Strategies.discovered();
    checkStrategies(experiment, strategies); // a bad spec is an error before any cell runs, not after
    List<Supplier<Results.Cell>> cells = new ArrayList<>();
    for (Scenario scenario : experiment.scenarios()) {
      for (String strategy : experiment.allStrategies()) {
        cells.add(() -> cell(experiment, strategies, scenario, strategy));
      }
    }
    List<Supplier<Results.SessionCell>> sessions = new ArrayList<>();
    for (Session session : experiment.sessions()) {
      for (String strategy : experiment.strategies()) { // sweeps are plotted over scenarios, not sessions
        String[] parts = Experiment.split(strategy);
        sessions.add(() -> new Results.SessionCell(session, strategy, SessionRunner.run(session,
            strategies.ranker(parts[0]), strategies.scheduler(parts[1]), experiment.seed(), experiment.sessionRuns(),
            experiment.deadline(), ServiceRecords.asked(strategy))));
      }
    }
    return new Results(experiment, Parallel.map(threads, cells), Parallel.map(threads, sessions));
  }

  /**
   * Makes every strategy of the experiment once, so that a name that does not exist or a bad option is found
   * before anything runs or is written.
   *
   * @param experiment the experiment
   * @throws IllegalArgumentException naming the strategy and what is wrong with it
   */
  public static void checkStrategies(Experiment experiment) {
    checkStrategies(experiment, Strategies.discovered());
  }

  private static void checkStrategies(Experiment experiment, Strategies strategies) {
    for (String strategy : experiment.allStrategies()) {
      String[] parts = Experiment.split(strategy);
      strategies.ranker(parts[0]);
      strategies.scheduler(parts[1]);
    }
  }

  private static Results.Cell cell(Experiment experiment, Strategies strategies, Scenario scenario, String strategy) {
    String[] parts = Experiment.split(strategy);
    AddressPairRanker ranker = strategies.ranker(parts[0]);
    AttemptScheduler scheduler = strategies.scheduler(parts[1]);
    Histogram histogram = new Histogram(MAX_MICROS, 3);
    List<Trace> runs = new ArrayList<>(experiment.runs());
    try (Simulation simulation = new Simulation(scenario, ranker, scheduler, experiment.seed(), experiment.deadline(),
        ServiceRecords.asked(strategy))) {
      for (int run = 0; run < experiment.runs(); run++) {
        Trace trace = simulation.connect(run);
        if (trace.connected()) {
          histogram.recordValue(Math.max(1, Math.min(MAX_MICROS, trace.elapsedNanos() / 1_000)));
        }
        runs.add(trace);
      }
    }
    return new Results.Cell(scenario, strategy, histogram, runs);
  }
}
