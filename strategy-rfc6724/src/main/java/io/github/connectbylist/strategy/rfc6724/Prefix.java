package io.github.connectbylist.strategy.rfc6724;

import io.github.connectbylist.api.Addresses;
import java.net.InetAddress;
import java.util.Objects;

/**
 * An IPv6 prefix such as {@code 2002::/16}, the key of the policy table. IPv4 is handled in its
 * IPv4-mapped form ({@code ::ffff:0:0/96}), as RFC 6724 section 2.1 does; {@code 10.0.0.0/8} reads as
 * {@code ::ffff:10.0.0.0/104}.
 */
public final class Prefix {
  private final long high;
  private final long low;
  private final int length;

  private Prefix(long high, long low, int length) {
    this.length = length;
    this.high = length == 0 ? 0 : length >= 64 ? high : high & (-1L << (64 - length));
    this.low = length <= 64 ? 0 : length == 128 ? low : low & (-1L << (128 - length));
  }

  /**
   * Reads {@code address/length}; the length may be left out for a single address.
   *
   * @param text such as {@code 2002::/16} or {@code 10.0.0.0/8}
   * @return the prefix
   * @throws IllegalArgumentException quoting {@code text} and saying what is wrong with it
   */
  public static Prefix parse(String text) {
    Objects.requireNonNull(text, "prefix");
    try {
      return read(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' " + e.getMessage());
    }
  }

  /**
   * Reads {@code address/length}, or says what is wrong without repeating the text: a gai.conf error must not
   * show the content of a file the caller may not be allowed to read.
   *
   * @throws IllegalArgumentException whose message is what is wrong, such as {@code is not an address prefix
   *     such as 2002::/16}
   */
  static Prefix read(String text) {
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    InetAddress parsed;
    try {
      parsed = Addresses.parseLiteral(address);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("is not an address prefix such as 2002::/16 or 10.0.0.0/8");
    }
    boolean ipv4Text = address.indexOf(':') < 0;
    int max = ipv4Text ? 32 : 128;
    String digits = slash < 0 ? "" : text.substring(slash + 1);
    if (slash >= 0 && (digits.isEmpty() || digits.length() > 3 || !asciiDigits(digits))) {
      throw new IllegalArgumentException("has no prefix length after '/': give one from 0 to " + max);
    }
    int length = slash < 0 ? max : Integer.parseInt(digits); // ASCII digits only by now
    if (length > max) {
      throw new IllegalArgumentException("has a prefix length outside 0.." + max);
    }
    long[] bits = AddressBits.of(parsed);
    return new Prefix(bits[0], bits[1], ipv4Text ? length + 96 : length);
  }

  /** Only 0 to 9: Integer.parseInt would also read other scripts' digits. */
  private static boolean asciiDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * The prefix length, IPv4 counted in mapped form (96 + n).
   *
   * @return the length, 0 to 128
   */
  public int length() {
    return length;
  }

  /**
   * Whether this is a prefix of IPv4 addresses in mapped form, {@code ::ffff:0:0/96} or longer.
   *
   * @return {@code true} when it covers only IPv4-mapped addresses
   */
  public boolean isIpv4Mapped() {
    return length >= 96 && high == 0 && (low & 0xffff_ffff_0000_0000L) == AddressBits.MAPPED_LOW;
  }

  /** Whether the 128-bit address {@code high:low} is inside this prefix. */
  boolean contains(long addressHigh, long addressLow) {
    return AddressBits.commonPrefixLength(high, low, addressHigh, addressLow) >= length;
  }

  /**
   * Whether an address lies in this prefix.
   *
   * @param address the address; IPv4 is tested in mapped form
   * @return {@code true} when it does
   */
  public boolean contains(InetAddress address) {
    long[] bits = AddressBits.of(address);
    return contains(bits[0], bits[1]);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Prefix p && p.high == high && p.low == low && p.length == length;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(high) * 31 + Long.hashCode(low) * 17 + length;
  }

  /** The prefix as gai.conf and RFC 6724 write it, in IPv6 form. */
  @Override
  public String toString() {
    return Addresses.text(AddressBits.toInet6(high, low)) + "/" + length;
  }
}
