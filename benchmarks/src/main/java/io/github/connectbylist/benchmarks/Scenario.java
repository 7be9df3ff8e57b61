package io.github.connectbylist.benchmarks;

import io.github.connectbylist.testbed.Testbed;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The networks that time-to-connect is measured on, built from testbed endpoints. Every endpoint of a
 * scenario has the same port, as the addresses of one host name do, so that clients that take one port
 * for all addresses (OkHttp) can be measured on them too.
 */
enum Scenario {
  GOOD_FIRST("good-first"),
  REFUSED_THEN_GOOD("refused-then-good"),
  BLACK_HOLED_IPV6_THEN_GOOD_IPV4("black-holed-v6-then-good-v4"),
  TWO_BLACK_HOLED_THEN_GOOD("two-black-holed-then-good"),
  BLACK_HOLED_REFUSED_GOOD("black-holed-refused-good"),
  ALL_REFUSED("all-refused");

  final String id;

  Scenario(String id) {
    this.id = id;
  }

  static Scenario byId(String id) {
    for (Scenario s : values()) {
      if (s.id.equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException("no scenario '" + id + "'");
  }

  /**
   * What each endpoint of this scenario does, in the order of {@link #start}'s addresses: {@code good},
   * {@code refused} or {@code black-holed}.
   */
  List<String> roles() {
    return switch (this) {
      case GOOD_FIRST -> List.of("good");
      case REFUSED_THEN_GOOD -> List.of("refused", "good");
      case BLACK_HOLED_IPV6_THEN_GOOD_IPV4 -> List.of("black-holed", "good");
      case TWO_BLACK_HOLED_THEN_GOOD -> List.of("black-holed", "black-holed", "good");
      case BLACK_HOLED_REFUSED_GOOD -> List.of("black-holed", "refused", "good");
      case ALL_REFUSED -> List.of("refused", "refused");
    };
  }

  /** Starts this scenario's endpoints and returns their addresses in the order a resolver would give them. */
  List<InetSocketAddress> start(Testbed testbed) throws IOException {
    for (int tries = 0; ; tries++) {
      try {
        return startOnOnePort(testbed);
      } catch (BindException e) {
        if (tries == 20) {
          throw e; // the port was free on 127.0.0.1 and taken elsewhere, twenty times
        }
      }
    }
  }

  private List<InetSocketAddress> startOnOnePort(Testbed testbed) throws IOException {
    String holeV6 = Testbed.ipv6LoopbackAvailable() ? "::1" : "127.0.0.5";
    List<InetSocketAddress> addresses = new ArrayList<>();
    switch (this) {
      case GOOD_FIRST -> addresses.add(testbed.accepting("127.0.0.1").address());
      case REFUSED_THEN_GOOD -> {
        InetSocketAddress good = testbed.accepting("127.0.0.1").address();
        addresses.add(testbed.refusing("127.0.0.2", good.getPort()).address());
        addresses.add(good);
      }
      case BLACK_HOLED_IPV6_THEN_GOOD_IPV4 -> {
        InetSocketAddress good = testbed.accepting("127.0.0.1").address();
        addresses.add(testbed.blackHoled(holeV6, good.getPort()).address());
        addresses.add(good);
      }
      case TWO_BLACK_HOLED_THEN_GOOD -> {
        InetSocketAddress good = testbed.accepting("127.0.0.1").address();
        addresses.add(testbed.blackHoled("127.0.0.3", good.getPort()).address());
        addresses.add(testbed.blackHoled("127.0.0.4", good.getPort()).address());
        addresses.add(good);
      }
      case BLACK_HOLED_REFUSED_GOOD -> {
        InetSocketAddress good = testbed.accepting("127.0.0.1").address();
        addresses.add(testbed.blackHoled("127.0.0.3", good.getPort()).address());
        addresses.add(testbed.refusing("127.0.0.2", good.getPort()).address());
        addresses.add(good);
      }
      case ALL_REFUSED -> {
        InetSocketAddress first = testbed.refusing("127.0.0.2").address();
        addresses.add(first);
        addresses.add(testbed.refusing("127.0.0.3", first.getPort()).address());
      }
    }
    return addresses;
  }
}
