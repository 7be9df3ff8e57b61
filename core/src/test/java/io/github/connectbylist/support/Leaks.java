package io.github.connectbylist.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.testbed.ProcessResources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** Before-and-after counts of file descriptors, for tests that must leave nothing open. */
public final class Leaks {
  static {
    // The JDK opens one socket pair for the whole process the first time a channel is opened (the target
    // of its pre-close dup2); open one here so that it is in every "before" count.
    try (java.nio.channels.SocketChannel warm = java.nio.channels.SocketChannel.open()) {
      warm.isOpen();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private final List<String> before = targets();
  private final OptionalLong fdsBefore = ProcessResources.openFileDescriptors();

  /** Fails unless the process is back to the descriptors it had when this was made. */
  public void assertNoneOpen() throws InterruptedException {
    if (fdsBefore.isEmpty()) {
      return; // no /proc here: nothing to count with
    }
    long expected = fdsBefore.getAsLong();
    long after = ProcessResources.awaitAtMost(
        () -> ProcessResources.openFileDescriptors().orElse(0), expected, 3_000);
    if (after > expected) {
      List<String> added = targets();
      before.forEach(added::remove);
      assertTrue(false, "open file descriptors: " + expected + " before, " + after + " after; new: " + added);
    }
  }

  private static List<String> targets() {
    List<String> result = new ArrayList<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      fds.forEach(fd -> {
        try {
          result.add(Files.readSymbolicLink(fd).toString());
        } catch (IOException e) {
          // the listing's own descriptor, already gone
        }
      });
    } catch (IOException e) {
      return result;
    }
    return result;
  }
}
