package io.github.connectbylist.lab;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.ConnectRequest;
import io.github.connectbylist.History;
import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.engine.Delivery;
import io.github.connectbylist.engine.Engine;
import io.github.connectbylist.engine.Host;
import io.github.connectbylist.simulation.SimulatedTransport;
import io.github.connectbylist.simulation.VirtualDriver;
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
    return run(session, ranker, scheduler, seed, runs, deadline, true);
  }

  /**
   * Every run of a session, asking for the service records of a scenario with HTTPS records or not.
   *
   * @param session the session
   * @param ranker orders the pairs
   * @param scheduler paces the attempts
   * @param seed fixes every random draw
   * @param runs how many clients
   * @param deadline each connect's deadline
   * @param services whether the connects ask for service records ({@link ServiceRecords#asked})
   * @return for each run, a trace per connect in order
   */
  public static List<List<Trace>> run(Session session, AddressPairRanker ranker, AttemptScheduler scheduler, long seed,
      int runs, Duration deadline, boolean services) {
    List<List<Trace>> all = new ArrayList<>(runs);
    for (int run = 0; run < runs; run++) { // each run is a new client: it starts knowing nothing, NAT64 prefix included
      try (ConnectByList client = client(ranker, scheduler, deadline, services)) {
        all.add(runOnce(client, session, seed, run, services));
      }
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
    try (ConnectByList client = client(ranker, scheduler, deadline, true)) {
      return runOnce(client, session, seed, run, true);
    }
  }

  /**
   * A client of the strategy, with a memory of its own; {@code services}: it uses this library's name logic, NAT64
   * synthesis included (a client model relies on the network's DNS64, as {@link Simulation} has it).
   */
  private static ConnectByList client(AddressPairRanker ranker, AttemptScheduler scheduler, Duration deadline,
      boolean services) {
    return ConnectByList.builder().ranker(ranker).scheduler(scheduler).timeout(deadline).history(History.create())
        .nat64(services).build();
  }

  /**
   * One client's life on one clock: its connects, {@code session.interval()} apart, each on the network as it
   * is at that time, each answered by the run's own resolution.
   */
  private static List<Trace> runOnce(ConnectByList client, Session session, long seed, int run, boolean services) {
    Scenario scenario = session.scenario();
    VirtualDriver driver = new VirtualDriver();
    Host host = Host.of(scenario.sources(), scenario.osSources());
    int connects = session.connects();
    List<CompletableFuture<Simulation.Delivered>> done = new ArrayList<>(connects);
    List<SimulatedTransport> transports = new ArrayList<>(connects);
    ConnectRequest request = Simulation.request(scenario, services);
    for (int k = 0; k < connects; k++) {
      int draw = run * connects + k;
      SimulatedTransport transport = new SimulatedTransport(driver,
          pair -> session.networkAt(driver.nanoTime()).fates(seed, draw).apply(pair));
      transports.add(transport);
      done.add(new CompletableFuture<>());
      int connect = k;
      Engine<AddressPair, Simulation.Delivered> engine = Simulation.engine(scenario, host, driver, transport, seed, run);
      driver.schedule(k * session.interval().toNanos(), () -> client.connectAsync(request, engine)
          .whenComplete((attempts, error) -> {
            if (error != null) {
              done.get(connect).completeExceptionally(error);
            } else {
              done.get(connect).complete(attempts);
            }
          }));
    }
    driver.runUntil(() -> done.get(connects - 1).isDone() && allDone(done));
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
