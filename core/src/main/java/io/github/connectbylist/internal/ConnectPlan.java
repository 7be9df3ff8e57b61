package io.github.connectbylist.internal;

import io.github.connectbylist.api.AttemptScheduler;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * What a connect will do before it opens anything: the pairs in ranked order with their binds, the schedule,
 * the history view, and the destinations the policy denied. Made the same way on real sockets and in the lab.
 *
 * @param pairs the ranked pairs; none yet for a connect by name
 * @param schedule the scheduler's state machine for this connect, or {@code null} when a connect by name
 *     waits for resolution to end before it makes one
 * @param history where the connect reads and writes what connects learn
 * @param denied destinations the policy denied, with why
 */
public record ConnectPlan(
    List<PlannedPair> pairs, AttemptScheduler.Schedule schedule, PathTable.View history, List<Denied> denied) {

  /**
   * Copies the lists.
   *
   * @param pairs the ranked pairs
   * @param schedule the schedule, or {@code null}
   * @param history the history view
   * @param denied the destinations denied
   */
  public ConnectPlan {
    pairs = List.copyOf(pairs);
    denied = denied.isEmpty() ? List.of() : List.copyOf(denied); // copyOf of an empty ArrayList makes an array
  }

  /** A plan that records no history and denies nothing, for tests of the orchestrator. */
  public ConnectPlan(List<PlannedPair> pairs, AttemptScheduler.Schedule schedule) {
    this(pairs, schedule, PathTable.NO_VIEW, List.of());
  }

  /**
   * A destination that is never connected.
   *
   * @param destination the address and port
   * @param reason why, for the trace
   */
  public record Denied(InetSocketAddress destination, String reason) {}

  /**
   * What late addresses changed: the pairs not yet started, re-ranked with the new ones, and the new
   * destinations the policy denied.
   *
   * @param rest the pairs to start, in order
   * @param denied the arrivals denied
   */
  public record Addition(List<PlannedPair> rest, List<Denied> denied) {

    /**
     * Copies the lists.
     *
     * @param rest the pairs to start
     * @param denied the arrivals denied
     */
    public Addition {
      rest = List.copyOf(rest);
      denied = denied.isEmpty() ? List.of() : List.copyOf(denied);
    }
  }
}
