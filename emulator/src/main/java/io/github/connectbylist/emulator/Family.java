package io.github.connectbylist.emulator;

import java.net.Inet4Address;
import java.net.InetAddress;

/** An IP family, as rules and the packet log name it. */
public enum Family {
  /** IPv4. */
  IPV4,
  /** IPv6. */
  IPV6;

  /**
   * The family of an address.
   *
   * @param address any address
   * @return its family
   */
  public static Family of(InetAddress address) {
    return address instanceof Inet4Address ? IPV4 : IPV6;
  }

  @Override
  public String toString() {
    return this == IPV4 ? "ipv4" : "ipv6";
  }
}
