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
   *
   * @param address any address
   * @return the IPv4 address inside {@code address} when it is IPv4-mapped, else {@code address}
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

  /**
   * Parses an IP address literal ({@code 192.0.2.1}, {@code 2001:db8::1}, {@code fe80::1%eth0}) without ever
   * asking DNS. Only ASCII is a literal: a full-width or other non-ASCII digit makes text a name, never an
   * address. An IPv4 literal is four decimal numbers of 0 to 255 without leading zeros, since {@code
   * inet_aton} reads {@code 0177.0.0.1} as octal ({@code 127.0.0.1}) where others read it as decimal, and a
   * destination must mean one thing to every reader. An IPv6 literal is parsed as a literal only (in
   * brackets, so that the JDK never falls back to a lookup).
   *
   * @param text the literal, such as {@code 192.0.2.1} or {@code 2001:db8::1}
   * @return the address
   * @throws IllegalArgumentException when {@code text} is not an address literal
   */
  public static InetAddress parseLiteral(String text) {
    if (text != null && text.indexOf(':') < 0) {
      byte[] v4 = ipv4(text);
      if (v4 != null) {
        try {
          return InetAddress.getByAddress(v4);
        } catch (UnknownHostException impossible) {
          throw new AssertionError(impossible);
        }
      }
      if (isDigitsAndDots(text)) {
        throw new IllegalArgumentException("'" + text + "' is not an IP address literal: it must be four numbers "
            + "0 to 255, written without leading zeros, between dots");
      }
    } else if (text != null && isIpv6Form(text)) {
      int end = text.indexOf('%') < 0 ? text.length() : text.indexOf('%');
      int lastColon = text.lastIndexOf(':', end - 1);
      if (text.indexOf('.') >= 0 && ipv4(text.substring(lastColon + 1, end)) == null) { // ::ffff:0177.0.0.1
        throw new IllegalArgumentException("'" + text + "' is not an IP address literal: its IPv4 part must be four "
            + "numbers 0 to 255, written without leading zeros, between dots");
      }
      try {
        return InetAddress.getByName("[" + text + "]"); // brackets: a literal or an error, never a lookup
      } catch (UnknownHostException | IllegalArgumentException e) {
        throw new IllegalArgumentException("'" + text + "' is not an IP address literal", e);
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not an IP address literal");
  }

  /**
   * Whether {@code text} is written as an IP address literal (ASCII decimal digits and dots, or ASCII hex
   * digits, dots and colons with at least one colon and an optional {@code %zone}), so that it needs no
   * resolver. Checks the form only; {@link #parseLiteral} tells whether it is a valid address. Text of
   * digits and dots alone is never a host name (RFC 1123 section 2.1; a top-level label is not numeric), so
   * {@code 0177.0.0.1} or {@code 2130706433}, which {@code inet_aton} would read as {@code 127.0.0.1}, is a
   * bad literal rather than a name. Anything else, non-ASCII digits included, is a name for the resolver.
   *
   * @param text a host name or literal; an IPv6 literal may be in brackets
   * @return {@code true} for the form of a literal
   */
  public static boolean looksLiteral(String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    if (text.startsWith("[") && text.endsWith("]")) { // brackets hold IPv6 only (RFC 3986 section 3.2.2)
      return isIpv6Form(text.substring(1, text.length() - 1));
    }
    return text.indexOf(':') >= 0 ? isIpv6Form(text) : isDigitsAndDots(text);
  }

  private static boolean isDigitsAndDots(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '.' && (c < '0' || c > '9')) {
        return false;
      }
    }
    return !text.isEmpty();
  }

  /** Four groups of one to three ASCII digits between dots (checked by hand: no regex in a connect's first path). */
  private static boolean isDottedQuadForm(String text) {
    int groups = 0;
    int digits = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        if (++digits > 3) {
          return false;
        }
      } else if (c == '.' && digits > 0 && groups < 3) {
        groups++;
        digits = 0;
      } else {
        return false;
      }
    }
    return groups == 3 && digits > 0;
  }

  /** The four bytes of a dotted quad of decimal numbers 0 to 255 without leading zeros, or {@code null}. */
  private static byte[] ipv4(String text) {
    if (!isDottedQuadForm(text)) {
      return null;
    }
    byte[] bytes = new byte[4];
    int group = 0;
    int value = 0;
    int digits = 0;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : '.';
      if (c == '.') {
        if (value > 255 || (digits > 1 && text.charAt(i - digits) == '0')) {
          return null;
        }
        bytes[group++] = (byte) value;
        value = 0;
        digits = 0;
      } else {
        value = value * 10 + (c - '0');
        digits++;
      }
    }
    return bytes;
  }

  /** ASCII hex digits, dots and colons, with at least one colon, and an optional {@code %zone} of ASCII. */
  private static boolean isIpv6Form(String text) {
    int zone = text.indexOf('%');
    int end = zone < 0 ? text.length() : zone;
    if (end == 0 || text.indexOf(':') < 0 || text.indexOf(':') > end) {
      return false;
    }
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (c != '.' && c != ':' && !isAsciiHexDigit(c)) {
        return false;
      }
    }
    if (zone >= 0) {
      if (zone == text.length() - 1) {
        return false;
      }
      for (int i = zone + 1; i < text.length(); i++) {
        char c = text.charAt(i);
        if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '.' || c == '_' || c == '-')) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean isAsciiHexDigit(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  /**
   * The textual form without host name, in brackets for IPv6: {@code [::1]:443}, {@code 127.0.0.1:80}.
   *
   * @param address the address
   * @param port the port
   * @return the text, the address as {@link #text} writes it
   */
  public static String format(InetAddress address, int port) {
    String host = text(address);
    return (address instanceof Inet4Address ? host : "[" + host + "]") + ":" + port;
  }

  /**
   * The address as RFC 5952 sections 4 and 5 write it ({@code 2001:db8::1}, not Java's {@code
   * 2001:db8:0:0:0:0:0:1}; {@code ::ffff:192.0.2.1}), with the zone only for link-local addresses.
   *
   * @param address the address
   * @return its text, without host name
   */
  public static String text(InetAddress address) {
    if (!(address instanceof Inet6Address v6)) {
      return address.getHostAddress();
    }
    byte[] b = v6.getAddress();
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1; // a single zero group is not shortened (section 4.2.2)
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j;
    }
    if (groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 && groups[4] == 0 && groups[5] == 0xffff) {
      // section 5: IPv4-mapped addresses keep the dotted quad
      return "::ffff:" + (b[12] & 0xff) + "." + (b[13] & 0xff) + "." + (b[14] & 0xff) + "." + (b[15] & 0xff);
    }
    StringBuilder s = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        s.append("::");
        i += bestLength - 1;
        continue;
      }
      if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
        s.append(':');
      }
      s.append(Integer.toHexString(groups[i]));
    }
    if (v6.isLinkLocalAddress() && v6.getScopeId() != 0) {
      s.append('%').append(v6.getScopedInterface() != null ? v6.getScopedInterface().getName() : v6.getScopeId());
    }
    return s.toString();
  }
}
