package io.github.connectbylist.lab;

import io.github.connectbylist.ConnectFailedException;
import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.api.ConnectListener;
import io.github.connectbylist.internal.ConnectCall;
import io.github.connectbylist.internal.ConnectPlan;
import io.github.connectbylist.internal.Delivery;
import io.github.connectbylist.internal.Destinations;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs core's orchestrator, unchanged, with a ranker and a scheduler, on a scenario's simulated network
 * under a virtual clock. One call is one connect; nothing sleeps.
 */
public final class Simulation {
  private static final Delivery<AddressPair, List<Attempt>> TRACE = new Delivery<>() {
    @Override
    public List<Attempt> deliver(AddressPair connection, List<Attempt> attempts, Attempt winner, Duration elapsed) {
      return attempts;
    }

    @Override
    public void discard(List<Attempt> result) {}

    @Override
    public void discardConnection(AddressPair connection) {}
  };

  private Simulation() {}

  /**
   * @param seed the experiment's seed; with {@code run} it fixes every random draw of the network
   * @param deadline the connect's overall deadline
   */
  public static Trace connect(
      Scenario scenario, AddressPairRanker ranker, AttemptScheduler scheduler, long seed, int run, Duration deadline) {
    VirtualDriver driver = new VirtualDriver();
    SimulatedTransport transport = new SimulatedTransport(driver, scenario.network(), seed, run);
    ConnectPlan plan = ConnectPlan.make(Destinations.check(scenario.destinations()), scenario.sources(), false, false,
        scenario::osPreferredSource, ranker, scheduler, Optional.of(deadline));
    ConnectCall<AddressPair, List<Attempt>> call = new ConnectCall<>(driver, transport, TRACE, ConnectListener.NONE,
        plan.pairs(), plan.bindSource(), plan.schedule(), driver.nanoTime(), deadline.toNanos());
    CompletableFuture<List<Attempt>> result = call.connectAsync();
    driver.runUntil(result::isDone);
    try {
      List<Attempt> attempts = result.join();
      long elapsed = attempts.stream().filter(Attempt::connected).findFirst().orElseThrow().endedAt().toNanos();
      return new Trace(attempts, true, null, elapsed, transport.abandoned());
    } catch (CompletionException e) {
      ConnectFailedException failure = (ConnectFailedException) e.getCause();
      return new Trace(failure.attempts(), false, failure.kind(), driver.nanoTime(), transport.abandoned());
    }
  }
}
