package io.github.connectbylist.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.Connection;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The options take effect: behind a black hole, the good address starts after the delay they set. */
class HappyEyeballsOptionsTest {

  private static long winnerStartMillis(ConnectByList.Builder builder, List<InetSocketAddress> addresses) throws Exception {
    try (ConnectByList cbl = builder.build(); Connection c = cbl.connect(addresses)) {
      assertEquals(addresses.get(1), c.remoteAddress(), c.attempts().toString());
      return c.winner().startedAt().toMillis();
    }
  }

  @Test
  void aDelayAsTextAndASchedulerAsAnInstance() throws Exception {
    try (Loopback loopback = new Loopback()) {
      List<InetSocketAddress> addresses = List.of(loopback.testbed.blackHoled("127.0.0.1").address(),
          loopback.testbed.accepting("127.0.0.1").address());
      HappyEyeballsOptions options = HappyEyeballsOptions.both();
      long text = winnerStartMillis(options.asText(), addresses);
      assertTrue(text >= 95 && text < 240, "connection-attempt-delay=100ms: " + text);
      long instance = winnerStartMillis(options.asInstance(), addresses);
      assertTrue(instance >= 245, "adaptive with nothing learned: the default 250 ms, " + instance);
    }
  }
}
