package io.github.connectbylist.lab;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.ConnectFailedException;
import io.github.connectbylist.ConnectRequest;
import io.github.connectbylist.History;
import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.Answer;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.api.NameResolver;
import io.github.connectbylist.engine.Delivery;
import io.github.connectbylist.engine.Engine;
import io.github.connectbylist.engine.Host;
import io.github.connectbylist.simulation.SimulatedTransport;
import io.github.connectbylist.simulation.VirtualDriver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Connects with a ranker and a scheduler on a scenario's simulated network under a virtual clock: a {@link
 * ConnectByList} with the scenario as its host, run on core's engine seam with a {@link VirtualDriver} and
 * a {@link SimulatedTransport}. Core's orchestrator runs unchanged; nothing sleeps. One instance serves
 * every run of one strategy on one scenario; it keeps no history, so every run is a first connect, as a
 * scenario's table means. A client that learns across connects is a {@link Session}. A scenario with a
 * {@link Resolution} is connected to by name, its answers drawn per run like the network's fates; one whose
 * resolution has HTTPS records is connected to with the service {@code https} when the simulation asks for service
 * records ({@link ServiceRecords#asked}), and hears only the AAAA and A answers when it does not.
 */
public final class Simulation implements AutoCloseable {
  private final Scenario scenario;
  private final long seed;
  private final ConnectByList connector;
  private final Host host;
  private final boolean services;

  /**
   * A simulation that asks for service records when the scenario has HTTPS records.
   *
   * @param scenario the host and the network
   * @param ranker orders the pairs
   * @param scheduler paces the attempts
   * @param seed the experiment's seed; with the run it fixes every random draw of the network
   * @param deadline each connect's overall deadline
   */
  public Simulation(Scenario scenario, AddressPairRanker ranker, AttemptScheduler scheduler, long seed, Duration deadline) {
    this(scenario, ranker, scheduler, seed, deadline, true);
  }

  /**
   * @param scenario the host and the network
   * @param ranker orders the pairs
   * @param scheduler paces the attempts
   * @param seed the experiment's seed; with the run it fixes every random draw of the network
   * @param deadline each connect's overall deadline
   * @param services whether a connect by name asks for the service records of a scenario that has HTTPS records
   */
  public Simulation(Scenario scenario, AddressPairRanker ranker, AttemptScheduler scheduler, long seed, Duration deadline,
      boolean services) {
    this.scenario = scenario;
    this.seed = seed;
    this.services = services;
    this.connector = ConnectByList.builder().ranker(ranker).scheduler(scheduler).timeout(deadline)
        .history(History.none()).nat64(services).build(); // a client model relies on the network's DNS64
    this.host = Host.of(scenario.sources(), scenario.osSources());
  }

  /**
   * One connect: {@code run} numbers it, so that its network draws are the same for every strategy.
   *
   * @param run the run's number
   * @return the connect as it ran
   */
  public Trace connect(int run) {
    VirtualDriver driver = new VirtualDriver();
    SimulatedTransport transport = new SimulatedTransport(driver, scenario.network().fates(seed, run));
    CompletableFuture<Delivered> result = connector.connectAsync(request(scenario, services), engine(scenario, host,
        driver, transport, seed, run));
    driver.runUntil(result::isDone);
    return traceOf(result, transport);
  }

  /**
   * What a scenario connects to: its name, or its destinations; with the service {@code https} when {@code
   * services} and the name has HTTPS records.
   */
  static ConnectRequest request(Scenario scenario, boolean services) {
    if (scenario.resolution() == null) {
      return ConnectRequest.to(scenario.destinations());
    }
    ConnectRequest byName = ConnectRequest.to(scenario.resolution().name(), scenario.port());
    return services && scenario.resolution().hasHttps() ? byName.service("https") : byName;
  }

  /**
   * The engine of one run: its clock, its network, the scenario's host, and its own resolution, its answers
   * drawn for that run like the network's fates.
   */
  static Engine<AddressPair, Delivered> engine(Scenario scenario, Host host, VirtualDriver driver,
      SimulatedTransport transport, long seed, int run) {
    NameResolver resolver = scenario.resolution() != null
        ? scenario.resolution().resolver(driver, scenario.destinations(), seed, run) : NO_NAMES;
    return new Engine<>(driver, transport, DELIVERY, resolver, host);
  }

  /** The resolver of a scenario without a name: never asked. */
  private static final NameResolver NO_NAMES = new NameResolver() {
    @Override
    public Lookup resolve(String name, Answers answers) {
      throw new IllegalStateException("this scenario connects to a list, not to " + name);
    }

    @Override
    public String toString() {
      return "none";
    }
  };

  /**
   * How a finished simulated connect went: its attempts, and the time to connect, or to fail (the end of its
   * last attempt, on the connect's own clock).
   */
  static Trace traceOf(CompletableFuture<Delivered> done, SimulatedTransport transport) {
    try {
      Delivered d = done.join();
      long elapsed = d.attempts().stream().filter(Attempt::connected).findFirst().orElseThrow().endedAt().toNanos();
      return new Trace(d.attempts(), true, null, elapsed, transport.abandoned(), d.answers());
    } catch (CompletionException e) {
      ConnectFailedException failure = (ConnectFailedException) e.getCause();
      long end = 0;
      for (Attempt a : failure.attempts()) {
        end = Math.max(end, a.endedAt().toNanos());
      }
      for (Answer a : failure.answers()) {
        end = Math.max(end, a.at().toNanos()); // a name without an address fails when its last answer comes
      }
      return new Trace(failure.attempts(), false, failure.kind(), end, transport.abandoned(), failure.answers());
    }
  }

  /** What a simulated connect delivers: its trace, answers included; a simulated connection holds nothing. */
  record Delivered(List<Attempt> attempts, List<Answer> answers) {}

  static final Delivery<AddressPair, Delivered> DELIVERY = new Delivery<>() {
    @Override
    public Delivered deliver(AddressPair connection, List<Attempt> attempts, Attempt winner, Duration elapsed) {
      return new Delivered(attempts, List.of());
    }

    @Override
    public Delivered deliver(
        AddressPair connection, List<Attempt> attempts, List<Answer> answers, Attempt winner, Duration elapsed) {
      return new Delivered(attempts, answers);
    }

    @Override
    public void discard(Delivered result) {}

    @Override
    public void discardConnection(AddressPair connection) {}
  };

  /**
   * One connect with a fresh instance.
   *
   * @param scenario the host and the network
   * @param ranker orders the pairs
   * @param scheduler paces the attempts
   * @param seed the experiment's seed
   * @param run the run's number
   * @param deadline the connect's overall deadline
   * @return the connect as it ran
   */
  public static Trace connect(
      Scenario scenario, AddressPairRanker ranker, AttemptScheduler scheduler, long seed, int run, Duration deadline) {
    return connect(scenario, ranker, scheduler, seed, run, deadline, true);
  }

  /**
   * One connect with a fresh instance, asking for service records or not.
   *
   * @param scenario the host and the network
   * @param ranker orders the pairs
   * @param scheduler paces the attempts
   * @param seed the experiment's seed
   * @param run the run's number
   * @param deadline the connect's overall deadline
   * @param services whether to ask for the service records of a scenario that has HTTPS records
   * @return the connect as it ran
   */
  public static Trace connect(Scenario scenario, AddressPairRanker ranker, AttemptScheduler scheduler, long seed,
      int run, Duration deadline, boolean services) {
    try (Simulation simulation = new Simulation(scenario, ranker, scheduler, seed, deadline, services)) {
      return simulation.connect(run);
    }
  }

  @Override
  public void close() {
    connector.close();
  }
}
