package io.github.connectbylist.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.Connection;
import io.github.connectbylist.Strategies;
import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.LocalAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's own strategies: found by name through @AutoService, and doing what they say. */
class WriteYourOwnTest {

  private static AddressPair pair(String destination) throws Exception {
    InetAddress address = InetAddress.getByName(destination);
    return new AddressPair(LocalAddress.of(address, address.getAddress().length == 4 ? 8 : 128, "lo"),
        new InetSocketAddress(address, 443));
  }

  @Test
  void everyOtherTakesTheFamiliesInTurn() throws Exception {
    AddressPair a6 = pair("::1");
    AddressPair b6 = pair("::2");
    AddressPair a4 = pair("127.0.0.1");
    AddressPair b4 = pair("127.0.0.2");
    assertEquals(List.of(a6, a4, b6, b4), new EveryOtherRanker().rank(List.of(a6, b6, a4, b4), null));
    assertEquals(List.of(a4, a6, b4, b6), new EveryOtherRanker().rank(List.of(a4, b4, a6, b6), null));
  }

  @Test
  void theProviderIsDiscoveredAndItsStrategiesConnect() throws Exception {
    Strategies found = Strategies.discovered();
    assertTrue(found.schedulers().stream().anyMatch(s -> s.name().equals("fixed-stagger")), found.schedulers().toString());
    assertTrue(found.rankers().stream().anyMatch(r -> r.name().equals("every-other")), found.rankers().toString());
    try (Loopback loopback = new Loopback();
        ConnectByList cbl = ConnectByList.builder().ranker("every-other").scheduler("fixed-stagger(interval=50ms)").build()) {
      InetSocketAddress hole = loopback.testbed.blackHoled("127.0.0.1").address();
      InetSocketAddress good = loopback.testbed.accepting("127.0.0.1").address();
      try (Connection c = cbl.connect(List.of(hole, good))) {
        assertEquals(good, c.remoteAddress());
        long started = c.winner().startedAt().toMillis();
        assertTrue(started >= 45 && started < 240, "the second start 50 ms after the first: " + c.attempts());
      }
    }
  }
}
