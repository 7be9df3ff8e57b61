package io.github.connectbylist.internal;

import io.github.connectbylist.api.LocalAddress;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which network the host is attached to, as history partitions it: the set of on-link prefixes of its
 * addresses (each address cut to its prefix length, with its interface). A new temporary address in the
 * same /64 is the same network; another Wi-Fi, a VPN coming up, or a cable plugged in is another one.
 * HEv3 requires history never to be used across networks.
 */
public final class Network {
  private static volatile Network last; // the host's addresses change rarely: remember the last answer

  private final List<LocalAddress> from;
  private final Set<String> prefixes;
  private final int hash;

  private Network(List<LocalAddress> from, Set<String> prefixes) {
    this.from = from;
    this.prefixes = prefixes;
    this.hash = prefixes.hashCode();
  }

  /** The network of these addresses; cheap when called again with the same list. */
  public static Network of(List<LocalAddress> addresses) {
    Network n = last;
    if (n != null && n.from == addresses) {
      return n;
    }
    Set<String> prefixes = new TreeSet<>();
    for (LocalAddress a : addresses) {
      prefixes.add(prefixOf(a.address(), a.prefixLength()) + "/" + a.prefixLength() + "%" + a.interfaceName());
    }
    n = new Network(addresses, Set.copyOf(prefixes));
    last = n;
    return n;
  }

  private static String prefixOf(InetAddress address, int length) {
    byte[] b = address.getAddress();
    byte[] cut = Arrays.copyOf(b, b.length);
    for (int bit = length; bit < cut.length * 8; bit++) {
      cut[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
    }
    StringBuilder s = new StringBuilder(cut.length * 3);
    for (byte x : cut) {
      s.append(Integer.toHexString(x & 0xff)).append('.');
    }
    return s.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Network other && hash == other.hash && prefixes.equals(other.prefixes);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "Network" + prefixes;
  }
}
