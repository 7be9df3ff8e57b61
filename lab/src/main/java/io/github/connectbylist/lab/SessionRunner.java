package io.github.connectbylist.lab;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.History;
import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.engine.Delivery;
import io.github.connectbylist.engine.Engine;
import io.github.connectbylist.engine.Host;
import io.github.connectbylist.engine.SimulatedTransport;
import io.github.connectbylist.engine.VirtualDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a strategy through a {@link Session}: each run is one client, a {@link ConnectByList} with a history
 * of its own, making the session's connects on one virtual clock, each on the network of the phase it meets.
 * Draws depend on the seed, the run and the connect, so every strategy meets the same networks.
 */
public final class SessionRunner {
  private SessionRunner() {}

  /**
   * Every run of a session.
   *
   * @param session the session
   * @param ranker orders the pairs
   * @param scheduler paces the attempts
   * @param seed fixes every random draw
   * @param runs how many clients
   * @param deadline each connect's deadline
   * @return for each run, a trace per connect in order
   */
  public static List<List<Trace>> run(
      Session session, AddressPairRanker ranker, AttemptScheduler scheduler, long seed, int runs, Duration deadline) {
    List<List<Trace>> all = new ArrayList<>(runs);
    for (int run = 0; run < runs; run++) {
      all.add(runOnce(session, ranker, scheduler, seed, run, deadline));
    }
    return all;
  }

  /**
   * One client's life.
   *
   * @param session the session
   * @param ranker orders the pairs
   * @param scheduler paces the attempts
   * @param seed fixes every random draw
   * @param run which client
   * @param deadline each connect's deadline
   * @return a trace per connect, in order
   */
  public static List<Trace> runOnce(
      Session session, AddressPairRanker ranker, AttemptScheduler scheduler, long seed, int run, Duration deadline) {
    Scenario scenario = session.scenario();
    VirtualDriver driver = new VirtualDriver();
    int connects = session.connects();
    List<CompletableFuture<Simulation.Delivered>> done = new ArrayList<>(connects);
    List<SimulatedTransport> transports = new ArrayList<>(connects);
    ConnectByList.Builder builder = ConnectByList.builder().ranker(ranker).scheduler(scheduler).timeout(deadline)
        .host(Host.of(scenario.sources(), scenario.osSources())).history(History.create());
    if (scenario.resolution() != null) {
      builder.resolver(scenario.resolution().resolver(driver, scenario.destinations(), seed, run));
    }
    try (ConnectByList client = builder.build()) {
      for (int k = 0; k < connects; k++) {
        int draw = run * connects + k;
        SimulatedTransport transport = new SimulatedTransport(driver,
            pair -> session.networkAt(driver.nanoTime()).fates(seed, draw).apply(pair));
        transports.add(transport);
        done.add(new CompletableFuture<>());
        int connect = k;
        Engine<AddressPair, Simulation.Delivered> engine = new Engine<>(driver, transport, Simulation.DELIVERY);
        driver.schedule(k * session.interval().toNanos(), () -> (scenario.resolution() == null
            ? client.connectAsync(scenario.destinations(), engine)
            : client.connectAsync(scenario.resolution().name(), scenario.port(), engine))
            .whenComplete((attempts, error) -> {
              if (error != null) {
                done.get(connect).completeExceptionally(error);
              } else {
                done.get(connect).complete(attempts);
              }
            }));
      }
      driver.runUntil(() -> done.get(connects - 1).isDone() && allDone(done));
    }
    List<Trace> traces = new ArrayList<>(connects);
    for (int k = 0; k < connects; k++) {
      traces.add(Simulation.traceOf(done.get(k), transports.get(k)));
    }
    return traces;
  }

  private static boolean allDone(List<CompletableFuture<Simulation.Delivered>> done) {
    for (CompletableFuture<Simulation.Delivered> f : done) {
      if (!f.isDone()) {
        return false;
      }
    }
    return true;
  }
}
