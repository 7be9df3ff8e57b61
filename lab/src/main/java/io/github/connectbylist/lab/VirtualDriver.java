package io.github.connectbylist.lab;

import io.github.connectbylist.internal.Driver;
import io.github.connectbylist.internal.TimerQueue;
import java.util.function.BooleanSupplier;

/**
 * A driver with a virtual clock: tasks and timers wait in one queue ordered by time, and running them
 * moves the clock. Nothing sleeps, so a simulated connect that takes 127 seconds runs in microseconds.
 * Single-threaded; made and run on the caller's thread.
 */
final class VirtualDriver implements Driver {
  private final TimerQueue queue = new TimerQueue();
  private long now;

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
    return queue.add(Math.max(atNanos, now), task);
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
    TimerQueue.Timer next;
    while (!done.getAsBoolean() && (next = queue.poll()) != null) {
      now = next.atNanos();
      next.task().run();
    }
  }
}
