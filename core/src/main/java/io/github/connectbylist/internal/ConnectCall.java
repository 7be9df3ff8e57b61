package io.github.connectbylist.internal;

import io.github.connectbylist.ConnectFailedException;
import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.AttemptScheduler.Schedule;
import io.github.connectbylist.api.ConnectListener;
import io.github.connectbylist.api.Decision;
import io.github.connectbylist.api.FailureKind;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;

/**
 * One connect: runs the schedule's decisions against a {@link Transport} until one attempt connects, all
 * fail, the deadline passes, or the caller cancels. The first attempt to connect wins and every other
 * attempt is closed at once; every attempt opened here is closed or handed to the caller. The same code
 * runs on real sockets and event loop, and in the lab on a simulated network and virtual clock.
 *
 * <p>A call is confined to one thread at a time. A blocking connect starts on the caller's thread, so that
 * an attempt that completes at once (a loopback connect, a refusal) costs no thread hop; when an attempt
 * is still pending, or the schedule asks to be woken, the call moves to the driver's thread for good. An
 * asynchronous connect runs on the driver from the start.
 *
 * @param <C> what the transport yields for a connected attempt
 * @param <R> what the caller gets
 */
public final class ConnectCall<C, R> {
  private static final System.Logger LOG = System.getLogger("io.github.connectbylist");

  private final Driver loop;
  private final Transport<C> transport;
  private final Delivery<C, R> delivery;
  private final ConnectListener listener;
  private final List<AddressPair> pairs;
  private final boolean[] bindSource;
  private final long startNanos;
  private final long deadlineNanos;
  private final CallFuture future = new CallFuture();
  private final CompletableFuture<Void> ended = new CompletableFuture<>();
  private final Runnable closeHook = () -> fail(FailureKind.CANCELLED, "the ConnectByList was closed");

  private final Transport.Io<C>[] running;
  private final long[] startedAt;
  private final Attempt[] attempts;
  private Schedule schedule;
  private int started;
  private int runningCount;
  private Attempt lastEnded;
  private boolean finished;
  private boolean onLoop;
  private Driver.Cancellable wakeTimer;
  private Driver.Cancellable deadlineTimer;
  private ConnectFailedException failure;

  /**
   * @param pairs the ranked pairs
   * @param bindSource for each pair, whether to bind its source before connecting
   * @param startNanos when the connect started, on the driver's {@link Driver#nanoTime()} scale
   * @param deadlineNanos the deadline in nanoseconds after {@code startNanos}, or {@link Long#MAX_VALUE}
   */
  @SuppressWarnings("unchecked")
  public ConnectCall(
      Driver driver,
      Transport<C> transport,
      Delivery<C, R> delivery,
      ConnectListener listener,
      List<AddressPair> pairs,
      boolean[] bindSource,
      Schedule schedule,
      long startNanos,
      long deadlineNanos) {
    this.loop = driver;
    this.transport = transport;
    this.delivery = delivery;
    this.listener = listener;
    this.pairs = pairs;
    this.bindSource = bindSource.clone();
    this.schedule = schedule;
    this.startNanos = startNanos;
    this.deadlineNanos = deadlineNanos;
    this.running = (Transport.Io<C>[]) new Transport.Io<?>[pairs.size()];
    this.startedAt = new long[pairs.size()];
    this.attempts = new Attempt[pairs.size()];
  }

