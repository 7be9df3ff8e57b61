package io.github.connectbylist.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A NAT64 prefix (the draft's PREF64) and the address forms of RFC 6052 section 2.2: an IPv4 address written
 * into an IPv6 address behind a prefix of 32, 40, 48, 56, 64 or 96 bits, bits 64 to 71 left zero. Found as RFC
 * 7050 section 3 says, from the synthesized AAAA answer of {@code ipv4only.arpa}.
 *
 * @param bytes the prefix, its bits after {@code length} zero
 * @param length 32, 40, 48, 56, 64 or 96
 */
public record Nat64Prefix(byte[] bytes, int length) {
  private static final int[] LENGTHS = {96, 64, 56, 48, 40, 32};
  /** RFC 7050 section 2.2: 192.0.0.170 and 192.0.0.171. */
  private static final byte[][] WELL_KNOWN = {{(byte) 192, 0, 0, (byte) 170}, {(byte) 192, 0, 0, (byte) 171}};

  /**
   * Copies and checks the prefix.
   *
   * @param bytes 16 bytes
   * @param length one of the lengths of RFC 6052
   */
  public Nat64Prefix {
    if (bytes.length != 16 || Arrays.binarySearch(new int[] {32, 40, 48, 56, 64, 96}, length) < 0) {
      throw new IllegalArgumentException("not an RFC 6052 prefix: " + bytes.length + " bytes, /" + length);
    }
    bytes = Arrays.copyOf(bytes, 16);
    for (int bit = length; bit < 128; bit++) {
      bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
    }
  }

  /**
   * The prefix's bytes.
   *
   * @return a copy of the 16 bytes
   */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * The prefix the AAAA answer of {@code ipv4only.arpa} shows (RFC 7050 section 3): the first address that
   * holds a Well-Known IPv4 Address at one of RFC 6052's positions, the longest prefix first.
   *
   * @param answer the AAAA answer
   * @return the prefix, or empty when the network has no DNS64 (no address, or none of that form)
   */
  public static Optional<Nat64Prefix> discover(List<InetAddress> answer) {
    for (InetAddress a : answer) {
      if (!(a instanceof Inet6Address)) {
        continue;
      }
      byte[] b = a.getAddress();
      for (int length : LENGTHS) {
        byte[] embedded = embedded(b, length);
        for (byte[] known : WELL_KNOWN) {
          if (Arrays.equals(embedded, known) && (length == 96 || b[8] == 0)) {
            return Optional.of(new Nat64Prefix(b, length));
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * RFC 6052 section 2.2: {@code v4} behind this prefix.
   *
   * @param v4 an IPv4 address
   * @return the synthesized IPv6 address
   */
  public Inet6Address synthesize(Inet4Address v4) {
    byte[] out = Arrays.copyOf(bytes, 16);
    byte[] four = v4.getAddress();
    int[] at = positions(length);
    for (int i = 0; i < 4; i++) {
      out[at[i]] = four[i];
    }
    try {
      return (Inet6Address) InetAddress.getByAddress(null, out);
    } catch (UnknownHostException impossible) {
      throw new AssertionError(impossible);
    }
  }

  /**
   * The IPv4 address an address synthesized behind this prefix carries (the draft's "de-synthesis").
   *
   * @param address any address
   * @return the IPv4 address, or empty when {@code address} is not behind this prefix
   */
  public Optional<Inet4Address> extract(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return Optional.empty();
    }
    byte[] b = address.getAddress();
    for (int bit = 0; bit < length; bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((b[bit / 8] & mask) != (bytes[bit / 8] & mask)) {
        return Optional.empty();
      }
    }
    try {
      return Optional.of((Inet4Address) InetAddress.getByAddress(null, embedded(b, length)));
    } catch (UnknownHostException impossible) {
      throw new AssertionError(impossible);
    }
  }

  /**
   * Whether {@code v4} needs no synthesis (the draft's section 8.3): this network, loopback, link-local and the
   * limited broadcast address are never reached through a translator.
   *
   * @param v4 an IPv4 address
   * @return {@code true} for 0.0.0.0/8, 127.0.0.0/8, 169.254.0.0/16 and 255.255.255.255
   */
  public static boolean exempt(Inet4Address v4) {
    byte[] b = v4.getAddress();
    return b[0] == 0 || b[0] == 127 || (b[0] & 0xff) == 169 && (b[1] & 0xff) == 254
        || (b[0] & b[1] & b[2] & b[3]) == (byte) 0xff;
  }

  private static byte[] embedded(byte[] b, int length) {
    int[] at = positions(length);
    return new byte[] {b[at[0]], b[at[1]], b[at[2]], b[at[3]]};
  }

  /** RFC 6052 section 2.2: where the four bytes go; byte 8 (bits 64 to 71) is always skipped. */
  private static int[] positions(int length) {
    return switch (length) {
      case 32 -> new int[] {4, 5, 6, 7};
      case 40 -> new int[] {5, 6, 7, 9};
      case 48 -> new int[] {6, 7, 9, 10};
      case 56 -> new int[] {7, 9, 10, 11};
      case 64 -> new int[] {9, 10, 11, 12};
      default -> new int[] {12, 13, 14, 15};
    };
  }

  // Written out for the byte array, compared by content.
  @Override
  public boolean equals(Object o) {
    return o instanceof Nat64Prefix p && length == p.length && Arrays.equals(bytes, p.bytes);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(bytes) + length;
  }

  @Override
  public String toString() {
    try {
      return InetAddress.getByAddress(bytes).getHostAddress() + "/" + length;
    } catch (UnknownHostException impossible) {
      throw new AssertionError(impossible);
    }
  }
}
