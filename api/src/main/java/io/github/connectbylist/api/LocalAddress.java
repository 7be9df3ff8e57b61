package io.github.connectbylist.api;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A source address of this host, with what RFC 6724 section 5 needs to judge it: the prefix length (rule 8,
 * longest matching prefix), the interface (rule 5, prefer outgoing interface) and the flags of rules 3, 4
 * and 7.
 *
 * @param address the address; an IPv4-mapped IPv6 address is stored as its IPv4 address
 * @param prefixLength the on-link prefix length, 0 to 32 for IPv4 and 0 to 128 for IPv6
 * @param interfaceName the name of the interface that holds the address, such as {@code eth0}
 * @param flags what the operating system says of the address; empty when it says nothing
 */
public record LocalAddress(InetAddress address, int prefixLength, String interfaceName, Set<Flag> flags) {

  /** Address states that RFC 6724 source selection looks at. */
  public enum Flag {
    /** Rule 3: avoid deprecated addresses (RFC 4862 section 5.5.4). */
    DEPRECATED,
    /** Rule 7: a temporary privacy address (RFC 8981); preferred when the application allows it. */
    TEMPORARY,
    /** Rule 4: a Mobile IPv6 home address (RFC 6275). */
    HOME,
    /** Rule 4: a Mobile IPv6 care-of address (RFC 6275). */
    CARE_OF
  }

  /**
   * Checks the record; an IPv4-mapped address is kept as its IPv4 address.
   *
   * @param address the address
   * @param prefixLength the on-link prefix length
   * @param interfaceName the interface that holds it
   * @param flags what the operating system says of it
   * @throws IllegalArgumentException when the prefix length does not fit the family
   */
  public LocalAddress {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(interfaceName, "interfaceName");
    Objects.requireNonNull(flags, "flags");
    address = Addresses.unmapped(address);
    int max = address instanceof Inet4Address ? 32 : 128;
    if (prefixLength < 0 || prefixLength > max) {
      throw new IllegalArgumentException(
          "prefix length " + prefixLength + " of " + address.getHostAddress() + " is outside 0.." + max);
    }
    flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
  }

  /**
   * An address without flags.
   *
   * @param address the address
   * @param prefixLength its on-link prefix length
   * @param interfaceName the interface that holds it
   * @return the local address
   */
  public static LocalAddress of(InetAddress address, int prefixLength, String interfaceName) {
    return new LocalAddress(address, prefixLength, interfaceName, Set.of());
  }

  /**
   * Whether the operating system says {@code flag} of this address.
   *
   * @param flag the flag
   * @return whether it is set
   */
  public boolean has(Flag flag) {
    return flags.contains(flag);
  }

  /**
   * Whether this is an IPv6 address.
   *
   * @return {@code true} for IPv6
   */
  public boolean isIpv6() {
    return address instanceof Inet6Address;
  }

  // Written out rather than generated: see AddressPair.
  @Override
  public boolean equals(Object o) {
    return o instanceof LocalAddress other && prefixLength == other.prefixLength && address.equals(other.address)
        && interfaceName.equals(other.interfaceName) && flags.equals(other.flags);
  }

  @Override
  public int hashCode() {
    return ((address.hashCode() * 31 + prefixLength) * 31 + interfaceName.hashCode()) * 31 + flags.hashCode();
  }

  @Override
  public String toString() {
    return Addresses.text(address) + "/" + prefixLength + "%" + interfaceName + (flags.isEmpty() ? "" : flags);
  }
}
