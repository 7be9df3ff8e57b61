package io.github.connectbylist.internal;

import io.github.connectbylist.api.LocalAddress;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The NAT64 prefix of each network an instance has connected on, found once and kept (RFC 7050 section 3: the
 * node caches the discovery's replies): a connect by name on a network with IPv6 only discovers it beside its
 * own lookups, and later connects, to names and to IPv4 literals, use it at once. The resolver API gives no TTL,
 * so a prefix is kept {@value #KEEP_MINUTES} minutes, "no NAT64 here" one minute, and a discovery that failed ten
 * seconds: long enough that a lost or refused query is not sent again by every connect of a busy client (each
 * holding its IPv4 answers back until it ends), short enough that a DNS64 that failed once is soon asked again.
 * Thread-safe.
 */
public final class Nat64Prefixes {
  static final int KEEP_MINUTES = 10;
  private static final long KEEP_NANOS = KEEP_MINUTES * 60_000_000_000L;
  private static final long KEEP_NONE_NANOS = 60_000_000_000L;
  private static final long KEEP_FAILED_NANOS = 10_000_000_000L;

  private record Known(Optional<Nat64Prefix> prefix, long untilNanos) {}

  /** The last list of the host's addresses judged, and whether it has IPv6 only. */
  private static volatile LastMade<List<LocalAddress>, Boolean> lastVerdict;

  private final Map<Network, Known> known = new ConcurrentHashMap<>();

  /**
   * Whether a host with these addresses has IPv6 only, the case of the draft's section 8: no IPv4 address
   * other than loopback and link-local, and an IPv6 one that is neither.
   *
   * @param locals the host's addresses
   * @return {@code true} when IPv4 can only be reached through a translator
   */
  public static boolean ipv6Only(List<LocalAddress> locals) {
    Boolean known = LastMade.from(lastVerdict, locals);
    if (known != null) {
      return known;
    }
    boolean ipv6Only = judge(locals);
    lastVerdict = new LastMade<>(locals, ipv6Only);
    return ipv6Only;
  }

  private static boolean judge(List<LocalAddress> locals) {
    boolean ipv6 = false;
    for (LocalAddress l : locals) {
      InetAddress a = l.address();
      if (a.isLoopbackAddress() || a.isLinkLocalAddress()) {
        continue;
      }
      if (a instanceof Inet4Address) {
        return false;
      }
      ipv6 = true;
    }
    return ipv6;
  }

  /**
   * What is known of {@code network}'s prefix.
   *
   * @param network the network
   * @param nowNanos the driver's time
   * @return empty when nothing is known (discover it); else the prefix, or an empty optional for none
   */
  public Optional<Optional<Nat64Prefix>> of(Network network, long nowNanos) {
    Known k = known.get(network);
    if (k == null || nowNanos - k.untilNanos() >= 0) {
      return Optional.empty();
    }
    return Optional.of(k.prefix());
  }

  /**
   * Keeps what a discovery found.
   *
   * @param network the network
   * @param prefix the prefix, or empty when the network has no DNS64
   * @param nowNanos the driver's time
   */
  public void found(Network network, Optional<Nat64Prefix> prefix, long nowNanos) {
    known.put(network, new Known(prefix, nowNanos + (prefix.isPresent() ? KEEP_NANOS : KEEP_NONE_NANOS)));
  }

  /**
   * Keeps that a discovery failed (the query lost, or refused): no prefix, for a short while.
   *
   * @param network the network
   * @param nowNanos the driver's time
   */
  public void failed(Network network, long nowNanos) {
    known.put(network, new Known(Optional.empty(), nowNanos + KEEP_FAILED_NANOS));
  }
}
