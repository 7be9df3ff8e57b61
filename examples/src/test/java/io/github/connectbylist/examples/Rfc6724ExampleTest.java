package io.github.connectbylist.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.connectbylist.api.LocalAddress;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 6724 as a library: IPv6 loopback before IPv4's (precedence 50 over 35), and its own source for it. */
class Rfc6724ExampleTest {

  @Test
  void theSourceOfADestinationAndAnOrder() throws Exception {
    InetAddress v4 = InetAddress.getByName("127.0.0.1");
    InetAddress v6 = InetAddress.getByName("::1");
    LocalAddress lo4 = LocalAddress.of(v4, 8, "lo");
    LocalAddress lo6 = LocalAddress.of(v6, 128, "lo");
    Rfc6724Example.Selection s = Rfc6724Example.select(v6, List.of(v4, v6), List.of(lo4, lo6));
    assertEquals(v6, s.source().orElseThrow().address());
    assertEquals(List.of(v6, v4), s.ordered());
  }
}
