package io.github.connectbylist.internal;

import io.github.connectbylist.engine.Driver;
import io.github.connectbylist.engine.TimerQueue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import io.github.connectbylist.api.FailureKind;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One thread with a {@link Selector} and a timer queue that drives every pending attempt of one {@code
 * ConnectByList}. Other threads talk to it only through {@link #execute}; everything else is for the loop
 * thread itself. The selector opens and the thread starts with the first task; {@link #close} ends them.
 *
 * <p>Closing never strands work: a task that {@link #execute} accepted always runs (after {@link #close}
 * it sees {@link #isClosing()} and ends its connect), and a task it refuses throws. When the loop closes
 * before its thread ever started, {@link #close} itself runs the tasks that were accepted.
 *
 * <p>What a task throws stays in the task: the loop logs it and goes on, an {@link Error} included. Only a
 * {@linkplain Fatal fatal} error (out of memory) stops the loop; it then ends every connect in progress
 * with that error as the cause and refuses every later task, saying why ({@link #stoppedBy()}).
 *
 * <p>A task that blocks holds the loop's one thread. {@link LoopWatchdog} notices, and ends the connects
 * whose deadline passes meanwhile ({@link Pending}); {@link #close} does not wait for such a task either.
 */
public final class EventLoop implements Driver, AutoCloseable {
  private static final AtomicInteger THREAD_IDS = new AtomicInteger();

  /** How long a turn runs queued tasks before the timers and ready channels get their turn again. */
  static final long TASK_SLICE_NANOS = TimeUnit.MICROSECONDS.toNanos(500);
  /** How long {@link #close} waits for a loop held by a task before it ends the connects itself. */
  static final long CLOSE_WAIT_WHEN_HELD_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  /** Reacts to a ready channel; the attachment of every key this loop registers. */
  public interface ReadyHandler {
    void ready(SelectionKey key);
  }

  /**
   * A connect's work that the loop holds, queued or as a close hook, which another thread may end when the
   * loop cannot: the watchdog when the loop is held past the connect's deadline, {@link #close} when it is
   * held at close. Ending it completes the connect's future only; its sockets close when the loop is back.
   */
  public interface Pending {

    /** The connect's deadline on the {@link System#nanoTime()} scale; {@link Long#MAX_VALUE} if none. */
    long deadlineAtNanos();

    /** Completes the connect's future with this failure, from any thread, unless it is complete. */
    void abandon(FailureKind kind, String why);
  }

  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final TimerQueue timers = new TimerQueue();
  private final List<Runnable> afterDeregistration = new ArrayList<>();
  /** Added and removed on the loop thread; read by the watchdog and by a close that finds the loop held. */
  private final Set<Runnable> closeHooks = ConcurrentHashMap.newKeySet();
  private final Object lifecycle = new Object();
  private final CountDownLatch closed = new CountDownLatch(1);
  /** Opened with the thread; other threads read it only after reading a non-null {@link #thread}. */
  private Selector selector;
  private volatile Thread thread;
  /** The thread that runs the queued tasks when the loop closes before its thread started. */
  private volatile Thread closer;
  private volatile boolean closing;
  /** The fatal error that stopped the loop, or {@code null}. */
  private volatile Throwable stoppedBy;
  /** When the loop thread's current turn began (after its select returned), or 0 while it waits. */
  private volatile long turnStartedAt;
  /** The watchdog's own: the turn it saw at its last look, the held turn it described, where, and if told. */
  long watchedTurn;
  long describedTurn;
  String holder;
  boolean warned;

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
    LoopWatchdog.busy();
  }

  public boolean inLoop() {
    return Thread.currentThread() == thread;
  }

  @Override
  public boolean isClosing() {
    return closing;
  }

  @Override
  public Throwable stoppedBy() {
    return stoppedBy;
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
    LoopWatchdog.busy();
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
      runAllTasks(); // no thread will ever drain the queue: the tasks accepted so far run here
      closed.countDown();
      return;
    }
    if (t != null) {
      selector.wakeup();
    }
    awaitClosed();
  }

  /**
   * Waits for the loop thread to end its connects and itself; when a task holds it, ends the connects here
   * instead, so that a strategy that never returns cannot make {@code close} hang.
   */
  private void awaitClosed() {
    if (inLoop() || Thread.currentThread() == closer) {
      return; // a task closing its own loop: the loop finishes once the task returns
    }
    boolean interrupted = false;
    while (true) {
      try {
        if (closed.await(10, TimeUnit.MILLISECONDS)) {
          break;
        }
        long held = heldNanos(System.nanoTime());
        if (held >= CLOSE_WAIT_WHEN_HELD_NANOS) {
          String by = LoopWatchdog.holder(thread);
          Log.warning("closing a ConnectByList whose event loop is held by " + by + " for " + held / 1_000_000
              + " ms; its connects end now, their sockets close when it returns");
          abandonAll(FailureKind.CANCELLED, "the ConnectByList was closed while its event loop was held by " + by);
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
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
      LoopWatchdog.started(this);
      return t;
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
        turnStartedAt = System.nanoTime() | 1; // never 0, which means "waiting"
        processSelectedKeys();
        runDueTimers();
        runTasks();
        flushDeregistrations();
        turnStartedAt = 0;
      }
    } catch (Throwable e) { // an IOException of the selector, a bug, or a fatal error that tasks let through
      stop(e);
    } finally {
      turnStartedAt = System.nanoTime() | 1; // the closing turn: a hook that blocks in it is a held loop too
      try {
        runCloseHooks();
        runTasksWhileStopping();
        flushDeregistrations();
      } catch (Throwable e) {
        stop(e);
      } finally {
        turnStartedAt = 0;
        closeSelector();
        closed.countDown();
        LoopWatchdog.ended(this);
      }
    }
  }

  /**
   * The loop cannot go on: every connect it holds fails with {@code cause} (close hooks, then queued tasks,
   * see {@link #stoppedBy()}), and later tasks are refused.
   */
  private void stop(Throwable cause) {
    if (stoppedBy == null) {
      stoppedBy = cause;
    }
    closing = true;
    try {
      Log.error("the connectbylist event loop stopped; its connects fail with this cause", cause);
    } catch (Throwable ignored) {
      // out of memory even for the message: the connects still end
    }
  }

  /** How long the loop thread has been in its current turn, or 0 while it waits for work. */
  long heldNanos(long now) {
    long turn = turnStartedAt;
    return turn == 0 ? 0 : now - turn;
  }

  /** When the current turn began, or 0; for the watchdog. */
  long turnStartedAt() {
    return turnStartedAt;
  }

  /** Whether a connect is in progress or queued; for the watchdog. */
  boolean hasWork() {
    return !closeHooks.isEmpty() || !tasks.isEmpty();
  }

  /**
   * The watchdog's: ends every pending connect whose deadline is at or before {@code now}, the loop having
   * been held for {@code heldNanos} by {@code holder}.
   */
  void abandonOverdue(long now, long heldNanos, String holder) {
    String why = null;
    for (Iterable<Runnable> work : List.of(closeHooks, tasks)) {
      for (Runnable r : work) {
        if (r instanceof Pending p && p.deadlineAtNanos() != Long.MAX_VALUE && now - p.deadlineAtNanos() >= 0) {
          if (why == null) {
            why = "the deadline passed while the event loop was held for " + heldNanos / 1_000_000 + " ms by " + holder;
          }
          p.abandon(FailureKind.TIMED_OUT, why);
        }
      }
    }
  }

  /** The loop thread, or {@code null} before it starts. */
  Thread thread() {
    return thread;
  }

  private void abandonAll(FailureKind kind, String why) {
    for (Iterable<Runnable> work : List.of(closeHooks, tasks)) {
      for (Runnable r : work) {
        if (r instanceof Pending p) {
          p.abandon(kind, why);
        }
      }
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
        } catch (Throwable e) {
          survive(e);
        }
      }
    }
  }

  /**
   * Runs the timers due now that were armed before this pass: one armed by a timer for a time already past
   * waits for the next turn, after the selected keys and the tasks, so that a strategy that keeps asking
   * to be woken in the past cannot hold the loop in this pass.
   */
  private void runDueTimers() {
    long now = System.nanoTime();
    long armedBefore = timers.nextOrder();
    TimerQueue.Timer next;
    while ((next = timers.peek()) != null && next.atNanos() - now <= 0 && next.order() < armedBefore) {
      timers.poll();
      guarded(next.task());
    }
  }

  private void runAllTasks() {
    Runnable task;
    while ((task = tasks.poll()) != null) {
      guarded(task);
    }
  }

  /**
   * Runs queued tasks for at most {@link #TASK_SLICE_NANOS}; the rest wait for the next turn, after the
   * timers and the ready channels, so that a burst of new connects cannot make the deadlines of those in
   * progress late, and a task that keeps queueing tasks cannot keep the loop in this pass.
   */
  private void runTasks() {
    long until = System.nanoTime() + TASK_SLICE_NANOS;
    int ran = 0;
    Runnable task;
    while ((task = tasks.poll()) != null) {
      guarded(task);
      if ((++ran & 7) == 0 && System.nanoTime() - until > 0) {
        return;
      }
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

  /**
   * Each hook ends its connect; even a fatal error of one must not keep the others from theirs. A hook stays
   * in the set while it runs, so that a close that finds the loop held by it can end its connect.
   */
  private void runCloseHooks() {
    for (Runnable hook : new ArrayList<>(closeHooks)) {
      runWhileStopping(hook);
      closeHooks.remove(hook); // only now: a close that finds the loop held here can still end its connect
    }
  }

  private void runTasksWhileStopping() {
    Runnable task;
    while ((task = tasks.poll()) != null) {
      runWhileStopping(task);
    }
  }

  private void runWhileStopping(Runnable task) {
    try {
      task.run();
    } catch (Throwable e) {
      if (Fatal.isFatal(e) && stoppedBy == null) {
        stoppedBy = e;
      }
      try {
        Log.error("a task threw while the connectbylist event loop stopped", e);
      } catch (Throwable ignored) {
        // nothing left to report with
      }
    }
  }

  private void closeSelector() {
    try {
      selector.close();
    } catch (IOException e) {
      Log.warning("closing the selector failed", e);
    }
  }

  private RejectedExecutionException rejected() {
    Throwable cause = stoppedBy;
    return cause == null ? new RejectedExecutionException("this ConnectByList is closed")
        : new RejectedExecutionException("the event loop of this ConnectByList stopped on " + cause, cause);
  }

  private static void guarded(Runnable task) {
    try {
      task.run();
    } catch (Throwable e) {
      survive(e);
    }
  }

  /** What a task let through: logged, and the loop goes on, unless it is fatal. */
  private static void survive(Throwable e) {
    Fatal.rethrowIfFatal(e);
    Log.error("a task on the connectbylist event loop threw", e);
  }
}
