package io.github.connectbylist.api;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One answer of a connect's name resolution, as the trace and the schedulers see it: which query, when it
 * came (from the start of the connect), and its addresses or service records, or why it failed. An answer with
 * no addresses and no failure is an empty answer: the name exists but has no address of that family (or no
 * service record). The addresses of a service's target name (RFC 9460 section 3) are answers whose {@code host}
 * is that target.
 *
 * @param host the name resolved: the connect's host, or a service's target
 * @param query what was asked
 * @param at when the answer came, since the connect started
 * @param addresses the addresses, in the resolver's order; empty for an empty or failed answer
 * @param failure {@link FailureKind#NO_SUCH_NAME} or {@link FailureKind#RESOLUTION_FAILED}, or {@code null}
 * @param error what the resolver said, or {@code null} when the query was answered
 * @param services for an {@link Query#HTTPS} or {@link Query#SVCB} answer, its ServiceMode records in the order to
 *     try them (by priority, equal priorities shuffled as RFC 9460 section 2.4.1 asks); empty otherwise
 */
public record Answer(String host, Query query, Duration at, List<InetAddress> addresses, FailureKind failure,
    Exception error, List<ServiceBinding> services) {

  /**
   * Copies the addresses and checks the rest.
   *
   * @param host the name
   * @param query what was asked
   * @param at when it came
   * @param addresses the addresses
   * @param failure why it failed, or {@code null}
   * @param error the resolver's error, or {@code null}
   * @param services the service records
   * @throws IllegalArgumentException when only one of {@code failure} and {@code error} is given, a failed
   *     answer has addresses or records, or an address answer has records
   */
  public Answer {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(at, "at");
    addresses = List.copyOf(addresses);
    if ((failure == null) != (error == null)) {
      throw new IllegalArgumentException("failure and error come together: " + failure + ", " + error);
    }
    if (failure != null && !addresses.isEmpty()) {
      throw new IllegalArgumentException("a failed answer has no addresses: " + addresses);
    }
    services = List.copyOf(services);
    if (!services.isEmpty() && (failure != null || !query.isService())) {
      throw new IllegalArgumentException("only a " + Query.HTTPS + " or " + Query.SVCB + " answer has records: " + query);
    }
  }

  /**
   * An answer of addresses, empty, or failed.
   *
   * @param host the name
   * @param query what was asked
   * @param at when it came
   * @param addresses the addresses
   * @param failure why it failed, or {@code null}
   * @param error the resolver's error, or {@code null}
   */
  public Answer(String host, Query query, Duration at, List<InetAddress> addresses, FailureKind failure,
      Exception error) {
    this(host, query, at, addresses, failure, error, List.of());
  }

  /** RFC 7050's Well-Known Name, whose AAAA answer shows a network's NAT64 prefix. */
  public static final String NAT64_DISCOVERY_NAME = "ipv4only.arpa";

  /**
   * Whether this is the answer of a NAT64 prefix discovery (RFC 7050 section 3) that a connect on a network with
   * IPv6 only sends beside its own queries; it says nothing of the connect's names, only of the network.
   *
   * @return {@code true} for an answer of {@value #NAT64_DISCOVERY_NAME}
   */
  public boolean isNat64Discovery() {
    return host.equals(NAT64_DISCOVERY_NAME);
  }

  /**
   * Whether the query failed (as opposed to answering, possibly with no addresses).
   *
   * @return {@code true} when {@link #failure()} is set
   */
  public boolean failed() {
    return failure != null;
  }

  /**
   * Whether the answer holds an IPv6 address.
   *
   * @return {@code true} when one of {@link #addresses()} is IPv6
   */
  public boolean hasIpv6() {
    for (InetAddress a : addresses) {
      if (a instanceof Inet6Address) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the answer holds an IPv4 address.
   *
   * @return {@code true} when one of {@link #addresses()} is IPv4
   */
  public boolean hasIpv4() {
    for (InetAddress a : addresses) {
      if (a instanceof Inet4Address) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder().append(query).append(' ').append(host).append(" at ")
        .append(at.toNanos() / 1e6).append("ms: ");
    if (failed()) {
      return s.append(failure).append(" (").append(error.getMessage()).append(')').toString();
    }
    if (query.isService()) {
      return services.isEmpty() ? s.append("no records").toString() : s.append(services).toString();
    }
    if (addresses.isEmpty()) {
      return s.append("no addresses").toString();
    }
    for (int i = 0; i < addresses.size(); i++) {
      s.append(i == 0 ? "" : ", ").append(Addresses.text(addresses.get(i)));
    }
    return s.toString();
  }
}
