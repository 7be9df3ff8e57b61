package io.github.connectbylist.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.Connection;
import io.github.connectbylist.api.FailureKind;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The models behave as their clients: Go goes on at once after a refusal, Node abandons a black hole at 250 ms. */
class ClientStrategiesTest {

  @Test
  void goAndNode() throws Exception {
    try (Loopback loopback = new Loopback(); ClientStrategies clients = ClientStrategies.both()) {
      InetSocketAddress good = loopback.testbed.accepting("127.0.0.1").address();
      InetSocketAddress refusing = loopback.testbed.refusing("127.0.0.1").address();
      InetSocketAddress hole = loopback.testbed.blackHoled("127.0.0.1").address();
      try (Connection c = clients.go().connect(List.of(refusing, good))) {
        assertEquals(good, c.remoteAddress());
        assertEquals(FailureKind.REFUSED, c.attempts().get(0).failure(), c.attempts().toString());
      }
      try (Connection c = clients.node().connect(List.of(hole, good))) {
        assertEquals(good, c.remoteAddress());
        assertEquals(FailureKind.TIMED_OUT, c.attempts().get(0).failure(), "aborted, not left running: " + c.attempts());
        assertTrue(c.winner().startedAt().toMillis() >= 245, c.attempts().toString());
      }
    }
  }
}
