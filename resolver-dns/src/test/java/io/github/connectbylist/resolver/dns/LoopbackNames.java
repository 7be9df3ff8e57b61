package io.github.connectbylist.resolver.dns;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.connectbylist.testbed.DnsServer;
import io.github.connectbylist.testbed.LeakCheck;
import io.github.connectbylist.testbed.Testbed;
import io.github.connectbylist.testbed.ThreadCheck;

/**
 * What a test of connects by name on loopback holds: the testbed, its DNS server, and the checks that nothing
 * (socket, thread) is left when it closes. Both families are needed: the test is skipped where ::1 is off.
 */
final class LoopbackNames {
  final ThreadCheck threads;
  final LeakCheck leaks;
  final Testbed testbed;
  final DnsServer dns;

  LoopbackNames() throws Exception {
    assumeTrue(Testbed.ipv6LoopbackAvailable(), "::1 cannot be bound here; these cases need both families");
    threads = ThreadCheck.start();
    leaks = LeakCheck.start();
    testbed = new Testbed();
    dns = DnsServer.start();
  }

  /** Closes the server and the testbed, then fails if a socket or a thread of the test is left. */
  void stop() throws Exception {
    dns.close();
    testbed.close();
    leaks.assertNoneOpen();
    threads.assertNoneLeft();
  }
}
