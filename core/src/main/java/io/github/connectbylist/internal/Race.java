package io.github.connectbylist.internal;

import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.ConnectListener;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.engine.AttemptFailure;
import io.github.connectbylist.engine.Delivery;
import io.github.connectbylist.engine.Transport;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * The attempts of one connect, as a race: opens each when the schedule says, watches it, records how it ended
 * (in the trace, the history, to the listener and the schedule); the first to connect wins, the others are
 * closed at once and the winner is handed over. Every attempt opened here is closed or handed to the caller.
 * Runs on the connect's thread (the caller's, then the driver's); the {@link ConnectCall} decides when the
 * connect as a whole ends.
 *
 * @param <C> what the transport yields for a connected attempt
 * @param <R> what the caller gets
 */
final class Race<C, R> {
  private final ConnectCall<C, R> call;
  private final long startNanos;
  private final Transport<C> transport;
  private final Delivery<C, R> delivery;
  private final ConnectListener listener;
  private final Slots<C> slots;
  private final Trace trace;
  private final Pacing pacing;
  private PathTable.View history = PathTable.NO_VIEW;
  private Attempt lastEnded;
  private Slot<C> winner;
  private Transport.Io<C> winnerIo;
  private long winnerConnectedAt;

  Race(ConnectCall<C, R> call, Call<C, R> connect, Slots<C> slots, Trace trace, Pacing pacing) {
    this.call = call;
    this.startNanos = connect.startNanos();
    this.transport = connect.engine().transport();
    this.delivery = connect.engine().delivery();
    this.listener = connect.settings().listener();
    this.slots = slots;
    this.trace = trace;
    this.pacing = pacing;
  }

  /** Where the attempts' outcomes are written, from the plan. */
  void history(PathTable.View view) {
    history = view;
  }

  /** The attempt whose error explains the connect's failure: the last to end. */
  Attempt lastEnded() {
    return lastEnded;
  }

  /** The trace: every attempt that ended, in start order, the denied destinations among them. */
  List<Attempt> attempts() {
    return trace.attempts(slots);
  }

  /** Records destinations the policy denied, as attempts that never started. */
  void denied(List<ConnectPlan.Denied> destinations, long now) {
    for (ConnectPlan.Denied d : destinations) {
      Attempt a = trace.denied(d, now);
      if (lastEnded == null) {
        lastEnded = a;
      }
      listener.attemptEnded(a);
    }
  }

  void start(long now) {
    Slot<C> slot = slots.startNext(now);
    if (listener != ConnectListener.NONE) { // the Duration only for a listener
      listener.attemptStarted(slot.index, slot.pair, Duration.ofNanos(now));
    }
    Transport.Io<C> io;
    try {
      io = transport.open(slot.pair, slot.bindSource);
    } catch (AttemptFailure e) {
      failed(slot, e.kind(), e.error());
      return;
    } catch (RuntimeException e) {
      failed(slot, FailureKind.OTHER, new IOException(e.toString(), e));
      return;
    }
    if (io.connected()) {
      won(slot, io);
      return;
    }
    slots.watching(slot, io);
    if (call.onDriver()) {
      watch(slot);
    }
  }

  /** After the caller's thread, on the driver: watches what the caller's thread left running. */
  void watchRunning() {
    for (int i = 0; i < slots.started(); i++) {
      if (slots.attempt(i).running()) {
        watch(slots.attempt(i));
      }
    }
  }

  private void watch(Slot<C> slot) {
    Transport.Io<C> io = slot.io;
    try {
      io.watch(new Transport.Outcome() {
        @Override
        public void connected() {
          try {
            if (call.running() && slot.io == io) {
              slots.stop(slot);
              won(slot, io);
            }
          } catch (Throwable e) {
            call.internalError(e);
          }
        }

        @Override
        public void failed(FailureKind kind, IOException error) {
          try {
            if (call.running() && slot.io == io) {
              slots.stop(slot).close();
              Race.this.failed(slot, kind, error);
              pacing.drive();
            }
          } catch (Throwable e) {
            call.internalError(e);
          }
        }
      });
    } catch (IOException | RuntimeException e) {
      slots.stop(slot).close();
      failed(slot, FailureKind.OTHER, e instanceof IOException x ? x : new IOException(e.toString(), e));
      pacing.drive();
    }
  }

