package io.github.connectbylist.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.DefaultPromise;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GenericFutureListener;

/**
 * The {@link ChannelFuture} of a raced connect. Netty's own futures hold their channel from the start; this
 * one has none until the race is won, which is the point: the attempts are not Netty channels. So {@link
 * #channel()} is the winner once the future succeeded, a closed placeholder once it failed or was cancelled
 * (so that listeners such as {@code CLOSE_ON_FAILURE} work), and an {@link IllegalStateException} before.
 * Cancelling it cancels the race, which closes every attempt.
 */
final class RaceFuture extends DefaultPromise<Void> implements ChannelFuture {
  private volatile Channel channel;
  private volatile Runnable onCancel;

  RaceFuture(EventExecutor loop) {
    super(loop);
  }

  void onCancel(Runnable hook) {
    this.onCancel = hook;
  }

  /** Succeeds with the registered winner; false when the future was already done (cancelled). */
  boolean won(Channel winner) {
    channel = winner;
    return super.trySuccess(null);
  }

  @Override
  public Channel channel() {
    Channel c = channel;
    if (c != null && isSuccess()) {
      return c;
    }
    if (isDone()) {
      return closedPlaceholder();
    }
    throw new IllegalStateException("the race has no channel before it is won: wait for this future "
        + "(addListener, sync), then take channel()");
  }

  private Channel closedPlaceholder() {
    EmbeddedChannel closed = new EmbeddedChannel();
    closed.close();
    return closed;
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    Runnable hook = onCancel;
    if (cancelled && hook != null) {
      hook.run();
    }
    return cancelled;
  }

  @Override
  public boolean isVoid() {
    return false;
  }

  @Override
  public RaceFuture addListener(GenericFutureListener<? extends Future<? super Void>> listener) {
    super.addListener(listener);
    return this;
  }

  @Override
  @SafeVarargs
  @SuppressWarnings("varargs") // Netty's own method is not @SafeVarargs; the array is only passed on to it
  public final RaceFuture addListeners(GenericFutureListener<? extends Future<? super Void>>... listeners) {
    super.addListeners(listeners);
    return this;
  }

  @Override
  public RaceFuture removeListener(GenericFutureListener<? extends Future<? super Void>> listener) {
    super.removeListener(listener);
    return this;
  }

  @Override
  @SafeVarargs
  @SuppressWarnings("varargs") // Netty's own method is not @SafeVarargs; the array is only passed on to it
  public final RaceFuture removeListeners(GenericFutureListener<? extends Future<? super Void>>... listeners) {
    super.removeListeners(listeners);
    return this;
  }

  @Override
  public RaceFuture sync() throws InterruptedException {
    super.sync();
    return this;
  }

  @Override
  public RaceFuture syncUninterruptibly() {
    super.syncUninterruptibly();
    return this;
  }

  @Override
  public RaceFuture await() throws InterruptedException {
    super.await();
    return this;
  }

  @Override
  public RaceFuture awaitUninterruptibly() {
    super.awaitUninterruptibly();
    return this;
  }
}
