package io.github.connectbylist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.NameResolver;
import io.github.connectbylist.testbed.Testbed;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Edges of a connect that starts on the caller's thread: an interrupt, a cancel before the first step, a resolve that blocks. */
class InterruptCancelAndBlockingResolveTest {

  /** A resolver that never answers: the connect has to move to the event loop and wait there. */
  private static final NameResolver NEVER = (host, answers) -> () -> {};

  /**
   * A caller whose interrupt flag is set when it connects: future.get() throws at once, cancel() wins against the
   * queued ADOPT, ADOPT then finds the future done and fails the call, whose end() calls removeOnClose(null):
   * NullPointerException before `ended` is set, so awaitEnd() waits for ever (and uninterruptibly).
   */
  @Test
  void anInterruptedBlockingConnectByNameReturns() throws Exception {
    try (ConnectByList cbl = ConnectByList.builder().strategy("test-sequential").resolver(NEVER).build()) {
      for (int round = 0; round < 20; round++) {
        assertReturnsWhenInterrupted(() -> cbl.connect("never.test", 80), "round " + round);
      }
    }
  }

  /** The same for a connect to a list whose attempt has to wait (the list path uses ADOPT too). */
  @Test
  void anInterruptedBlockingConnectToABlackHoleReturns() throws Exception {
    try (Testbed testbed = new Testbed();
        ConnectByList cbl = ConnectByList.builder().strategy("test-sequential").build()) {
      InetSocketAddress hole = testbed.blackHoled("127.0.0.1").address();
      for (int round = 0; round < 20; round++) {
        assertReturnsWhenInterrupted(() -> cbl.connect(List.of(hole)), "round " + round);
      }
    }
  }

  interface Connect {
    Connection run() throws ConnectFailedException;
  }

  private static void assertReturnsWhenInterrupted(Connect connect, String what) throws InterruptedException {
    AtomicReference<Object> outcome = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      Thread.currentThread().interrupt();
      try {
        outcome.set(connect.run());
      } catch (Throwable e) {
        outcome.set(e);
      }
    }, "interrupted-caller");
    caller.setDaemon(true);
    caller.start();
    caller.join(5_000);
    boolean hung = caller.isAlive();
    if (hung) {
      StringBuilder where = new StringBuilder();
      for (StackTraceElement e : caller.getStackTrace()) {
        where.append("\n  at ").append(e);
      }
      throw new AssertionError(what + ": the interrupted blocking connect did not return within 5 s:" + where);
    }
    assertTrue(outcome.get() instanceof ConnectFailedException, what + ": " + outcome.get());
    assertEquals(FailureKind.CANCELLED, ((ConnectFailedException) outcome.get()).kind(), what);
  }

  /**
   * Cancelling an async connect before its BEGIN runs, or closing the instance while a connect's first task is
   * queued, makes enterDriver fail the call, and end() calls removeOnClose(null): logged as "internal error".
   */
  @Test
  void aConnectCancelledBeforeItsFirstStepLogsNoInternalError() throws Exception {
    List<LogRecord> severe = new CopyOnWriteArrayList<>();
    Handler h = new Handler() {
      @Override
      public void publish(LogRecord r) {
        if (r.getLevel().intValue() >= Level.SEVERE.intValue()) {
          severe.add(r);
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger log = Logger.getLogger("io.github.connectbylist");
    log.addHandler(h);
    try (Testbed testbed = new Testbed();
        ConnectByList cbl = ConnectByList.builder().strategy("test-sequential").build()) {
      InetSocketAddress hole = testbed.blackHoled("127.0.0.1").address();
      for (int i = 0; i < 50; i++) {
        CompletableFuture<Connection> f = cbl.connectAsync(List.of(hole));
        f.cancel(false);
        try {
          f.join();
        } catch (CancellationException expected) {
          // as asked
        }
      }
      Thread.sleep(300); // the queued steps run
    } finally {
      log.removeHandler(h);
    }
    assertEquals(List.of(), severe.stream().map(r -> r.getMessage() + ": " + r.getThrown()).toList());
  }

  /**
   * A blocking connect asks its resolver on the caller's thread, where no timer can end a resolve that blocks
   * (NameResolver: it must return at once); the connect still fails as TIMED_OUT when it returns late, and has
   * started nothing.
   */
  @Test
  void aResolveThatBlocksPastTheDeadlineFailsAsTimedOutWhenItReturns() throws Exception {
    NameResolver slow = (host, answers) -> {
      try {
        Thread.sleep(600);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return () -> {};
    };
    try (ConnectByList cbl = ConnectByList.builder().strategy("test-sequential").resolver(slow)
        .timeout(Duration.ofMillis(100)).build()) {
      ConnectFailedException e = org.junit.jupiter.api.Assertions.assertThrows(ConnectFailedException.class,
          () -> cbl.connect("slow.test", 80));
      assertEquals(FailureKind.TIMED_OUT, e.kind());
      assertEquals(List.of(), e.attempts());
    }
  }
}
