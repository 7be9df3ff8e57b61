package io.github.connectbylist.simulation;

import io.github.connectbylist.engine.Driver;
import io.github.connectbylist.engine.TimerQueue;
import java.util.function.BooleanSupplier;

/**
 * A driver with a virtual clock: tasks and timers wait in one queue ordered by time (then by submission),
 * and running them moves the clock. Nothing sleeps, so a connect that takes 127 simulated seconds runs in
 * microseconds, and its times are exact. Single-threaded: made, fed and run on one thread. It never closes.
 */
public final class VirtualDriver implements Driver {
  private final TimerQueue queue = new TimerQueue();
  private long now;

  /** A clock at 0. */
  public VirtualDriver() {}

  @Override
  public long nanoTime() {
    return now;
  }

  /** Queues {@code task} at the current time, after what is already due then. */
  @Override
  public void execute(Runnable task) {
    schedule(now, task);
  }

  /** Queues {@code task} at {@code atNanos}; a time already past counts as now. */
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

  /**
   * Runs events in time order, moving the clock to each, until {@code done} says so or nothing is left.
   *
   * @param done checked before each event
   */
  public void runUntil(BooleanSupplier done) {
    TimerQueue.Timer next;
    while (!done.getAsBoolean() && (next = queue.poll()) != null) {
      now = next.atNanos();
      next.task().run();
    }
  }
}
