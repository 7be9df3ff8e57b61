package io.github.connectbylist.internal;

/**
 * The clock, timers and thread that a connect runs on: the {@link EventLoop} for real sockets, a virtual
 * clock in the lab. Everything but {@link #execute} is called on the driver's own thread.
 */
public interface Driver {

  /** Now, in nanoseconds on the driver's own scale ({@link System#nanoTime()} for the event loop). */
  long nanoTime();

  /** Runs {@code task} on the driver's thread; throws {@link java.util.concurrent.RejectedExecutionException} once closing. */
  void execute(Runnable task);

  /** Runs {@code task} at {@code atNanos} on {@link #nanoTime()}'s scale, unless cancelled first. */
  Cancellable schedule(long atNanos, Runnable task);

  boolean isClosing();

  /** {@code hook} runs if the driver closes before the hook is removed. */
  void onClose(Runnable hook);

  void removeOnClose(Runnable hook);

  /** A scheduled task that can be called off. */
  interface Cancellable {
    void cancel();
  }
}
