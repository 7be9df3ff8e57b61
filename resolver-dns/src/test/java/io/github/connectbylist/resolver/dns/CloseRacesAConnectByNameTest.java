package io.github.connectbylist.resolver.dns;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.Strategies;
import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.ConnectListener;
import io.github.connectbylist.testbed.DnsServer;
import io.github.connectbylist.testbed.ThreadCheck;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * close() racing a blocking connect by name on an instance whose resolver is made on first use (none given):
 * close() waits for the event loop, not for a connect still on the caller's thread, which must then neither make
 * a resolver that no one closes nor end as anything but cancelled.
 */
class CloseRacesAConnectByNameTest {

  @Test
  void aResolverMadeByAConnectThatRacesCloseIsClosedToo() throws Exception {
    ThreadCheck threads = ThreadCheck.start();
    try (DnsServer dns = DnsServer.start()) {
      System.setProperty(Strategies.RESOLVER_PROPERTY, "dns(servers=" + dns.serverSpec() + ", timeout=1s, hosts=none)");
      try {
        ConnectListener slowish = new ConnectListener() {
          @Override
          public void connectStarted(List<AddressPair> rankedPairs) {
            try {
              Thread.sleep(20); // a listener that takes 20 ms, or a caller's thread preempted on a busy machine
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
        ConnectByList cbl = ConnectByList.builder().listener(slowish).build();
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread caller = new Thread(() -> {
          try {
            outcome.set(cbl.connect("leak.test", 80));
          } catch (Throwable e) {
            outcome.set(e);
          }
        }, "connecting-caller");
        caller.start();
        Thread.sleep(5);
        cbl.close();
        caller.join(10_000);
        org.junit.jupiter.api.Assertions.assertFalse(caller.isAlive(), "the connect ended");
        org.junit.jupiter.api.Assertions.assertTrue(outcome.get() instanceof io.github.connectbylist.ConnectFailedException f
            && f.kind() == io.github.connectbylist.api.FailureKind.CANCELLED, String.valueOf(outcome.get()));
      } finally {
        System.clearProperty(Strategies.RESOLVER_PROPERTY);
      }
    }
    threads.assertNoneLeft();
  }
}
