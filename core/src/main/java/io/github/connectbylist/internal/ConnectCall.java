package io.github.connectbylist.internal;

import io.github.connectbylist.ConnectFailedException;
import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.Answer;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.AttemptScheduler.Schedule;
import io.github.connectbylist.api.ConnectListener;
import io.github.connectbylist.api.Decision;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.NameResolver;
import io.github.connectbylist.api.Query;
import io.github.connectbylist.engine.Delivery;
import io.github.connectbylist.engine.Driver;
import io.github.connectbylist.engine.Engine;
import io.github.connectbylist.engine.Transport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;

/**
 * One connect: plans it, then runs the schedule's decisions against a {@link Transport} until one attempt
 * connects and is handed over, all fail, the deadline passes, or the caller cancels. The first attempt to
 * connect wins and every other attempt is closed at once; every attempt opened here is closed or handed to
 * the caller. The same code runs on core's sockets and event loop, in the lab on a simulated network and a
 * virtual clock, and on an adapter's event loop. It calls the schedule exactly as {@link Schedule}'s
 * protocol says.
 *
 * <p>A call is confined to one thread at a time. A blocking connect plans and starts on the caller's
 * thread, so that an attempt that completes at once (a loopback connect, a refusal) costs no thread hop;
 * when it has to wait it moves to the driver's thread for good, keeping the schedule's last answer. An
 * asynchronous connect runs on the driver from the start, planning included, so the caller's thread does
 * no I/O.
 *
 * <p>A connect by name runs on the driver from the start. It asks the resolver, and each answer, on the
 * driver, becomes pairs ranked with those not yet started; a schedule that {@linkplain
 * io.github.connectbylist.api.AttemptScheduler#startsBeforeResolution starts before resolution} is told of
 * each answer, any other is made when resolution has ended. Such a connect fails only when resolution has
 * ended and every pair has failed; the deadline covers the resolution too.
 *
 * @param <C> what the transport yields for a connected attempt
 * @param <R> what the caller gets
 */
public final class ConnectCall<C, R> {
  private static final long NO_WAKE = Long.MIN_VALUE;
  /** A wake-up asked for less than this after the schedule was asked is "at once" when counting idle ones. */
  private static final long IDLE_WAKE_NANOS = 1_000_000;
  /** Idle wake-ups in a row, each less than {@link #IDLE_WAKE_NANOS} away, before a schedule is said to spin. */
  static final int MAX_IDLE_WAKES = 1_000;

  /** Where the call is in its life; every step checks it, since callbacks may arrive after the end. */
  private enum Phase { NEW, RUNNING, HANDING_OVER, DONE }

  /**
   * What the call asks the driver to run. One small class dispatching on these, rather than a lambda per
   * step: every new lambda costs a bootstrap in the first connect of a JVM (about 7 ms for the first one).
   */
  private enum Step { BEGIN, ADOPT, DEADLINE, WAKE, CANCELLED, CLOSED, RESOLVED, ANSWERS }

  private final Driver driver;
  private final Transport<C> transport;
  private final Delivery<C, R> delivery;
  private final ConnectListener listener;
  private final ConnectPlanner planner;
  private final String host;
  private final int port;
  private final NameResolver resolver;
  private final long startNanos;
  private final long deadlineNanos;
  private final CallFuture future = new CallFuture();
  private final CompletableFuture<Void> ended = new CompletableFuture<>();
  private final Runnable closeHook = new OnDriver(Step.CLOSED);

  private Phase phase = Phase.NEW;
  private boolean onDriver;
  private List<AddressPair> pairs = new ArrayList<>();
  private boolean[] bindSource = new boolean[0];
  private Schedule schedule;
  private PathTable.View history = PathTable.NONE.begin(null, 0);
  private Transport.Io<C>[] running;
  private long[] startedAt = new long[0];
  private Attempt[] attempts = new Attempt[0];
  private int started;
  private int runningCount;
  private int endedCount;
  private int idleWakes;
  private Attempt lastEnded;
  private long wakeAtNanos = NO_WAKE;
  private Driver.Cancellable wakeTimer;
  private Driver.Cancellable deadlineTimer;
  private Transport.Io<C> winnerIo;
  private int winnerIndex = -1;
  private long winnerConnectedAt;
  private ConnectFailedException failure;
  private boolean resolving;
  private NameResolver.Lookup lookup = NameResolver.Lookup.DONE;
  private final List<Answer> answers = new ArrayList<>();
  private final java.util.Queue<Runnable> inbox = new java.util.concurrent.ConcurrentLinkedQueue<>();
  private final java.util.concurrent.atomic.AtomicBoolean inboxPosted = new java.util.concurrent.atomic.AtomicBoolean();
  private final List<Attempt> denied = new ArrayList<>();

