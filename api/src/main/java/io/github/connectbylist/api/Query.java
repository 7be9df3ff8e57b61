package io.github.connectbylist.api;

/**
 * What one query of a name's resolution asks for. RFC 8305 section 3 sends the AAAA and A queries apart so
 * that each family's answer can be used the moment it arrives; a resolver that can only ask for both at
 * once (the JDK's) answers {@link #BOTH}. A connect that asks for service information sends {@link #HTTPS} (or
 * {@link #SVCB}) beside them, as the Happy Eyeballs v3 draft's section 4 says.
 */
public enum Query {
  /** The IPv6 addresses (DNS AAAA records). */
  AAAA,
  /** The IPv4 addresses (DNS A records). */
  A,
  /** The addresses of both families in one answer, as {@code InetAddress.getAllByName} gives them. */
  BOTH,
  /** The service records of an {@code https} origin (RFC 9460 section 9): its endpoints, ALPN, port and hints. */
  HTTPS,
  /** The service records of an origin of another scheme (RFC 9460 section 2). */
  SVCB;

  /**
   * Whether this query's answer says what there is of IPv6.
   *
   * @return {@code true} for {@link #AAAA} and {@link #BOTH}
   */
  public boolean coversIpv6() {
    return this == AAAA || this == BOTH;
  }

  /**
   * Whether this query's answer says what there is of IPv4.
   *
   * @return {@code true} for {@link #A} and {@link #BOTH}
   */
  public boolean coversIpv4() {
    return this == A || this == BOTH;
  }

  /**
   * Whether this query asks for service records rather than addresses.
   *
   * @return {@code true} for {@link #HTTPS} and {@link #SVCB}
   */
  public boolean isService() {
    return this == HTTPS || this == SVCB;
  }
}
