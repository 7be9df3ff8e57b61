package io.github.connectbylist.realclients;

import io.github.connectbylist.emulator.Family;
import io.github.connectbylist.emulator.HostSpec;
import io.github.connectbylist.emulator.InterfaceSpec;
import io.github.connectbylist.emulator.NameService;
import io.github.connectbylist.emulator.PathRule;
import io.github.connectbylist.emulator.Prefix;
import io.github.connectbylist.emulator.Protocol;
import io.github.connectbylist.emulator.Topology;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The network every real client of the study runs on, one per run: a dual-stack client (global IPv6, so that
 * RFC 6724 prefers IPv6 as on the paper's test bed) and a server with ten addresses per family behind two
 * names, {@value #NAME} (the first address of each family) and {@value #MANY} (all twenty), served by the
 * network's DNS server at {@code 198.51.100.53}, and HTTP on port {@value #PORT}. Each test case is the rules it
 * adds; the DNS answers' delays are set on the running network's name server.
 */
final class StudyNetwork {
  /** The name of the connection attempt delay, resolution delay and first-family cases. */
  static final String NAME = "lazy-eye.test";
  /** The name with ten addresses per family. */
  static final String MANY = "lazy-eye-many.test";
  static final int PORT = 80;
  static final int ADDRESSES_PER_FAMILY = 10;
  static final InetAddress CLIENT_V6 = address("2001:db8:1::2");
  static final InetAddress CLIENT_V4 = address("192.0.2.2");
  static final InetAddress DNS = address("198.51.100.53");

  private StudyNetwork() {}

  /** The server's i-th IPv6 address, 1 to 10. */
  static InetAddress serverV6(int i) {
    return address("2001:db8:10::" + Integer.toHexString(i));
  }

  /** The server's i-th IPv4 address, 1 to 10. */
  static InetAddress serverV4(int i) {
    return address("203.0.113." + i);
  }

  /** The network with {@code rules}. */
  static Topology topology(String name, List<PathRule> rules) {
    List<Prefix> server = new ArrayList<>();
    List<InetAddress> many = new ArrayList<>();
    for (int i = 1; i <= ADDRESSES_PER_FAMILY; i++) {
      server.add(new Prefix(serverV6(i), 64));
      many.add(serverV6(i));
    }
    for (int i = 1; i <= ADDRESSES_PER_FAMILY; i++) {
      server.add(new Prefix(serverV4(i), 24));
      many.add(serverV4(i));
    }
    server.add(new Prefix(DNS, 24));
    Map<String, List<InetAddress>> names = new LinkedHashMap<>();
    names.put(NAME, List.of(serverV6(1), serverV4(1)));
    names.put(MANY, many);
    return new Topology(name, List.of(
        new HostSpec("client", List.of(new InterfaceSpec("eth0",
            List.of(new Prefix(CLIENT_V6, 64), new Prefix(CLIENT_V4, 24))))),
        new HostSpec("server", List.of(new InterfaceSpec("eth0", server)))),
        rules, Optional.of(new NameService("server", DNS, names)));
  }

  /** Every TCP packet of one family one way takes {@code oneWay}: only the connects, not the DNS. */
  static PathRule tcpDelay(Family family, Duration oneWay) {
    return PathRule.named("tcp-" + family).family(family).protocol(Protocol.TCP).delay(oneWay);
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException impossible) {
      throw new AssertionError(literal, impossible);
    }
  }
}
