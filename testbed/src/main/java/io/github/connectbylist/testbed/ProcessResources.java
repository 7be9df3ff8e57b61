package io.github.connectbylist.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/** Counts what a leak would leave behind: open file descriptors (Linux's {@code /proc/self/fd}) and threads. */
public final class ProcessResources {
  private static final Path FDS = Path.of("/proc/self/fd");

  private ProcessResources() {}

  /**
   * Open file descriptors of this process, or empty where {@code /proc/self/fd} does not exist.
   *
   * @return the count, or empty
   */
  public static OptionalLong openFileDescriptors() {
    if (!Files.isDirectory(FDS)) {
      return OptionalLong.empty();
    }
    try (Stream<Path> fds = Files.list(FDS)) {
      return OptionalLong.of(fds.count() - 1); // the listing's own descriptor
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * Live threads of this process.
   *
   * @return the count
   */
  public static long liveThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).count();
  }

  /**
   * Polls {@code count} until it is at most {@code expected} or {@code waitMillis} pass, and returns the
   * last value. Sockets closed while registered with a selector are released on its next select, and
   * threads take a moment to end, so a leak check waits a little before it judges.
   *
   * @param count what to count
   * @param expected the count to wait for
   * @param waitMillis how long to wait at most
   * @return the last count
   * @throws InterruptedException when interrupted while it waits
   */
  public static long awaitAtMost(LongSupplier count, long expected, long waitMillis) throws InterruptedException {
    long until = System.nanoTime() + waitMillis * 1_000_000;
    long value = count.getAsLong();
    while (value > expected && System.nanoTime() < until) {
      Thread.sleep(10);
      value = count.getAsLong();
    }
    return value;
  }
}
