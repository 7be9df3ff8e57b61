package io.github.connectbylist.api;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One ServiceMode record of an HTTPS or SVCB answer (RFC 9460 section 2): an alternative endpoint of the
 * origin, with its priority and parameters. A pair that came from it carries it, so that whoever uses the
 * connection knows which ALPN protocols to offer, which port was used, and the ECH configuration to send.
 *
 * @param priority the SvcPriority, 1 to 65535; lower is preferred (section 2.4.1)
 * @param target the TargetName, absolute and lower case without the final dot; the owner's name when the
 *     record said {@code .} (section 2.5)
 * @param alpn the {@code alpn} key's protocol ids, in the record's order (section 7.1)
 * @param noDefaultAlpn whether {@code no-default-alpn} was set: the scheme's default protocol is not offered
 * @param port the {@code port} key, or -1 for the origin's port (section 7.2)
 * @param ipv4Hints the {@code ipv4hint} addresses (section 7.3)
 * @param ipv6Hints the {@code ipv6hint} addresses (section 7.3)
 * @param ech the {@code ech} key's ECHConfigList, or {@code null} (RFC 9848); copied in and out
 * @param mandatory the {@code mandatory} key's key names, as {@link #KNOWN_KEYS} spells them or {@code keyNNNNN}
 */
