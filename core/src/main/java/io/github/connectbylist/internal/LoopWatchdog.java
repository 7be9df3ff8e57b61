package io.github.connectbylist.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps the promises an event loop cannot keep while a strategy, listener or resolver holds its one thread
 * (a {@code Schedule.next} that blocks, a ranker stuck in a lock): every connect of that loop whose deadline
 * passes meanwhile fails as timed out at once instead of when the call returns, and the call is logged
 * once with where it is stuck. The connects' sockets close when the loop is back. Vert.x's blocked-thread
 * checker is the model.
 *
 * <p>One daemon thread for the JVM, started with the first loop thread and ended with the last. It looks
 * at every loop each {@value #POLL_MILLIS} ms while some loop has a connect in progress, and sleeps while
 * none has; a loop wakes it when a connect arrives. A loop is held when the watchdog finds it in the same
 * turn at two looks in a row, which a pause of the whole JVM (a garbage collection) does not fake.
 */
final class LoopWatchdog {
  static final long POLL_MILLIS = 10;
  /** A turn held this long is logged, once, with the holder's stack. */
  static final long WARN_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  private static final Set<EventLoop> LOOPS = ConcurrentHashMap.newKeySet();
  private static Thread thread; // guarded by LoopWatchdog.class
  private static volatile boolean sleeping;

  private LoopWatchdog() {}

  /** A loop thread started. */
  static void started(EventLoop loop) {
    LOOPS.add(loop);
    synchronized (LoopWatchdog.class) {
      if (thread == null) {
        Thread t = new Thread(new Runnable() { // not a lambda: see ConnectCall.Step
          @Override
          public void run() {
            watch();
          }
        }, "connectbylist-watchdog");
        t.setDaemon(true);
        thread = t;
        t.start();
      }
    }
    wake();
  }

  /** A loop thread ended. */
  static void ended(EventLoop loop) {
    LOOPS.remove(loop);
    wake(); // so that it can end once no loop is left
  }

  /** A loop has a connect in progress: the watchdog looks again if it was asleep. */
  static void busy() {
    if (sleeping) {
      wake();
    }
  }

  private static void wake() {
    Thread t;
    synchronized (LoopWatchdog.class) {
      t = thread;
    }
    if (t != null) {
      LockSupport.unpark(t);
    }
  }

  private static void watch() {
    while (true) {
      synchronized (LoopWatchdog.class) {
        if (LOOPS.isEmpty()) {
          thread = null;
          return;
        }
      }
      if (lookAtEveryLoop()) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
        continue;
      }
      sleeping = true;
      if (!lookAtEveryLoop()) { // a connect that arrived while going to sleep has seen sleeping set
        LockSupport.park();
      }
      sleeping = false;
    }
  }

  /** Whether some loop has a connect in progress. */
  private static boolean lookAtEveryLoop() {
    boolean work = false;
    long now = System.nanoTime();
    for (EventLoop loop : LOOPS) {
      if (loop.hasWork()) {
        work = true;
        look(loop, now);
      }
    }
    return work;
  }

  private static void look(EventLoop loop, long now) {
    long turn = loop.turnStartedAt();
    if (turn == 0 || turn != loop.watchedTurn) {
      loop.watchedTurn = turn; // waiting, or a new turn since the last look: not held
      return;
    }
    long held = now - turn;
    if (loop.describedTurn != turn) {
      loop.describedTurn = turn;
      loop.holder = holder(loop.thread());
      loop.warned = false;
    }
    if (held >= WARN_NANOS && !loop.warned) {
      loop.warned = true;
      Log.warning("the connectbylist event loop " + loop.threadName() + " has been held for " + held / 1_000_000
          + " ms by " + loop.holder + "; connects of its instance past their deadline fail now (a strategy, "
          + "listener or resolver must not block)");
    }
    loop.abandonOverdue(now, held, loop.holder);
  }

  /** The first frame of {@code thread}'s stack outside the JDK and this package: where it is held. */
  static String holder(Thread thread) {
    if (thread == null) {
      return "a task";
    }
    for (StackTraceElement e : thread.getStackTrace()) {
      String c = e.getClassName();
      if (!c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.")
          && !c.startsWith(LoopWatchdog.class.getPackageName() + ".")) {
        return e.toString();
      }
    }
    return "a task of the loop (" + thread.getName() + ")";
  }
}
