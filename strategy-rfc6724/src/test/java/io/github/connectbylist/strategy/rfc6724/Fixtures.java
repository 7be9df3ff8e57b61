package io.github.connectbylist.strategy.rfc6724;

import io.github.connectbylist.api.LocalAddress;
import io.github.connectbylist.api.LocalAddress.Flag;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Addresses as data for ranking tests; nothing here is ever connected to. */
final class Fixtures {
  private Fixtures() {}

  static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  static List<InetAddress> ips(String... literals) {
    return java.util.Arrays.stream(literals).map(Fixtures::ip).toList();
  }

  /** A /64 (or /24 for IPv4) source on eth0 with the given flags. */
  static LocalAddress src(String literal, Flag... flags) {
    InetAddress address = ip(literal);
    int prefix = address instanceof java.net.Inet4Address ? 24 : 64;
    return src(literal, prefix, flags);
  }

  static LocalAddress src(String literal, int prefix, Flag... flags) {
    Set<Flag> set = flags.length == 0 ? Set.of() : EnumSet.of(flags[0], flags);
    return new LocalAddress(ip(literal), prefix, "eth0", set);
  }

  static LocalAddress on(String interfaceName, String literal) {
    return new LocalAddress(ip(literal), 64, interfaceName, Set.of());
  }
}
