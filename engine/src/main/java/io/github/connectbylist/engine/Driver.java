package io.github.connectbylist.engine;

import java.util.concurrent.RejectedExecutionException;

/**
 * The clock, timers and thread that a connect runs on: core's event loop for real sockets, the simulation's
 * virtual driver in the lab and in tests, an adapter's event loop elsewhere. {@link TimerQueue} keeps a
 * driver's timers.
 *
 * <p>{@link #nanoTime()} and {@link #execute} may be called from any thread; every other method only on
 * the driver's own thread, which is also where every task, timer and {@link Transport} callback runs.
 */
public interface Driver {

  /**
   * Now, in nanoseconds on the driver's own scale; {@link System#nanoTime()} for a real clock.
   *
   * @return the current time
   */
  long nanoTime();

  /**
   * Runs {@code task} on the driver's thread, soon and in the order of submission.
   *
   * @param task the task
   * @throws RejectedExecutionException once the driver is closing; a task accepted before then still runs
   */
  void execute(Runnable task);

  /**
   * Runs {@code task} at {@code atNanos} on {@link #nanoTime()}'s scale, unless cancelled first.
   *
   * @param atNanos when, on the driver's clock
   * @param task the task
   * @return a handle to call it off
   */
  Cancellable schedule(long atNanos, Runnable task);

  /**
   * Whether the driver is closing: connects still running are about to be ended by their close hooks.
   *
   * @return {@code true} once closing has begun
   */
  boolean isClosing();

  /**
   * The error that stopped the driver, when it stopped on one it could not survive (such as {@link
   * OutOfMemoryError}) rather than being closed; connects that end because it stopped carry it as their cause.
   *
   * @return the error, or {@code null} while running or after a plain close
   */
  default Throwable stoppedBy() {
    return null;
  }

  /**
   * {@code hook} runs on the driver's thread if the driver closes before the hook is removed.
   *
   * @param hook the hook
   */
  void onClose(Runnable hook);

  /**
   * Removes a hook added with {@link #onClose}.
   *
   * @param hook the hook
   */
  void removeOnClose(Runnable hook);

  /** A scheduled task that can be called off. */
  interface Cancellable {

    /** Calls the task off; it does not run unless it already has. */
    void cancel();
  }
}
