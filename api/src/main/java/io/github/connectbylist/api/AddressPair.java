package io.github.connectbylist.api;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One candidate connection: a local source address and a remote destination, the unit that
 * WSAConnectByList ranks and tries.
 *
 * @param source the local address to bind to, or {@code null} to let the operating system pick it
 * @param destination the remote address and port; resolved, never IPv4-mapped
 */
public record AddressPair(LocalAddress source, InetSocketAddress destination) {

  /**
   * Checks the pair.
   *
   * @param source the local address to bind to, or {@code null}
   * @param destination the remote address and port
   * @throws IllegalArgumentException when the destination is unresolved, or source and destination differ in family
   */
  public AddressPair {
    Objects.requireNonNull(destination, "destination");
    if (destination.isUnresolved()) {
      throw new IllegalArgumentException("destination " + destination + " is unresolved");
    }
    if (source != null && (source.address() instanceof Inet4Address) != destination.getAddress() instanceof Inet4Address) {
      throw new IllegalArgumentException("source " + source + " and destination " + destination + " differ in family");
    }
  }

  /**
   * A pair whose source the operating system picks when the socket connects.
   *
   * @param destination the remote address and port
   * @return the pair, without a source
   */
  public static AddressPair toDestination(InetSocketAddress destination) {
    return new AddressPair(null, destination);
  }

  /**
   * The source to bind to, when one was chosen.
   *
   * @return the source, or empty when the operating system picks it
   */
  public Optional<LocalAddress> sourceIfChosen() {
    return Optional.ofNullable(source);
  }

  /**
   * The destination without its port.
   *
   * @return the destination's address
   */
  public InetAddress destinationAddress() {
    return destination.getAddress();
  }

  /**
   * Whether the destination is an IPv6 address.
   *
   * @return {@code true} for IPv6, {@code false} for IPv4
   */
  public boolean isIpv6() {
    return !(destination.getAddress() instanceof Inet4Address);
  }

  /**
   * Whether any of {@code pairs} goes to an IPv6 destination.
   *
   * @param pairs pairs
   * @return {@code true} when one of them is IPv6
   */
  public static boolean anyIpv6(List<AddressPair> pairs) {
    for (AddressPair p : pairs) {
      if (p.isIpv6()) {
        return true;
      }
    }
    return false;
  }

  // equals and hashCode are written out: the generated ones bootstrap through ObjectMethods, 20 to 30 ms in
  // a fresh JVM, and a connect hashes its pairs.
  @Override
  public boolean equals(Object o) {
    return o instanceof AddressPair other && Objects.equals(source, other.source) && destination.equals(other.destination);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hashCode(source) + destination.hashCode();
  }

  @Override
  public String toString() {
    String to = Addresses.format(destination.getAddress(), destination.getPort());
    return (source == null ? "*" : Addresses.text(source.address())) + " -> " + to;
  }
}
