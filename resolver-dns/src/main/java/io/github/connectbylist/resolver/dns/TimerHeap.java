package io.github.connectbylist.resolver.dns;

import java.util.Arrays;

/**
 * The transport's timers in order of when they are due: a binary min-heap in which each timer knows its
 * slot, so that a cancelled one leaves at once (O(log n)) and lets go of its action. With {@link
 * java.util.PriorityQueue}, whose {@code remove} searches linearly, cancelled timers were left to fall due: an
 * answered query's deadline (5 s by default, up to 5 minutes) kept its {@link Exchange} and whatever that
 * holds reachable until then. Each query in flight has at most two timers (its deadline and when to ask the
 * next server). Used on the transport's loop thread only.
 */
final class TimerHeap {
  /** An action at a time; {@link #cancel()} takes it out of its heap. */
  static final class Timer {
    private final long atNanos;
    private final long order;
    private Runnable action;
    private TimerHeap heap; // null once run, cancelled or cleared
    private int slot;

    private Timer(long atNanos, long order, Runnable action) {
      this.atNanos = atNanos;
      this.order = order;
      this.action = action;
    }

    /** When it is due, in {@link System#nanoTime()} terms. */
    long atNanos() {
      return atNanos;
    }

    /** Stops the action from running and takes the timer out of its heap; idempotent. */
    void cancel() {
      if (heap != null) {
        heap.remove(this);
      }
      action = null;
    }

    /** Whether it is still waiting in a heap. */
    boolean isPending() {
      return heap != null;
    }

    /** Earlier first, and of two timers due at once the one added first (nanoTime may wrap: compare by difference). */
    private boolean before(Timer o) {
      long d = atNanos - o.atNanos;
      return d != 0 ? d < 0 : order < o.order;
    }
  }

  private Timer[] heap = new Timer[16];
  private int size;
  private long added;

  /**
   * Adds a timer.
   *
   * @param atNanos when, as {@link System#nanoTime()} reads
   * @param action what to run then
   * @return the timer, to cancel
   */
  Timer add(long atNanos, Runnable action) {
    Timer t = new Timer(atNanos, added++, action);
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    t.heap = this;
    place(t, size++);
    up(t.slot);
    return t;
  }

  /** The timer due first, or {@code null} when there is none. */
  Timer first() {
    return size == 0 ? null : heap[0];
  }

  /**
   * Takes out the timer due first and returns its action, which is not run here.
   *
   * @return the action, or {@code null} when there is no timer
   */
  Runnable pollFirst() {
    if (size == 0) {
      return null;
    }
    Timer t = heap[0];
    Runnable action = t.action;
    remove(t);
    t.action = null;
    return action;
  }

  /** How many timers wait. */
  int size() {
    return size;
  }

  /** Drops every timer. */
  void clear() {
    for (int i = 0; i < size; i++) {
      heap[i].heap = null;
      heap[i].action = null;
      heap[i] = null;
    }
    size = 0;
  }

  private void remove(Timer t) {
    int slot = t.slot;
    t.heap = null;
    Timer last = heap[--size];
    heap[size] = null;
    if (last != t) {
      place(last, slot);
      down(slot);
      up(last.slot);
    }
  }

  private void up(int slot) {
    Timer t = heap[slot];
    while (slot > 0) {
      int parent = (slot - 1) >>> 1;
      if (!t.before(heap[parent])) {
        break;
      }
      place(heap[parent], slot);
      slot = parent;
    }
    place(t, slot);
  }

  private void down(int slot) {
    Timer t = heap[slot];
    while (true) {
      int child = 2 * slot + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && heap[child + 1].before(heap[child])) {
        child++;
      }
      if (!heap[child].before(t)) {
        break;
      }
      place(heap[child], slot);
      slot = child;
    }
    place(t, slot);
  }

  private void place(Timer t, int slot) {
    heap[slot] = t;
    t.slot = slot;
  }
}
