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
  /** The host's addresses change rarely: the last network made, and the list it was made from. */
  private static volatile LastMade<List<LocalAddress>, Network> last;

  private final Set<String> prefixes;
  private final int hash;

  private Network(Set<String> prefixes) {
    this.prefixes = prefixes;
    this.hash = prefixes.hashCode();
  }

  /** The network of these addresses; cheap when called again with the same list. */
  public static Network of(List<LocalAddress> addresses) {
    LastMade<List<LocalAddress>, Network> l = last;
    Network known = LastMade.from(l, addresses);
    if (known != null) {
      return known;
    }
    Set<String> prefixes = new TreeSet<>();
    for (LocalAddress a : addresses) {
      prefixes.add(prefixOf(a.address(), a.prefixLength()) + "/" + a.prefixLength() + "%" + a.interfaceName());
    }
    Network n = new Network(Set.copyOf(prefixes));
    if (l != null && l.made().equals(n)) {
      n = l.made(); // the same network from a list read again: the same object, which maps find by identity
    }
    last = new LastMade<>(addresses, n);
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
    return o == this || o instanceof Network other && hash == other.hash && prefixes.equals(other.prefixes);
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
