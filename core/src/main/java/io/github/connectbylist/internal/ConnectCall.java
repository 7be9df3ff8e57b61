package io.github.connectbylist.internal;

import io.github.connectbylist.ConnectFailedException;
import io.github.connectbylist.api.Answer;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.AttemptScheduler.Schedule;
import io.github.connectbylist.api.ConnectListener;
import io.github.connectbylist.api.Deadline;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.Query;
import io.github.connectbylist.engine.Driver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;

/**
 * One connect, from start to end: plans it, then has its schedule's decisions ({@link Pacing}) run as a
 * {@link Race} of attempts until one connects and is handed over, all fail, the deadline passes, or the caller
 * cancels; a connect by name takes its {@link Resolution}'s answers as they come. The same code runs on core's
 * sockets and event loop, in the lab on a simulated network and a virtual clock, and on an adapter's event
 * loop. It calls the schedule exactly as {@link Schedule}'s protocol says.
 *
 * <p>A call is confined to one thread at a time. A blocking connect plans and starts on the caller's
 * thread, so that an attempt that completes at once (a loopback connect, a refusal) costs no thread hop;
 * when it has to wait it moves to the driver's thread for good, keeping the schedule's last answer. A blocking
 * connect by name asks its resolver there too and races the answers the resolver gave at once (a hosts file's,
 * a cache's); answers still to come make it move, and its {@link Resolution} hands them in on the driver. An
 * asynchronous connect runs on the driver from the start, planning included.
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
  private enum Step { BEGIN, ADOPT, DEADLINE, WAKE, CANCELLED, CLOSED, ANSWERS, TARGETS }

  /**
   * How long the fallback to the host's own addresses waits for the targets of service records to answer: a
   * record is not passed over because its target is a query behind, but a lost target query does not hold
   * the fallback for the resolver's whole timeout either. The default Connection Attempt Delay (RFC 8305).
   */
  static final long TARGET_WAIT_NANOS = 250_000_000L;

  private final Call<C, R> call;
  private final Driver driver;
  private final ConnectListener listener;
  private final ConnectPlanner planner;
  private final Deadline deadline;
  private final CallFuture<R> future;
  private boolean ended; // guarded by this: a waiting interrupt sees the end
  private Runnable closeHook; // made when the call moves to the driver
  private final Slots<C> slots = new Slots<>();
  private final Trace trace = new Trace();
  private final Pacing pacing = new Pacing(this);
  private final Race<C, R> race;
  private final Resolution resolution;
  private final Endpoints endpoints;

  private Phase phase = Phase.NEW;
  private boolean onDriver;
  private Driver.Cancellable deadlineTimer;
  private boolean targetTimerArmed;
  private long targetWaitEndsNanos;
  private ConnectFailedException failure;

  /**
   * @param call the connect: what to connect to, its deadline and start, its engine and settings
   * @param planner makes the plan (pairs, binds, schedule, history) on the thread that starts the call, and
   *     plans each answer's addresses of a connect by name
   */
  public ConnectCall(Call<C, R> call, ConnectPlanner planner) {
    this.call = call;
    this.driver = call.engine().driver();
    this.future = new CallFuture<>(driver) {
      @Override
      Runnable cancelOnDriver() {
        return new OnDriver(Step.CANCELLED);
      }
    };
    this.listener = call.settings().listener();
    this.race = new Race<>(this, call, slots, trace, pacing);
    this.planner = planner;
    this.deadline = call.deadline();
    this.resolution = call.byName() ? new Resolution(call.engine().resolver(), call.request().host().get(),
        call.origin(), driver, call.startNanos(), new OnDriver(Step.ANSWERS), this) : null;
    this.endpoints = call.byName() ? new Endpoints(call.request().host().get(), call.request().port()) : null;
  }

  /**
   * Plans and connects on the calling thread as far as it can without waiting, then moves to the driver and
   * waits. An interrupt ends the connect and throws with kind {@code CANCELLED}; the flag stays set.
   */
  public R connectBlocking() throws ConnectFailedException {
    start(true);
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (!future.cancel(false)) {
        return future.result();
      }
      awaitEnd();
      throw failure != null ? failure : new ConnectFailedException(FailureKind.CANCELLED, "interrupted",
          race.attempts(), answers(), race.lastEnded());
    } catch (ExecutionException e) {
      throw CallFuture.asConnectFailed(e.getCause());
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
    closeHook = new OnDriver(Step.CLOSED);
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
    race.watchRunning();
    pacing.armPendingWake();
    if (targetTimerArmed) {
      armTargetTimer();
    }
    if (resolution != null && resolution.held()) {
      resolution.drain(); // what came since the caller's thread took the answers at hand
    }
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
    race.history(plan.history());
    phase = Phase.RUNNING;
    race.denied(plan.denied(), elapsed());
    if (listener != ConnectListener.NONE) { // the list costs a copy that no one would read
      listener.connectStarted(slots.pairs());
    }
    if (resolution != null) {
      endpoints.nat64(planner.nat64());
      if (planner.discoversNat64()) {
        endpoints.awaitNat64();
      }
      try {
        boolean discover = planner.discoversNat64();
        resolution.start(discover, discover ? new LateDiscovery() : null, !onDriver);
      } catch (Throwable e) {
        Fatal.rethrowIfFatal(e);
        if (driver.isClosing()) { // closed meanwhile: the resolver was not to be made or asked any more
          closed();
          return;
        }
        Log.warning("resolver " + call.engine().resolver() + " threw", e);
        fail(FailureKind.RESOLUTION_FAILED, "the resolver " + call.engine().resolver() + " threw on "
            + call.request().host().get() + ": " + e, e);
        return;
      }
      if (phase != Phase.RUNNING) {
        return;
      }
      if (deadline.hasPassed(elapsed())) { // a resolve that blocked the caller's thread (NameResolver says: never)
        deadlinePassed();
        return;
      }
    }
    if (plan.schedule() != null) {
      pacing.begin(plan.schedule());
      if (resolution != null && resolution.awaitsServices()) {
        pacing.servicesAwaited(elapsed());
      }
      pacing.drive();
    } else if (!resolving()) {
      noPairs(); // a list whose every destination was denied
    }
    if (resolution != null && resolution.held() && phase == Phase.RUNNING) {
      resolution.deliverHeld(); // the answers at hand: a hosts file's or a cache's connect on this thread
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
    race.start(now);
  }

  void endAttempt(int index, long now) {
    race.end(index, now);
  }

  boolean isHandingOver() {
    return phase == Phase.HANDING_OVER;
  }

  /** An attempt connected: the race hands it over, and nothing more starts. */
  void handingOver() {
    phase = Phase.HANDING_OVER;
  }

  /** The winner could not be handed over after all: the race goes on. */
  void racing() {
    phase = Phase.RUNNING;
  }

  /**
   * The winner's result, to the caller, unless the deadline passed meanwhile or the caller gave up: then
   * {@code false}, and the race releases it and calls {@link #gaveUp()}.
   */
  boolean handOver(R result) {
    if (deadline.hasPassed(elapsed()) || !future.complete(result)) {
      return false;
    }
    phase = Phase.DONE;
    cancelTimers();
    return true;
  }

  /** The result came too late for the caller: it ends as what ended it. */
  void gaveUp() {
    fail(future.isCancelled() ? FailureKind.CANCELLED : FailureKind.TIMED_OUT,
        future.isCancelled() ? "cancelled by the caller" : "the deadline of " + deadline + " passed");
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
      Attempt last = race.lastEnded();
      fail(last == null ? FailureKind.OTHER : last.failure(), "could not connect to any of " + pairs);
    }
  }

  /**
   * Ends a connect that never had a pair to start: every destination denied, or the name without an
   * address (the resolver's failure, or empty answers).
   */
  private void noPairs() {
    if (driver.isClosing()) { // the resolver failed every query because it was closed with the instance
      closed();
      return;
    }
    NoPairs why = NoPairs.of(call.request().host().orElse(null), trace.anyDenied(), answers());
    fail(why.kind(), why.message());
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
    race.closeAll(kind == FailureKind.TIMED_OUT ? FailureKind.TIMED_OUT : FailureKind.CANCELLED, message, now);
    cancelTimers();
    List<Attempt> list = race.attempts();
    // the cause is why the connect ended: what a strategy threw if that ended it, else the last attempt's error
    failure = new ConnectFailedException(kind, message, list, answers(), cause != null ? null : race.lastEnded());
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

  private void cancelTimers() {
    pacing.stop();
    if (deadlineTimer != null) {
      deadlineTimer.cancel();
      deadlineTimer = null;
    }
  }

  /** The connect is over: its resolution is cancelled, its close hook removed, and a waiting interrupt sees it. */
  void end() {
    try {
      if (resolution != null) {
        resolution.end();
      }
      if (closeHook != null) { // registered once the call reached the driver
        driver.removeOnClose(closeHook);
      }
    } finally {
      synchronized (this) { // a waiting interrupt is released whatever happened above
        ended = true;
        notifyAll();
      }
    }
  }

  /** Waits, uninterruptibly, until the call has ended; the interrupt flag is kept. */
  private void awaitEnd() {
    boolean interrupted = false;
    synchronized (this) {
      while (!ended) {
        try {
          wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  List<Answer> answers() {
    return resolution == null ? List.of() : resolution.answers();
  }

  // The resolution's news, on the driver.

  /**
   * An answer: what may be connected to changes ({@link Endpoints}), new destinations become pairs ranked into
   * those not yet started, and the schedule hears of it.
   */
  @Override
  public void answered(Answer answer) {
    boolean changed;
    if (answer.isNat64Discovery() && !call.request().host().get().equals(Answer.NAT64_DISCOVERY_NAME)) {
      changed = false; // its A answer (the well-known addresses themselves) says nothing
      if (answer.query().coversIpv6()) { // RFC 7050 section 3: the AAAA answer shows the prefix
        planner.nat64Discovered(answer.failed() ? null : answer.addresses(), driver.nanoTime());
        endpoints.nat64(planner.nat64());
        changed = true; // the IPv4 addresses that waited, synthesized or as they are
      }
    } else {
      changed = endpoints.take(answer);
    }
    if (answer.query().isService() && !targetTimerArmed && !endpoints.unsettledTargets().isEmpty()) {
      targetTimerArmed = true;
      targetWaitEndsNanos = driver.nanoTime() + TARGET_WAIT_NANOS;
      if (onDriver) {
        armTargetTimer(); // else when the call moves to the driver
      }
    }
    if (phase == Phase.RUNNING && changed) {
      ConnectPlan.Addition addition = planner.update(endpoints.all(), slots.startedPairs(), slots.notStarted());
      race.denied(addition.denied(), elapsed());
      slots.replaceRest(addition.rest());
    }
    List<io.github.connectbylist.api.AddressPair> now = slots.pairs();
    listener.answered(answer, now);
    if (phase == Phase.RUNNING) {
      pacing.answered(answer, now, elapsed());
    }
  }

  private void armTargetTimer() {
    driver.schedule(targetWaitEndsNanos, new OnDriver(Step.TARGETS));
  }

  /** Every answer is in: a schedule that waited is made now, one that raced is told. */
  @Override
  public void resolved() {
    if (phase != Phase.RUNNING) {
      return;
    }
    if (!settleTargets("the resolver ended without answering it")) {
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

  /**
   * Takes every target query of a usable record that has not answered as failed, so that the fallback waits
   * for it no longer; the schedule hears each as an answer.
   *
   * @return whether the connect still runs
   */
  private boolean settleTargets(String why) {
    for (Map.Entry<String, Query> never : endpoints.unsettledTargets()) {
      answered(new Answer(never.getKey(), never.getValue(), Duration.ofNanos(elapsed()), List.of(),
          FailureKind.RESOLUTION_FAILED, new IOException(why)));
      if (phase != Phase.RUNNING) {
        return false;
      }
    }
    return true;
  }

  /** What had come is in: the schedule is asked what next, once. */
  @Override
  public void drained() {
    if (phase == Phase.RUNNING) {
      pacing.drive();
    }
  }

  /** The NAT64 discovery's answer that comes after the connect ended: kept for the network (RFC 7050 section 3). */
  private final class LateDiscovery implements java.util.function.Consumer<List<java.net.InetAddress>> {
    @Override
    public void accept(List<java.net.InetAddress> answer) {
      planner.nat64Discovered(answer, driver.nanoTime());
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
      future.abandon(kind, why + "; the attempts are recorded when the event loop is back");
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
          case TARGETS -> {
            if (phase == Phase.RUNNING && settleTargets("no answer within " + TARGET_WAIT_NANOS / 1_000_000
                + " ms: the fallback waits no longer")) {
              pacing.drive();
            }
          }
        }
      } catch (Throwable e) {
        internalError(e);
      }
    }
  }

  @Override
  public String toString() {
    return "ConnectCall" + slots;
  }

}
