package io.github.connectbylist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.testbed.LeakCheck;
import io.github.connectbylist.testbed.Endpoint;
import io.github.connectbylist.testbed.ProcessResources;
import io.github.connectbylist.testbed.Testbed;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Hundreds of connects of every kind leave the process with the descriptors and threads it had. */
class LeakTest {

  @Test
  void hundredsOfMixedConnectsLeaveNothingOpen() throws Exception {
    try (Testbed testbed = new Testbed()) {
      InetSocketAddress good = testbed.accepting("127.0.0.1").address();
      InetSocketAddress refused = testbed.refusing("127.0.0.2").address();
      InetSocketAddress hole = testbed.blackHoled("127.0.0.3").address();
      Endpoint otherHole = testbed.blackHoled("127.0.0.4");
      LeakCheck leaks = LeakCheck.start();
      long threadsBefore = ProcessResources.liveThreads();
      int connects = 0;

      try (ConnectByList plain = ConnectByList.builder().strategy("test-sequential").build();
          ConnectByList quick = ConnectByList.builder()
              .strategy("test-sequential(attempt-timeout=5ms)").timeout(Duration.ofMillis(30)).build();
          ConnectByList racing = ConnectByList.builder().ranker("test-sequential").scheduler("test-all-at-once").build()) {
        for (int round = 0; round < 60; round++) {
          plain.connect(List.of(good)).close();
          plain.connect(List.of(refused, good)).close();
          quick.connect(List.of(hole, good)).close();
          racing.connect(List.of(hole, good, otherHole.address())).close();
          assertEquals(FailureKind.REFUSED,
              assertThrows(ConnectFailedException.class, () -> plain.connect(List.of(refused))).kind());
          assertEquals(FailureKind.TIMED_OUT,
              assertThrows(ConnectFailedException.class, () -> quick.connect(List.of(hole, otherHole.address()))).kind());
          CompletableFuture<Connection> cancelled = plain.connectAsync(List.of(hole));
          cancelled.cancel(false);
          assertThrows(CancellationException.class, cancelled::join);
          connects += 7;
        }
      }

      assertTrue(connects >= 400, "connects: " + connects);
      leaks.assertNoneOpen();
      long threadsAfter = ProcessResources.awaitAtMost(ProcessResources::liveThreads, threadsBefore, 3_000);
      assertTrue(threadsAfter <= threadsBefore, "threads: " + threadsBefore + " before, " + threadsAfter + " after");
    }
  }
}
