package io.github.connectbylist.examples;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.Connection;
import java.io.IOException;
import java.time.Duration;

/** A connect by name that races the AAAA and A answers as they arrive, printing the answers and attempts. */
final class ConnectByName {
  private ConnectByName() {}

  /**
   * Connects to {@code host} and closes.
   *
   * @param resolver {@code "dns"} in an application; the tests name the testbed's DNS server on loopback
   */
  static void connect(String resolver, String host, int port) throws IOException {
    // snippet:start by-name
    try (ConnectByList cbl = ConnectByList.builder()
            .resolver(resolver)                                // "dns", or "system", or leave it out: see below
            .timeout(Duration.ofSeconds(10))                   // covers resolution too
            .build();
         Connection c = cbl.connect(host, port)) {             // connectAsync(host, port) too
      c.answers().forEach(System.out::println);               // AAAA example.com at 0.9ms: 2606:2800:...
      c.attempts().forEach(System.out::println);
    }
    // snippet:end by-name
  }
}
