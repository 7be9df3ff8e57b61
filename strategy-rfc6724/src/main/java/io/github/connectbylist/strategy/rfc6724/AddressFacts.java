package io.github.connectbylist.strategy.rfc6724;

import io.github.connectbylist.api.LocalAddress;
import java.net.InetAddress;

/**
 * An address with everything the rules of RFC 6724 look at, computed once so that sorting compares
 * numbers instead of looking up prefixes again.
 *
 * @param address the address itself
 * @param high the first 64 bits, IPv4 in its mapped form
 * @param low the last 64 bits
 * @param ipv4 whether it is an IPv4 address
 * @param scope its scope (section 3)
 * @param label its label in the policy table
 * @param precedence its precedence in the policy table
 * @param local the local address it is, for sources; {@code null} for destinations
 */
record AddressFacts(
    InetAddress address, long high, long low, boolean ipv4, int scope, int label, int precedence, LocalAddress local) {

  static AddressFacts of(InetAddress address, PolicyTable table) {
    return of(address, null, table);
  }

  static AddressFacts of(LocalAddress local, PolicyTable table) {
    return of(local.address(), local, table);
  }

  private static AddressFacts of(InetAddress address, LocalAddress local, PolicyTable table) {
    long[] bits = AddressBits.of(address);
    return new AddressFacts(address, bits[0], bits[1], AddressBits.isIpv4(address), Scope.of(bits[0], bits[1], table),
        table.label(bits[0], bits[1]), table.precedence(bits[0], bits[1]), local);
  }

  boolean sameAddress(AddressFacts other) {
    return high == other.high && low == other.low;
  }

  boolean isLoopback() {
    return address.isLoopbackAddress();
  }

  boolean has(LocalAddress.Flag flag) {
    return local != null && local.has(flag);
  }

  /**
   * CommonPrefixLen(S, D) of section 2.2: the leading bits this source shares with {@code destination}, up
   * to the length of the source's prefix.
   */
  int commonPrefixLength(AddressFacts destination) {
    int common = AddressBits.commonPrefixLength(high, low, destination.high, destination.low);
    int prefix = local == null ? 128 : ipv4 ? 96 + local.prefixLength() : local.prefixLength();
    return Math.min(common, prefix);
  }

  /** Reached through a tunnel (section 6, rule 7): a 6to4 ({@code 2002::/16}) or Teredo ({@code 2001::/32}) source. */
  boolean isEncapsulated() {
    return !ipv4 && ((high >>> 48) == 0x2002 || (high >>> 32) == 0x2001_0000L);
  }
}
