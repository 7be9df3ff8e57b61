package io.github.connectbylist.testbed;

import java.net.InetSocketAddress;

/**
 * A loopback address and port with a {@link Role}; it lives until its {@link Testbed} closes.
 *
 * @param role how it answers a connect
 * @param address where it is
 */
public record Endpoint(Role role, InetSocketAddress address) {
  @Override
  public String toString() {
    String host = address.getAddress() instanceof java.net.Inet6Address ? "[::1]" : address.getAddress().getHostAddress();
    return role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " " + host + ":" + address.getPort();
  }
}
