package io.github.connectbylist;

import io.github.connectbylist.api.Addresses;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which destinations a {@link ConnectByList} may connect to, for servers that connect where their users
 * point them (webhooks, link previews, proxies). It is checked on every address a connect would try (the
 * caller's list, and every address of every answer of a connect by name, late ones included) before any
 * socket opens for it; a denied address is in the trace as a {@link io.github.connectbylist.api.FailureKind#DENIED}
 * attempt that never started. Because the check is on the address actually connected, a name that resolves
 * to a public address and then to {@code 127.0.0.1} (DNS rebinding) cannot slip through, which a check of
 * the name before resolution cannot promise.
 *
 * <p>Rules are prefixes that allow or deny; the longest prefix that contains an address decides, and an
 * address no rule covers is allowed. An address is judged by what it reaches: an IPv4-mapped IPv6 address
 * ({@code ::ffff:a.b.c.d}) is judged as its IPv4 address, and an IPv6 address that carries an IPv4 address
 * is denied when either it or the IPv4 address it carries is denied, so that a private IPv4 address cannot
 * be reached through a translator or a tunnel on a host with the routes for it:
 *
 * <ul>
 *   <li>IPv4-compatible {@code ::a.b.c.d} (RFC 4291 section 2.5.5.1, deprecated);
 *   <li>IPv4-translated {@code ::ffff:0:a.b.c.d} (SIIT, RFC 2765 section 2.1);
 *   <li>NAT64 {@code 64:ff9b::/96} (RFC 6052) and the local-use {@code 64:ff9b:1::/48} (RFC 8215), the
 *       latter at every position RFC 6052 section 2.2 allows for its prefix lengths 48 to 96;
 *   <li>6to4 {@code 2002:V4::/48} (RFC 3056 section 2);
 *   <li>Teredo {@code 2001:0::/32}: its server's IPv4 address and its client's, stored inverted (RFC 4380
 *       section 4);
 *   <li>ISATAP, in any prefix: an interface identifier {@code 0:5efe:a.b.c.d} or {@code 200:5efe:a.b.c.d}
 *       (RFC 5214 section 6.1).
 * </ul>
 *
 * <pre>{@code
 * ConnectByList.builder().destinations(DestinationPolicy.denyPrivate());
 * ConnectByList.builder().destinations(DestinationPolicy.denyPrivate().toBuilder().allow("10.1.2.0/24").build());
 * }</pre>
 */
public final class DestinationPolicy {
  private static final DestinationPolicy ALLOW_ALL = new DestinationPolicy(List.of());

  /**
   * RFC 6890's special-purpose ranges that are not globally reachable (IANA's registries as of 2026), by
   * category: what {@link #denyPrivate()} denies.
   */
  private static final String[][] NOT_GLOBAL = {
      {"this network", "0.0.0.0/8", "::/128"},
      {"reserved by the IETF (IPv4-compatible, IPv4-translated and unassigned)", "::/8"}, // 64:ff9b::/96 allowed below
      {"loopback", "127.0.0.0/8", "::1/128"},
      {"private-use", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"},
      {"shared address space (carrier-grade NAT)", "100.64.0.0/10"},
      {"link-local", "169.254.0.0/16", "fe80::/10"},
      {"unique-local", "fc00::/7"},
      {"site-local (deprecated)", "fec0::/10"},
      {"multicast", "224.0.0.0/4", "ff00::/8"},
      {"IETF protocol assignments", "192.0.0.0/24", "2001::/23"},
      {"documentation", "192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32", "3fff::/20"},
      {"benchmarking", "198.18.0.0/15"},
      {"reserved", "240.0.0.0/4", "255.255.255.255/32"},
      {"discard-only", "100::/64"},
      {"local-use IPv4/IPv6 translation", "64:ff9b:1::/48"},
      {"deprecated 6to4 relay anycast", "192.88.99.0/24"},
  };

  /**
   * The blocks IANA's registries mark globally reachable inside the ranges above that are not: anycast
   * services (PCP, TURN, DNS-SD SRP), AMT, AS112, ORCHIDv2, drone remote ID.
   */
  private static final String[] GLOBAL_INSIDE_DENIED = {"192.0.0.9/32", "192.0.0.10/32", "2001:1::1/128",
      "2001:1::2/128", "2001:1::3/128", "2001:3::/32", "2001:4:112::/48", "2001:20::/28", "2001:30::/28"};

  private static final DestinationPolicy DENY_PRIVATE;

  static {
    Builder b = new Builder();
    for (String[] category : NOT_GLOBAL) {
      for (int i = 1; i < category.length; i++) {
        b.rule(category[i], false, category[0]);
      }
    }
    b.rule("64:ff9b::/96", true, "NAT64, judged by the IPv4 address it carries"); // RFC 6052, inside ::/8
    for (String global : GLOBAL_INSIDE_DENIED) { // IANA: globally reachable, inside a range that is not
      b.rule(global, true, "globally reachable anycast or assignment");
    }
    DENY_PRIVATE = b.build();
  }

  private final List<Rule> rules;

  private DestinationPolicy(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /**
   * Every destination allowed: the default.
   *
   * @return the policy that denies nothing
   */
  public static DestinationPolicy allowAll() {
    return ALLOW_ALL;
  }

  /**
   * Only globally reachable destinations. It denies, by RFC 6890 and IANA's special-purpose registries:
   *
   * <ul>
   *   <li>this network {@code 0.0.0.0/8}, {@code ::/128}; the rest of {@code ::/8} (reserved by the IETF: the
   *       IPv4-compatible {@code ::a.b.c.d}, the IPv4-translated {@code ::ffff:0:a.b.c.d}, {@code ::2} and the
   *       like), except the NAT64 prefix {@code 64:ff9b::/96}, which is judged by the IPv4 address it carries;
   *   <li>loopback {@code 127.0.0.0/8}, {@code ::1/128};
   *   <li>private-use {@code 10.0.0.0/8}, {@code 172.16.0.0/12}, {@code 192.168.0.0/16}; shared address space
   *       (carrier-grade NAT) {@code 100.64.0.0/10};
   *   <li>link-local {@code 169.254.0.0/16}, {@code fe80::/10}; unique-local {@code fc00::/7}; site-local
   *       {@code fec0::/10} (deprecated, RFC 3879);
   *   <li>multicast {@code 224.0.0.0/4}, {@code ff00::/8};
   *   <li>IETF protocol assignments {@code 192.0.0.0/24}, {@code 2001::/23} (Teredo {@code 2001::/32}
   *       among them), but for the blocks in them that IANA marks globally reachable: {@code 192.0.0.9},
   *       {@code 192.0.0.10}, {@code 2001:1::1} to {@code ::3}, {@code 2001:3::/32}, {@code 2001:4:112::/48},
   *       {@code 2001:20::/28}, {@code 2001:30::/28};
   *   <li>documentation {@code 192.0.2.0/24}, {@code 198.51.100.0/24}, {@code 203.0.113.0/24},
   *       {@code 2001:db8::/32}, {@code 3fff::/20}; benchmarking {@code 198.18.0.0/15};
   *   <li>reserved {@code 240.0.0.0/4}, broadcast {@code 255.255.255.255/32}; discard-only {@code 100::/64};
   *       local-use IPv4/IPv6 translation {@code 64:ff9b:1::/48}; the 6to4 relay anycast {@code 192.88.99.0/24};
   *   <li>and, by the rule of the class comment, every IPv6 address that carries an IPv4 address it denies:
   *       {@code 2002:7f00:1::1} (6to4 of {@code 127.0.0.1}), {@code 64:ff9b::a00:1} (NAT64 of {@code
   *       10.0.0.1}), a Teredo address whose server or client is private.
   * </ul>
   *
   * @return the preset
   */
  public static DestinationPolicy denyPrivate() {
    return DENY_PRIVATE;
  }

  /**
   * A policy of your own rules, starting from none (everything allowed).
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder that starts with this policy's rules, to add to them.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.rules.addAll(rules);
    return b;
  }

  /**
   * Why {@code address} is denied, or empty when it is allowed.
   *
   * @param address a destination
   * @return the rule that denies it, such as {@code "127.0.0.0/8 (loopback) is denied"}, or empty
   */
  public Optional<String> denial(InetAddress address) {
    Objects.requireNonNull(address, "address");
    if (rules.isEmpty()) {
      return Optional.empty(); // allow all, the default: nothing to look at on every connect
    }
    InetAddress a = Addresses.unmapped(address);
    Optional<String> own = judge(a);
    if (own.isPresent() || !(a instanceof Inet6Address)) {
      return own;
    }
    for (EmbeddedIpv4 carried : EmbeddedIpv4.in(a.getAddress())) {
      Optional<String> inner = judge(carried.address());
      if (inner.isPresent()) {
        return Optional.of("it reaches " + carried.address().getHostAddress() + " through " + carried.how() + ", and "
            + inner.get());
      }
    }
    return Optional.empty();
  }

  /**
   * Whether {@code address} may be connected to.
   *
   * @param address a destination
   * @return {@code true} when no rule denies it
   */
  public boolean allows(InetAddress address) {
    return denial(address).isEmpty();
  }

  private Optional<String> judge(InetAddress a) {
    Rule best = null;
    for (Rule r : rules) {
      if (r.contains(a) && (best == null || r.length >= best.length)) {
        best = r;
      }
    }
    return best == null || best.allow ? Optional.empty() : Optional.of(best + " is denied");
  }

  @Override
  public String toString() {
    return rules.isEmpty() ? "allow all" : "destinations " + rules;
  }

  /** One prefix that allows or denies. */
  private static final class Rule {
    private final byte[] prefix;
    private final int length;
    private final boolean allow;
    private final String text;

    private Rule(byte[] prefix, int length, boolean allow, String text) {
      this.prefix = prefix;
      this.length = length;
      this.allow = allow;
      this.text = text;
    }

    boolean contains(InetAddress a) {
      byte[] b = a.getAddress();
      if (b.length != prefix.length) {
        return false;
      }
      int full = length / 8;
      for (int i = 0; i < full; i++) {
        if (b[i] != prefix[i]) {
          return false;
        }
      }
      int rest = length % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (b[full] & mask) == (prefix[full] & mask);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** Allow and deny rules by prefix; the longest prefix that contains an address decides. */
  public static final class Builder {
    private final List<Rule> rules = new ArrayList<>();

    private Builder() {}

    /**
     * Denies a prefix, such as {@code 10.0.0.0/8} or {@code fd00::/8}; a bare address denies only itself.
     *
     * @param cidr an address literal and an optional prefix length
     * @return this builder
     * @throws IllegalArgumentException naming the text when it is not a literal prefix
     */
    public Builder deny(String cidr) {
      return rule(cidr, false, null);
    }

    /**
     * Allows a prefix, such as {@code 10.1.2.0/24} inside a denied {@code 10.0.0.0/8}.
     *
     * @param cidr an address literal and an optional prefix length
     * @return this builder
     * @throws IllegalArgumentException naming the text when it is not a literal prefix
     */
    public Builder allow(String cidr) {
      return rule(cidr, true, null);
    }

    private Builder rule(String cidr, boolean allow, String category) {
      Objects.requireNonNull(cidr, "cidr");
      int slash = cidr.indexOf('/');
      String literal = slash < 0 ? cidr.trim() : cidr.substring(0, slash).trim();
      InetAddress address;
      try {
        address = Addresses.parseLiteral(literal);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("'" + cidr + "' is not a prefix such as 10.0.0.0/8 or fd00::/8", e);
      }
      byte[] bytes = address.getAddress();
      int max = bytes.length * 8;
      int length = slash < 0 ? max : prefixLength(cidr, cidr.substring(slash + 1).trim());
      if (length < 0 || length > max) {
        throw new IllegalArgumentException("'" + cidr + "': the prefix length must be 0 to " + max);
      }
      String text = Addresses.text(address) + "/" + length + (category == null ? "" : " (" + category + ")");
      rules.add(new Rule(bytes, length, allow, text));
      return this;
    }

    /** One to three ASCII digits: {@code Integer.parseInt} would take full-width and other digits too. */
    private static int prefixLength(String cidr, String text) {
      if (text.isEmpty() || text.length() > 3) {
        throw new IllegalArgumentException("'" + cidr + "': the prefix length is not a number");
      }
      int value = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
          throw new IllegalArgumentException("'" + cidr + "': the prefix length is not a number");
        }
        value = value * 10 + (c - '0');
      }
      return value;
    }

    /**
     * The policy.
     *
     * @return the policy with these rules
     */
    public DestinationPolicy build() {
      return new DestinationPolicy(rules);
    }
  }
}
