package io.github.connectbylist.api;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Small address helpers that both core and strategies need. */
public final class Addresses {
  private Addresses() {}

  /**
   * Returns the IPv4 address inside an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}, RFC 4291 section
   * 2.5.5.2), or the address itself. Java's own parsers already do this; {@link
   * Inet6Address#getByAddress(String, byte[], int)} does not.
   */
  public static InetAddress unmapped(InetAddress address) {
    if (address instanceof Inet6Address) {
      byte[] b = address.getAddress();
      for (int i = 0; i < 10; i++) {
        if (b[i] != 0) {
          return address;
        }
      }
      if (b[10] == (byte) 0xff && b[11] == (byte) 0xff) {
        try {
          return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException impossible) {
          throw new AssertionError(impossible);
        }
      }
    }
    return address;
  }

  /** The textual form without host name, in brackets for IPv6: {@code [::1]:443}, {@code 127.0.0.1:80}. */
  public static String format(InetAddress address, int port) {
    String host = address.getHostAddress();
    return (address instanceof Inet4Address ? host : "[" + host + "]") + ":" + port;
  }
}
