package io.github.connectbylist.internal;

import io.github.connectbylist.ConnectFailedException;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.engine.Driver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;

/**
 * The caller's future of one connect. Cancelling it ends the connect on its driver, which closes every socket
 * the connect opened; when the driver is held, another thread may {@linkplain #abandon end it} first.
 *
 * @param <R> what the caller gets
 */
abstract class CallFuture<R> extends CompletableFuture<R> {
  private final Driver driver;

  /**
   * @param driver where the connect runs
   */
  CallFuture(Driver driver) {
    this.driver = driver;
  }

  /** The connect's step that ends it on the driver; made only when the caller cancels. */
  abstract Runnable cancelOnDriver();

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    if (cancelled) {
      try {
        driver.execute(cancelOnDriver());
      } catch (RejectedExecutionException closed) {
        // closing: the close hook, or the task already queued, ends the call
      }
    }
    return cancelled;
  }

  /**
   * From another thread, while the driver is held: completes this future with this failure, on a thread of its
   * own that ends once it has, so that the caller's callbacks never run on the thread that watches every
   * event loop (where one that blocks would stop the watching). This is rare: a strategy held the loop past a
   * deadline. The connect itself ends, closing its sockets and recording its trace, when the driver is back.
   */
  void abandon(FailureKind kind, String why) {
    if (isDone()) {
      return;
    }
    Thread t = new Thread(new Runnable() {
      @Override
      public void run() {
        completeExceptionally(new ConnectFailedException(kind, why, List.of(), List.of(), null));
      }
    }, "connectbylist-abandon");
    t.setDaemon(true);
    t.start();
  }

  /** The result of this future, done already, as a blocking connect reports it. */
  R result() throws ConnectFailedException {
    try {
      return join();
    } catch (CompletionException e) {
      throw asConnectFailed(e.getCause());
    }
  }

  static ConnectFailedException asConnectFailed(Throwable cause) {
    if (cause instanceof ConnectFailedException e) {
      return e;
    }
    if (cause instanceof RuntimeException e) {
      throw e;
    }
    throw new IllegalStateException("unexpected failure of a connect", cause);
  }
}
