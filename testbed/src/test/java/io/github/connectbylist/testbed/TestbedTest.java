package io.github.connectbylist.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import org.junit.jupiter.api.Test;

/** Each role behaves as its name says, on loopback only. */
class TestbedTest {

  @Test
  void acceptingEndpointsAccept() throws Exception {
    try (Testbed testbed = new Testbed()) {
      Endpoint good = testbed.accepting("127.0.0.1");
      try (SocketChannel c = SocketChannel.open(good.address())) {
        assertTrue(c.isConnected());
      }
      long until = System.nanoTime() + 2_000_000_000L;
      while (testbed.acceptedCount() < 1 && System.nanoTime() < until) {
        Thread.sleep(5);
      }
      assertEquals(1, testbed.acceptedCount());
    }
  }

  @Test
  void refusingEndpointsRefuseAtOnce() throws Exception {
    try (Testbed testbed = new Testbed()) {
      InetSocketAddress refused = testbed.refusing("127.0.0.2").address();
      ConnectException e = assertThrows(ConnectException.class, () -> SocketChannel.open(refused).close());
      assertTrue(e.getMessage().contains("refused"), e.getMessage());
    }
  }

  @Test
  void blackHoledEndpointsLeaveAConnectPending() throws Exception {
    try (Testbed testbed = new Testbed(); SocketChannel c = SocketChannel.open()) {
      InetSocketAddress hole = testbed.blackHoled("127.0.0.3").address();
      c.configureBlocking(false);
      assertFalse(c.connect(hole));
      Thread.sleep(300);
      assertFalse(c.finishConnect(), "still pending after 300 ms");
    }
  }

  @Test
  void rolesCanShareOnePortOnDifferentAddresses() throws Exception {
    try (Testbed testbed = new Testbed()) {
      int port = testbed.accepting("127.0.0.1").address().getPort();
      InetSocketAddress refused = testbed.refusing("127.0.0.2", port).address();
      InetSocketAddress hole = testbed.blackHoled("127.0.0.3", port).address();
      assertEquals(port, refused.getPort());
      assertEquals(port, hole.getPort());
      assertThrows(ConnectException.class, () -> SocketChannel.open(refused).close());
    }
  }

  @Test
  void onlyLoopbackAddressesAreAllowed() {
    try (Testbed testbed = new Testbed()) {
      assertThrows(IllegalArgumentException.class, () -> testbed.accepting("192.0.2.1"));
    }
  }

  @Test
  void namesAreRefusedSoThatNoLookupLeavesTheMachine() {
    try (Testbed testbed = new Testbed()) {
      for (String notALiteral : new String[] {"localhost", "abc", "999.1.1.1", "127.1", "::１"}) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> testbed.accepting(notALiteral));
        assertTrue(e.getMessage().contains("literal"), e.getMessage());
      }
    }
  }
}
