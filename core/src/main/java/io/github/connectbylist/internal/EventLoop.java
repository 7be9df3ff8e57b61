package io.github.connectbylist.internal;

import io.github.connectbylist.engine.Driver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One thread with a {@link Selector} and a timer queue that drives every pending attempt of one {@code
 * ConnectByList}. Other threads talk to it only through {@link #execute}; everything else is for the loop
 * thread itself. The selector opens and the thread starts with the first task; {@link #close} ends them.
 *
 * <p>Closing never strands work: a task that {@link #execute} accepted always runs (after {@link #close}
 * it sees {@link #isClosing()} and ends its connect), and a task it refuses throws. When the loop closes
 * before its thread ever started, {@link #close} itself runs the tasks that were accepted.
 */
public final class EventLoop implements Driver, AutoCloseable {
  private static final AtomicInteger THREAD_IDS = new AtomicInteger();

  /** Reacts to a ready channel; the attachment of every key this loop registers. */
  public interface ReadyHandler {
    void ready(SelectionKey key);
  }

  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final TimerQueue timers = new TimerQueue();
  private final List<Runnable> afterDeregistration = new ArrayList<>();
  private final Set<Runnable> closeHooks = new LinkedHashSet<>();
  private final Object lifecycle = new Object();
  private final CountDownLatch closed = new CountDownLatch(1);
  /** Opened with the thread; other threads read it only after reading a non-null {@link #thread}. */
  private Selector selector;
  private volatile Thread thread;
  /** The thread that runs the queued tasks when the loop closes before its thread started. */
  private volatile Thread closer;
  private volatile boolean closing;

  public EventLoop() {}

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  /**
   * Runs {@code task} on the loop thread, starting the thread if needed.
   *
   * @throws RejectedExecutionException when the loop is closed or closing; the task will not run
   */
  @Override
  public void execute(Runnable task) {
    if (closing) {
      throw rejected();
    }
    tasks.add(task);
    Thread t = thread;
    if (t == null) {
      try {
        t = start();
      } catch (UncheckedIOException e) {
        tasks.remove(task);
        throw new RejectedExecutionException("cannot start the event loop: " + e.getMessage(), e);
      }
    }
    // A task still queued once closing is set is run by whoever drains after setting it (the loop thread,
    // or close() when no thread ever started), unless it is taken back here first.
    if (closing && tasks.remove(task)) {
      throw rejected();
    }
    if (t != null && t != Thread.currentThread()) {
      selector.wakeup();
    }
  }

  public boolean inLoop() {
    return Thread.currentThread() == thread;
  }

  @Override
  public boolean isClosing() {
    return closing;
  }

  /** The loop thread's name, or {@code null} before it starts; tests check that work stays on it. */
  public String threadName() {
    Thread t = thread;
    return t == null ? null : t.getName();
  }

  /** Loop thread only: runs {@code task} at {@code atNanos} on the {@link System#nanoTime()} scale. */
  @Override
  public TimerQueue.Timer schedule(long atNanos, Runnable task) {
    return timers.add(atNanos, task);
  }

  /** Loop thread only: registers {@code channel} for {@code ops} with {@code handler}. */
  public SelectionKey register(SelectableChannel channel, int ops, ReadyHandler handler)
      throws ClosedChannelException {
    return channel.register(selector, ops, handler);
  }

  /**
   * Loop thread only: runs {@code task} once the keys cancelled so far are flushed from the selector, which
   * is when their channels may be put back in blocking mode.
   */
  public void afterDeregistration(Runnable task) {
    afterDeregistration.add(task);
  }

  /** Loop thread only: {@code hook} runs if the loop closes before the hook is removed. */
  @Override
  public void onClose(Runnable hook) {
    closeHooks.add(hook);
  }

  @Override
  public void removeOnClose(Runnable hook) {
    closeHooks.remove(hook);
  }

  /**
   * Stops the loop: work in progress is ended by its close hooks and every accepted task runs, then the
   * thread ends and is joined. A second caller waits for the first to finish.
   */
  @Override
  public void close() {
    Thread t;
    boolean drainHere;
    synchronized (lifecycle) {
      drainHere = !closing && thread == null;
      closing = true;
      t = thread;
    }
    if (drainHere) {
      closer = Thread.currentThread();
      runTasks(); // no thread will ever drain the queue: the tasks accepted so far run here
      closed.countDown();
      return;
    }
    if (t != null) {
      selector.wakeup();
    }
    awaitClosed();
  }

  /** Starts the thread unless it runs or the loop is closing; returns the thread, {@code null} if none. */
  private Thread start() {
    synchronized (lifecycle) {
      if (thread != null || closing) {
        return thread;
      }
      try {
        selector = Selector.open();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open a selector", e);
      }
      Thread t = new Thread(new Runnable() { // not a lambda: see ConnectCall.Step
        @Override
        public void run() {
          loop();
        }
      }, "connectbylist-loop-" + THREAD_IDS.incrementAndGet());
      t.setDaemon(true);
      thread = t;
      t.start();
      return t;
    }
  }

  private void awaitClosed() {
    if (inLoop() || Thread.currentThread() == closer) {
      return; // a task closing its own loop: the loop finishes once the task returns
    }
    boolean interrupted = false;
    while (true) {
      try {
        closed.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void loop() {
    try {
      while (!closing) {
        long wait = millisToNextTimer();
        if (wait == 0) {
          selector.selectNow();
        } else {
          selector.select(wait < 0 ? 0 : wait);
        }
        processSelectedKeys();
        runDueTimers();
        runTasks();
        flushDeregistrations();
      }
    } catch (IOException | RuntimeException e) {
      Log.error("connectbylist event loop failed; ending its connects", e);
      closing = true;
    } finally {
      runCloseHooks();
      runTasks();
      try {
        flushDeregistrations();
      } catch (IOException e) {
        Log.warning("flushing the selector on close failed", e);
      }
      closeSelector();
      closed.countDown();
    }
  }

  /**
   * -1: no timer; 0: a timer is due or less than a millisecond away; else whole milliseconds to wait. The
   * selector counts in milliseconds, so the last fraction is spent polling: a timer fires within
   * microseconds of its time instead of up to a millisecond late, which Happy Eyeballs' "delay + under
   * 1 ms" target needs.
   */
  private long millisToNextTimer() {
    if (!tasks.isEmpty()) {
      return 0;
    }
    TimerQueue.Timer next = timers.peek();
    if (next == null) {
      return -1;
    }
    long nanos = next.atNanos() - System.nanoTime();
    if (nanos > 0 && nanos < 1_000_000) {
      Thread.onSpinWait();
    }
    return nanos <= 0 ? 0 : nanos / 1_000_000;
  }

  private void processSelectedKeys() {
    Iterator<SelectionKey> it = selector.selectedKeys().iterator();
    while (it.hasNext()) {
      SelectionKey key = it.next();
      it.remove();
      if (key.isValid()) {
        try {
          ((ReadyHandler) key.attachment()).ready(key);
        } catch (RuntimeException e) {
          Log.error("a task on the connectbylist event loop threw", e);
        }
      }
    }
  }

  private void runDueTimers() {
    long now = System.nanoTime();
    TimerQueue.Timer next;
    while ((next = timers.peek()) != null && next.atNanos() - now <= 0) {
      timers.poll();
      guarded(next.task());
    }
  }

  private void runTasks() {
    Runnable task;
    while ((task = tasks.poll()) != null) {
      guarded(task);
    }
  }

  private void flushDeregistrations() throws IOException {
    while (!afterDeregistration.isEmpty()) {
      selector.selectNow();
      List<Runnable> due = new ArrayList<>(afterDeregistration);
      afterDeregistration.clear();
      for (Runnable task : due) {
        guarded(task);
      }
      processSelectedKeys();
    }
  }

  private void runCloseHooks() {
    List<Runnable> hooks = new ArrayList<>(closeHooks);
    closeHooks.clear();
    for (Runnable hook : hooks) {
      guarded(hook);
    }
  }

  private void closeSelector() {
    try {
      selector.close();
    } catch (IOException e) {
      Log.warning("closing the selector failed", e);
    }
  }

  private static RejectedExecutionException rejected() {
    return new RejectedExecutionException("this ConnectByList is closed");
  }

  private static void guarded(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      Log.error("a task on the connectbylist event loop threw", e);
    }
  }
}
