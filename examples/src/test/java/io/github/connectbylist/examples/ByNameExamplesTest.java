package io.github.connectbylist.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.connectbylist.testbed.DnsReply;
import io.github.connectbylist.testbed.DnsServer;
import io.github.connectbylist.testbed.DnsServer.RecordType;
import io.github.connectbylist.testbed.ServiceRecord;
import io.github.connectbylist.testbed.Testbed;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The connects by name, against the testbed's DNS server on loopback: made-up names, no real DNS. */
class ByNameExamplesTest {

  /** Both families are needed: a name's AAAA and A answers race. */
  @BeforeAll
  static void bothFamilies() {
    assumeTrue(Testbed.ipv6LoopbackAvailable(), "skipped: ::1 cannot be bound here");
  }

  private static String resolver(DnsServer dns) {
    return "dns(servers=" + dns.serverSpec() + ", hosts=none, timeout=1s)";
  }

  @Test
  void connectByNamePrintsTheAnswersAndTheAttempts() throws Exception {
    try (Loopback loopback = new Loopback(); DnsServer dns = DnsServer.start()) {
      int port = loopback.testbed.acceptingOnBothFamilies();
      dns.reply("name.test", RecordType.AAAA, DnsReply.addresses("::1"));
      dns.reply("name.test", RecordType.A, DnsReply.addresses("127.0.0.1"));
      String out = StandardOutput.of(() -> ConnectByName.connect(resolver(dns), "name.test", port));
      assertTrue(out.startsWith("AAAA name.test at ") || out.startsWith("A name.test at "), "an answer first: " + out);
      assertTrue(out.contains("CONNECTED"), "the winning attempt: " + out);
    }
  }

  @Test
  void aLateAaaaAnswerIsNotWaitedFor() throws Exception {
    try (Loopback loopback = new Loopback()) {
      int port = loopback.testbed.acceptingOnBothFamilies();
      InetSocketAddress connected = SlowAnswers.connectWithALateAaaa(port);
      assertEquals(new InetSocketAddress("127.0.0.1", port), connected, "IPv4, the answer that came");
    }
  }

  @Test
  void anHttpsRecordMovesTheConnectToItsPort() throws Exception {
    try (Loopback loopback = new Loopback(); DnsServer dns = DnsServer.start()) {
      int origin = loopback.testbed.refusing("127.0.0.1").address().getPort();
      int moved = loopback.testbed.accepting("127.0.0.1").address().getPort();
      dns.reply("_" + origin + "._https.moved.test", RecordType.HTTPS,
          DnsReply.services(ServiceRecord.service(1, ".").port(moved).alpn("h2")));
      dns.reply("moved.test", RecordType.A, DnsReply.addresses("127.0.0.1"));
      ServiceRecords.connect(resolver(dns), "moved.test", origin);       // the origin's port refuses
      assertEquals(1, dns.queries("_" + origin + "._https.moved.test", RecordType.HTTPS), "asked for the record");
    }
  }
}
