package io.github.connectbylist.emulator;

import io.github.connectbylist.api.Addresses;
import java.net.InetAddress;

/**
 * An address with a prefix length: {@code 2001:db8:1::2/64} for an interface (its address and its subnet),
 * {@code 192.0.2.0/24} for a rule (the addresses it matches). Written and read as ASCII literals only.
 *
 * @param address the address
 * @param length the prefix length: 0 to 32 for IPv4, 0 to 128 for IPv6
 */
public record Prefix(InetAddress address, int length) {

  /**
   * Checks the length against the family.
   *
   * @param address the address
   * @param length the prefix length
   */
  public Prefix {
    if (address == null) {
      throw new NullPointerException("address");
    }
    int max = address.getAddress().length * 8;
    if (length < 0 || length > max) {
      throw new IllegalArgumentException("prefix length " + length + " of " + Addresses.text(address)
          + " is out of range: give 0 to " + max);
    }
  }

  /**
   * Reads {@code ADDRESS/LENGTH}, or an address alone as a prefix of its full length.
   *
   * @param text such as {@code 2001:db8::/32} or {@code 198.51.100.2}
   * @return the prefix
   * @throws IllegalArgumentException when it is not an ASCII address literal with an optional decimal length
   */
  public static Prefix parse(String text) {
    int slash = text.indexOf('/');
    InetAddress address = Addresses.parseLiteral(slash < 0 ? text : text.substring(0, slash));
    if (slash < 0) {
      return new Prefix(address, address.getAddress().length * 8);
    }
    String digits = text.substring(slash + 1);
    if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("'" + text + "': the prefix length must be a decimal number");
    }
    return new Prefix(address, Integer.parseInt(digits));
  }

  /**
   * The family of the address.
   *
   * @return IPv4 or IPv6
   */
  public Family family() {
    return Family.of(address);
  }

  /**
   * Whether {@code other} lies inside this prefix (same family, same leading {@link #length} bits).
   *
   * @param other any address
   * @return {@code true} when it does
   */
  public boolean contains(InetAddress other) {
    return contains(other.getAddress());
  }

  /**
   * Whether the raw address {@code other} (4 or 16 bytes) lies inside this prefix.
   *
   * @param other the address bytes
   * @return {@code true} when it does
   */
  public boolean contains(byte[] other) {
    byte[] mine = address.getAddress();
    if (other.length != mine.length) {
      return false;
    }
    int whole = length / 8;
    for (int i = 0; i < whole; i++) {
      if (mine[i] != other[i]) {
        return false;
      }
    }
    int rest = length % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (mine[whole] & mask) == (other[whole] & mask);
  }

  @Override
  public String toString() {
    return Addresses.text(address) + "/" + length;
  }
}
