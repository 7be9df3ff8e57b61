package io.github.connectbylist.internal;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.engine.Transport;

/**
 * One pair of a connect and everything about its attempt: whether its source is bound, when it started, its
 * I/O while it runs, and its record once it ended. One object per pair, where the orchestrator once kept
 * five arrays side by side.
 *
 * @param <C> what the transport yields for a connected attempt
 */
final class Slot<C> {
  final AddressPair pair;
  final boolean bindSource;
  /** Its attempt's number in start order, or -1 until it starts. */
  int index = -1;
  /** When its attempt started, since the connect started. */
  long startedAt;
  /** Its attempt while it runs, else {@code null}. */
  Transport.Io<C> io;
  /** Its attempt once ended, or once it won. */
  Attempt attempt;

  Slot(PlannedPair planned) {
    this.pair = planned.pair();
    this.bindSource = planned.bindSource();
  }

  boolean running() {
    return io != null;
  }

  @Override
  public String toString() {
    return attempt != null ? attempt.toString() : "#" + index + " " + pair + (running() ? " running" : "");
  }
}
