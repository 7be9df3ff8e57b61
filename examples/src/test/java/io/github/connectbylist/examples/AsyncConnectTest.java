package io.github.connectbylist.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The async snippet of {@code docs/usage.md}: past a black hole to the good address, the winner closed by its user. */
class AsyncConnectTest {

  @Test
  void connectsPastABlackHoleWithoutBlockingAndClosesTheWinner() throws Exception {
    try (Loopback loopback = new Loopback()) {
      InetSocketAddress hole = loopback.testbed.blackHoled("127.0.0.2").address();
      InetSocketAddress good = loopback.testbed.accepting("127.0.0.1").address();
      String out = StandardOutput.of(() -> AsyncConnect.connect(List.of(hole, good)));
      assertEquals("async: " + good, out.strip());
    }
  }
}