  /** Connects on the calling thread as far as it can without waiting, then waits for the event loop. */
  public R connectBlocking() throws ConnectFailedException {
    listener.connectStarted(pairs);
    drive();
    if (!finished) {
      handOver();
    }
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (future.cancel(false)) {
        ended.join();
        throw failure;
      }
      return future.join();
    } catch (ExecutionException e) {
      throw asConnectFailed(e.getCause());
    }
  }

  /** Starts the connect on the event loop; the caller's thread does nothing but hand it over. */
  public CompletableFuture<R> connectAsync() {
    listener.connectStarted(pairs);
    try {
      loop.execute(() -> safely(this::adopt));
    } catch (RejectedExecutionException e) {
      fail(FailureKind.CANCELLED, "the ConnectByList is closed");
    }
    return future;
  }

  private void handOver() {
    try {
      loop.execute(() -> safely(this::adopt));
    } catch (RejectedExecutionException e) {
      fail(FailureKind.CANCELLED, "the ConnectByList is closed");
    }
  }

  /** On the loop from here on: watch the pending sockets, arm the deadline, and go on. */
  private void adopt() {
    onLoop = true;
    if (finished) {
      return;
    }
    if (loop.isClosing() || future.isCancelled()) {
      fail(FailureKind.CANCELLED, loop.isClosing() ? "the ConnectByList was closed" : "cancelled");
      return;
    }
    loop.onClose(closeHook);
    if (deadlineNanos != Long.MAX_VALUE) {
      deadlineTimer = loop.schedule(startNanos + deadlineNanos, () -> safely(this::deadlinePassed));
    }
    for (int i = 0; i < started; i++) {
      if (running[i] != null) {
        watch(i);
      }
    }
    drive();
  }

  /** Asks the schedule what to do and does it, until it says to wait. */
  private void drive() {
    int budget = 16 + 4 * pairs.size();
    while (!finished) {
      long now = elapsed();
      if (now >= deadlineNanos) {
        deadlinePassed();
        return;
      }
      if (--budget < 0) {
        schedulerFailed(new IllegalStateException("the schedule decided " + (16 + 4 * pairs.size())
            + " times without waiting"));
        continue;
      }
      Decision decision;
      try {
        decision = schedule.next(now);
      } catch (RuntimeException e) {
        schedulerFailed(e);
        continue;
      }
      if (decision instanceof Decision.StartNext && started < pairs.size()) {
        startAttempt(now);
      } else if (decision instanceof Decision.EndAttempt end && isRunning(end.index())) {
        endAttempt(end.index(), now);
      } else if (decision instanceof Decision.WakeAt wake) {
        wakeAt(wake.nanos());
        return;
      } else {
        if (runningCount == 0) {
          exhausted();
        }
        return;
      }
    }
  }

  private void startAttempt(long now) {
    int index = started++;
    AddressPair pair = pairs.get(index);
    startedAt[index] = now;
    listener.attemptStarted(index, pair, Duration.ofNanos(now));
    Transport.Io<C> io;
    try {
      io = transport.open(pair, bindSource[index]);
    } catch (IOException | RuntimeException e) {
      IOException error = e instanceof IOException x ? x : new IOException(e.toString(), e);
      attemptFailed(index, Failures.classify(error), error);
      return;
    }
    if (io.connected()) {
      won(index, io);
      return;
    }
    running[index] = io;
    runningCount++;
    if (onLoop) {
      watch(index);
    }
  }

  private void watch(int index) {
    Transport.Io<C> io = running[index];
    try {
      io.watch(new Transport.Outcome() {
        @Override
        public void connected() {
          safely(() -> {
            if (!finished && running[index] == io) {
              removeRunning(index);
              won(index, io);
            }
          });
        }

        @Override
        public void failed(IOException error) {
          safely(() -> {
            if (!finished && running[index] == io) {
              removeRunning(index);
              io.close();
              attemptFailed(index, Failures.classify(error), error);
              drive();
            }
          });
        }
      });
    } catch (IOException e) {
      removeRunning(index);
      io.close();
      attemptFailed(index, Failures.classify(e), e);
    }
  }

  private void endAttempt(int index, long now) {
    removeRunning(index).close();
    long ran = now - startedAt[index];
    attemptFailed(index, FailureKind.TIMED_OUT,
        new SocketTimeoutException("the scheduler ended the attempt after " + ran / 1_000_000 + " ms"));
  }

  private void attemptFailed(int index, FailureKind kind, IOException error) {
    long now = elapsed();
    record(index, kind, error, now);
    try {
      schedule.attemptFailed(index, now);
    } catch (RuntimeException e) {
      schedulerFailed(e);
    }
  }

  private Attempt record(int index, FailureKind kind, IOException error, long now) {
    Attempt attempt = new Attempt(
        index, pairs.get(index), Duration.ofNanos(startedAt[index]), Duration.ofNanos(now), kind, error);
    attempts[index] = attempt;
    if (kind != null) {
      lastEnded = attempt;
    }
    listener.attemptEnded(attempt);
    return attempt;
  }

  /** The first attempt to connect: close the rest, then hand its connection over. */
  private void won(int index, Transport.Io<C> io) {
    long now = elapsed();
    finished = true;
    Attempt winner = record(index, null, null, now);
    try {
      schedule.attemptConnected(index, now);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "the schedule threw on a connected attempt; ignored", e);
    }
    abandonRunning(FailureKind.CANCELLED, "another attempt connected first", now);
    cancelTimers();
    io.handOver(new Transport.Ready<>() {
      @Override
      public void ready(C connection) {
        safely(() -> deliver(connection, winner, now));
      }

      @Override
      public void failed(IOException error) {
        safely(() -> {
          io.close();
          notDelivered(winner, error, now);
        });
      }
    });
  }

  private void deliver(C connection, Attempt winner, long now) {
    R result;
    try {
      result = delivery.deliver(connection, attemptList(), winner, Duration.ofNanos(now));
    } catch (IOException | RuntimeException e) {
      delivery.discardConnection(connection);
      notDelivered(winner, e instanceof IOException io ? io : new IOException(e.toString(), e), now);
      return;
    }
    if (!future.complete(result)) {
      delivery.discard(result);
    }
    listener.connectEnded(attemptList(), winner, Duration.ofNanos(now));
    end();
  }

  /** The winner connected but could not be handed over: it fails after all, and so does the connect. */
  private void notDelivered(Attempt winner, IOException error, long now) {
    finished = false;
    record(winner.index(), Failures.classify(error), error, now);
    fail(lastEnded.failure(), "the connected socket failed before it was handed over");
  }

  private void exhausted() {
    FailureKind kind = lastEnded == null ? FailureKind.OTHER : lastEnded.failure();
    fail(kind, "could not connect to any of " + pairs.size() + (pairs.size() == 1 ? " address pair" : " address pairs"));
  }

  private void deadlinePassed() {
    fail(FailureKind.TIMED_OUT, "the deadline of " + deadlineNanos / 1_000_000 + " ms passed");
  }

  /** Runs on the loop when the caller cancels the future or interrupts a blocking connect. */
  private void cancelled() {
    fail(FailureKind.CANCELLED, "cancelled by the caller");
  }

  private void fail(FailureKind kind, String message) {
    if (finished) {
      return;
    }
    finished = true;
    long now = elapsed();
    abandonRunning(kind == FailureKind.TIMED_OUT ? FailureKind.TIMED_OUT : FailureKind.CANCELLED, message, now);
    cancelTimers();
    List<Attempt> list = attemptList();
    failure = new ConnectFailedException(kind, message, list, lastEnded);
    future.completeExceptionally(failure);
    listener.connectEnded(list, null, Duration.ofNanos(now));
    end();
  }

  private void abandonRunning(FailureKind kind, String why, long now) {
    for (int i = 0; i < started; i++) {
      if (running[i] != null) {
        removeRunning(i).close();
        IOException error = kind == FailureKind.TIMED_OUT ? new SocketTimeoutException(why) : new IOException(why);
        record(i, kind, error, now);
      }
    }
  }

  /**
   * Runs a step on the loop so that a bug cannot leave the call hanging: what a step throws fails the call,
   * which closes its sockets and completes its future.
   */
  private void safely(Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "a connect failed on an internal error", e);
      if (!finished) {
        fail(FailureKind.OTHER, "internal error: " + e);
      } else if (future.completeExceptionally(new IllegalStateException("internal error in a connect", e))) {
        end();
      }
    }
  }

  private void schedulerFailed(RuntimeException e) {
    LOG.log(System.Logger.Level.WARNING,
        "the attempt scheduler failed; going on one attempt at a time: " + schedule, e);
    schedule = new FallbackSchedule(pairs.size(), started, runningCount);
  }

  private void wakeAt(long nanos) {
    if (!onLoop) {
      return;
    }
    if (wakeTimer != null) {
      wakeTimer.cancel();
    }
    wakeTimer = loop.schedule(startNanos + nanos, () -> safely(() -> {
      wakeTimer = null;
      drive();
    }));
  }

  private boolean isRunning(int index) {
    return index >= 0 && index < started && running[index] != null;
  }

  private Transport.Io<C> removeRunning(int index) {
    Transport.Io<C> io = running[index];
    if (io != null) {
      running[index] = null;
      runningCount--;
    }
    return io;
  }

  private void cancelTimers() {
    if (wakeTimer != null) {
      wakeTimer.cancel();
      wakeTimer = null;
    }
    if (deadlineTimer != null) {
      deadlineTimer.cancel();
      deadlineTimer = null;
    }
  }

  private void end() {
    if (onLoop) {
      loop.removeOnClose(closeHook);
    }
    ended.complete(null);
  }

  private List<Attempt> attemptList() {
    List<Attempt> list = new ArrayList<>(started);
    for (int i = 0; i < started; i++) {
      if (attempts[i] != null) {
        list.add(attempts[i]);
      }
    }
    return list;
  }

  private long elapsed() {
    return loop.nanoTime() - startNanos;
  }

  private static ConnectFailedException asConnectFailed(Throwable cause) {
    if (cause instanceof ConnectFailedException e) {
      return e;
    }
    if (cause instanceof RuntimeException e) {
      throw e;
    }
    throw new IllegalStateException("unexpected failure of a connect", cause);
  }

  @Override
  public String toString() {
    return "ConnectCall" + Arrays.toString(attempts);
  }

  /** Cancelling the future ends the connect on the loop and closes every socket it opened. */
  private final class CallFuture extends CompletableFuture<R> {
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      if (cancelled) {
        try {
          loop.execute(() -> safely(ConnectCall.this::cancelled));
        } catch (RejectedExecutionException closed) {
          // the loop's close hook ends the call
        }
      }
      return cancelled;
    }
  }
}
