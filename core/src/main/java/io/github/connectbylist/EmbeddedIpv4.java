package io.github.connectbylist;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * An IPv4 address that an IPv6 address carries, and how: what a host with the right routes (a translator, a
 * tunnel, a stack that still speaks the deprecated forms) reaches when it connects to the IPv6 address. The
 * destination policy judges both, so that {@code 2002:7f00:1::1} is as denied as {@code 127.0.0.1}.
 *
 * @param address the IPv4 address carried
 * @param how the mechanism, for the reason given in the trace
 */
record EmbeddedIpv4(Inet4Address address, String how) {

  /** Where RFC 6052 section 2.2 puts the IPv4 address behind a prefix of 48, 56, 64 and 96 bits. */
  private static final int[][] RFC6052_POSITIONS = {{6, 7, 9, 10}, {7, 9, 10, 11}, {9, 10, 11, 12}, {12, 13, 14, 15}};

  /**
   * Every IPv4 address the 16 bytes of an IPv6 address carry.
   *
   * @param b the IPv6 address
   * @return the addresses carried, none for an address of no such form
   */
  static List<EmbeddedIpv4> in(byte[] b) {
    List<EmbeddedIpv4> found = new ArrayList<>(2);
    if (zero(b, 0, 12)) { // ::a.b.c.d, RFC 4291 section 2.5.5.1
      found.add(at(b, "an IPv4-compatible address", 12, 13, 14, 15));
    } else if (zero(b, 0, 8) && u16(b, 8) == 0xffff && u16(b, 10) == 0) { // ::ffff:0:a.b.c.d, RFC 2765
      found.add(at(b, "an IPv4-translated address (SIIT)", 12, 13, 14, 15));
    } else if (u16(b, 0) == 0x64 && u16(b, 2) == 0xff9b && zero(b, 4, 12)) { // 64:ff9b::/96, RFC 6052
      found.add(at(b, "NAT64", 12, 13, 14, 15));
    } else if (u16(b, 0) == 0x64 && u16(b, 2) == 0xff9b && u16(b, 4) == 1) { // 64:ff9b:1::/48, RFC 8215
      for (int[] p : RFC6052_POSITIONS) {
        found.add(at(b, "local-use NAT64", p));
      }
    } else if (u16(b, 0) == 0x2002) { // 2002:V4::/48, RFC 3056 section 2
      found.add(at(b, "6to4", 2, 3, 4, 5));
    } else if (u16(b, 0) == 0x2001 && u16(b, 2) == 0) { // 2001:0::/32, RFC 4380 section 4
      found.add(at(b, "Teredo (its server)", 4, 5, 6, 7));
      byte[] client = {(byte) ~b[12], (byte) ~b[13], (byte) ~b[14], (byte) ~b[15]};
      found.add(new EmbeddedIpv4(ipv4(client), "Teredo (its client)"));
    }
    if ((b[8] == 0 || b[8] == 2) && b[9] == 0 && (b[10] & 0xff) == 0x5e && (b[11] & 0xff) == 0xfe) { // RFC 5214
      found.add(at(b, "ISATAP", 12, 13, 14, 15));
    }
    return found;
  }

  private static EmbeddedIpv4 at(byte[] b, String how, int... positions) {
    return new EmbeddedIpv4(ipv4(new byte[] {b[positions[0]], b[positions[1]], b[positions[2]], b[positions[3]]}), how);
  }

  private static Inet4Address ipv4(byte[] four) {
    try {
      return (Inet4Address) InetAddress.getByAddress(four);
    } catch (UnknownHostException impossible) {
      throw new AssertionError(impossible);
    }
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xff) << 8 | b[at + 1] & 0xff;
  }

  private static boolean zero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
