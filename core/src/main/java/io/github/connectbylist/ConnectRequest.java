package io.github.connectbylist;

import io.github.connectbylist.api.Addresses;
import io.github.connectbylist.api.LocalAddress;
import io.github.connectbylist.api.Origin;
import io.github.connectbylist.api.StrategyOptions;
import io.github.connectbylist.internal.Destinations;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One connect as the caller asks for it: what to connect to (a list of addresses, or a name and port), and
 * what this call wants that differs from its instance: its own timeout, its own sources. Immutable; each
 * {@code with} gives a new request. Checked as it is made, so a bad address or port fails here, before any
 * socket opens.
 *
 * <pre>{@code
 * cbl.connect(ConnectRequest.to("db.example", 5432).timeout(Duration.ofSeconds(3)));
 * cbl.connectAsync(ConnectRequest.to(addresses).sources(List.of(wifi)));
 * }</pre>
 */
public final class ConnectRequest {
  private final List<InetSocketAddress> addresses;
  private final String host;
  private final int port;
  private final Optional<Duration> timeout;
  private final Optional<List<LocalAddress>> sources;
  private final Optional<String> service;

  private ConnectRequest(List<InetSocketAddress> addresses, String host, int port, Optional<Duration> timeout,
      Optional<List<LocalAddress>> sources, Optional<String> service) {
    this.addresses = addresses;
    this.host = host;
    this.port = port;
    this.timeout = timeout;
    this.sources = sources;
    this.service = service;
  }

  /**
   * A connect to one of {@code addresses}, IPv4 and IPv6 mixed, in the order a resolver gave them.
   *
   * @param addresses the destinations; duplicates are tried once, IPv4-mapped IPv6 is IPv4
   * @return the request
   * @throws IllegalArgumentException naming a bad address (NullPointerException for a null one)
   */
  public static ConnectRequest to(List<? extends InetSocketAddress> addresses) {
    return new ConnectRequest(Destinations.check(addresses), null, 0, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * A connect to {@code host} by name, resolved with the instance's resolver, its answers raced as they
   * arrive (RFC 8305 section 3); an address literal is a list of one and resolves nothing. Only ASCII is a
   * literal: anything else is a name for the resolver.
   *
   * @param host a host name, or an IP address literal (an IPv6 one with or without brackets)
   * @param port the port, 1 to 65535
   * @return the request
   * @throws IllegalArgumentException when the host is empty, a bad literal, or the port out of range
   */
  public static ConnectRequest to(String host, int port) {
    Objects.requireNonNull(host, "host");
    String name = host.trim();
    if (name.isEmpty()) {
      throw new IllegalArgumentException("host is empty");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " of " + name + " is out of range: 1 to 65535");
    }
    if (Addresses.looksLiteral(name)) {
      String bare = name.startsWith("[") ? name.substring(1, name.length() - 1) : name;
      return to(List.of(new InetSocketAddress(Addresses.parseLiteral(bare), port)));
    }
    if (name.startsWith("[") || name.endsWith("]")) {
      throw new IllegalArgumentException("host '" + name + "' is in brackets but is not an IPv6 literal");
    }
    return new ConnectRequest(List.of(), name, port, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * This request with its own deadline, instead of its instance's: for callers whose API takes a timeout per
   * connect, such as {@code Socket.connect(endpoint, timeout)}. It covers the resolution of a name too.
   *
   * @param timeout positive, at most {@link ConnectByList#MAX_TIMEOUT}
   * @return the new request
   * @throws IllegalArgumentException when the timeout is not positive or too long
   */
  public ConnectRequest timeout(Duration timeout) {
    return new ConnectRequest(addresses, host, port, Optional.of(checkTimeout(timeout)), sources, service);
  }

  /**
   * This request with its own sources, instead of its instance's: every pair's source is one of these, and
   * is bound. For a socket bound to a local address before it connects.
   *
   * @param sources the local addresses to connect from; every destination is paired with those of its family
   * @return the new request
   */
  public ConnectRequest sources(List<LocalAddress> sources) {
    Objects.requireNonNull(sources, "sources");
    for (int i = 0; i < sources.size(); i++) {
      Objects.requireNonNull(sources.get(i), "sources[" + i + "]");
    }
    return new ConnectRequest(addresses, host, port, timeout, Optional.of(List.copyOf(sources)), service);
  }

  /**
   * This connect by name asks for the service records of {@code scheme} beside the addresses, instead of what its
   * instance asks ({@link ConnectByList.Builder#service}): HTTPS records for {@code https}, SVCB for another scheme
   * (RFC 9460). Their endpoints come first, by priority; the host's addresses are the fallback. Nothing changes
   * for a connect to a list or an address literal.
   *
   * @param scheme a URI scheme, such as {@code https}
   * @return the new request
   * @throws IllegalArgumentException when {@code scheme} is not a URI scheme
   */
  public ConnectRequest service(String scheme) {
    String checked = new Origin(scheme, "check", 1).scheme();
    return new ConnectRequest(addresses, host, port, timeout, sources, Optional.of(checked));
  }

  /**
   * The destinations of a connect to a list; empty for a connect by name.
   *
   * @return the checked destinations, without duplicates
   */
  public List<InetSocketAddress> addresses() {
    return addresses;
  }

  /**
   * The name of a connect by name.
   *
   * @return the host name, or empty for a connect to a list
   */
  public Optional<String> host() {
    return Optional.ofNullable(host);
  }

  /**
   * The port of a connect by name.
   *
   * @return the port, or 0 for a connect to a list
   */
  public int port() {
    return port;
  }

  /**
   * This call's own timeout.
   *
   * @return the timeout, or empty for the instance's
   */
  public Optional<Duration> timeout() {
    return timeout;
  }

  /**
   * This call's own sources.
   *
   * @return the sources, or empty for the instance's
   */
  public Optional<List<LocalAddress>> sources() {
    return sources;
  }

  /**
   * This call's own service scheme.
   *
   * @return the scheme, or empty for the instance's
   */
  public Optional<String> service() {
    return service;
  }

  /** A deadline is positive and at most {@link ConnectByList#MAX_TIMEOUT}, which nanoseconds count with room to spare. */
  static Duration checkTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(ConnectByList.MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException("timeout must be positive and at most " + ConnectByList.MAX_TIMEOUT.toDays()
          + " days (leave it unset for none), was " + StrategyOptions.formatDuration(timeout));
    }
    return timeout;
  }

  @Override
  public String toString() {
    String target = host != null ? host + ":" + port : addresses.toString();
    return "ConnectRequest[" + target + timeout.map(t -> ", timeout=" + StrategyOptions.formatDuration(t)).orElse("")
        + sources.map(s -> ", sources=" + s).orElse("") + service.map(s -> ", service=" + s).orElse("") + "]";
  }
}
