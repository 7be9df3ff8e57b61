package io.github.connectbylist.internal;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.AttemptScheduler;
import java.net.InetAddress;
import java.util.List;

/** Plans one connect for {@link ConnectCall}: at its start, and again as a resolver's answers arrive. */
public interface ConnectPlanner {

  /**
   * The plan at the start of the connect.
   *
   * @param nowNanos the driver's time
   * @return the plan
   */
  ConnectPlan plan(long nowNanos);

  /**
   * What is left to start now that the answers changed: pairs for new destinations, ranked with the pairs not
   * yet started; those whose destination is no longer among the endpoints (a hint the answer did not hold)
   * dropped; each kept pair given the record its destination now comes from.
   *
   * @param endpoints every destination the answers give now, in their order
   * @param started the pairs started, in start order
   * @param notStarted the pairs not yet started, in their current order
   * @return the new order of what is left to start
   */
  default ConnectPlan.Addition update(List<Endpoints.Endpoint> endpoints, List<AddressPair> started,
      List<AddressPair> notStarted) {
    throw new UnsupportedOperationException("this connect takes no addresses after its start");
  }

  /**
   * The schedule of a connect by name that waited for resolution to end.
   *
   * @param ranked every pair, ranked
   * @return its schedule
   */
  default AttemptScheduler.Schedule schedule(List<AddressPair> ranked) {
    throw new UnsupportedOperationException("this connect made its schedule at its start");
  }

  /**
   * Whether a connect by name should discover the NAT64 prefix beside its own lookups: the host has IPv6 only
   * (the Happy Eyeballs v3 draft's section 8.1) and the prefix of its network is not known yet. Asked after
   * {@link #plan}.
   *
   * @return {@code true} to send the discovery query
   */
  default boolean discoversNat64() {
    return false;
  }

  /**
   * The NAT64 prefix IPv4 destinations are synthesized behind (the draft's section 8.3), once known.
   *
   * @return the prefix, or {@code null} when there is none or the host has IPv4
   */
  default Nat64Prefix nat64() {
    return null;
  }

  /**
   * The discovery's AAAA answer came (RFC 7050 section 3): the prefix it shows is kept for the network.
   *
   * @param answer the addresses, none when the network has no DNS64; {@code null} when the query failed, which is
   *     kept only a short while
   * @param nowNanos the driver's time
   */
  default void nat64Discovered(List<InetAddress> answer, long nowNanos) {}
}
