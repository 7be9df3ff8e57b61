package io.github.connectbylist.internal;

import io.github.connectbylist.api.Addresses;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Checks the caller's destinations before any socket opens, as the failure table of DESIGN.md says. */
public final class Destinations {
  private Destinations() {}

  /**
   * Returns the destinations without duplicates, IPv4-mapped IPv6 addresses turned into IPv4.
   *
   * @throws NullPointerException naming the null list or element
   * @throws IllegalArgumentException naming the element that cannot be a destination
   */
  public static List<InetSocketAddress> check(List<? extends InetSocketAddress> addresses) {
    Objects.requireNonNull(addresses, "addresses");
    List<InetSocketAddress> given = copyOf(addresses); // checked as copied: the caller's list may change later
    if (given.isEmpty()) {
      throw new IllegalArgumentException("addresses is empty: give at least one destination");
    }
    int n = given.size();
    boolean clean = true; // no mapped address and no repeat: the list as given
    for (int i = 0; i < n; i++) {
      InetSocketAddress a = given.get(i);
      if (a.isUnresolved()) {
        throw bad(i, a, "is unresolved; ConnectByList takes addresses, so resolve the name first");
      }
      if (a.getPort() == 0) {
        throw bad(i, a, "has port 0");
      }
      InetAddress ip = Addresses.unmapped(a.getAddress());
      String unusable = unusable(ip);
      if (unusable != null) {
        throw bad(i, a, unusable);
      }
      clean &= ip == a.getAddress();
    }
    if (clean && n <= 16) { // a short list: repeats found without a set
      for (int i = 1; i < n && clean; i++) {
        for (int j = 0; j < i; j++) {
          if (given.get(i).equals(given.get(j))) {
            clean = false;
            break;
          }
        }
      }
      if (clean) {
        return given;
      }
    }
    Set<InetSocketAddress> unique = new LinkedHashSet<>();
    for (InetSocketAddress a : given) {
      InetAddress ip = Addresses.unmapped(a.getAddress());
      unique.add(ip == a.getAddress() ? a : new InetSocketAddress(ip, a.getPort()));
    }
    return List.copyOf(unique);
  }

  /**
   * An immutable copy of {@code addresses}, none at all when it is one ({@code List.of(...)}, the common case);
   * a null element is named by its index.
   */
  private static List<InetSocketAddress> copyOf(List<? extends InetSocketAddress> addresses) {
    try {
      return List.copyOf(addresses);
    } catch (NullPointerException e) {
      throw new NullPointerException("addresses[" + addresses.indexOf(null) + "] is null");
    }
  }

  /**
   * Why {@code ip} (unmapped) can never be a TCP destination, or {@code null} when it can: for the caller's
   * list an argument error, for an address in a resolver's answer a destination denied.
   */
  public static String unusable(InetAddress ip) {
    if (ip.isAnyLocalAddress()) {
      return "is the unspecified address, which reaches this host on Linux rather than a peer";
    }
    if (ip.isMulticastAddress()) {
      return "is a multicast address; TCP cannot connect to it";
    }
    if (ip instanceof Inet4Address && isLimitedBroadcast(ip)) {
      return "is the broadcast address; TCP cannot connect to it";
    }
    return null;
  }

  private static boolean isLimitedBroadcast(InetAddress ip) {
    for (byte b : ip.getAddress()) {
      if (b != (byte) 0xff) {
        return false;
      }
    }
    return true;
  }

  private static IllegalArgumentException bad(int index, InetSocketAddress a, String why) {
    return new IllegalArgumentException("addresses[" + index + "] = " + a + " " + why);
  }
}
