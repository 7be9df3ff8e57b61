package io.github.connectbylist.api;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One candidate connection: a local source address and a remote destination, the unit that
 * WSAConnectByList ranks and tries; for a connect with service information, also the service record the
 * destination came from (RFC 9460: an endpoint is an address, a port and the record's parameters).
 *
 * @param source the local address to bind to, or {@code null} to let the operating system pick it
 * @param destination the remote address and port; resolved, never IPv4-mapped
 * @param service the ServiceMode record the destination came from, or {@code null} for one from the address
 *     records (or a list); not part of the pair's identity ({@link #equals})
 */
public record AddressPair(LocalAddress source, InetSocketAddress destination, ServiceBinding service) {

  /**
   * Checks the pair.
   *
   * @param source the local address to bind to, or {@code null}
   * @param destination the remote address and port
   * @param service the service record, or {@code null}
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
   * A pair of no service record.
   *
   * @param source the local address to bind to, or {@code null}
   * @param destination the remote address and port
   * @throws IllegalArgumentException when the destination is unresolved, or source and destination differ in family
   */
  public AddressPair(LocalAddress source, InetSocketAddress destination) {
    this(source, destination, null);
  }

  /**
   * This pair, from {@code service}.
   *
   * @param service the record, or {@code null}
   * @return the pair with that service
   */
  public AddressPair withService(ServiceBinding service) {
    return service == this.service ? this : new AddressPair(source, destination, service);
  }

  /**
   * The service record the destination came from.
   *
   * @return the record, or empty for a destination of an address record or a list
   */
  public Optional<ServiceBinding> serviceIfAny() {
    return Optional.ofNullable(service);
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
  // a fresh JVM, and a connect hashes its pairs. The service is left out: it says where the destination came
  // from, not which pair it is (a connect has one pair per source and destination), so that a ranker or a
  // history that rebuilds a pair from its source and destination still finds it.
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
    String pair = (source == null ? "*" : Addresses.text(source.address())) + " -> " + to;
    return service == null ? pair : pair + " (service " + service.priority() + " " + service.target() + ")";
  }
}
