package io.github.connectbylist.cli;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code HOST:PORT} and {@code [IPV6]:PORT}, resolving a name to all of its addresses in order. */
final class HostPort {
  private HostPort() {}

  /**
   * @throws BadInput naming {@code text} when it is not HOST:PORT, its port is not 1 to 65535, or its name
   *     has no address
   */
  static List<InetSocketAddress> resolve(String text) {
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
    int number;
    try {
      number = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw new BadInput("'" + text + "' has no port number", e);
    }
    if (number < 1 || number > 65535) {
      throw new BadInput("'" + text + "' has port " + number + "; a connect needs a port from 1 to 65535");
    }
    List<InetSocketAddress> addresses = new ArrayList<>();
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        addresses.add(new InetSocketAddress(address, number));
      }
    } catch (UnknownHostException e) {
      throw new BadInput("'" + text + "': no address found for " + host, e);
    }
    return addresses;
  }
}
