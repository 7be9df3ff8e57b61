package io.github.connectbylist.internal;

import io.github.connectbylist.engine.Driver;
import java.util.PriorityQueue;

/**
 * Tasks ordered by due time, then by the order they were added; cancelling one only marks it, and it is
 * dropped when it reaches the head. The event loop keeps its timers here, the lab its virtual clock's
 * events. Not thread-safe: each owner uses it from its own thread.
 */
public final class TimerQueue {
  private final PriorityQueue<Timer> queue = new PriorityQueue<>();
  private long sequence;

  /** A scheduled task. */
  public static final class Timer implements Comparable<Timer>, Driver.Cancellable {
    private final long atNanos;
    private final long order;
    private final Runnable task;
    private boolean cancelled;

    private Timer(long atNanos, long order, Runnable task) {
      this.atNanos = atNanos;
      this.order = order;
      this.task = task;
    }

    public long atNanos() {
      return atNanos;
    }

    public Runnable task() {
      return task;
    }

    /** The order it was added in: a timer added later has a larger one. */
    public long order() {
      return order;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }

    @Override
    public int compareTo(Timer o) {
      int c = Long.compare(atNanos - o.atNanos, 0); // nanoTime may wrap: compare differences
      return c != 0 ? c : Long.compare(order, o.order);
    }
  }

  /** The order the next timer added will get: every timer added so far has a smaller one. */
  public long nextOrder() {
    return sequence;
  }

  public Timer add(long atNanos, Runnable task) {
    Timer timer = new Timer(atNanos, sequence++, task);
    queue.add(timer);
    return timer;
  }

  /** The first timer not cancelled, left in the queue; {@code null} when none. */
  public Timer peek() {
    Timer head;
    while ((head = queue.peek()) != null && head.cancelled) {
      queue.poll();
    }
    return head;
  }

  /** Removes and returns the first timer not cancelled; {@code null} when none. */
  public Timer poll() {
    Timer head = peek();
    if (head != null) {
      queue.poll();
    }
    return head;
  }
}
