package io.github.connectbylist.examples;

import io.github.connectbylist.api.LocalAddress;
import io.github.connectbylist.strategy.rfc6724.Rfc6724;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/** RFC 6724's rules used on their own, without ConnectByList: one destination's source, and an order. */
final class Rfc6724Example {
  private Rfc6724Example() {}

  /** What section 5 picks for {@code destination}, and section 6's order of {@code destinations}. */
  record Selection(Optional<LocalAddress> source, List<InetAddress> ordered) {}

  static Selection select(InetAddress destination, List<InetAddress> destinations, List<LocalAddress> localAddresses) {
    // snippet:start rfc6724
    Rfc6724 rfc = Rfc6724.standard();                       // or Rfc6724.with(PolicyTable.host())
    Optional<LocalAddress> source = rfc.selectSource(destination, localAddresses);          // section 5
    List<InetAddress> ordered = rfc.sortDestinations(destinations, localAddresses);        // section 6
    // snippet:end rfc6724
    return new Selection(source, ordered);
  }
}
