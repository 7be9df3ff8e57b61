package io.github.connectbylist.strategy.rfc6724;

import io.github.connectbylist.api.Addresses;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** 128-bit address arithmetic on two longs, with IPv4 as IPv4-mapped IPv6 (RFC 4291 section 2.5.5.2). */
final class AddressBits {
  static final long MAPPED_LOW = 0x0000_ffff_0000_0000L;

  private AddressBits() {}

  /** {high, low} of the address; IPv4 becomes {@code ::ffff:a.b.c.d}. */
  static long[] of(InetAddress address) {
    byte[] b = Addresses.unmapped(address).getAddress();
    if (b.length == 4) {
      return new long[] {0, MAPPED_LOW | (readInt(b, 0) & 0xffff_ffffL)};
    }
    return new long[] {readLong(b, 0), readLong(b, 8)};
  }

  /** The number of leading bits two 128-bit addresses share. */
  static int commonPrefixLength(long aHigh, long aLow, long bHigh, long bLow) {
    long x = aHigh ^ bHigh;
    if (x != 0) {
      return Long.numberOfLeadingZeros(x);
    }
    return 64 + Long.numberOfLeadingZeros(aLow ^ bLow);
  }

  static Inet6Address toInet6(long high, long low) {
    byte[] b = new byte[16];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (high >>> (56 - 8 * i));
      b[8 + i] = (byte) (low >>> (56 - 8 * i));
    }
    try {
      return Inet6Address.getByAddress(null, b, -1);
    } catch (UnknownHostException impossible) {
      throw new AssertionError(impossible);
    }
  }

  static boolean isIpv4(InetAddress address) {
    return Addresses.unmapped(address) instanceof Inet4Address;
  }

  private static long readLong(byte[] b, int from) {
    return ((long) readInt(b, from) << 32) | (readInt(b, from + 4) & 0xffff_ffffL);
  }

  private static int readInt(byte[] b, int from) {
    return ((b[from] & 0xff) << 24) | ((b[from + 1] & 0xff) << 16) | ((b[from + 2] & 0xff) << 8) | (b[from + 3] & 0xff);
  }
}
