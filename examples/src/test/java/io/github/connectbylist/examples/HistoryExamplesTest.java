package io.github.connectbylist.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.Connection;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Behind a black hole the first connect pays the attempt delay; what comes after depends on the history: none
 * pays again, an instance's own or a shared one goes straight to the good address.
 */
class HistoryExamplesTest {
  private static final Duration DELAY = Duration.ofMillis(245);

  private static Connection connect(ConnectByList cbl, List<InetSocketAddress> addresses) throws Exception {
    Connection c = cbl.connect(addresses);
    assertEquals(addresses.get(addresses.size() - 1), c.remoteAddress(), c.attempts().toString());
    return c;
  }

  private static boolean paidTheDelay(ConnectByList cbl, List<InetSocketAddress> addresses) throws Exception {
    try (Connection c = connect(cbl, addresses)) {
      return c.winner().startedAt().compareTo(DELAY) >= 0;
    }
  }

  @Test
  void ownSharedAndNoHistory() throws Exception {
    try (Loopback loopback = new Loopback()) {
      List<InetSocketAddress> addresses = List.of(loopback.testbed.blackHoled("127.0.0.1").address(),
          loopback.testbed.accepting("127.0.0.1").address());
      try (HistoryExamples h = HistoryExamples.instances();
          ConnectByList alsoShared = ConnectByList.builder().history(h.shared()).build()) {
        assertTrue(paidTheDelay(h.own(), addresses));
        assertTrue(!paidTheDelay(h.own(), addresses), "its own history: straight to the good address");
        assertTrue(paidTheDelay(h.learning(), addresses));
        assertTrue(!paidTheDelay(alsoShared, addresses), "learned by the other instance of the shared history");
        assertTrue(paidTheDelay(h.forgetful(), addresses));
        assertTrue(paidTheDelay(h.forgetful(), addresses), "History.none(): every connect starts from nothing");
      }
    }
  }

  @Test
  void rankerHistoryAsTextAndOverABaseOfOnesOwn() throws Exception {
    try (Loopback loopback = new Loopback()) {
      InetSocketAddress hole = loopback.testbed.blackHoled("127.0.0.1").address();
      InetSocketAddress good = loopback.testbed.accepting("127.0.0.1").address();
      List<ConnectByList.Builder> rankers = HistoryExamples.rankers();
      try (ConnectByList tuned = rankers.get(0).build(); Connection c = tuned.connect(List.of(good, hole))) {
        assertEquals(1, c.attempts().size(), "the given order, the good address first: " + c.attempts());
      }
      try (ConnectByList overMine = rankers.get(1).build(); Connection c = overMine.connect(List.of(good, hole))) {
        assertEquals(hole, c.attempts().get(0).pair().destination(), "MyRanker reversed the order: " + c.attempts());
        assertEquals(good, c.remoteAddress());
      }
    }
  }
}
