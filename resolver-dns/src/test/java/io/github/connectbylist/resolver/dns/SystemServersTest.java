package io.github.connectbylist.resolver.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** resolv.conf(5)'s nameserver lines, in ASCII, at most three as glibc takes them. */
class SystemServersTest {

  @Test
  void nameserverLinesInOrderAtMostThree() {
    List<InetSocketAddress> servers = SystemServers.fromResolvConf(List.of(
        "# a comment", "search example.test", "nameserver 127.0.0.53", "options edns0 trust-ad",
        "nameserver\t::1", "nameserver fe80::1%eth0", "nameserver ::１", "nameserver 127.0.0.2",
        "nameserver 127.0.0.3"));
    assertEquals(List.of(new InetSocketAddress("127.0.0.53", 53), new InetSocketAddress("::1", 53),
        new InetSocketAddress("127.0.0.2", 53)), servers);
  }
}
