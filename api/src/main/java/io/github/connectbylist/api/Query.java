package io.github.connectbylist.api;

/**
 * What one query of a name's resolution asks for. RFC 8305 section 3 sends the AAAA and A queries apart so
 * that each family's answer can be used the moment it arrives; a resolver that can only ask for both at
 * once (the JDK's) answers {@link #BOTH}.
 */
public enum Query {
  /** The IPv6 addresses (DNS AAAA records). */
  AAAA,
  /** The IPv4 addresses (DNS A records). */
  A,
  /** The addresses of both families in one answer, as {@code InetAddress.getAllByName} gives them. */
  BOTH;

  /**
   * Whether this query's answer says what there is of IPv6.
   *
   * @return {@code true} for {@link #AAAA} and {@link #BOTH}
   */
  public boolean coversIpv6() {
    return this != A;
  }

  /**
   * Whether this query's answer says what there is of IPv4.
   *
   * @return {@code true} for {@link #A} and {@link #BOTH}
   */
  public boolean coversIpv4() {
    return this != AAAA;
  }
}
