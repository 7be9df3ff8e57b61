package io.github.connectbylist.lab;

import io.github.connectbylist.internal.Driver;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * A driver with a virtual clock: tasks and timers wait in one queue ordered by time, and running them
 * moves the clock. Nothing sleeps, so a simulated connect that takes 127 seconds runs in microseconds.
 * Single-threaded; made and run on the caller's thread.
 */
final class VirtualDriver implements Driver {
  private final PriorityQueue<Event> queue = new PriorityQueue<>();
  private long now;
  private long sequence;

  private static final class Event implements Comparable<Event>, Cancellable {
    final long at;
    final long order;
    final Runnable task;
    boolean cancelled;

    Event(long at, long order, Runnable task) {
      this.at = at;
      this.order = order;
      this.task = task;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }

    @Override
    public int compareTo(Event o) {
      return at != o.at ? Long.compare(at, o.at) : Long.compare(order, o.order);
    }
  }

  @Override
  public long nanoTime() {
    return now;
  }

  @Override
  public void execute(Runnable task) {
    schedule(now, task);
  }

  @Override
  public Cancellable schedule(long atNanos, Runnable task) {
    Event e = new Event(Math.max(atNanos, now), sequence++, task);
    queue.add(e);
    return e;
  }

  @Override
  public boolean isClosing() {
    return false;
  }

  @Override
  public void onClose(Runnable hook) {}

  @Override
  public void removeOnClose(Runnable hook) {}

  /** Runs events in time order until {@code done} says so or nothing is left. */
  void runUntil(BooleanSupplier done) {
    Event e;
    while (!done.getAsBoolean() && (e = queue.poll()) != null) {
      if (!e.cancelled) {
        now = e.at;
        e.task.run();
      }
    }
  }
}
