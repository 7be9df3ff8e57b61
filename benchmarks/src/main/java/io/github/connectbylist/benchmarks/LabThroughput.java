package io.github.connectbylist.benchmarks;

import io.github.connectbylist.lab.Experiment;
import io.github.connectbylist.lab.ExperimentRunner;
import io.github.connectbylist.lab.Results;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole experiment on one thread and on every core: the built-in scenarios and strategies, {@value #RUNS}
 * runs each, no sessions. Connects per second are {@link #connects()} over the time per experiment; the
 * results are the same on any number of threads (the lab's {@code ThreadCountTest}), so only the time differs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LabThroughput {
  static final int RUNS = 200;

  /** 1, or 0 for one thread per core. */
  @Param({"1", "0"})
  public int threads;

  private Experiment experiment;

  /** The built-in experiment without sessions, {@value #RUNS} runs per cell. */
  @Setup
  public void setUp() {
    Experiment builtIn = Experiment.builtIn();
    experiment = new Experiment("throughput", 1, RUNS, builtIn.deadline(), builtIn.strategies(), builtIn.scenarios());
  }

  /** The simulated connects of one experiment. */
  static int connects() {
    Experiment builtIn = Experiment.builtIn();
    return builtIn.strategies().size() * builtIn.scenarios().size() * RUNS;
  }

  @Benchmark
  public Results experiment() {
    return ExperimentRunner.run(experiment, threads);
  }
}
