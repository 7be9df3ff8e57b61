package io.github.connectbylist.testbed;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The thread half of a leak check: the threads alive at its start, and after, the ones started since that
 * are still alive, by name, but for the JDK's process reapers. Threads take a moment to end once told to, so it
 * waits up to 3 s before it judges.
 */
public final class ThreadCheck {
  /**
   * The JDK's own threads that wait for child processes (a cached pool in {@code ProcessHandleImpl}): one
   * starts for each process a test runs ({@code ip}, a client) and idles out 60 s later, whoever closed what.
   */
  private static final String JDK_PROCESS_REAPER = "process reaper";

  private final Set<Thread> before;

  private ThreadCheck(Set<Thread> before) {
    this.before = before;
  }

  /**
   * Notes the threads alive now.
   *
   * @return the check
   */
  public static ThreadCheck start() {
    return new ThreadCheck(alive());
  }

  /**
   * Fails, naming them, when threads started since {@link #start} are still alive 3 s from now.
   *
   * @throws InterruptedException when interrupted while it waits
   */
  public void assertNoneLeft() throws InterruptedException {
    long until = System.nanoTime() + 3_000_000_000L;
    Set<String> left = leftBehind();
    while (!left.isEmpty() && System.nanoTime() < until) {
      Thread.sleep(10);
      left = leftBehind();
    }
    if (!left.isEmpty()) {
      throw new AssertionError("threads left behind: " + left);
    }
  }

  private Set<String> leftBehind() {
    Set<String> names = new TreeSet<>();
    for (Thread t : alive()) {
      if (!before.contains(t) && !t.getName().equals(JDK_PROCESS_REAPER)) {
        names.add(t.getName());
      }
    }
    return names;
  }

  private static Set<Thread> alive() {
    Set<Thread> threads = new HashSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive()) {
        threads.add(t);
      }
    }
    return threads;
  }
}
