package io.github.connectbylist.emulator;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The network's DNS: a server (the testbed's) on one host at one of its addresses, port 53, UDP and TCP,
 * answering AAAA and A for these names; every host's {@code resolv.conf} points at it. Its queries and answers
 * cross the network like any packet, so the rules decide when, and whether, they arrive.
 *
 * @param host the host the server runs in
 * @param address its address: one of that host's
 * @param names each name's addresses, both families in one list
 */
public record NameService(String host, InetAddress address, Map<String, List<InetAddress>> names) {

  /**
   * Checks the parts and copies the names, keeping their order.
   *
   * @param host the host
   * @param address the address
   * @param names the names
   */
  public NameService {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(address, "address");
    Map<String, List<InetAddress>> copy = new LinkedHashMap<>();
    names.forEach((n, a) -> copy.put(n, List.copyOf(a)));
    names = java.util.Collections.unmodifiableMap(copy);
    for (List<InetAddress> addresses : names.values()) {
      for (InetAddress a : addresses) {
        Topology.checkDocumentation(a, "name service");
      }
    }
  }
}
