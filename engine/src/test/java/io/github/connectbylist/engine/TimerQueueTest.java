package io.github.connectbylist.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The timer heap: time, then insertion order; a cancelled timer leaves at once. */
class TimerQueueTest {

  @Test
  void timersComeOutByTimeThenByTheOrderTheyWereAdded() {
    TimerQueue q = new TimerQueue();
    List<String> ran = new ArrayList<>();
    q.add(30, () -> ran.add("c"));
    q.add(10, () -> ran.add("a"));
    q.add(10, () -> ran.add("b"));
    q.add(Long.MAX_VALUE, () -> ran.add("e"));
    q.add(Long.MAX_VALUE + 10, () -> ran.add("f")); // nanoTime wraps: this is after MAX_VALUE
    q.add(20, () -> ran.add("bb"));
    TimerQueue.Timer t;
    while ((t = q.poll()) != null) {
      t.task().run();
    }
    assertEquals(List.of("a", "b", "bb", "c", "e", "f"), ran);
  }

  @Test
  void aCancelledTimerLeavesTheQueueAtOnceAndKeepsNothing() {
    TimerQueue q = new TimerQueue();
    TimerQueue.Timer keep = q.add(5, () -> {});
    List<TimerQueue.Timer> gone = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      gone.add(q.add(1_000_000 + i, () -> {}));
    }
    gone.forEach(TimerQueue.Timer::cancel);
    assertEquals(1, q.size(), "cancelled timers do not wait for their time");
    gone.get(0).cancel(); // twice: nothing
    assertEquals(keep, q.poll());
    keep.cancel(); // after it ran: nothing
    assertNull(q.poll());
  }

  @Test
  void clearDropsEveryTimerAndALaterCancelIsNothing() {
    TimerQueue q = new TimerQueue();
    List<TimerQueue.Timer> all = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      all.add(q.add(i, () -> {}));
    }
    q.clear();
    assertEquals(0, q.size());
    assertNull(q.peek());
    all.forEach(TimerQueue.Timer::cancel); // their owners may still cancel them: nothing
    TimerQueue.Timer fresh = q.add(7, () -> {});
    assertEquals(fresh, q.poll(), "the queue is usable after a clear");
  }

  @Test
  void anyMixOfAddsPollsAndCancelsMatchesASortedSet() {
    Random random = new Random(17);
    TimerQueue q = new TimerQueue();
    TreeSet<TimerQueue.Timer> model = new TreeSet<>(
        Comparator.comparingLong(TimerQueue.Timer::atNanos).thenComparingLong(TimerQueue.Timer::order));
    List<TimerQueue.Timer> live = new ArrayList<>();
    for (int step = 0; step < 100_000; step++) {
      int op = random.nextInt(10);
      if (op < 5) {
        TimerQueue.Timer t = q.add(random.nextInt(1_000), () -> {});
        model.add(t);
        live.add(t);
      } else if (op < 8 && !live.isEmpty()) {
        TimerQueue.Timer t = live.remove(random.nextInt(live.size()));
        t.cancel();
        model.remove(t);
      } else {
        TimerQueue.Timer t = q.poll();
        assertEquals(model.pollFirst(), t);
        live.remove(t);
      }
      assertEquals(model.size(), q.size());
      assertEquals(model.isEmpty() ? null : model.first(), q.peek());
    }
  }
}
