package io.github.connectbylist.internal;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.engine.Transport;
import java.util.ArrayList;
import java.util.List;

/**
 * The pairs of one connect in start order: those started first, in the order they started (the n-th is
 * attempt n), then the rest in the order they will start, which late answers may change. Counts the
 * attempts running.
 *
 * @param <C> what the transport yields for a connected attempt
 */
final class Slots<C> {
  private ArrayList<Slot<C>> slots = new ArrayList<>(0); // sized by the first replaceRest, not grown to ten
  private int started;
  private int running;

  /** Replaces the pairs not yet started with {@code rest}, in that order. */
  void replaceRest(List<PlannedPair> rest) {
    if (slots.isEmpty()) {
      slots = new ArrayList<>(rest.size());
    } else if (started < slots.size()) {
      slots.subList(started, slots.size()).clear();
    }
    for (int i = 0; i < rest.size(); i++) {
      slots.add(new Slot<>(rest.get(i)));
    }
  }

  int size() {
    return slots.size();
  }

  boolean isEmpty() {
    return slots.isEmpty();
  }

  int started() {
    return started;
  }

  int running() {
    return running;
  }

  boolean allStarted() {
    return started == slots.size();
  }

  /** Attempt {@code index}, in start order. */
  Slot<C> attempt(int index) {
    return slots.get(index);
  }

  /** The next pair to start becomes attempt number {@link #started()}. */
  Slot<C> startNext(long now) {
    Slot<C> s = slots.get(started);
    s.index = started++;
    s.startedAt = now;
    return s;
  }

  /**
   * Moves {@code pair}, if it is one not yet started, to the next place to start; the others not yet started
   * keep their order.
   *
   * @return whether it was there to move
   */
  boolean moveToNext(AddressPair pair) {
    for (int i = started; i < slots.size(); i++) {
      if (slots.get(i).pair.equals(pair)) {
        slots.add(started, slots.remove(i));
        return true;
      }
    }
    return false;
  }

  void watching(Slot<C> slot, Transport.Io<C> io) {
    slot.io = io;
    running++;
  }

  /** Takes a running attempt's I/O away from its slot; {@code null} when it was not running. */
  Transport.Io<C> stop(Slot<C> slot) {
    Transport.Io<C> io = slot.io;
    if (io != null) {
      slot.io = null;
      running--;
    }
    return io;
  }

  /** Whether {@code index} is the number of an attempt running now. */
  boolean isRunning(int index) {
    return index >= 0 && index < started && slots.get(index).running();
  }

  /** Every pair now: those started in start order, then the rest in the order they will start. */
  List<AddressPair> pairs() {
    AddressPair[] pairs = new AddressPair[slots.size()];
    for (int i = 0; i < pairs.length; i++) {
      pairs[i] = slots.get(i).pair;
    }
    return List.of(pairs);
  }

  /** The pairs started, in start order. */
  List<AddressPair> startedPairs() {
    List<AddressPair> begun = new ArrayList<>(started);
    for (int i = 0; i < started; i++) {
      begun.add(slots.get(i).pair);
    }
    return begun;
  }

  /** The pairs not yet started, in the order they will start. */
  List<AddressPair> notStarted() {
    List<AddressPair> rest = new ArrayList<>(slots.size() - started);
    for (int i = started; i < slots.size(); i++) {
      rest.add(slots.get(i).pair);
    }
    return rest;
  }

  @Override
  public String toString() {
    return slots.toString();
  }
}
