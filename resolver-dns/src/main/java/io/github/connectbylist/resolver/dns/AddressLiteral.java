package io.github.connectbylist.resolver.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.xbill.DNS.Address;

/**
 * An IP address literal, read strictly and never looked up: IPv4 as exactly four dotted decimal parts
 * without leading zeros (as {@code inet_pton} reads them), IPv6 in RFC 4291 section 2.2 text without a
 * zone. ASCII only: dnsjava's own reader takes full-width digits in IPv6 ({@code ::１}).
 */
final class AddressLiteral {
  private AddressLiteral() {}

  /**
   * Reads a literal.
   *
   * @param text the literal
   * @return the address, or {@code null} when {@code text} is not a literal as described above
   */
  static InetAddress parse(String text) {
    byte[] bytes = text.indexOf(':') >= 0 ? ipv6(text) : ipv4(text);
    if (bytes == null) {
      return null;
    }
    try {
      return InetAddress.getByAddress(bytes); // bytes: never a lookup
    } catch (UnknownHostException impossible) {
      return null;
    }
  }

  private static byte[] ipv6(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == ':' || c == '.';
      if (!ok) {
        return null;
      }
    }
    return Address.toByteArray(text, Address.IPv6);
  }

  private static byte[] ipv4(String text) {
    byte[] bytes = new byte[4];
    int part = 0;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '.') {
        String digits = text.substring(start, i);
        if (part == 4 || digits.isEmpty() || digits.length() > 1 && digits.charAt(0) == '0') {
          return null;
        }
        int value = AsciiNumber.parse(digits, 0, 255);
        if (value < 0) {
          return null;
        }
        bytes[part++] = (byte) value;
        start = i + 1;
      }
    }
    return part == 4 ? bytes : null;
  }
}
