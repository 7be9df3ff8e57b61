package io.github.connectbylist.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.LocalAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On virtual time the connect takes exactly the delay plus IPv4's 20 ms; nothing real is opened (the addresses are
 * loopback all the same, so that a mistake could reach nothing else).
 */
class VirtualEngineExampleTest {

  @Test
  void aBlackHoledIpv6AndIpv4In20Ms() throws Exception {
    InetAddress v6 = InetAddress.getByName("::1");
    InetAddress v4 = InetAddress.getByName("127.0.0.1");
    List<Attempt> attempts;
    try (Loopback nothingOpened = new Loopback()) {
      attempts = VirtualEngineExample.connect(List.of(LocalAddress.of(v6, 128, "lo"), LocalAddress.of(v4, 8, "lo")),
          List.of(new InetSocketAddress(v6, 443), new InetSocketAddress(v4, 443)));
    }
    assertEquals(2, attempts.size(), attempts.toString());
    Attempt winner = attempts.get(1);
    assertTrue(winner.connected(), attempts.toString());
    assertEquals(v4, winner.pair().destinationAddress());
    assertEquals(Duration.ofMillis(250), winner.startedAt(), "the attempt delay, exactly");
    assertEquals(Duration.ofMillis(270), winner.endedAt(), "then IPv4's 20 ms, exactly");
    assertTrue(!attempts.get(0).connected() && attempts.get(0).pair().isIpv6(), "IPv6 tried first, lost: " + attempts);
  }
}
