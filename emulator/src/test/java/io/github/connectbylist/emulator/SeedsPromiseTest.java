package io.github.connectbylist.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.engine.SocketErrors;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seed's promise on a real kernel: "all local x remote address pairs, the ones with the highest chance of
 * success first". A client with a dual-stack {@code wifi} whose IPv6 path is a black hole and whose IPv4 the
 * server refuses, and an IPv4-only {@code cell} that works: ConnectByList tries the pairs and connects through
 * the one that works, naming its source; a plain {@code Socket} loop over the same addresses, the OS picking
 * every source from the main routing table (wifi), waits out the black hole and is refused.
 */
class SeedsPromiseTest {

  @Test
  void connectByListFindsThePairThatWorksWhereTheOsSourceFails() throws Exception {
    Networks.assumeAvailable();
    try (Network net = Network.up(Networks.file("multi-homed.json"));
         var server = Networks.acceptingServer(net.host("server"), 80)) {
      EmulatedHost client = net.host("client");
      List<InetSocketAddress> addresses = List.of(
          new InetSocketAddress(net.host("server").address(Family.IPV6), 80),
          new InetSocketAddress(InetAddress.getByName("198.51.100.2"), 80));

      String won;
      try (Probe probe = new Probe(client, "rfc6724", "happy-eyeballs", 5_000)) { // a JVM of its own in the client
        won = probe.connect("[2001:db8:2::2]:80", "198.51.100.2:80");
      }
      assertTrue(won.startsWith("ok 203.0.113.2 -> 198.51.100.2 "), "connected from the cell interface: " + won);
      assertTrue(won.contains("192.0.2.2->198.51.100.2") && won.contains("REFUSED"),
          "the wifi IPv4 pair was tried and refused: " + won);
      assertTrue(won.contains("2001:db8:1::2->2001:db8:2::2"), "the wifi IPv6 pair was tried first: " + won);
      double ms = Double.parseDouble(won.split(" ")[4]);
      assertTrue(ms < 1_500, "well before the plain loop gives up: " + won);

      List<String> plain = client.call(() -> {
        List<String> outcomes = new ArrayList<>();
        for (InetSocketAddress a : addresses) {
          long start = System.nanoTime();
          try {
            Networks.connectMillis(a, 1_000);
            outcomes.add("connected");
          } catch (IOException e) {
            outcomes.add(SocketErrors.kindOf(e) + " after " + (System.nanoTime() - start) / 1_000_000 + " ms");
          }
        }
        return outcomes;
      });
      System.out.println("ConnectByList (rfc6724, happy-eyeballs): " + won);
      System.out.println("plain Socket loop, the OS picking sources:  " + plain);
      assertEquals(2, plain.size());
      assertTrue(plain.get(0).startsWith("TIMED_OUT"), "the OS's IPv6 source is wifi's, into the black hole: " + plain);
      assertTrue(plain.get(1).startsWith("REFUSED"), "the OS's IPv4 source is wifi's, which the server refuses: "
          + plain);
    }
  }
}
