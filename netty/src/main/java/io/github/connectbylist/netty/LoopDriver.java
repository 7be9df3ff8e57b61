package io.github.connectbylist.netty;

import io.github.connectbylist.engine.Driver;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.concurrent.SingleThreadEventExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Core's driver on a Netty event loop: its thread, its tasks and its timers run a connect's race, so no
 * thread of ConnectByList's is started. When the loop shuts down, its shutdown hooks end the connects still
 * running on it.
 */
final class LoopDriver implements Driver {
  private final EventLoop loop;

  LoopDriver(EventLoop loop) {
    this.loop = loop;
  }

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public void execute(Runnable task) {
    loop.execute(task); // RejectedExecutionException once the loop shuts down, as the contract wants
  }

  @Override
  public Cancellable schedule(long atNanos, Runnable task) {
    ScheduledFuture<?> f = loop.schedule(task, Math.max(0, atNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    return new Cancellable() {
      @Override
      public void cancel() {
        f.cancel(false);
      }
    };
  }

  @Override
  public boolean isClosing() {
    return loop.isShuttingDown();
  }

  @Override
  public void onClose(Runnable hook) {
    if (loop instanceof SingleThreadEventExecutor executor) {
      executor.addShutdownHook(hook);
    }
  }

  @Override
  public void removeOnClose(Runnable hook) {
    if (loop instanceof SingleThreadEventExecutor executor) {
      executor.removeShutdownHook(hook);
    }
  }

  @Override
  public String toString() {
    return "Netty " + loop;
  }
}
