package io.github.connectbylist.resolver.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.api.Query;
import io.github.connectbylist.testbed.DnsReply;
import io.github.connectbylist.testbed.DnsServer;
import io.github.connectbylist.testbed.DnsServer.RecordType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A lookup of what is already being asked joins that query; with {@code cache=0} every lookup asks. */
class QueriesInFlightTest {

  private static void resolveTwiceAtOnce(DnsResolver r) throws InterruptedException {
    RecordingAnswers first = new RecordingAnswers();
    RecordingAnswers second = new RecordingAnswers();
    r.resolve("slow.test", first);
    r.resolve("SLOW.test", second);
    assertTrue(first.awaitDone(5) && second.awaitDone(5), first + " / " + second);
    assertEquals(List.of("127.0.0.1"), first.report(Query.A).literals());
    assertEquals(List.of("127.0.0.1"), second.report(Query.A).literals());
  }

  @Test
  void aLookupOfANameBeingAskedJoinsThatQuery() throws Exception {
    try (DnsServer dns = DnsServer.start(); DnsResolver r = DnsResolver.builder().servers(List.of(dns.address()))
        .noHostsFile().build()) {
      dns.reply("slow.test", RecordType.A, DnsReply.addresses("127.0.0.1").after(Duration.ofMillis(200)).ttl(0));
      resolveTwiceAtOnce(r);
      assertEquals(1, dns.queries("slow.test", RecordType.A), "one query for both (names compare case-insensitively)");
    }
  }

  @Test
  void withoutACacheEveryLookupAsks() throws Exception {
    try (DnsServer dns = DnsServer.start(); DnsResolver r = DnsResolver.builder().servers(List.of(dns.address()))
        .noHostsFile().cacheSize(0).build()) {
      dns.reply("slow.test", RecordType.A, DnsReply.addresses("127.0.0.1").after(Duration.ofMillis(200)));
      resolveTwiceAtOnce(r);
      assertEquals(2, dns.queries("slow.test", RecordType.A));
    }
  }
}