  /**
   * A connect to a list of addresses.
   *
   * @param planner makes the plan (pairs, binds, schedule, history) on the thread that starts the call, at
   *     the driver's time it is given
   * @param startNanos when the connect started, on the driver's {@link Driver#nanoTime()} scale
   * @param deadlineNanos the deadline in nanoseconds after {@code startNanos}, or {@link Long#MAX_VALUE}
   */
  public ConnectCall(
      Engine<C, R> engine, ConnectListener listener, ConnectPlanner planner, long startNanos, long deadlineNanos) {
    this(engine, listener, planner, null, 0, null, startNanos, deadlineNanos);
  }

  /**
   * A connect by name, or to a list when {@code host} is {@code null}.
   *
   * @param planner plans the start, each answer's addresses, and a schedule made after resolution
   * @param host the name to resolve, or {@code null}
   * @param port the port of every address of the name
   * @param resolver resolves {@code host}
   * @param startNanos when the connect started, on the driver's {@link Driver#nanoTime()} scale
   * @param deadlineNanos the deadline in nanoseconds after {@code startNanos}, or {@link Long#MAX_VALUE}
   */
  @SuppressWarnings("unchecked")
  public ConnectCall(
      Engine<C, R> engine, ConnectListener listener, ConnectPlanner planner, String host, int port,
      NameResolver resolver, long startNanos, long deadlineNanos) {
    this.host = host;
    this.port = port;
    this.resolver = resolver;
    this.driver = engine.driver();
    this.transport = engine.transport();
    this.delivery = engine.delivery();
    this.listener = listener;
    this.planner = planner;
    this.startNanos = startNanos;
    this.deadlineNanos = deadlineNanos;
    this.running = (Transport.Io<C>[]) new Transport.Io<?>[0];
  }

