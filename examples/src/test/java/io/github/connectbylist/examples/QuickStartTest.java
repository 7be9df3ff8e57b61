package io.github.connectbylist.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.testbed.Testbed;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's "Use it", run as a program: to a list (a refusal, then the good address), then by name. */
class QuickStartTest {

  @Test
  void connectsToTheGoodAddressFromAListAndByName() throws Exception {
    try (Loopback loopback = new Loopback()) {
      int port = loopback.testbed.accepting("127.0.0.1").address().getPort();
      List<String> args = new ArrayList<>(List.of("localhost", Integer.toString(port)));
      if (Testbed.ipv6LoopbackAvailable()) {
        loopback.testbed.refusing("::1", port);
        args.add("::1");                                       // RFC 6724 puts it first; it refuses
      }
      args.add("127.0.0.1");
      String out = StandardOutput.of(() -> QuickStart.main(args.toArray(String[]::new)));
      String good = "/127.0.0.1:" + port;
      assertTrue(out.lines().findFirst().orElse("").contains(" -> " + good + " in "), out);
      assertTrue(out.contains("by name: " + good), "localhost, from the hosts file: " + out);
    }
  }
}
