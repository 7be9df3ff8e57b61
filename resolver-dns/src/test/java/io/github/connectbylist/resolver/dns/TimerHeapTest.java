package io.github.connectbylist.resolver.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The transport's timers: due order, ties in the order added, and a cancelled timer gone at once. */
class TimerHeapTest {

  @Test
  void aCancelledTimerLeavesAtOnceAndLetsGoOfItsAction() {
    TimerHeap heap = new TimerHeap();
    TimerHeap.Timer first = heap.add(10, () -> {});
    List<TimerHeap.Timer> later = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      later.add(heap.add(20 + i, () -> {}));
    }
    later.forEach(TimerHeap.Timer::cancel);
    assertEquals(1, heap.size(), "behind a timer due earlier, the cancelled ones do not wait to fall due");
    assertTrue(first.isPending());
    assertFalse(later.get(0).isPending());
    first.cancel();
    first.cancel(); // idempotent
    assertEquals(0, heap.size());
    assertNull(heap.first());
    assertNull(heap.pollFirst());
  }

  @Test
  void timersComeOutInDueOrderTiesInTheOrderAddedWhateverIsCancelled() {
    SplittableRandom random = new SplittableRandom(17);
    TimerHeap heap = new TimerHeap();
    TreeMap<Long, Runnable> expected = new TreeMap<>(); // key: due * 1e6 + order added
    List<TimerHeap.Timer> timers = new ArrayList<>();
    List<Long> keys = new ArrayList<>();
    List<Runnable> ran = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      long due = Long.MAX_VALUE - 50 + random.nextInt(100); // across the wrap of nanoTime: compared by difference
      Runnable action = () -> ran.add(null); // capturing: a distinct object per timer
      timers.add(heap.add(due, action));
      keys.add((due - (Long.MAX_VALUE - 50)) * 1_000_000 + i);
      expected.put(keys.get(i), action);
      if (random.nextInt(3) == 0) {
        int victim = random.nextInt(timers.size());
        timers.get(victim).cancel();
        expected.remove(keys.get(victim));
      }
    }
    assertEquals(expected.size(), heap.size());
    Runnable action;
    while ((action = heap.pollFirst()) != null) {
      ran.add(action);
    }
    assertEquals(new ArrayList<>(expected.values()), ran);
  }
}
