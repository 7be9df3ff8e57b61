package io.github.connectbylist.cli;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code HOST:PORT} and {@code [IPV6]:PORT}; a name is resolved to all of its addresses in order by
 * the JDK, or left to the library's resolver.
 *
 * @param host the host as typed, without brackets
 * @param port the port
 */
record HostPort(String host, int port) {

  /** Whether the host is a name rather than an address literal. */
  boolean isName() {
    return !io.github.connectbylist.api.Addresses.looksLiteral(host);
  }

  /**
   * @throws BadInput naming {@code text} when it is not HOST:PORT or its port is not 1 to 65535
   */
  static HostPort parse(String text) {
    String host;
    String port;
    if (text.startsWith("[")) {
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
    return new HostPort(host, number);
  }

  /**
   * @throws BadInput naming {@code text} when it is not HOST:PORT, its port is not 1 to 65535, or its name
   *     has no address
   */
  static List<InetSocketAddress> resolve(String text) {
    HostPort hp = parse(text);
    List<InetSocketAddress> addresses = new ArrayList<>();
    try {
      for (InetAddress address : InetAddress.getAllByName(hp.host)) {
        addresses.add(new InetSocketAddress(address, hp.port));
      }
    } catch (UnknownHostException e) {
      throw new BadInput("'" + text + "': no address found for " + hp.host, e);
    }
    return addresses;
  }
}
