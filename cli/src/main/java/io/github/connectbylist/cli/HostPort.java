package io.github.connectbylist.cli;

import io.github.connectbylist.api.Addresses;
import java.net.InetAddress;

/**
 * One destination as typed, {@code HOST:PORT} or {@code [IPV6]:PORT}, read by the library's rules for a host
 * ({@link Addresses#looksLiteral}, as {@code ConnectByList.connect(host, port)} reads it): only ASCII is a
 * literal; digits and dots alone are always an IPv4 literal, which must be four numbers 0 to 255 without
 * leading zeros ({@code 127.1}, {@code 2130706433} and {@code 0177.0.0.1}, which {@code inet_aton} reads as
 * {@code 127.0.0.1}, are bad input, not addresses); brackets hold an IPv6 literal only; anything else is a
 * name, for the configured resolver. Nothing here asks a resolver.
 *
 * @param text the destination as typed, for messages
 * @param host the host, without brackets
 * @param bracketed whether the host was written in brackets
 * @param port the port
 */
record HostPort(String text, String host, boolean bracketed, int port) {

  /** Whether the host is a name, to resolve, rather than an address literal. */
  boolean isName() {
    return !bracketed && !Addresses.looksLiteral(host);
  }

  /**
   * The address the literal host stands for.
   *
   * @return the address
   * @throws BadInput in the library's words when the host is written as a literal but is not a valid one
   * @throws IllegalStateException when the host is a name
   */
  InetAddress literal() {
    if (bracketed && !Addresses.looksLiteral("[" + host + "]")) {
      throw new BadInput("'" + text + "': brackets hold an IPv6 address only");
    }
    if (isName()) {
      throw new IllegalStateException(host + " is a name");
    }
    try {
      return Addresses.parseLiteral(host);
    } catch (IllegalArgumentException e) {
      throw new BadInput(e.getMessage(), e); // '127.1' is not an IP address literal: it must be four numbers ...
    }
  }

  /**
   * Reads a destination.
   *
   * @param text {@code HOST:PORT} or {@code [IPV6]:PORT}
   * @return the destination
   * @throws BadInput naming {@code text} when it is not HOST:PORT or its port is not 1 to 65535
   */
  static HostPort parse(String text) {
    String host;
    String port;
    boolean bracketed = text.startsWith("[");
    if (bracketed) {
      int close = text.indexOf("]:");
      if (close < 0) {
        throw new BadInput("'" + text + "' is not [IPV6]:PORT");
      }
      host = text.substring(1, close);
      port = text.substring(close + 2);
    } else {
      int colon = text.lastIndexOf(':');
      if (colon <= 0 || text.indexOf(':') != colon) {
        throw new BadInput("'" + text + "' is not HOST:PORT (write IPv6 as [::1]:PORT)");
      }
      host = text.substring(0, colon);
      port = text.substring(colon + 1);
    }
    // ASCII digits only: Integer.parseInt would read a full-width '\uff18\uff10' as port 80.
    if (port.isEmpty() || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new BadInput("'" + text + "' has no port number");
    }
    int number = port.length() > 5 ? Integer.MAX_VALUE : Integer.parseInt(port);
    if (number < 1 || number > 65535) {
      throw new BadInput("'" + text + "' has port " + port + "; a connect needs a port from 1 to 65535");
    }
    return new HostPort(text, host, bracketed, number);
  }
}
