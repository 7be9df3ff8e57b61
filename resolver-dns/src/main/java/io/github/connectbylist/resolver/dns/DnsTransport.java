package io.github.connectbylist.resolver.dns;

import io.github.connectbylist.engine.TimerQueue;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The network side of one {@link DnsResolver}: one daemon thread with a selector and a timer queue, started
 * with the first query and ended by {@link #close()}. Every query ({@link Exchange}) has its own deadline on
 * this thread's timers, checked on every turn of the loop whatever the sockets do, so a server that drips
 * bytes or never answers cannot hold a query past its timeout, nor one query hold another (dnsjava 3.6's
 * {@code NioClient} checked time-outs only when a select returned nothing).
 */
final class DnsTransport {
  private static final AtomicInteger THREADS = new AtomicInteger();
  /** How many datagrams one socket may deliver in one turn, so that a flood cannot starve the timers. */
  static final int DATAGRAMS_PER_TURN = 16;
  /**
   * How many length-prefixed messages one TCP connection may deliver in one turn: as for datagrams, a server
   * that never stops sending (endless empty messages, say) must not keep the loop from its timers, its other
   * sockets or {@link #close()}.
   */
  static final int TCP_MESSAGES_PER_TURN = 16;
  /** How many bytes one TCP connection may deliver in one turn: a reply of the largest size takes two. */
  static final int TCP_BYTES_PER_TURN = 64 << 10;
  /** How long {@link #close()} waits for the loop to end before it takes its sockets from it. */
  private static final long CLOSE_WAIT_MILLIS = 5_000;

  /** What a registered channel's readiness is handed to, on the loop thread. */
  interface Handler {
    /**
     * The channel is ready for the operations of {@code key}.
     *
     * @param key the key
     * @throws IOException when the channel failed; {@link #failed} is told
     */
    void ready(SelectionKey key) throws IOException;

    /**
     * What {@link #ready} threw.
     *
     * @param error the exception or error
     */
    void failed(Throwable error);
  }

  private final Object lock = new Object();
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private Selector selector; // guarded by lock; set while the thread runs
  private Thread thread; // guarded by lock
  private boolean closed; // guarded by lock
  private volatile boolean closing; // closed, read by the loop without the lock

  // The loop thread's own state.
  private final TimerQueue timers = new TimerQueue();
  private final Set<Exchange> live = new HashSet<>();
  private final ByteBuffer datagram = ByteBuffer.allocateDirect(65_535);
  private Selector loopSelector;
  private boolean shuttingDown;

  /**
   * Runs {@code task} on the loop thread, starting the thread when none runs.
   *
   * @param task the task
   * @return {@code false} when this transport is closed and the task will not run
   * @throws IOException when the selector cannot be opened
   */
  boolean execute(Runnable task) throws IOException {
    synchronized (lock) {
      if (closed) {
        return false;
      }
      if (thread == null) {
        startLocked();
      }
      tasks.add(task);
      if (Thread.currentThread() != thread) {
        selector.wakeup();
      }
      return true;
    }
  }

  private void startLocked() throws IOException {
    Selector s = Selector.open();
    selector = s;
    thread = new Thread(() -> run(s), "connectbylist-dns-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Stops the loop: what is pending fails, every socket and the selector are closed, and the thread ends
   * (waited for, unless called on it). Each turn of the loop is bounded (reads per socket, see {@link
   * #TCP_MESSAGES_PER_TURN}), so the loop sees the close within a turn. Should it still run after {@value
   * #CLOSE_WAIT_MILLIS} ms, held by a caller's answer callback that blocks, it is interrupted and its
   * selector closed from here, which releases every socket registered with it, so that nothing stays open;
   * the thread ends when that callback returns.
   */
  void close() {
    Thread t;
    Selector s;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      closing = true;
      t = thread;
      s = selector;
      if (s != null) {
        s.wakeup();
      }
    }
    if (t == null || t == Thread.currentThread()) {
      return;
    }
    try {
      t.join(CLOSE_WAIT_MILLIS);
      if (t.isAlive()) {
        Log.logger().log(Level.WARNING, t.getName() + " did not end within " + CLOSE_WAIT_MILLIS + " ms of close() (an "
            + "answer callback that blocks?); interrupting it and closing its sockets");
        t.interrupt();
        try {
          s.close(); // deregisters every channel: their sockets are released now, not at a next select
        } catch (IOException | RuntimeException ignored) {
          // the loop closed it meanwhile
        }
        t.join(1_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * How many timers wait, read on the loop thread, for tests: an ended query leaves none behind.
   *
   * @return the count to come; 0 when the loop is not running
   */
  CompletableFuture<Integer> timerCount() {
    CompletableFuture<Integer> count = new CompletableFuture<>();
    try {
      if (!execute(() -> count.complete(timers.size()))) {
        count.complete(0);
      }
    } catch (IOException e) {
      count.completeExceptionally(e);
    }
    return count;
  }

  // What follows runs on the loop thread only.

  /** Whether the loop is ending: a query started now fails at once. */
  boolean shuttingDown() {
    return shuttingDown;
  }

  /** Runs {@code action} at {@code atNanos} ({@link System#nanoTime()}); cancelling the timer removes it. */
  TimerQueue.Timer schedule(long atNanos, Runnable action) {
    return timers.add(atNanos, action);
  }

  /** Registers {@code channel} with the selector for {@code ops}, readiness going to {@code handler}. */
  SelectionKey register(SelectableChannel channel, int ops, Handler handler) throws IOException {
    return channel.register(loopSelector, ops, handler);
  }

  /** The loop thread's buffer for one datagram. */
  ByteBuffer datagramBuffer() {
    return datagram.clear();
  }

  void started(Exchange e) {
    live.add(e);
  }

  void ended(Exchange e) {
    live.remove(e);
  }

  private boolean closedNow() {
    return closing;
  }

  private void run(Selector s) {
    loopSelector = s;
    Throwable fatal = null;
    try {
      while (!closedNow()) {
        runTasks();
        long waitNanos = runDueTimers();
        if (!tasks.isEmpty() || closedNow()) {
          continue;
        }
        if (waitNanos < 0) {
          s.select();
        } else if (waitNanos < 1_000_000) {
          s.selectNow();
        } else {
          s.select((waitNanos + 999_999) / 1_000_000);
        }
        Iterator<SelectionKey> it = s.selectedKeys().iterator();
        while (it.hasNext()) { // each handler reads a bounded amount: the turn ends, whatever the servers send
          SelectionKey key = it.next();
          it.remove();
          Handler h = (Handler) key.attachment();
          try {
            if (key.isValid()) {
              h.ready(key);
            }
          } catch (Throwable e) { // an Error too: it ends this one query, never the thread or a caller
            failed(h, e);
          }
        }
        runDueTimers(); // whatever select returned: a dripping or flooding socket must not hold the timers back
      }
    } catch (Throwable e) { // the selector failed: every query fails with it
      if (!closedNow()) { // else close() took the selector from a loop held too long: not a failure
        fatal = e;
        Log.logger().log(Level.ERROR, "the DNS resolver's loop failed; pending queries fail", e);
      }
    } finally {
      shutDown(s, fatal);
    }
  }

  private static void failed(Handler h, Throwable e) {
    try {
      h.failed(e);
    } catch (Throwable again) {
      Log.logger().log(Level.ERROR, "a DNS query could not be ended after " + e, again);
    }
  }

  private void runTasks() {
    Runnable task;
    while ((task = tasks.poll()) != null) {
      try {
        task.run();
      } catch (Throwable e) {
        Log.logger().log(Level.ERROR, "a DNS resolver task failed", e);
      }
    }
  }

  /** Runs the timers that are due; returns the nanoseconds to the next one, or -1 when there is none. */
  private long runDueTimers() {
    while (true) {
      TimerQueue.Timer next = timers.peek();
      if (next == null) {
        return -1;
      }
      long wait = next.atNanos() - System.nanoTime();
      if (wait > 0) {
        return wait;
      }
      Runnable action = timers.poll().task();
      try {
        action.run();
      } catch (Throwable e) {
        Log.logger().log(Level.ERROR, "a DNS resolver timer failed", e);
      }
    }
  }

  private void shutDown(Selector s, Throwable fatal) {
    shuttingDown = true;
    IOException why = fatal == null ? new IOException("the resolver was closed")
        : new IOException("the resolver's loop failed: " + fatal, fatal);
    runTasks(); // queries handed over before the end: they see shuttingDown and fail at once
    for (Exchange e : new ArrayList<>(live)) {
      e.abort(why);
    }
    live.clear();
    timers.clear();
    try {
      s.close(); // releases every channel still registered
    } catch (IOException | RuntimeException ignored) {
      // nothing more to release
    }
    while (true) { // tasks handed over meanwhile fail at once, outside the lock
      List<Runnable> late;
      synchronized (lock) {
        if (tasks.isEmpty()) {
          timers.clear();
          shuttingDown = false;
          thread = null; // when not closed (the loop failed), the next query starts a fresh loop
          selector = null;
          return;
        }
        late = new ArrayList<>(tasks);
        tasks.clear();
      }
      for (Runnable task : late) {
        try {
          task.run();
        } catch (Throwable e) {
          Log.logger().log(Level.ERROR, "a DNS resolver task failed", e);
        }
      }
    }
  }
}
