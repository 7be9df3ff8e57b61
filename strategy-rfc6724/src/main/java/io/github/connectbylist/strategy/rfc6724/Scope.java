package io.github.connectbylist.strategy.rfc6724;

import java.net.InetAddress;

/**
 * Address scopes of RFC 6724 section 3.1 (the multicast scope values of RFC 4291 section 2.7), with the
 * unicast rules: loopback and link-local are link-local in scope, {@code fec0::/10} site-local, the rest
 * global. IPv4 scopes come from the policy table's {@code scopev4} entries (section 3.2).
 */
final class Scope {
  static final int INTERFACE_LOCAL = 0x1;
  static final int LINK_LOCAL = 0x2;
  static final int SITE_LOCAL = 0x5;
  static final int GLOBAL = 0xe;

  private Scope() {}

  /** The scope of an IPv6 address given as {high, low}; IPv4-mapped addresses ask the policy table. */
  static int of(long high, long low, PolicyTable table) {
    if (high == 0 && (low & 0xffff_ffff_0000_0000L) == AddressBits.MAPPED_LOW) {
      return table.scopeV4(high, low);
    }
    if (high == 0 && low == 1) {
      return LINK_LOCAL; // ::1, section 3.1
    }
    int firstByte = (int) (high >>> 56);
    if (firstByte == 0xff) {
      return (int) (high >>> 48) & 0xf; // multicast: the scope field
    }
    int first10Bits = (int) (high >>> 54);
    if (first10Bits == 0x3fa) {
      return LINK_LOCAL; // fe80::/10
    }
    if (first10Bits == 0x3fb) {
      return SITE_LOCAL; // fec0::/10, deprecated by RFC 3879 but still in the table
    }
    return GLOBAL;
  }

  static int of(InetAddress address, PolicyTable table) {
    long[] bits = AddressBits.of(address);
    return of(bits[0], bits[1], table);
  }
}
