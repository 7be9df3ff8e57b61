package io.github.connectbylist.internal;

import io.github.connectbylist.ConnectFailedException;
import io.github.connectbylist.api.Answer;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.AttemptScheduler.Schedule;
import io.github.connectbylist.api.ConnectListener;
import io.github.connectbylist.api.Deadline;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.engine.AttemptFailure;
import io.github.connectbylist.engine.Delivery;
import io.github.connectbylist.engine.Driver;
import io.github.connectbylist.engine.Transport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;

/**
 * One connect: plans it, then runs the schedule's decisions ({@link Pacing}) against a {@link Transport} until
 * one attempt connects and is handed over, all fail, the deadline passes, or the caller cancels. The first
 * attempt to connect wins and every other attempt is closed at once; every attempt opened here is closed or
 * handed to the caller. The same code runs on core's sockets and event loop, in the lab on a simulated
 * network and a virtual clock, and on an adapter's event loop. It calls the schedule exactly as {@link
 * Schedule}'s protocol says.
 *
 * <p>A call is confined to one thread at a time. A blocking connect plans and starts on the caller's
 * thread, so that an attempt that completes at once (a loopback connect, a refusal) costs no thread hop;
 * when it has to wait it moves to the driver's thread for good, keeping the schedule's last answer. An
 * asynchronous connect runs on the driver from the start, planning included. A connect by name runs on the
 * driver from the start; its {@link Resolution} hands answers in as they come.
 *
 * @param <C> what the transport yields for a connected attempt
 * @param <R> what the caller gets
 */
public final class ConnectCall<C, R> implements Resolution.News {

  /** Where the call is in its life; every step checks it, since callbacks may arrive after the end. */
  private enum Phase { NEW, RUNNING, HANDING_OVER, DONE }

  /**
   * What the call asks the driver to run. One small class dispatching on these, rather than a lambda per
   * step: every new lambda costs a bootstrap in the first connect of a JVM (about 7 ms for the first one).
   */
  private enum Step { BEGIN, ADOPT, DEADLINE, WAKE, CANCELLED, CLOSED, ANSWERS }

  private final Call<C, R> call;
  private final Driver driver;
  private final Transport<C> transport;
  private final Delivery<C, R> delivery;
  private final ConnectListener listener;
  private final ConnectPlanner planner;
  private final Deadline deadline;
  private final CallFuture future = new CallFuture();
  private final CompletableFuture<Void> ended = new CompletableFuture<>();
  private final Runnable closeHook = new OnDriver(Step.CLOSED);
  private final Slots<C> slots = new Slots<>();
  private final Trace trace = new Trace();
  private final Pacing pacing = new Pacing(this);
  private final Resolution resolution;

  private Phase phase = Phase.NEW;
  private boolean onDriver;
  private PathTable.View history = PathTable.NONE.begin(null, 0);
  private Attempt lastEnded;
  private Driver.Cancellable deadlineTimer;
  private Slot<C> winner;
  private Transport.Io<C> winnerIo;
  private long winnerConnectedAt;
  private ConnectFailedException failure;

  /**
   * @param call the connect: what to connect to, its deadline and start, its engine and settings
   * @param planner makes the plan (pairs, binds, schedule, history) on the thread that starts the call, and
   *     plans each answer's addresses of a connect by name
   */
  public ConnectCall(Call<C, R> call, ConnectPlanner planner) {
    this.call = call;
    this.driver = call.engine().driver();
    this.transport = call.engine().transport();
    this.delivery = call.engine().delivery();
    this.listener = call.settings().listener();
    this.planner = planner;
    this.deadline = call.deadline();
    this.resolution = call.byName() ? new Resolution(call.engine().resolver(), call.request().host().get(), driver,
        call.startNanos(), new OnDriver(Step.ANSWERS), this) : null;
  }

