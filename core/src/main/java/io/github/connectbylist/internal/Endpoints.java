package io.github.connectbylist.internal;

import io.github.connectbylist.api.Answer;
import io.github.connectbylist.api.Query;
import io.github.connectbylist.api.ServiceBinding;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a connect by name may connect to, from the answers so far (RFC 9460 section 3 and the Happy Eyeballs v3
 * draft's section 4): first the endpoints of the usable ServiceMode records, in the order the resolver gave
 * them (by priority); then the host's own addresses at the asked port, which is all there is without service
 * records, and the fallback of an SVCB-optional client (RFC 9460 section 3) when every record's endpoints fail.
 * A record's addresses are its target's answers; until a family's answer comes, its hints stand in for it
 * (RFC 9460 section 7.3), and an answer replaces them, so that a hint the answer does not hold is dropped. The
 * fallback waits until every usable record's target has answered or failed: a record whose addresses are still
 * being asked for is not passed over for the host's port and protocol because its target is a query behind.
 * Each destination appears once, with the first record that gave it. Used on one thread.
 */
public final class Endpoints {

  /**
   * One destination and the record it came from.
   *
   * @param destination the address and port
   * @param service the record, or {@code null} for the host's own addresses
   */
  public record Endpoint(InetSocketAddress destination, ServiceBinding service) {}

  private final String host;
  private final int port;
  private final Map<String, List<InetAddress>> addresses = new HashMap<>(); // "name/AAAA" -> the answer's
  private final Set<String> settled = new HashSet<>(); // "name/AAAA" answered or failed
  private List<ServiceBinding> services = List.of();
  private Nat64Prefix nat64;
  private boolean nat64Pending;

  /**
   * @param host the host name of the connect
   * @param port the port asked for
   */
  Endpoints(String host, int port) {
    this.host = name(host);
    this.port = port;
  }

  /**
   * IPv4 addresses wait: the host has IPv6 only, and the NAT64 prefix they will be synthesized behind is being
   * discovered; {@link #nat64} ends the wait.
   */
  void awaitNat64() {
    this.nat64Pending = true;
  }

  /**
   * From now on, IPv4 addresses (answers, hints) are synthesized behind {@code prefix}: the host has IPv6 only
   * (the Happy Eyeballs v3 draft's section 8.3). Addresses the draft exempts stay as they are.
   *
   * @param prefix the prefix, or {@code null} when there is none: IPv4 addresses are then tried as they are
   */
  void nat64(Nat64Prefix prefix) {
    this.nat64 = prefix;
    this.nat64Pending = false;
  }

  /**
   * Takes an answer in.
   *
   * @return whether it changed what may be connected to
   */
  boolean take(Answer answer) {
    if (answer.query().isService()) {
      List<ServiceBinding> usable = new ArrayList<>();
      for (ServiceBinding b : answer.services()) {
        if (b.usableOverTcp()) { // RFC 9460 section 8 (mandatory keys), draft section 4.3 (ALPN): else skipped
          usable.add(b);
        }
      }
      services = usable;
      return !usable.isEmpty();
    }
    if (answer.isNat64Discovery() && !host.equals(Answer.NAT64_DISCOVERY_NAME)) {
      return false; // the planner's (unless the connect is to that name itself)
    }
    String name = name(answer.host());
    if (answer.failed()) { // a failed query leaves the hints standing, but no longer holds the fallback back
      for (Query family : families(answer.query())) {
        settled.add(key(name, family));
      }
      return !services.isEmpty();
    }
    for (Query family : families(answer.query())) {
      settled.add(key(name, family));
    }
    if (answer.query() == Query.BOTH) {
      List<InetAddress> v6 = new ArrayList<>();
      List<InetAddress> v4 = new ArrayList<>();
      for (InetAddress a : answer.addresses()) {
        (a instanceof java.net.Inet6Address ? v6 : v4).add(a);
      }
      addresses.put(key(name, Query.AAAA), v6);
      addresses.put(key(name, Query.A), v4);
    } else {
      addresses.put(key(name, answer.query()), answer.addresses());
    }
    return true;
  }

  /**
   * The target queries of usable records (other than the host's own) that have neither answered nor failed: when
   * resolution ends, the resolver never reported them, and the connect takes them as failed so that the fallback
   * waits no longer.
   *
   * @return each such target name and family
   */
  List<Map.Entry<String, Query>> unsettledTargets() {
    List<Map.Entry<String, Query>> missing = new ArrayList<>();
    for (ServiceBinding b : services) {
      if (b.targets(host)) {
        continue; // the host's own queries: their wait is the schedule's, not the fallback's
      }
      String target = b.target();
      for (Query family : List.of(Query.AAAA, Query.A)) {
        if (!settled.contains(key(target, family))) {
          missing.add(Map.entry(target, family));
        }
      }
    }
    return missing;
  }

  /** Every destination now, in the order above. */
  List<Endpoint> all() {
    Map<InetSocketAddress, Endpoint> all = new LinkedHashMap<>();
    for (ServiceBinding b : services) {
      String target = b.targets(host) ? host : b.target();
      int p = b.portOr(port);
      add(all, known(target, Query.AAAA, b.ipv6Hints()), p, b);
      add(all, known(target, Query.A, b.ipv4Hints()), p, b);
    }
    if (fallbackReady()) {
      add(all, known(host, Query.AAAA, List.of()), port, null);
      add(all, known(host, Query.A, List.of()), port, null);
    }
    return List.copyOf(all.values());
  }

  /** Whether every usable record's target has answered or failed, both families. */
  private boolean fallbackReady() {
    for (ServiceBinding b : services) {
      String target = b.targets(host) ? host : b.target();
      if (!settled.contains(key(target, Query.AAAA)) || !settled.contains(key(target, Query.A))) {
        return false;
      }
    }
    return true;
  }

  private static List<Query> families(Query query) {
    return query == Query.BOTH ? List.of(Query.AAAA, Query.A) : List.of(query);
  }

  private List<InetAddress> known(String name, Query family, List<InetAddress> hints) {
    List<InetAddress> answered = addresses.get(key(name, family));
    return answered != null ? answered : hints;
  }

  private void add(Map<InetSocketAddress, Endpoint> all, List<InetAddress> addresses, int port,
      ServiceBinding service) {
    for (InetAddress a : addresses) {
      if (nat64Pending && a instanceof Inet4Address) {
        continue;
      }
      InetAddress to = nat64 != null && a instanceof Inet4Address v4 && !Nat64Prefix.exempt(v4) ? nat64.synthesize(v4) : a;
      InetSocketAddress d = new InetSocketAddress(to, port);
      all.putIfAbsent(d, new Endpoint(d, service));
    }
  }

  private static String key(String name, Query family) {
    return name + "/" + family;
  }

  private static String name(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }
}
