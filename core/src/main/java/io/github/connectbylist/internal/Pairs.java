package io.github.connectbylist.internal;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.LocalAddress;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Pairs each destination with every local address that can reach it, as WSAConnectByList does: same
 * family; loopback with loopback; a link-local destination only with a link-local source (on its interface
 * when the destination names one); other destinations only with sources of wider scope. A destination
 * that no local address fits gets one pair with no source, so its attempt fails with the operating
 * system's own error instead of vanishing.
 */
public final class Pairs {
  private Pairs() {}

  public static List<AddressPair> build(List<InetSocketAddress> destinations, List<LocalAddress> sources) {
    List<AddressPair> pairs = new ArrayList<>(destinations.size() * 2);
    for (InetSocketAddress destination : destinations) {
      int before = pairs.size();
      for (LocalAddress source : sources) {
        if (canReach(source, destination.getAddress())) {
          pairs.add(new AddressPair(source, destination));
        }
      }
      if (pairs.size() == before) {
        pairs.add(AddressPair.toDestination(destination));
      }
    }
    return pairs;
  }

  /** One pair per destination, each leaving the source to the operating system. */
  public static List<AddressPair> osChoosesSource(List<InetSocketAddress> destinations) {
    List<AddressPair> pairs = new ArrayList<>(destinations.size());
    for (InetSocketAddress destination : destinations) {
      pairs.add(AddressPair.toDestination(destination));
    }
    return pairs;
  }

  static boolean canReach(LocalAddress source, InetAddress destination) {
    InetAddress from = source.address();
    if ((from instanceof Inet4Address) != (destination instanceof Inet4Address)) {
      return false;
    }
    if (destination.isLoopbackAddress() || from.isLoopbackAddress()) {
      return destination.isLoopbackAddress() && from.isLoopbackAddress();
    }
    if (destination.isLinkLocalAddress()) {
      return from.isLinkLocalAddress() && sameInterface(from, destination);
    }
    return !from.isLinkLocalAddress();
  }

  private static boolean sameInterface(InetAddress source, InetAddress destination) {
    if (destination instanceof Inet6Address d && source instanceof Inet6Address s && d.getScopeId() != 0) {
      return d.getScopeId() == s.getScopeId();
    }
    return true;
  }
}
