package io.github.connectbylist.engine;

import java.util.Arrays;

/**
 * A timer heap for a {@link Driver}: tasks ordered by due time, then by the order they were added, whose
 * timers know their place, so that cancelling one removes it at once. A cancelled timer left in the heap
 * until its time would keep its task, and through it a finished connect with everything it held, alive for as
 * long as the deadline it was armed for: seconds of garbage at thousands of connects a second, and the
 * collector's pauses that come with it. Core's event loop keeps its timers here, the virtual driver its
 * clock's events, and resolver {@code dns} its queries' timeouts. Not thread-safe: each owner uses it, and
 * cancels its timers, from its own thread.
 */
public final class TimerQueue {
  private Timer[] heap = new Timer[16];
  private int size;
  private long sequence;

  /** An empty queue, for one owner's thread. */
  public TimerQueue() {
  }

  /** A scheduled task. */
  public static final class Timer implements Driver.Cancellable {
    private final TimerQueue queue;
    private final long atNanos;
    private final long order;
    private final Runnable task;
    /** Its place in the heap, or -1 once it has left it (run, or cancelled). */
    private int index = -1;

    private Timer(TimerQueue queue, long atNanos, long order, Runnable task) {
      this.queue = queue;
      this.atNanos = atNanos;
      this.order = order;
      this.task = task;
    }

    /**
     * When it is due.
     *
     * @return the time on its driver's clock
     */
    public long atNanos() {
      return atNanos;
    }

    /**
     * What it runs.
     *
     * @return the task
     */
    public Runnable task() {
      return task;
    }

    /**
     * The order it was added in.
     *
     * @return a number larger than that of every timer added before it
     */
    public long order() {
      return order;
    }

    /** Takes it out of its queue, unless it has run or was cancelled already. */
    @Override
    public void cancel() {
      if (index >= 0) {
        queue.removeAt(index);
      }
    }

    /** Due earlier, or at the same time and added earlier; {@code nanoTime} may wrap, so differences are compared. */
    private boolean before(Timer o) {
      long d = atNanos - o.atNanos;
      return d != 0 ? d < 0 : order < o.order;
    }
  }

  /**
   * The order the next timer added will get.
   *
   * @return a number larger than that of every timer added so far
   */
  public long nextOrder() {
    return sequence;
  }

  /**
   * Adds a timer; times may wrap around the {@code long} range as {@code nanoTime}'s do, as long as all that
   * wait at once lie within 2<sup>62</sup> ns of each other.
   *
   * @param atNanos when it is due, on the driver's clock
   * @param task what it runs
   * @return the timer, which {@link Timer#cancel()} takes out again
   */
  public Timer add(long atNanos, Runnable task) {
    Timer timer = new Timer(this, atNanos, sequence++, task);
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    heap[size] = timer;
    timer.index = size;
    size++;
    siftUp(timer.index);
    return timer;
  }

  /**
   * The first timer, left in the queue.
   *
   * @return the timer due first, or {@code null} when none waits
   */
  public Timer peek() {
    return size == 0 ? null : heap[0];
  }

  /**
   * Removes the first timer.
   *
   * @return the timer due first, or {@code null} when none waits
   */
  public Timer poll() {
    if (size == 0) {
      return null;
    }
    Timer head = heap[0];
    removeAt(0);
    return head;
  }

  /**
   * How many timers wait.
   *
   * @return the count
   */
  public int size() {
    return size;
  }

  /** Drops every timer, as if each were cancelled: an owner that shuts down lets go of every task at once. */
  public void clear() {
    for (int i = 0; i < size; i++) {
      heap[i].index = -1;
      heap[i] = null;
    }
    size = 0;
  }

  private void removeAt(int i) {
    Timer removed = heap[i];
    removed.index = -1;
    size--;
    if (i == size) {
      heap[size] = null;
      return;
    }
    Timer last = heap[size];
    heap[size] = null;
    heap[i] = last;
    last.index = i;
    siftDown(i);
    if (heap[i] == last) {
      siftUp(i);
    }
  }

  private void siftUp(int i) {
    Timer t = heap[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      Timer p = heap[parent];
      if (!t.before(p)) {
        break;
      }
      heap[i] = p;
      p.index = i;
      i = parent;
    }
    heap[i] = t;
    t.index = i;
  }

  private void siftDown(int i) {
    Timer t = heap[i];
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < size && heap[right].before(heap[child])) {
        child = right;
      }
      if (!heap[child].before(t)) {
        break;
      }
      heap[i] = heap[child];
      heap[i].index = i;
      i = child;
    }
    heap[i] = t;
    t.index = i;
  }
}
