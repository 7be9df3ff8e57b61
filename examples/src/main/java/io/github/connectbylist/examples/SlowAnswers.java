package io.github.connectbylist.examples;

// snippet:start slow-aaaa
import io.github.connectbylist.testbed.DnsReply;
import io.github.connectbylist.testbed.DnsServer;
import io.github.connectbylist.testbed.DnsServer.RecordType;
// snippet:end slow-aaaa
import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.Connection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/** The testbed's DNS server on loopback, answering AAAA 300 ms late: the connect goes on over IPv4. */
final class SlowAnswers {
  private SlowAnswers() {}

  /**
   * Connects by name to {@code port} of {@code 127.0.0.1} or {@code ::1}, whichever the answers make win.
   *
   * @return the address connected to
   */
  static InetSocketAddress connectWithALateAaaa(int port) throws IOException {
    // snippet:start slow-aaaa
    try (DnsServer dns = DnsServer.start()) {
      dns.reply("slow-aaaa.test", RecordType.AAAA, DnsReply.addresses("::1").after(Duration.ofMillis(300)));
      dns.reply("slow-aaaa.test", RecordType.A, DnsReply.addresses("127.0.0.1"));
      try (ConnectByList cbl = ConnectByList.builder().resolver("dns(servers=" + dns.serverSpec() + ", hosts=none)").build();
           Connection c = cbl.connect("slow-aaaa.test", port)) {
        return c.remoteAddress();                            // 127.0.0.1, after the resolution delay (50 ms)
      }
    }
    // snippet:end slow-aaaa
  }
}