  /**
   * Plans and connects on the calling thread as far as it can without waiting, then moves to the driver and
   * waits. An interrupt ends the connect and throws with kind {@code CANCELLED}; the flag stays set.
   */
  public R connectBlocking() throws ConnectFailedException {
    start(resolution == null); // a connect by name waits for its answers on the driver, where they arrive
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (!future.cancel(false)) {
        return resultOf(future);
      }
      ended.join();
      throw failure != null ? failure : new ConnectFailedException(FailureKind.CANCELLED, "interrupted",
          trace.attempts(slots), answers(), lastEnded);
    } catch (ExecutionException e) {
      throw asConnectFailed(e.getCause());
    }
  }

  /** Starts the connect on the driver, planning included; the caller's thread only hands it over. */
  public CompletableFuture<R> connectAsync() {
    start(false);
    return future;
  }

  /** The future of this call; complete once the call has ended. */
  CompletableFuture<R> future() {
    return future;
  }

  /** Starts the call here, or on the driver; package-private so that tests can take either path. */
  void start(boolean onCallingThread) {
    if (!onCallingThread) {
      onDriver(Step.BEGIN);
      return;
    }
    try {
      begin();
    } catch (Throwable e) {
      internalError(e);
    }
    if (phase != Phase.DONE) {
      onDriver(Step.ADOPT);
    }
  }

  private void onDriver(Step step) {
    try {
      driver.execute(new OnDriver(step));
    } catch (RejectedExecutionException e) {
      if (driver.isClosing()) {
        closed();
      } else {
        fail(FailureKind.OTHER, "cannot run on the driver: " + e.getMessage(), e);
      }
    }
  }

  /** On the driver from here on: registers the close hook and the deadline; false if the call must end. */
  private boolean enterDriver() {
    onDriver = true;
    if (phase == Phase.DONE) {
      return false;
    }
    if (driver.isClosing()) {
      closed();
      return false;
    }
    if (future.isDone()) { // cancelled, or abandoned while the driver was held: the future says how
      fail(future.isCancelled() ? FailureKind.CANCELLED : FailureKind.TIMED_OUT,
          future.isCancelled() ? "cancelled by the caller" : "ended while the event loop was held");
      return false;
    }
    driver.onClose(closeHook);
    if (!deadline.isNone()) {
      deadlineTimer = driver.schedule(call.startNanos() + deadline.nanos(), new OnDriver(Step.DEADLINE));
    }
    return true;
  }

  /** After the caller's thread: watch what is pending and keep the schedule's last answer. */
  private void adopt() {
    if (!enterDriver()) {
      return;
    }
    for (int i = 0; i < slots.started(); i++) {
      if (slots.attempt(i).running()) {
        watch(slots.attempt(i));
      }
    }
    pacing.armPendingWake();
  }

  private void begin() {
    if (deadline.hasPassed(elapsed())) {
      deadlinePassed();
      return;
    }
    ConnectPlan plan;
    try {
      plan = planner.plan(driver.nanoTime());
    } catch (Throwable e) {
      Fatal.rethrowIfFatal(e);
      Log.warning("a connect could not be planned", e);
      fail(FailureKind.OTHER, e instanceof StrategyFailure ? e.getMessage() : "could not plan the connect: " + e,
          e instanceof StrategyFailure ? e.getCause() : e);
      return;
    }
    slots.replaceRest(plan.pairs());
    history = plan.history();
    phase = Phase.RUNNING;
    recordDenied(plan.denied());
    listener.connectStarted(slots.pairs());
    if (resolution != null) {
      try {
        resolution.start();
      } catch (Throwable e) {
        Fatal.rethrowIfFatal(e);
        Log.warning("resolver " + call.engine().resolver() + " threw", e);
        fail(FailureKind.RESOLUTION_FAILED, "the resolver " + call.engine().resolver() + " threw on "
            + call.request().host().get() + ": " + e, e);
        return;
      }
      if (phase != Phase.RUNNING) {
        return;
      }
    }
    if (plan.schedule() != null) {
      pacing.begin(plan.schedule());
      pacing.drive();
    } else if (!resolving()) {
      noPairs(); // a list whose every destination was denied
    }
  }

  // What Pacing asks of the call, and tells it.

  boolean running() {
    return phase == Phase.RUNNING;
  }

  boolean onDriver() {
    return onDriver;
  }

  Deadline deadline() {
    return deadline;
  }

  Slots<C> slots() {
    return slots;
  }

  boolean resolving() {
    return resolution != null && resolution.pending();
  }

  Driver.Cancellable schedule(long atNanos) {
    return driver.schedule(call.startNanos() + atNanos, new OnDriver(Step.WAKE));
  }

  long elapsed() {
    return driver.nanoTime() - call.startNanos();
  }

  void startAttempt(long now) {
    Slot<C> slot = slots.startNext(now);
    listener.attemptStarted(slot.index, slot.pair, Duration.ofNanos(now));
    Transport.Io<C> io;
    try {
      io = transport.open(slot.pair, slot.bindSource);
    } catch (AttemptFailure e) {
      attemptFailed(slot, e.kind(), e.error());
      return;
    } catch (RuntimeException e) {
      attemptFailed(slot, FailureKind.OTHER, new IOException(e.toString(), e));
      return;
    }
    if (io.connected()) {
      won(slot, io);
      return;
    }
    slots.watching(slot, io);
    if (onDriver) {
      watch(slot);
    }
  }

  private void watch(Slot<C> slot) {
    Transport.Io<C> io = slot.io;
    try {
      io.watch(new Transport.Outcome() {
        @Override
        public void connected() {
          try {
            if (phase == Phase.RUNNING && slot.io == io) {
              slots.stop(slot);
              won(slot, io);
            }
          } catch (Throwable e) {
            internalError(e);
          }
        }

        @Override
        public void failed(FailureKind kind, IOException error) {
          try {
            if (phase == Phase.RUNNING && slot.io == io) {
              slots.stop(slot).close();
              attemptFailed(slot, kind, error);
              pacing.drive();
            }
          } catch (Throwable e) {
            internalError(e);
          }
        }
      });
    } catch (IOException | RuntimeException e) {
      slots.stop(slot).close();
      attemptFailed(slot, FailureKind.OTHER, e instanceof IOException x ? x : new IOException(e.toString(), e));
      pacing.drive();
    }
  }

  void endAttempt(int index, long now) {
    Slot<C> slot = slots.attempt(index);
    slots.stop(slot).close();
    attemptFailed(slot, FailureKind.TIMED_OUT, Failures.closedBy(FailureKind.TIMED_OUT,
        "the scheduler ended the attempt after " + (now - slot.startedAt) / 1_000_000 + " ms"));
  }

  /** Records a failed attempt and tells the schedule; the caller asks the schedule what next. */
  private void attemptFailed(Slot<C> slot, FailureKind kind, IOException error) {
    long now = elapsed();
    record(slot, kind, error, now);
    history.failed(slot.pair, kind, call.startNanos() + slot.startedAt, call.startNanos() + now);
    pacing.attemptFailed(slot.index, kind, now);
  }

  private void record(Slot<C> slot, FailureKind kind, IOException error, long now) {
    slot.attempt = new Attempt(slot.index, slot.pair, Duration.ofNanos(slot.startedAt), Duration.ofNanos(now), kind,
        error);
    if (kind != null) {
      lastEnded = slot.attempt;
    }
    listener.attemptEnded(slot.attempt);
  }

  /** The first attempt to connect: the others lose and are closed, then the winner is handed over. */
  private void won(Slot<C> slot, Transport.Io<C> io) {
    long now = elapsed();
    phase = Phase.HANDING_OVER;
    winner = slot;
    winnerIo = io;
    winnerConnectedAt = now;
    pacing.stop();
    for (int i = 0; i < slots.started(); i++) {
      Slot<C> loser = slots.attempt(i);
      if (loser.running()) {
        slots.stop(loser).close();
        record(loser, FailureKind.CANCELLED,
            Failures.closedBy(FailureKind.CANCELLED, "attempt #" + slot.index + " connected first"), now);
        if (loser.startedAt <= slot.startedAt) { // had at least the winner's time: slower than it
          history.lost(loser.pair, call.startNanos() + loser.startedAt, call.startNanos() + now);
        }
        pacing.attemptLost(loser.index, slot.index, now); // an Error there fails the call, winner included
      }
    }
    if (phase != Phase.HANDING_OVER) {
      return;
    }
    if (deadline.hasPassed(elapsed())) { // the schedule or the listener took so long that the caller gave up
      deadlinePassed();
      return;
    }
    io.handOver(new Transport.Ready<>() {
      @Override
      public void ready(C connection) {
        try {
          delivered(io, connection);
        } catch (Throwable e) {
          internalError(e);
        }
      }

      @Override
      public void failed(FailureKind kind, IOException error) {
        try {
          handOverFailed(io, kind, error);
        } catch (Throwable e) {
          internalError(e);
        }
      }
    });
  }

  /**
   * The winner's connection is ready: the caller gets it unless the deadline passed meanwhile (an adapter's
   * delivery may run the user's code) or the caller gave up; then the schedule, history and listener hear of
   * it, after the caller has it.
   */
  private void delivered(Transport.Io<C> io, C connection) {
    if (phase != Phase.HANDING_OVER || winnerIo != io) {
      delivery.discardConnection(connection); // the connect ended meanwhile
      return;
    }
    Slot<C> slot = winner;
    long at = winnerConnectedAt;
    slot.attempt = new Attempt(slot.index, slot.pair, Duration.ofNanos(slot.startedAt), Duration.ofNanos(at), null,
        null);
    R result;
    try {
      result = delivery.deliver(connection, trace.attempts(slots), answers(), slot.attempt, Duration.ofNanos(at));
    } catch (IOException | RuntimeException e) {
      slot.attempt = null;
      delivery.discardConnection(connection);
      handOverFailed(io, FailureKind.OTHER, e instanceof IOException x ? x : new IOException(e.toString(), e));
      return;
    }
    // what the network showed holds whoever takes the connection, and the caller's next connect reads it
    history.connected(slot.pair, call.startNanos() + slot.startedAt, call.startNanos() + at);
    if (deadline.hasPassed(elapsed()) || !future.complete(result)) {
      delivery.discard(result); // too late, or the caller cancelled, or the watchdog ended it meanwhile
      slot.attempt = null; // fail() records it, closed with the others, since winnerIo is still set
      fail(future.isCancelled() ? FailureKind.CANCELLED : FailureKind.TIMED_OUT,
          future.isCancelled() ? "cancelled by the caller" : "the deadline of " + deadline + " passed");
      return;
    }
    winnerIo = null;
    phase = Phase.DONE;
    cancelTimers();
    listener.attemptEnded(slot.attempt);
    pacing.attemptConnected(slot.index, at);
    listener.connectEnded(trace.attempts(slots), slot.attempt, Duration.ofNanos(at));
    end();
  }

  /** The winner connected but could not be handed over: it failed after all, and the connect goes on. */
  private void handOverFailed(Transport.Io<C> io, FailureKind kind, IOException error) {
    io.close();
    if (phase != Phase.HANDING_OVER || winnerIo != io) {
      return;
    }
    phase = Phase.RUNNING;
    winnerIo = null;
    attemptFailed(winner, kind, error);
    pacing.drive();
  }

  /** The schedule gave up, or every pair failed, with nothing left to wait for. */
  void exhausted() {
    int n = slots.size();
    String pairs = n + (n == 1 ? " address pair" : " address pairs") + call.request().host().map(h -> " of " + h).orElse("");
    if (slots.started() == 0 && n > 0) {
      fail(FailureKind.OTHER, "the scheduler " + pacing + " gave up without starting any of " + pairs);
    } else if (slots.started() == 0) {
      noPairs();
    } else {
      fail(lastEnded == null ? FailureKind.OTHER : lastEnded.failure(), "could not connect to any of " + pairs);
    }
  }

  /**
   * Ends a connect that never had a pair to start: every destination denied, or the name without an
   * address (the resolver's failure, or empty answers).
   */
  private void noPairs() {
    String host = call.request().host().orElse(null);
    if (trace.anyDenied()) {
      fail(FailureKind.DENIED, "every address " + (host == null ? "given" : "of " + host)
          + " is denied by the destination policy");
      return;
    }
    FailureKind kind = FailureKind.NO_SUCH_NAME;
    StringBuilder why = new StringBuilder(host == null ? "no destination" : "no address for " + host + ":");
    List<Answer> answers = answers();
    for (Answer a : answers) {
      why.append(' ').append(a.query()).append(' ')
          .append(a.failed() ? a.failure() + " (" + a.error().getMessage() + ")" : "empty").append(';');
      if (a.failure() == FailureKind.RESOLUTION_FAILED) {
        kind = FailureKind.RESOLUTION_FAILED; // a name that might exist, had the resolver answered
      }
    }
    for (Answer a : answers) {
      if (a.failure() == FailureKind.NO_SUCH_NAME) {
        kind = FailureKind.NO_SUCH_NAME; // a server said the name does not exist: that settles it
      }
    }
    fail(kind, why.charAt(why.length() - 1) == ';' ? why.substring(0, why.length() - 1) : why.toString());
  }

  void deadlinePassed() {
    fail(FailureKind.TIMED_OUT, "the deadline of " + deadline + " passed");
  }

  void fail(FailureKind kind, String message) {
    fail(kind, message, null);
  }

  /** Ends the connect without a winner: closes what is open, which the schedule is not told of. */
  void fail(FailureKind kind, String message, Throwable cause) {
    if (phase == Phase.DONE) {
      return;
    }
    phase = Phase.DONE;
    long now = elapsed();
    FailureKind closedAs = kind == FailureKind.TIMED_OUT ? FailureKind.TIMED_OUT : FailureKind.CANCELLED;
    for (int i = 0; i < slots.started(); i++) {
      Slot<C> s = slots.attempt(i);
      Transport.Io<C> io = slots.stop(s);
      if (io != null || s == winner && winnerIo != null) {
        (io != null ? io : winnerIo).close(); // the winner: connected, but the connect ended before its hand-over
        record(s, closedAs, Failures.closedBy(closedAs, message), now);
        if (closedAs == FailureKind.TIMED_OUT) { // the deadline: it ran this long without connecting
          history.failed(s.pair, FailureKind.TIMED_OUT, call.startNanos() + s.startedAt, call.startNanos() + now);
        }
      }
    }
    winnerIo = null;
    cancelTimers();
    List<Attempt> list = trace.attempts(slots);
    // the cause is why the connect ended: what a strategy threw if that ended it, else the last attempt's error
    failure = new ConnectFailedException(kind, message, list, answers(), cause != null ? null : lastEnded);
    if (cause != null) {
      failure.initCause(cause);
    }
    future.completeExceptionally(failure);
    listener.connectEnded(list, null, Duration.ofNanos(now));
    end();
  }

  /**
   * What a step threw: a strategy's failure the planner reports, or a bug. Neither may leave the call
   * hanging, so it fails the call, which closes its sockets and completes its future. A fatal error fails it
   * too, as far as the JVM still can, then goes on to stop the driver, which ends every other connect.
   */
  void internalError(Throwable e) {
    if (Fatal.isFatal(e)) {
      try {
        fail(FailureKind.OTHER, "stopped on " + e, e);
      } catch (Throwable ignored) {
        // nothing more can be done here; the driver ends what is left
      }
      Fatal.rethrowIfFatal(e);
    }
    if (e instanceof StrategyFailure f) {
      Log.warning(f.getMessage() + "; its connect fails", f.getCause());
      fail(FailureKind.OTHER, f.getMessage(), f.getCause());
      return;
    }
    Log.error("a connect failed on an internal error", e);
    if (phase != Phase.DONE) {
      fail(FailureKind.OTHER, "internal error: " + e, e);
    } else if (future.completeExceptionally(new IllegalStateException("internal error in a connect", e))) {
      end();
    }
  }

  /** The driver was closed, or stopped on a fatal error that is then the cause of this connect's end. */
  private void closed() {
    Throwable stoppedBy = driver.stoppedBy();
    if (stoppedBy != null) {
      fail(FailureKind.OTHER, "the event loop of this ConnectByList stopped on " + stoppedBy, stoppedBy);
    } else {
      fail(FailureKind.CANCELLED, "the ConnectByList was closed");
    }
  }

  /**
   * From another thread, while the driver is held: completes the future with this failure, on a thread of its
   * own that ends once it has, so that the caller's callbacks never run on the thread that watches every
   * event loop (where one that blocks would stop the watching). This is rare: a strategy held the loop past a
   * deadline. The call itself ends, closing its sockets and recording its trace, when the driver runs it again.
   */
  private void abandon(FailureKind kind, String why) {
    if (!future.isDone()) {
      Thread t = new Thread(new Abandonment(kind, why + "; the attempts are recorded when the event loop is back"),
          "connectbylist-abandon");
      t.setDaemon(true);
      t.start();
    }
  }

  private void cancelTimers() {
    pacing.stop();
    if (deadlineTimer != null) {
      deadlineTimer.cancel();
      deadlineTimer = null;
    }
  }

  private void end() {
    if (resolution != null) {
      resolution.end();
    }
    if (onDriver) {
      driver.removeOnClose(closeHook);
    }
    ended.complete(null);
  }

  private void recordDenied(List<ConnectPlan.Denied> destinations) {
    for (ConnectPlan.Denied d : destinations) {
      Attempt a = trace.denied(d, elapsed());
      if (lastEnded == null) {
        lastEnded = a;
      }
      listener.attemptEnded(a);
    }
  }

  private List<Answer> answers() {
    return resolution == null ? List.of() : resolution.answers();
  }

  // The resolution's news, on the driver.

  /** An answer: its addresses become pairs, ranked into those not yet started, and the schedule hears of it. */
  @Override
  public void answered(Answer answer) {
    if (phase == Phase.RUNNING && !answer.addresses().isEmpty()) {
      List<InetSocketAddress> arrived = new ArrayList<>(answer.addresses().size());
      for (InetAddress a : answer.addresses()) {
        arrived.add(new InetSocketAddress(a, call.request().port()));
      }
      ConnectPlan.Addition addition = planner.add(arrived, slots.notStarted());
      recordDenied(addition.denied());
      slots.replaceRest(addition.rest());
    }
    List<io.github.connectbylist.api.AddressPair> now = slots.pairs();
    listener.answered(answer, now);
    if (phase == Phase.RUNNING) {
      pacing.answered(answer, now, elapsed());
    }
  }

  /** Every answer is in: a schedule that waited is made now, one that raced is told. */
  @Override
  public void resolved() {
    if (phase != Phase.RUNNING) {
      return;
    }
    if (!pacing.hasSchedule()) {
      if (slots.isEmpty()) {
        noPairs();
        return;
      }
      pacing.begin(planner.schedule(slots.pairs()));
      return;
    }
    pacing.resolutionEnded(elapsed());
  }

  /** What had come is in: the schedule is asked what next, once. */
  @Override
  public void drained() {
    if (phase == Phase.RUNNING) {
      pacing.drive();
    }
  }

  /**
   * A step of this call that runs on the driver: a task, a timer, or the close hook. Queued or as the close
   * hook, it is what the event loop's watchdog may {@linkplain EventLoop.Pending end} when the loop is held.
   */
  private final class OnDriver implements Runnable, EventLoop.Pending {
    private final Step step;

    OnDriver(Step step) {
      this.step = step;
    }

    @Override
    public long deadlineAtNanos() {
      return deadline.isNone() ? Long.MAX_VALUE : call.startNanos() + deadline.nanos();
    }

    @Override
    public void abandon(FailureKind kind, String why) {
      ConnectCall.this.abandon(kind, why);
    }

    @Override
    public void run() {
      try {
        switch (step) {
          case BEGIN -> {
            if (enterDriver()) {
              begin();
            }
          }
          case ADOPT -> adopt();
          case DEADLINE -> deadlinePassed();
          case WAKE -> pacing.woken();
          case CANCELLED -> fail(FailureKind.CANCELLED, "cancelled by the caller");
          case CLOSED -> closed();
          case ANSWERS -> resolution.drain();
        }
      } catch (Throwable e) {
        internalError(e);
      }
    }
  }

  /** Completes the future of a call abandoned while its driver was held. */
  private final class Abandonment implements Runnable {
    private final FailureKind kind;
    private final String why;

    Abandonment(FailureKind kind, String why) {
      this.kind = kind;
      this.why = why;
    }

    @Override
    public void run() {
      future.completeExceptionally(new ConnectFailedException(kind, why, List.of(), List.of(), null));
    }
  }

  private static <R> R resultOf(CompletableFuture<R> done) throws ConnectFailedException {
    try {
      return done.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw asConnectFailed(e.getCause());
    }
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
    return "ConnectCall" + slots;
  }

  /** Cancelling the future ends the connect on the driver and closes every socket it opened. */
  private final class CallFuture extends CompletableFuture<R> {
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      if (cancelled) {
        try {
          driver.execute(new OnDriver(Step.CANCELLED));
        } catch (RejectedExecutionException closed) {
          // closing: the close hook, or the task already queued, ends the call
        }
      }
      return cancelled;
    }
  }
}
