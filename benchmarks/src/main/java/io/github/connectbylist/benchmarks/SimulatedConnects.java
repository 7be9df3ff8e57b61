package io.github.connectbylist.benchmarks;

import io.github.connectbylist.Strategies;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.lab.Scenario;
import io.github.connectbylist.lab.ScenarioFormat;
import io.github.connectbylist.lab.Simulation;
import io.github.connectbylist.lab.Trace;
import java.time.Duration;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Simulated connects per second on one thread (one core): the lab's orchestrator, ranker and scheduler on
 * a built-in scenario under the virtual clock. The lab's target: at least 100,000 per second per core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@Threads(1)
public class SimulatedConnects {
  @Param({"broken-ipv6", "many-addresses-one-working"})
  public String network;

  private Simulation simulation;
  private int run;

  /** One simulation for the trial, as an experiment keeps one per strategy and scenario. */
  @Setup
  public void setUp() {
    Scenario scenario = ScenarioFormat.builtIn(network);
    AddressPairRanker ranker = Strategies.discovered().ranker("happy-eyeballs");
    AttemptScheduler scheduler = Strategies.discovered().scheduler("happy-eyeballs");
    simulation = new Simulation(scenario, ranker, scheduler, 1, Duration.ofSeconds(10));
  }

  @TearDown
  public void tearDown() {
    simulation.close();
  }

  @Benchmark
  public Trace connect() {
    return simulation.connect(run++);
  }
}
