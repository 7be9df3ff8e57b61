package io.github.connectbylist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.testbed.LeakCheck;
import io.github.connectbylist.testbed.ProcessResources;
import io.github.connectbylist.testbed.Testbed;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * {@code close()} racing the first connect of a fresh instance: whatever the interleaving, every connect
 * ends (connected, or failed as {@code CANCELLED}, or refused at once because the instance is closed), and
 * nothing is left open. Two threads meet at a barrier each round so that the two calls overlap as often as
 * they can.
 */
class CloseRaceTest {
  static final int ROUNDS = Integer.getInteger("closeRace.rounds", 3_000);
  /**
   * The closing thread waits a random 0 to 150 us after the barrier, so that over the rounds close() lands
   * at every point of the connect's path from the argument checks to the event loop's first task.
   */
  static final long MAX_JITTER_NANOS = Long.getLong("closeRace.jitterNanos", 150_000);

  /** How one round ended, from the connecting thread's side. */
  private enum End { CONNECTED, CANCELLED, REFUSED_CLOSED, HUNG }

  @Test
  void everyAsyncConnectEndsWhenCloseRacesTheFirstConnect() throws Exception {
    assertEveryRoundEnds(false);
  }

  @Test
  void everyBlockingConnectEndsWhenCloseRacesItsHandOverToTheEventLoop() throws Exception {
    assertEveryRoundEnds(true);
  }

  private static void assertEveryRoundEnds(boolean blocking) throws Exception {
    try (Testbed testbed = new Testbed()) {
      // A blocking connect reaches the event loop only when an attempt is still pending: a black hole.
      InetSocketAddress target = blocking ? testbed.blackHoled("127.0.0.3").address() : testbed.accepting("127.0.0.1").address();
      LeakCheck leaks = LeakCheck.start();
      long threadsBefore = ProcessResources.liveThreads();
      ExecutorService pool = Executors.newFixedThreadPool(2);
      int[] ends = new int[End.values().length];
      List<String> hung = new ArrayList<>();
      try {
        CyclicBarrier barrier = new CyclicBarrier(2);
        java.util.SplittableRandom jitter = new java.util.SplittableRandom(round0Seed());
        for (int round = 0; round < ROUNDS; round++) {
          ConnectByList cbl = ConnectByList.builder().strategy("test-sequential").build();
          Future<End> connecting = pool.submit(() -> {
            barrier.await();
            return connectOnce(cbl, target, blocking);
          });
          long closeAfterNanos = jitter.nextLong(MAX_JITTER_NANOS);
          Future<?> closing = pool.submit(() -> {
            barrier.await();
            spin(closeAfterNanos);
            cbl.close();
            return null;
          });
          closing.get(10, TimeUnit.SECONDS);
          End end;
          try {
            end = connecting.get(5, TimeUnit.SECONDS);
          } catch (TimeoutException e) {
            end = End.HUNG;
            hung.add("round " + round);
            connecting.cancel(true);
          }
          ends[end.ordinal()]++;
        }
      } finally {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
      }
      String summary = describe(ends);
      System.out.println("close race, " + (blocking ? "blocking" : "async") + ", " + ROUNDS + " rounds: " + summary);
      assertEquals(0, ends[End.HUNG.ordinal()], "connects left hanging: " + summary + " " + hung);
      leaks.assertNoneOpen();
      long threadsAfter = ProcessResources.awaitAtMost(ProcessResources::liveThreads, threadsBefore, 3_000);
      assertTrue(threadsAfter <= threadsBefore, "threads: " + threadsBefore + " before, " + threadsAfter + " after");
    }
  }

  private static End connectOnce(ConnectByList cbl, InetSocketAddress target, boolean blocking) throws Exception {
    try {
      if (blocking) {
        cbl.connect(List.of(target)).close();
        return End.CONNECTED;
      }
      CompletableFuture<Connection> f = cbl.connectAsync(List.of(target));
      try {
        f.get(2, TimeUnit.SECONDS).close();
        return End.CONNECTED;
      } catch (java.util.concurrent.ExecutionException e) {
        throw new CompletionException(e.getCause());
      } catch (TimeoutException e) {
        return End.HUNG;
      }
    } catch (IllegalStateException closedBeforeTheCall) {
      return End.REFUSED_CLOSED;
    } catch (ConnectFailedException | CompletionException e) {
      Throwable cause = e instanceof CompletionException ? e.getCause() : e;
      if (cause instanceof ConnectFailedException failed && failed.kind() == FailureKind.CANCELLED) {
        return End.CANCELLED;
      }
      throw e;
    }
  }

  private static long round0Seed() {
    return Long.getLong("closeRace.seed", System.nanoTime());
  }

  private static void spin(long nanos) {
    long until = System.nanoTime() + nanos;
    while (System.nanoTime() - until < 0) {
      Thread.onSpinWait();
    }
  }

  private static String describe(int[] ends) {
    StringBuilder s = new StringBuilder();
    for (End e : End.values()) {
      s.append(s.length() == 0 ? "" : ", ").append(e.name().toLowerCase(java.util.Locale.ROOT)).append(' ')
          .append(ends[e.ordinal()]);
    }
    return s.toString();
  }
}
