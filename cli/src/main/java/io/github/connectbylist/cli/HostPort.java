package io.github.connectbylist.cli;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code HOST:PORT} and {@code [IPV6]:PORT}, resolving a name to all of its addresses in order. */
final class HostPort {
  private HostPort() {}

  static List<InetSocketAddress> resolve(String text) throws UnknownHostException {
    String host;
    String port;
    if (text.startsWith("[")) {
      int close = text.indexOf("]:");
      if (close < 0) {
        throw new IllegalArgumentException("'" + text + "' is not [IPV6]:PORT");
      }
      host = text.substring(1, close);
      port = text.substring(close + 2);
    } else {
      int colon = text.lastIndexOf(':');
      if (colon <= 0 || text.indexOf(':') != colon) {
        throw new IllegalArgumentException("'" + text + "' is not HOST:PORT (write IPv6 as [::1]:PORT)");
      }
      host = text.substring(0, colon);
      port = text.substring(colon + 1);
    }
    int number;
    try {
      number = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' has no port number", e);
    }
    List<InetSocketAddress> addresses = new ArrayList<>();
    for (InetAddress address : InetAddress.getAllByName(host)) {
      addresses.add(new InetSocketAddress(address, number));
    }
    return addresses;
  }
}
