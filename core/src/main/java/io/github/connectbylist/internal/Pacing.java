package io.github.connectbylist.internal;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.Answer;
import io.github.connectbylist.api.AttemptScheduler.Schedule;
import io.github.connectbylist.api.Decision;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.engine.Driver;
import java.util.List;

/**
 * The schedule of one connect, asked and answered: it asks the schedule what to do and has the connect do
 * it, keeps the wake-up it asked for, and holds it to its bounds. A schedule gets a bounded number of
 * decisions without waiting, a wake-up at a time already come counting as one; one that keeps deciding, or
 * keeps waking itself again and again less than a millisecond apart without an attempt starting or ending,
 * makes no progress and fails the connect, naming it, instead of spinning the driver in place. The deadline
 * is read again after every call to the schedule, which may have taken long. A schedule that throws a
 * {@link RuntimeException} is replaced by {@link FallbackSchedule}; one that throws an {@link Error} fails
 * the connect.
 */
final class Pacing {
  /** A wake-up asked for less than this after the one before it is "at once" when counting idle ones. */
  static final long IDLE_WAKE_NANOS = 1_000_000;
  /** Idle wake-ups in a row, each less than {@link #IDLE_WAKE_NANOS} after the one before, that make a spin. */
  static final int MAX_IDLE_WAKES = 1_000;
  /** A wake-up this far ahead is never: further than any deadline, and beyond what timers can order. */
  private static final long NEVER_NANOS = 1L << 61;
  private static final long NO_WAKE = Long.MIN_VALUE;

  private final ConnectCall<?, ?> call;
  private Schedule schedule;
  private long wakeAtNanos = NO_WAKE;
  private Driver.Cancellable wakeTimer;
  private long lastWakeAsked = NO_WAKE;
  private int idleWakes;
  private int ended;

  Pacing(ConnectCall<?, ?> call) {
    this.call = call;
  }

  void begin(Schedule s) {
    schedule = s;
  }

  boolean hasSchedule() {
    return schedule != null;
  }

  /** Asks the schedule what to do and does it, until it says to wait or the connect ends. */
  void drive() {
    drive(false);
  }

  /** The wake-up the schedule asked for has come. */
  void woken() {
    wakeTimer = null;
    wakeAtNanos = NO_WAKE;
    drive(true);
  }

  /** On the driver after the caller's thread: the wake-up answered there is armed now. */
  void armPendingWake() {
    if (wakeAtNanos != NO_WAKE) {
      wakeTimer = call.schedule(wakeAtNanos);
    }
  }

  /** The connect is over, or won: no wake-up comes. */
  void stop() {
    wakeAtNanos = NO_WAKE;
    if (wakeTimer != null) {
      wakeTimer.cancel();
      wakeTimer = null;
    }
  }

  private void drive(boolean woken) {
    if (schedule == null) {
      return; // a connect by name whose schedule waits for resolution to end
    }
    stop(); // every answer replaces the one before
    Slots<?> slots = call.slots();
    int budget = budget();
    int startedBefore = slots.started();
    int endedBefore = ended;
    while (call.running()) {
      long now = call.elapsed();
      if (call.deadline().hasPassed(now)) {
        call.deadlinePassed();
        return;
      }
      if (--budget < 0) {
        noProgress(budget() + " decisions in a row without waiting");
        return;
      }
      Decision decision;
      try {
        decision = schedule.next(now);
      } catch (RuntimeException e) {
        fallBack(e);
        continue;
      } catch (Error e) {
        strategyFailed("next()", e);
        return;
      }
      now = call.elapsed();
      if (call.deadline().hasPassed(now)) {
        call.deadlinePassed();
        return;
      }
      if (decision instanceof Decision.StartNext && !slots.allStarted()) {
        call.startAttempt(now);
      } else if (decision instanceof Decision.StartPair start && slots.moveToNext(start.pair())) {
        call.startAttempt(now);
      } else if (decision instanceof Decision.EndAttempt end && slots.isRunning(end.index())) {
        call.endAttempt(end.index(), now);
      } else if (decision instanceof Decision.WakeAt wake) {
        if (wake.nanos() <= now) {
          continue; // its time has come: ask again, which counts against the budget
        }
        boolean idle = woken && slots.started() == startedBefore && ended == endedBefore;
        idleWakes = idle && lastWakeAsked != NO_WAKE && wake.nanos() - lastWakeAsked < IDLE_WAKE_NANOS
            ? idleWakes + 1 : 0;
        if (idleWakes > MAX_IDLE_WAKES) {
          noProgress(MAX_IDLE_WAKES + " wake-ups in a row less than 1 ms apart without starting or ending an attempt");
          return;
        }
        lastWakeAsked = wake.nanos();
        if (wake.nanos() >= call.deadline().nanos() || wake.nanos() - now >= NEVER_NANOS) {
          return; // the deadline comes first, or it is never: no timer, or one that would not order with others
        }
        wakeAtNanos = wake.nanos();
        if (call.onDriver()) {
          wakeTimer = call.schedule(wakeAtNanos);
        }
        return;
      } else {
        if (slots.running() == 0 && !call.resolving()) {
          call.exhausted();
        }
        return;
      }
    }
  }

