package io.github.connectbylist.strategy.rfc6724;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.Connection;
import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.ConnectListener;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.testbed.Endpoint;
import io.github.connectbylist.testbed.Testbed;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The ranker through ConnectByList on loopback: the trace shows the order it chose. */
class Rfc6724OnLoopbackTest {

  @Test
  void theTraceFollowsTheRfc6724Order() throws Exception {
    assumeTrue(Testbed.ipv6LoopbackAvailable(), "::1 cannot be bound here; skipping");
    List<List<AddressPair>> rankings = new CopyOnWriteArrayList<>();
    ConnectListener listener = new ConnectListener() {
      @Override
      public void connectStarted(List<AddressPair> rankedPairs) {
        rankings.add(rankedPairs);
      }
    };
    try (Testbed testbed = new Testbed();
        ConnectByList cbl = ConnectByList.builder().ranker("rfc6724").scheduler("sequential").listener(listener)
            .build()) {
      Endpoint refused4 = testbed.refusing("127.0.0.2");
      Endpoint good4 = testbed.accepting("127.0.0.1");
      Endpoint refused6 = testbed.refusing("::1");
      // Given IPv4 first; RFC 6724 puts ::1 (precedence 50) before IPv4 (35), and keeps the IPv4 order.
      try (Connection c = cbl.connect(List.of(refused4.address(), good4.address(), refused6.address()))) {
        List<InetSocketAddress> tried = c.attempts().stream().map(a -> a.pair().destination()).toList();
        assertEquals(List.of(refused6.address(), refused4.address(), good4.address()), tried);
        assertEquals(List.of(FailureKind.REFUSED, FailureKind.REFUSED),
            c.attempts().stream().filter(a -> !a.connected()).map(Attempt::failure).toList());
        assertEquals(good4.address(), c.remoteAddress());
        assertEquals(tried, rankings.get(0).stream().map(AddressPair::destination).toList());
      }
      assertInstanceOf(Rfc6724Ranker.class, cbl.ranker());
    }
  }
}
