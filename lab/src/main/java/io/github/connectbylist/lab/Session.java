package io.github.connectbylist.lab;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One simulated client's life on a network: {@code connects} connects to the scenario's destinations,
 * {@code interval} apart in virtual time, with one history that every connect of a run feeds and reads. The
 * network may change at given times ({@link Phase}s), as a tunnel breaks and comes back. Sessions show what
 * single connects cannot: how fast a strategy with memory learns, and whether it finds a path again.
 *
 * @param name a short name, used in reports
 * @param description one line for humans
 * @param scenario the host, the destinations, and the network at the start
 * @param connects connects per run, at least 1
 * @param interval from the start of one connect to the start of the next
 * @param phases network changes, in time order
 * @param recovery what "found again" means here, or {@code null}
 */
public record Session(
    String name, String description, Scenario scenario, int connects, Duration interval, List<Phase> phases,
    Recovery recovery) {

  /**
   * Checks the counts and copies the phases.
   *
   * @param name a short name
   * @param description one line
   * @param scenario the start
   * @param connects connects per run
   * @param interval between starts
   * @param phases network changes
   * @param recovery or {@code null}
   */
  public Session {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(scenario, "scenario");
    if (connects < 1) {
      throw new IllegalArgumentException("connects must be at least 1, was " + connects);
    }
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive, was "
          + io.github.connectbylist.api.StrategyOptions.formatDuration(interval));
    }
    phases = List.copyOf(phases);
    for (int i = 1; i < phases.size(); i++) {
      if (phases.get(i).from().compareTo(phases.get(i - 1).from()) < 0) {
        throw new IllegalArgumentException("phases must be in time order: "
            + io.github.connectbylist.api.StrategyOptions.formatDuration(phases.get(i).from()) + " after "
            + io.github.connectbylist.api.StrategyOptions.formatDuration(phases.get(i - 1).from()));
      }
    }
  }

  /**
   * The network at {@code nanos} since the session started: the last phase begun by then, else the scenario's.
   *
   * @param nanos virtual time since the start of the run
   * @return the network then
   */
  public SimulatedNetwork networkAt(long nanos) {
    SimulatedNetwork network = scenario.network();
    for (Phase p : phases) {
      if (p.from().toNanos() <= nanos) {
        network = p.network();
      }
    }
    return network;
  }

  /**
   * From {@code from} on, the network behaves as {@code network} says.
   *
   * @param from since the start of the run
   * @param network the network from then on
   */
  public record Phase(Duration from, SimulatedNetwork network) {
    /**
     * Checks that no part is null.
     *
     * @param from since the start
     * @param network from then on
     */
    public Phase {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(network, "network");
    }
  }

  /**
   * A path comes back at {@code after}: the report counts the connects from then until one is won over
   * IPv6 (or IPv4).
   *
   * @param after since the start of the run
   * @param ipv6 which family's win counts as the path found again
   */
  public record Recovery(Duration after, boolean ipv6) {
    /**
     * Checks the time.
     *
     * @param after since the start
     * @param ipv6 the family
     */
    public Recovery {
      Objects.requireNonNull(after, "after");
    }
  }
}