  /**
   * Plans and connects on the calling thread as far as it can without waiting, then moves to the driver and
   * waits. An interrupt ends the connect and throws with kind {@code CANCELLED}; the flag stays set.
   */
  public R connectBlocking() throws ConnectFailedException {
    start(host == null); // a connect by name waits for its answers on the driver, where they arrive
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (!future.cancel(false)) {
        return resultOf(future);
      }
      ended.join();
      throw failure != null ? failure
          : new ConnectFailedException(FailureKind.CANCELLED, "interrupted", attemptList(), List.copyOf(answers), lastEnded);
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
    if (onCallingThread) {
      try {
        begin();
      } catch (Throwable e) {
        if (Fatal.isFatal(e)) { // the caller gets it; what this call opened is closed first, if it can be
          try {
            fail(FailureKind.OTHER, "stopped on " + e, e);
          } catch (Throwable ignored) {
            // nothing more can be done
          }
          throw e;
        }
        internalError(e);
      }
      if (phase != Phase.DONE) {
        onDriver(Step.ADOPT);
      }
    } else {
      onDriver(Step.BEGIN);
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
    if (deadlineNanos != Long.MAX_VALUE) {
      deadlineTimer = driver.schedule(startNanos + deadlineNanos, new OnDriver(Step.DEADLINE));
    }
    return true;
  }

  /** After the caller's thread: watch what is pending and keep the schedule's last answer. */
  private void adopt() {
    if (!enterDriver()) {
      return;
    }
    for (int i = 0; i < started; i++) {
      if (running[i] != null) {
        watch(i);
      }
    }
    if (wakeAtNanos != NO_WAKE) {
      armWake();
    }
  }

  @SuppressWarnings("unchecked")
  private void begin() {
    if (elapsed() >= deadlineNanos) {
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
    pairs = new ArrayList<>(plan.pairs());
    bindSource = plan.bindSource();
    schedule = plan.schedule();
    history = plan.history();
    running = (Transport.Io<C>[]) new Transport.Io<?>[pairs.size()];
    startedAt = new long[pairs.size()];
    attempts = new Attempt[pairs.size()];
    phase = Phase.RUNNING;
    recordDenied(plan.denied());
    listener.connectStarted(List.copyOf(pairs));
    if (host != null) {
      resolving = true;
      try {
        lookup = resolver.resolve(host, new Answers());
      } catch (Throwable e) {
        Fatal.rethrowIfFatal(e);
        Log.warning("resolver " + resolver + " threw", e);
        resolving = false;
        fail(FailureKind.RESOLUTION_FAILED, "the resolver " + resolver + " threw on " + host + ": " + e, e);
        return;
      }
      if (phase != Phase.RUNNING) {
        return;
      }
    }
    if (schedule != null) {
      drive();
    } else if (!resolving) {
      noPairs(); // a list whose every destination was denied
    }
  }

  /**
   * Asks the schedule what to do and does it, until it says to wait or the connect ends. A schedule gets a
   * bounded number of decisions without waiting, a wake-up at a time already come counting as one; one
   * that keeps deciding, or keeps waking itself at once without starting or ending anything, makes no
   * progress and fails the connect. The deadline is read again after every call to the schedule, which
   * may have taken long.
   */
  private void drive() {
    drive(false);
  }

  /** @param woken called by the wake-up the schedule asked for */
  private void drive(boolean woken) {
    if (schedule == null) {
      return; // a connect by name whose schedule waits for resolution to end
    }
    cancelWake(); // every answer replaces the one before
    int budget = decisionBudget();
    int startedBefore = started;
    int endedBefore = endedCount;
    while (phase == Phase.RUNNING) {
      long now = elapsed();
      if (now >= deadlineNanos) {
        deadlinePassed();
        return;
      }
      if (--budget < 0) {
        noProgress(decisionBudget() + " decisions in a row without waiting");
        return;
      }
      Decision decision;
      try {
        decision = schedule.next(now);
      } catch (RuntimeException e) {
        schedulerFailed(e);
        continue;
      } catch (Error e) {
        strategyFailed("the scheduler " + schedule + " threw in next()", e);
        return;
      }
      now = elapsed();
      if (now >= deadlineNanos) {
        deadlinePassed();
        return;
      }
      if (decision instanceof Decision.StartNext && started < pairs.size()) {
        startAttempt(now);
      } else if (decision instanceof Decision.StartPair start && moveToNext(start.pair())) {
        startAttempt(now);
      } else if (decision instanceof Decision.EndAttempt end && isRunning(end.index())) {
        endAttempt(end.index(), now);
      } else if (decision instanceof Decision.WakeAt wake) {
        if (wake.nanos() <= now) {
          continue; // its time has come: ask again, which counts against the budget
        }
        boolean idle = started == startedBefore && endedCount == endedBefore;
        idleWakes = woken && idle && wake.nanos() - now < IDLE_WAKE_NANOS ? idleWakes + 1 : 0;
        if (idleWakes > MAX_IDLE_WAKES) {
          noProgress(MAX_IDLE_WAKES + " wake-ups in a row less than 1 ms apart without starting or ending an attempt");
          return;
        }
        wakeAtNanos = wake.nanos();
        if (onDriver) {
          armWake();
        }
        return;
      } else {
        if (runningCount == 0 && !resolving) {
          exhausted();
        }
        return;
      }
    }
  }

  /** The schedule keeps answering without anything happening: it would spin the driver, so the connect fails. */
  private void noProgress(String what) {
    Log.warning("the scheduler " + schedule + " made no progress (" + what + "); its connect fails");
    fail(FailureKind.OTHER, "the scheduler " + schedule + " made no progress: " + what);
  }

  /**
   * A strategy threw an {@link Error}: the connect fails with it as the cause and the driver goes on; a
   * fatal one (out of memory) is rethrown, to stop the driver.
   */
  private void strategyFailed(String what, Throwable e) {
    Fatal.rethrowIfFatal(e);
    Log.warning(what + "; its connect fails", e);
    fail(FailureKind.OTHER, what + ": " + e, e);
  }

  /**
   * Moves {@code pair}, if it is one not yet started, to the next place to start; the others not yet
   * started keep their order, and so do their binds.
   */
  private boolean moveToNext(AddressPair pair) {
    int at = -1;
    for (int i = started; i < pairs.size(); i++) {
      if (pairs.get(i).equals(pair)) {
        at = i;
        break;
      }
    }
    if (at < 0) {
      return false;
    }
    boolean bind = bindSource[at];
    for (int i = at; i > started; i--) {
      pairs.set(i, pairs.get(i - 1));
      bindSource[i] = bindSource[i - 1];
    }
    pairs.set(started, pair);
    bindSource[started] = bind;
    return true;
  }

  private int decisionBudget() {
    return 16 + 4 * pairs.size();
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
    if (onDriver) {
      watch(index);
    }
  }

  private void watch(int index) {
    Transport.Io<C> io = running[index];
    try {
      io.watch(new Transport.Outcome() {
        @Override
        public void connected() {
          try {
            if (phase == Phase.RUNNING && running[index] == io) {
              removeRunning(index);
              won(index, io);
            }
          } catch (Throwable e) {
            internalError(e);
          }
        }

        @Override
        public void failed(IOException error) {
          try {
            if (phase == Phase.RUNNING && running[index] == io) {
              removeRunning(index);
              io.close();
              attemptFailed(index, Failures.classify(error), error);
              drive();
            }
          } catch (Throwable e) {
            internalError(e);
          }
        }
      });
    } catch (IOException | RuntimeException e) {
      removeRunning(index);
      io.close();
      IOException error = e instanceof IOException x ? x : new IOException(e.toString(), e);
      attemptFailed(index, Failures.classify(error), error);
      drive();
    }
  }

  private void endAttempt(int index, long now) {
    removeRunning(index).close();
    long ran = now - startedAt[index];
    attemptFailed(index, FailureKind.TIMED_OUT,
        Failures.closedBy(FailureKind.TIMED_OUT, "the scheduler ended the attempt after " + ran / 1_000_000 + " ms"));
  }

  /** Records a failed attempt and tells the schedule; the caller asks the schedule what next. */
  private void attemptFailed(int index, FailureKind kind, IOException error) {
    endedCount++;
    long now = elapsed();
    record(index, kind, error, now);
    history.failed(pairs.get(index), kind, startNanos + startedAt[index], startNanos + now);
    try {
      schedule.attemptFailed(index, kind, now);
    } catch (RuntimeException e) {
      schedulerFailed(e);
    } catch (Error e) {
      strategyFailed("the scheduler " + schedule + " threw in attemptFailed()", e);
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

  /** The first attempt to connect: the others lose and are closed, then the winner is handed over. */
  private void won(int index, Transport.Io<C> io) {
    long now = elapsed();
    phase = Phase.HANDING_OVER;
    winnerIo = io;
    winnerIndex = index;
    winnerConnectedAt = now;
    cancelWake();
    for (int i = 0; i < started; i++) {
      if (running[i] != null) {
        removeRunning(i).close();
        record(i, FailureKind.CANCELLED, Failures.closedBy(FailureKind.CANCELLED, "attempt #" + index + " connected first"), now);
        if (startedAt[i] <= startedAt[index]) { // had at least the winner's time: slower than it
          history.lost(pairs.get(i), startNanos + startedAt[i], startNanos + now);
        }
        try {
          schedule.attemptLost(i, index, now);
        } catch (RuntimeException e) {
          Log.warning("the schedule threw on a lost attempt; ignored", e);
        } catch (Error e) {
          strategyFailed("the scheduler " + schedule + " threw in attemptLost()", e); // closes the winner too
        }
      }
    }
    if (phase != Phase.HANDING_OVER) {
      return;
    }
    if (elapsed() >= deadlineNanos) { // the schedule took so long that the caller has given up
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
      public void failed(IOException error) {
        try {
          handOverFailed(io, error);
        } catch (Throwable e) {
          internalError(e);
        }
      }
    });
  }

  private void delivered(Transport.Io<C> io, C connection) {
    if (phase != Phase.HANDING_OVER || winnerIo != io) {
      delivery.discardConnection(connection); // the connect ended meanwhile
      return;
    }
    int index = winnerIndex;
    long at = winnerConnectedAt;
    Attempt winner = new Attempt(index, pairs.get(index), Duration.ofNanos(startedAt[index]), Duration.ofNanos(at), null, null);
    attempts[index] = winner;
    R result;
    try {
      result = delivery.deliver(connection, attemptList(), List.copyOf(answers), winner, Duration.ofNanos(at));
    } catch (IOException | RuntimeException e) {
      attempts[index] = null;
      delivery.discardConnection(connection);
      handOverFailed(io, e instanceof IOException x ? x : new IOException(e.toString(), e));
      return;
    }
    phase = Phase.DONE;
    winnerIo = null;
    cancelTimers();
    history.connected(pairs.get(index), startNanos + startedAt[index], startNanos + at);
    listener.attemptEnded(winner);
    if (!future.complete(result)) {
      delivery.discard(result);
    }
    try { // after the caller has it: a schedule that takes its time here delays nobody's connection
      schedule.attemptConnected(index, at);
    } catch (Throwable e) {
      Fatal.rethrowIfFatal(e);
      Log.warning("the schedule threw on a connected attempt; ignored, the connection is the caller's", e);
    }
    listener.connectEnded(attemptList(), winner, Duration.ofNanos(at));
    end();
  }

  /** The winner connected but could not be handed over: it failed after all, and the connect goes on. */
  private void handOverFailed(Transport.Io<C> io, IOException error) {
    io.close();
    if (phase != Phase.HANDING_OVER || winnerIo != io) {
      return;
    }
    phase = Phase.RUNNING;
    winnerIo = null;
    attemptFailed(winnerIndex, Failures.classify(error), error);
    drive();
  }

  private void exhausted() {
    if (started == 0 && !pairs.isEmpty()) {
      fail(FailureKind.OTHER, "the scheduler " + schedule + " gave up without starting any of " + pairs.size()
          + (pairs.size() == 1 ? " address pair" : " address pairs") + (host == null ? "" : " of " + host));
      return;
    }
    if (started == 0) {
      noPairs();
      return;
    }
    FailureKind kind = lastEnded == null ? FailureKind.OTHER : lastEnded.failure();
    fail(kind, "could not connect to any of " + pairs.size() + (pairs.size() == 1 ? " address pair" : " address pairs")
        + (host == null ? "" : " of " + host));
  }

  /**
   * Ends a connect that never had a pair to start: every destination denied, or the name without an
   * address (the resolver's failure, or empty answers).
   */
  private void noPairs() {
    if (!denied.isEmpty()) {
      fail(FailureKind.DENIED, "every address " + (host == null ? "given" : "of " + host) + " is denied by the "
          + "destination policy");
      return;
    }
    FailureKind kind = FailureKind.NO_SUCH_NAME;
    StringBuilder why = new StringBuilder(host == null ? "no destination" : "no address for " + host + ":");
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

  private void deadlinePassed() {
    fail(FailureKind.TIMED_OUT, "the deadline of " + deadlineNanos / 1_000_000 + " ms passed");
  }

  /** Runs on the driver when the caller cancels the future or interrupts a blocking connect. */
  private void cancelled() {
    fail(FailureKind.CANCELLED, "cancelled by the caller");
  }

  private void fail(FailureKind kind, String message) {
    fail(kind, message, null);
  }

  /** Ends the connect without a winner: closes what is open, which the schedule is not told of. */
  private void fail(FailureKind kind, String message, Throwable cause) {
    if (phase == Phase.DONE) {
      return;
    }
    phase = Phase.DONE;
    long now = elapsed();
    FailureKind closedAs = kind == FailureKind.TIMED_OUT ? FailureKind.TIMED_OUT : FailureKind.CANCELLED;
    for (int i = 0; i < started; i++) {
      if (running[i] != null) {
        removeRunning(i).close();
        record(i, closedAs, Failures.closedBy(closedAs, message), now);
        if (closedAs == FailureKind.TIMED_OUT) { // the deadline: it ran this long without connecting
          history.failed(pairs.get(i), FailureKind.TIMED_OUT, startNanos + startedAt[i], startNanos + now);
        }
      }
    }
    if (winnerIo != null) {
      winnerIo.close(); // connected, but the connect ended before it was handed over
      winnerIo = null;
      record(winnerIndex, closedAs, Failures.closedBy(closedAs, message), now);
    }
    cancelTimers();
    List<Attempt> list = attemptList();
    // the cause is why the connect ended: what a strategy threw if that ended it, else the last attempt's error
    failure = new ConnectFailedException(kind, message, list, List.copyOf(answers), cause != null ? null : lastEnded);
    if (cause != null) {
      failure.initCause(cause);
    }
    future.completeExceptionally(failure);
    listener.connectEnded(list, null, Duration.ofNanos(now));
    end();
  }

  /**
   * What a step threw: a strategy's failure the planner reports, or a bug. Neither may leave the call
   * hanging, so it fails the call, which closes its sockets and completes its future; a fatal error is
   * rethrown to stop the driver, which then ends every connect.
   */
  private void internalError(Throwable e) {
    Fatal.rethrowIfFatal(e);
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
   * From another thread, while the driver is held: completes the future with this failure. The call itself
   * ends, closing its sockets, when the driver runs it again.
   */
  private void abandon(FailureKind kind, String why) {
    if (!future.isDone()) {
      future.completeExceptionally(new ConnectFailedException(kind, why, List.of(), List.of(), null));
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
      return deadlineNanos == Long.MAX_VALUE ? Long.MAX_VALUE : startNanos + deadlineNanos;
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
          case WAKE -> {
            wakeTimer = null;
            wakeAtNanos = NO_WAKE;
            drive(true);
          }
          case CANCELLED -> cancelled();
          case CLOSED -> closed();
          case RESOLVED -> {
            if (phase != Phase.DONE) {
              resolved();
            }
          }
          case ANSWERS -> drainAnswers();
        }
      } catch (Throwable e) {
        internalError(e);
      }
    }
  }

  private void schedulerFailed(RuntimeException e) {
    Log.warning("the attempt scheduler failed; going on one attempt at a time: " + schedule, e);
    schedule = new FallbackSchedule(pairs.size(), started, runningCount);
  }

  private void armWake() {
    wakeTimer = driver.schedule(startNanos + wakeAtNanos, new OnDriver(Step.WAKE));
  }

  private void cancelWake() {
    wakeAtNanos = NO_WAKE;
    if (wakeTimer != null) {
      wakeTimer.cancel();
      wakeTimer = null;
    }
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
    cancelWake();
    if (deadlineTimer != null) {
      deadlineTimer.cancel();
      deadlineTimer = null;
    }
  }

  private void end() {
    try {
      lookup.cancel();
    } catch (Throwable e) {
      Fatal.rethrowIfFatal(e);
      Log.warning("the resolver " + resolver + " threw on cancel; ignored", e);
    }
    resolving = false;
    if (onDriver) {
      driver.removeOnClose(closeHook);
    }
    ended.complete(null);
  }

  /** The trace: the attempts in start order, with the denied destinations where they were denied in time. */
  private List<Attempt> attemptList() {
    List<Attempt> list = new ArrayList<>(started + denied.size());
    int d = 0;
    for (int i = 0; i < started; i++) {
      if (attempts[i] != null) {
        while (d < denied.size() && denied.get(d).startedAt().compareTo(attempts[i].startedAt()) <= 0) {
          list.add(denied.get(d++));
        }
        list.add(attempts[i]);
      }
    }
    while (d < denied.size()) {
      list.add(denied.get(d++));
    }
    return list;
  }

  private void recordDenied(List<ConnectPlan.Denied> destinations) {
    if (destinations.isEmpty()) {
      return;
    }
    Duration now = Duration.ofNanos(elapsed());
    for (ConnectPlan.Denied d : destinations) {
      Attempt a = new Attempt(Attempt.NOT_STARTED, AddressPair.toDestination(d.destination()), now, now,
          FailureKind.DENIED, Failures.madeUp(d.reason()));
      denied.add(a);
      if (lastEnded == null) {
        lastEnded = a;
      }
      listener.attemptEnded(a);
    }
  }

  /**
   * An answer, on the driver: its addresses become pairs, ranked into those not yet started, and the
   * schedule hears of it; the caller asks the schedule what next once every answer at hand is in.
   */
  private void answered(Answer answer) {
    if (phase == Phase.DONE) {
      return;
    }
    answers.add(answer);
    if (phase == Phase.RUNNING && !answer.addresses().isEmpty()) {
      List<InetSocketAddress> arrived = new ArrayList<>(answer.addresses().size());
      for (InetAddress a : answer.addresses()) {
        arrived.add(new InetSocketAddress(a, port));
      }
      ConnectPlan.Addition addition = planner.add(arrived, List.copyOf(pairs.subList(started, pairs.size())));
      recordDenied(addition.denied());
      extend(addition);
    }
    List<AddressPair> now = List.copyOf(pairs);
    listener.answered(answer, now);
    if (phase == Phase.RUNNING && schedule != null) {
      try {
        schedule.answered(answer, now, elapsed());
      } catch (RuntimeException e) {
        schedulerFailed(e);
      } catch (Error e) {
        strategyFailed("the scheduler " + schedule + " threw in answered()", e);
      }
    }
  }

  /** The pairs not yet started are replaced by the addition's order; the arrays grow to hold them all. */
  @SuppressWarnings("unchecked")
  private void extend(ConnectPlan.Addition addition) {
    List<AddressPair> rest = addition.rest();
    pairs.subList(started, pairs.size()).clear();
    pairs.addAll(rest);
    int size = pairs.size();
    if (running.length < size) {
      int capacity = Math.max(size, running.length * 2);
      running = Arrays.copyOf(running, capacity);
      startedAt = Arrays.copyOf(startedAt, capacity);
      attempts = Arrays.copyOf(attempts, capacity);
      bindSource = Arrays.copyOf(bindSource, capacity);
    }
    System.arraycopy(addition.bindRest(), 0, bindSource, started, rest.size());
  }

  /**
   * Every answer is in, on the driver: a schedule that waited is made now, one that raced is told; the
   * caller asks it what next.
   */
  private void resolved() {
    resolving = false;
    lookup = NameResolver.Lookup.DONE;
    if (phase != Phase.RUNNING) {
      return;
    }
    if (schedule == null) {
      if (pairs.isEmpty()) {
        noPairs();
        return;
      }
      schedule = planner.schedule(List.copyOf(pairs));
      return;
    }
    try {
      schedule.resolutionEnded(elapsed());
    } catch (RuntimeException e) {
      schedulerFailed(e);
    } catch (Error e) {
      strategyFailed("the scheduler " + schedule + " threw in resolutionEnded()", e);
    }
  }

  /**
   * Handles every answer that has come (and the end of resolution, if it has), then asks the schedule
   * once: answers that arrive together, such as two cached ones, are ranked together before anything
   * starts, so that the first to be reported does not start alone.
   */
  private void drainAnswers() {
    inboxPosted.set(false);
    Runnable next;
    while ((next = inbox.poll()) != null) {
      if (phase == Phase.DONE) {
        inbox.clear();
        return;
      }
      next.run();
    }
    if (phase == Phase.RUNNING) {
      drive();
    }
  }

  /**
   * Where the resolver's calls arrive, on its threads: each waits in the inbox, in the order the resolver
   * made them (its calls never overlap), and one task on the driver handles all that are there.
   */
  private final class Answers implements NameResolver.Answers {
    @Override
    public void answered(Query query, List<InetAddress> addresses) {
      post(new OnAnswer(query, List.copyOf(addresses), null, null));
    }

    @Override
    public void failed(Query query, FailureKind kind, Exception error) {
      FailureKind k = kind == FailureKind.NO_SUCH_NAME ? kind : FailureKind.RESOLUTION_FAILED;
      post(new OnAnswer(query, List.of(), k, error != null ? error : new IOException(k.toString())));
    }

    @Override
    public void done() {
      post(new OnDriver(Step.RESOLVED));
    }

    private void post(Runnable handle) {
      inbox.add(handle);
      if (inboxPosted.compareAndSet(false, true)) {
        try {
          driver.execute(new OnDriver(Step.ANSWERS));
        } catch (RejectedExecutionException closing) {
          // the driver is closing: its close hook ends the call
        }
      }
    }
  }

  /** One answer, to be handled on the driver with the driver's time. */
  private final class OnAnswer implements Runnable {
    private final Query query;
    private final List<InetAddress> addresses;
    private final FailureKind failure;
    private final Exception error;

    OnAnswer(Query query, List<InetAddress> addresses, FailureKind failure, Exception error) {
      this.query = query;
      this.addresses = addresses;
      this.failure = failure;
      this.error = error;
    }

    @Override
    public void run() {
      try {
        if (phase != Phase.DONE) {
          answered(new Answer(host, query, Duration.ofNanos(elapsed()), addresses, failure, error));
        }
      } catch (Throwable e) {
        internalError(e);
      }
    }
  }

  private long elapsed() {
    return driver.nanoTime() - startNanos;
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
    return "ConnectCall" + Arrays.toString(attempts);
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
