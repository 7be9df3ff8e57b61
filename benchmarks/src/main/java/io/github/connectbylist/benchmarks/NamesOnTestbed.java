package io.github.connectbylist.benchmarks;

import io.github.connectbylist.resolver.dns.DnsResolver;
import io.github.connectbylist.testbed.DnsServer;
import io.github.connectbylist.testbed.Testbed;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * What the benchmarks that connect by name share: an endpoint that accepts on both families at one port, the
 * testbed's DNS server, and resolver {@code dns} pointed at it without a cache, so that every connect asks.
 */
final class NamesOnTestbed implements AutoCloseable {
  final Testbed testbed = new Testbed();
  final int port;
  final DnsServer server;
  final DnsResolver resolver;

  /**
   * @param benchmark named in the error where {@code ::1} cannot be bound
   */
  NamesOnTestbed(String benchmark) throws IOException {
    if (!Testbed.ipv6LoopbackAvailable()) {
      throw new IllegalStateException(benchmark + " needs ::1");
    }
    port = testbed.acceptingOnBothFamilies();
    server = DnsServer.start();
    resolver = DnsResolver.builder().servers(List.of(server.address())).noHostsFile().cacheSize(0)
        .timeout(Duration.ofSeconds(2)).build();
  }

  @Override
  public void close() {
    resolver.close();
    server.close();
    testbed.close();
  }
}