  /** The schedule ends attempt {@code index}: it failed, as timed out. */
  void end(int index, long now) {
    Slot<C> slot = slots.attempt(index);
    slots.stop(slot).close();
    failed(slot, FailureKind.TIMED_OUT, Failures.closedBy(FailureKind.TIMED_OUT,
        "the scheduler ended the attempt after " + (now - slot.startedAt) / 1_000_000 + " ms"));
  }

  /** Records a failed attempt and tells the schedule; the caller asks the schedule what next. */
  private void failed(Slot<C> slot, FailureKind kind, IOException error) {
    long now = call.elapsed();
    record(slot, kind, error, now);
    history.failed(slot.pair, kind, startNanos + slot.startedAt, startNanos + now);
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
    long now = call.elapsed();
    call.handingOver();
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
          history.lost(loser.pair, startNanos + loser.startedAt, startNanos + now);
        }
        pacing.attemptLost(loser.index, slot.index, now); // an Error there fails the call, winner included
      }
    }
    if (!call.isHandingOver()) {
      return;
    }
    if (call.deadline().hasPassed(call.elapsed())) { // the schedule or the listener took so long the caller gave up
      call.deadlinePassed();
      return;
    }
    io.handOver(new Transport.Ready<>() {
      @Override
      public void ready(C connection) {
        try {
          delivered(io, connection);
        } catch (Throwable e) {
          call.internalError(e);
        }
      }

      @Override
      public void failed(FailureKind kind, IOException error) {
        try {
          handOverFailed(io, kind, error);
        } catch (Throwable e) {
          call.internalError(e);
        }
      }
    });
  }

  /**
   * The winner's connection is ready: the caller gets it unless the deadline passed meanwhile (an adapter's
   * delivery may run the user's code) or the caller gave up; then the schedule and listener hear of it,
   * after the caller has it.
   */
  private void delivered(Transport.Io<C> io, C connection) {
    if (!call.isHandingOver() || winnerIo != io) {
      delivery.discardConnection(connection); // the connect ended meanwhile
      return;
    }
    Slot<C> slot = winner;
    long at = winnerConnectedAt;
    slot.attempt = new Attempt(slot.index, slot.pair, Duration.ofNanos(slot.startedAt), Duration.ofNanos(at), null,
        null);
    R result;
    try {
      result = delivery.deliver(connection, attempts(), call.answers(), slot.attempt, slot.attempt.endedAt());
    } catch (IOException | RuntimeException e) {
      slot.attempt = null;
      delivery.discardConnection(connection);
      handOverFailed(io, FailureKind.OTHER, e instanceof IOException x ? x : new IOException(e.toString(), e));
      return;
    }
    // what the network showed holds whoever takes the connection, and the caller's next connect reads it
    history.connected(slot.pair, startNanos + slot.startedAt, startNanos + at);
    if (!call.handOver(result)) {
      delivery.discard(result); // too late, or the caller cancelled, or the watchdog ended it meanwhile
      slot.attempt = null; // closeAll records it, closed with the others, since winnerIo is still set
      call.gaveUp();
      return;
    }
    winnerIo = null;
    listener.attemptEnded(slot.attempt);
    pacing.attemptConnected(slot.index, at);
    if (listener != ConnectListener.NONE) { // the trace's list only for a listener
      listener.connectEnded(attempts(), slot.attempt, slot.attempt.endedAt());
    }
    call.end();
  }

  /** The winner connected but could not be handed over: it failed after all, and the connect goes on. */
  private void handOverFailed(Transport.Io<C> io, FailureKind kind, IOException error) {
    io.close();
    if (!call.isHandingOver() || winnerIo != io) {
      return;
    }
    call.racing();
    winnerIo = null;
    failed(winner, kind, error);
    pacing.drive();
  }

  /**
   * The connect ends without a winner: closes every attempt still open, and a winner not yet handed over, as
   * {@code closedAs}; the schedule is not told of them. Attempts the deadline ended ran that long without
   * connecting, and the history keeps that.
   */
  void closeAll(FailureKind closedAs, String why, long now) {
    for (int i = 0; i < slots.started(); i++) {
      Slot<C> s = slots.attempt(i);
      Transport.Io<C> io = slots.stop(s);
      if (io != null || s == winner && winnerIo != null) {
        (io != null ? io : winnerIo).close(); // the winner: connected, but the connect ended before its hand-over
        record(s, closedAs, Failures.closedBy(closedAs, why), now);
        if (closedAs == FailureKind.TIMED_OUT) {
          history.failed(s.pair, FailureKind.TIMED_OUT, startNanos + s.startedAt, startNanos + now);
        }
      }
    }
    winnerIo = null;
  }
}
