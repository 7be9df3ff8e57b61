package io.github.connectbylist.internal;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.LocalAddress;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Pairs each destination with every local address that can reach it, as WSAConnectByList does: same
 * family; loopback with loopback; a link-local destination only with a link-local source, and on that
 * source's interface (RFC 4007 section 6: a link-local address means nothing without its zone); other
 * destinations only with sources of wider scope. A destination that no local address fits gets one pair
 * with no source, so its attempt fails with the operating system's own error instead of vanishing.
 */
public final class Pairs {
  private Pairs() {}

  public static List<AddressPair> build(List<InetSocketAddress> destinations, List<LocalAddress> sources) {
    if (destinations.size() == 1) { // the common list of one: one pair, most often, and no list to grow
      InetSocketAddress destination = destinations.get(0);
      LocalAddress only = null;
      int reaching = 0;
      for (int i = 0; i < sources.size(); i++) {
        if (canReach(sources.get(i), destination.getAddress())) {
          only = sources.get(i);
          reaching++;
        }
      }
      if (reaching == 0) {
        return List.of(AddressPair.toDestination(destination));
      }
      if (reaching == 1) {
        return List.of(new AddressPair(only, inZoneOf(only, destination)));
      }
    }
    List<AddressPair> pairs = new ArrayList<>(destinations.size() * 2);
    for (InetSocketAddress destination : destinations) {
      int before = pairs.size();
      for (LocalAddress source : sources) {
        if (canReach(source, destination.getAddress())) {
          pairs.add(new AddressPair(source, inZoneOf(source, destination)));
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
      return from.isLinkLocalAddress() && sameInterface(source, destination);
    }
    return !from.isLinkLocalAddress();
  }

  /**
   * A link-local IPv6 destination given without a zone ({@code fe80::1}) is reached through the source's
   * interface: the kernel refuses to connect it unscoped ({@code EINVAL}), so each pair carries the
   * destination scoped to its own source's interface. Other destinations are returned as they are.
   */
  static InetSocketAddress inZoneOf(LocalAddress source, InetSocketAddress destination) {
    if (!(destination.getAddress() instanceof Inet6Address d) || !d.isLinkLocalAddress() || d.getScopeId() != 0) {
      return destination;
    }
    int scope = scopeId(source);
    if (scope == 0) {
      return destination; // no interface index to give it: the attempt fails with the kernel's own error
    }
    try {
      return new InetSocketAddress(Inet6Address.getByAddress(null, d.getAddress(), scope), destination.getPort());
    } catch (UnknownHostException impossible) {
      throw new AssertionError(impossible);
    }
  }

  /** The interface index of a link-local source: its own scope, else its interface's index by name. */
  static int scopeId(LocalAddress source) {
    if (source.address() instanceof Inet6Address s && s.getScopeId() != 0) {
      return s.getScopeId();
    }
    try {
      NetworkInterface ni = NetworkInterface.getByName(source.interfaceName());
      return ni == null ? 0 : Math.max(ni.getIndex(), 0);
    } catch (SocketException e) {
      return 0;
    }
  }

  private static boolean sameInterface(LocalAddress source, InetAddress destination) {
    if (destination instanceof Inet6Address d && d.getScopeId() != 0) {
      return d.getScopeId() == scopeId(source);
    }
    return true;
  }
}