  private int budget() {
    return 16 + 4 * call.slots().size();
  }

  // What the connect tells the schedule; what it throws is handled here.

  void attemptFailed(int index, FailureKind kind, long now) {
    ended++;
    try {
      schedule.attemptFailed(index, kind, now);
    } catch (RuntimeException e) {
      fallBack(e);
    } catch (Error e) {
      strategyFailed("attemptFailed()", e);
    }
  }

  void attemptLost(int index, int winner, long now) {
    try {
      schedule.attemptLost(index, winner, now);
    } catch (RuntimeException e) {
      Log.warning("the schedule threw on a lost attempt; ignored", e);
    } catch (Error e) {
      strategyFailed("attemptLost()", e);
    }
  }

  /** After the caller has the connection: what the schedule throws now changes nothing. */
  void attemptConnected(int index, long now) {
    try {
      schedule.attemptConnected(index, now);
    } catch (Throwable e) {
      Fatal.rethrowIfFatal(e);
      Log.warning("the schedule threw on a connected attempt; ignored, the connection is the caller's", e);
    }
  }

  void answered(Answer answer, List<AddressPair> pairs, long now) {
    if (schedule == null) {
      return;
    }
    try {
      schedule.answered(answer, pairs, now);
    } catch (RuntimeException e) {
      fallBack(e);
    } catch (Error e) {
      strategyFailed("answered()", e);
    }
  }

  void servicesAwaited(long now) {
    try {
      schedule.servicesAwaited(now);
    } catch (RuntimeException e) {
      fallBack(e);
    } catch (Error e) {
      strategyFailed("servicesAwaited()", e);
    }
  }

  void resolutionEnded(long now) {
    try {
      schedule.resolutionEnded(now);
    } catch (RuntimeException e) {
      fallBack(e);
    } catch (Error e) {
      strategyFailed("resolutionEnded()", e);
    }
  }

  /** The schedule keeps answering without anything happening: it would spin the driver, so the connect fails. */
  private void noProgress(String what) {
    Log.warning("the scheduler " + schedule + " made no progress (" + what + "); its connect fails");
    call.fail(FailureKind.OTHER, "the scheduler " + schedule + " made no progress: " + what);
  }

  /** A broken schedule costs speed, not the connection: one attempt at a time from here on. */
  private void fallBack(RuntimeException e) {
    Log.warning("the attempt scheduler failed; going on one attempt at a time: " + schedule, e);
    Slots<?> slots = call.slots();
    schedule = new FallbackSchedule(slots.size(), slots.started(), slots.running());
  }

  /**
   * The schedule threw an {@link Error}: the connect fails with it as the cause and the driver goes on; a
   * fatal one (out of memory) is rethrown, to stop the driver.
   */
  private void strategyFailed(String method, Error e) {
    Fatal.rethrowIfFatal(e);
    String what = "the scheduler " + schedule + " threw in " + method;
    Log.warning(what + "; its connect fails", e);
    call.fail(FailureKind.OTHER, what + ": " + e, e);
  }

  @Override
  public String toString() {
    return String.valueOf(schedule);
  }
}
