package io.github.connectbylist.internal;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.AttemptScheduler;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * What a connect will do before it opens anything: the pairs in ranked order, which sources to bind, the
 * schedule, and the destinations the policy denied. Made the same way on real sockets and in the lab.
 *
 * @param pairs the ranked pairs; none yet for a connect by name
 * @param bindSource for each pair, whether its source is bound before connecting
 * @param schedule the scheduler's state machine for this connect, or {@code null} when a connect by name
 *     waits for resolution to end before it makes one
 * @param history where the connect reads and writes what connects learn
 * @param denied destinations the policy denied, with why
 */
public record ConnectPlan(
    List<AddressPair> pairs, boolean[] bindSource, AttemptScheduler.Schedule schedule, PathTable.View history,
    List<Denied> denied) {

  /** A plan that records no history and denies nothing, for tests of the orchestrator. */
  public ConnectPlan(List<AddressPair> pairs, boolean[] bindSource, AttemptScheduler.Schedule schedule) {
    this(pairs, bindSource, schedule, PathTable.NONE.begin(null, 0), List.of());
  }

  /**
   * A destination that is never connected.
   *
   * @param destination the address and port
   * @param reason why, for the trace
   */
  public record Denied(InetSocketAddress destination, String reason) {}

  /**
   * What late addresses changed: the pairs not yet started, re-ranked with the new ones, their binds, and
   * the new destinations the policy denied.
   *
   * @param rest the pairs to start, in order
   * @param bindRest for each of them, whether to bind its source
   * @param denied the arrivals denied
   */
  public record Addition(List<AddressPair> rest, boolean[] bindRest, List<Denied> denied) {}
}