public record ServiceBinding(int priority, String target, List<String> alpn, boolean noDefaultAlpn, int port,
    List<InetAddress> ipv4Hints, List<InetAddress> ipv6Hints, byte[] ech, List<String> mandatory) {

  /** The keys a client here understands; a record whose {@code mandatory} names another is skipped (section 8). */
  public static final Set<String> KNOWN_KEYS =
      Set.of("mandatory", "alpn", "no-default-alpn", "port", "ipv4hint", "ipv6hint", "ech");

  /** The protocol an {@code https} origin offers unless {@code no-default-alpn} is set (section 9.1). */
  public static final String HTTP_1_1 = "http/1.1";

  /**
   * Copies and checks the record.
   *
   * @param priority 1 to 65535
   * @param target the target name
   * @param alpn protocol ids
   * @param noDefaultAlpn whether the default protocol is left out
   * @param port 0 to 65535, or -1
   * @param ipv4Hints IPv4 addresses
   * @param ipv6Hints IPv6 addresses
   * @param ech the ECH configuration, or {@code null}
   * @param mandatory key names
   * @throws IllegalArgumentException when a value is out of range or a hint of the wrong family
   */
  public ServiceBinding {
    if (priority < 1 || priority > 0xFFFF) {
      throw new IllegalArgumentException("SvcPriority " + priority + " is not a ServiceMode priority (1-65535)");
    }
    target = Objects.requireNonNull(target, "target").toLowerCase(Locale.ROOT);
    if (target.endsWith(".")) {
      target = target.substring(0, target.length() - 1);
    }
    alpn = List.copyOf(alpn);
    if (port < -1 || port > 0xFFFF) {
      throw new IllegalArgumentException("port " + port + " is out of range");
    }
    ipv4Hints = List.copyOf(ipv4Hints);
    ipv6Hints = List.copyOf(ipv6Hints);
    for (InetAddress a : ipv4Hints) {
      if (!(a instanceof Inet4Address)) {
        throw new IllegalArgumentException("ipv4hint " + a + " is not IPv4");
      }
    }
    for (InetAddress a : ipv6Hints) {
      if (!(a instanceof Inet6Address)) {
        throw new IllegalArgumentException("ipv6hint " + a + " is not IPv6");
      }
    }
    ech = ech == null ? null : ech.clone();
    mandatory = List.copyOf(mandatory);
  }

  /**
   * A record with only a priority and a target, for tests and simulations.
   *
   * @param priority 1 to 65535
   * @param target the target name
   * @return the record
   */
  public static ServiceBinding of(int priority, String target) {
    return new ServiceBinding(priority, target, List.of(), false, -1, List.of(), List.of(), null, List.of());
  }

  /**
   * The ECH configuration list to send in the TLS handshake.
   *
   * @return a copy of the bytes, or {@code null} when the record has none
   */
  @Override
  public byte[] ech() {
    return ech == null ? null : ech.clone();
  }

  /**
   * The port to connect to.
   *
   * @param originPort the port the caller asked for
   * @return the {@code port} key, else {@code originPort}
   */
  public int portOr(int originPort) {
    return port >= 0 ? port : originPort;
  }

  /**
   * The protocols this endpoint of an {@code https} origin serves: the {@code alpn} ids, then HTTPS's default
   * ({@value #HTTP_1_1}) unless {@code no-default-alpn} (sections 7.1.1 and 9.1). Another scheme's default is its
   * own, which a record does not say.
   *
   * @return the protocol ids, in the record's order
   */
  public List<String> protocols() {
    if (noDefaultAlpn || alpn.contains(HTTP_1_1)) {
      return alpn;
    }
    List<String> all = new ArrayList<>(alpn);
    all.add(HTTP_1_1);
    return List.copyOf(all);
  }

  /**
   * The protocols a TCP client of an {@code https} origin can offer this endpoint: {@link #protocols()} without
   * those of QUIC ({@code h3} and its drafts), which need UDP.
   *
   * @return the protocol ids to offer over TLS on TCP, in the record's order; empty when the endpoint is UDP only
   */
  public List<String> tcpProtocols() {
    List<String> tcp = new ArrayList<>();
    for (String p : protocols()) {
      if (!isQuic(p)) {
        tcp.add(p);
      }
    }
    return List.copyOf(tcp);
  }

  /**
   * Whether a TCP client may connect to this endpoint (RFC 9460 section 8: a record it cannot use is
   * "incompatible" and skipped): every {@code mandatory} key is one this client understands and is present (a
   * record that names a key it lacks is not self-consistent, section 8), and the endpoint speaks a protocol
   * over TCP: the scheme's default (no {@code no-default-alpn}), or an {@code alpn} id other than QUIC's.
   *
   * @return {@code true} when usable over TCP
   */
  public boolean usableOverTcp() {
    for (String key : mandatory) {
      if (!KNOWN_KEYS.contains(key) || !has(key)) {
        return false;
      }
    }
    if (!noDefaultAlpn) {
      return true;
    }
    for (String p : alpn) {
      if (!isQuic(p)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the record carries {@code key}, one of {@link #KNOWN_KEYS}. */
  private boolean has(String key) {
    return switch (key) {
      case "alpn" -> !alpn.isEmpty();
      case "no-default-alpn" -> noDefaultAlpn;
      case "port" -> port >= 0;
      case "ipv4hint" -> !ipv4Hints.isEmpty();
      case "ipv6hint" -> !ipv6Hints.isEmpty();
      case "ech" -> ech != null;
      default -> false; // "mandatory" may not name itself (section 8)
    };
  }

  private static boolean isQuic(String protocol) {
    return protocol.equals("h3") || protocol.startsWith("h3-");
  }

  /**
   * Whether the record's target is {@code host} (TargetName {@code .} included).
   *
   * @param host a host name
   * @return {@code true} when the endpoint's addresses are {@code host}'s
   */
  public boolean targets(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return target.equals(h.endsWith(".") ? h.substring(0, h.length() - 1) : h);
  }

  // Written out for the ECH bytes, compared by content.
  @Override
  public boolean equals(Object o) {
    return o instanceof ServiceBinding b && priority == b.priority && target.equals(b.target) && alpn.equals(b.alpn)
        && noDefaultAlpn == b.noDefaultAlpn && port == b.port && ipv4Hints.equals(b.ipv4Hints)
        && ipv6Hints.equals(b.ipv6Hints) && Arrays.equals(ech, b.ech) && mandatory.equals(b.mandatory);
  }

  @Override
  public int hashCode() {
    return Objects.hash(priority, target, alpn, noDefaultAlpn, port, ipv4Hints, ipv6Hints, Arrays.hashCode(ech),
        mandatory);
  }

  /** In the presentation format of RFC 9460 section 2.1, the hints and ECH shortened. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder().append(priority).append(' ').append(target.isEmpty() ? "." : target + ".");
    if (!mandatory.isEmpty()) {
      s.append(" mandatory=").append(String.join(",", mandatory));
    }
    if (!alpn.isEmpty()) {
      s.append(" alpn=").append(String.join(",", alpn));
    }
    if (noDefaultAlpn) {
      s.append(" no-default-alpn");
    }
    if (port >= 0) {
      s.append(" port=").append(port);
    }
    appendHints(s, " ipv4hint=", ipv4Hints);
    if (ech != null) {
      s.append(" ech=(").append(ech.length).append(" bytes)");
    }
    appendHints(s, " ipv6hint=", ipv6Hints);
    return s.toString();
  }

  private static void appendHints(StringBuilder s, String key, List<InetAddress> hints) {
    for (int i = 0; i < hints.size(); i++) {
      s.append(i == 0 ? key : ",").append(Addresses.text(hints.get(i)));
    }
  }
}
