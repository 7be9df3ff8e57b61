package io.github.connectbylist.benchmarks;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * The floor under every timer: how late a thread that only sleeps wakes up, here and now. A thread parks
 * for 2 ms, 5,000 times, and the time past each wake-up's due time is its lateness. Run beside a load (the
 * soak, in another process) it shows what the operating system alone costs a deadline on this machine.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.github.connectbylist.benchmarks.WakeUpLatency}.
 */
public final class WakeUpLatency {
  private WakeUpLatency() {}

  public static void main(String[] args) {
    int n = 5_000;
    long[] late = new long[n];
    for (int i = 0; i < n; i++) {
      long due = System.nanoTime() + 2_000_000;
      LockSupport.parkNanos(2_000_000);
      late[i] = System.nanoTime() - due;
    }
    Arrays.sort(late);
    System.out.printf(Locale.ROOT, "a 2 ms sleep wakes late by: median %.3f ms, p99 %.3f ms, max %.3f ms%n",
        late[n / 2] / 1e6, late[n * 99 / 100] / 1e6, late[n - 1] / 1e6);
  }
}
