package io.github.connectbylist.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Open file descriptors before and after, for tests that must leave nothing open. Where {@code
 * /proc/self/fd} does not exist there is nothing to count with, and the check passes.
 */
public final class LeakCheck {
  private static final Path FDS = Path.of("/proc/self/fd");

  static {
    // The JDK opens one socket pair for the whole process the first time a channel is opened (the target
    // of its pre-close dup2); open one here so that it is in every "before" count.
    try (SocketChannel warm = SocketChannel.open()) {
      warm.isOpen();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Its native random source opens /dev/random and /dev/urandom the first time one is used (dnsjava's
    // query IDs, TLS) and keeps them open for the process's life.
    new SecureRandom().nextBytes(new byte[1]);
  }

  private final List<String> before = targets();
  private final OptionalLong countBefore = ProcessResources.openFileDescriptors();

  /**
   * Counts now; {@link #assertNoneOpen()} compares with this.
   *
   * @return the check
   */
  public static LeakCheck start() {
    return new LeakCheck();
  }

  private LeakCheck() {}

  /**
   * Waits up to 3 s for the process to be back to the descriptors it had at {@link #start()} (a socket
   * closed while registered with a selector is released at its next select).
   *
   * @throws InterruptedException when interrupted while it waits
   * @throws AssertionError naming what is still open
   */
  public void assertNoneOpen() throws InterruptedException {
    if (countBefore.isEmpty()) {
      return;
    }
    long expected = countBefore.getAsLong();
    long after = ProcessResources.awaitAtMost(() -> ProcessResources.openFileDescriptors().orElse(0), expected, 3_000);
    if (after > expected) {
      List<String> added = targets();
      before.forEach(added::remove);
      throw new AssertionError("open file descriptors: " + expected + " before, " + after + " after; new: "
          + describe(added));
    }
  }

  /** Each {@code socket:[inode]} with its protocol and addresses from {@code /proc/net}, where it is listed. */
  private static List<String> describe(List<String> targets) {
    List<String> out = new ArrayList<>();
    for (String t : targets) {
      String found = t;
      if (t.startsWith("socket:[")) {
        String inode = t.substring(8, t.length() - 1);
        for (String table : new String[] {"tcp", "tcp6", "udp", "udp6"}) {
          try {
            for (String line : Files.readAllLines(Path.of("/proc/net/" + table))) {
              String[] f = line.trim().split("\\s+");
              if (f.length > 9 && f[9].equals(inode)) {
                found = t + " " + table + " local " + f[1] + " remote " + f[2] + " state " + f[3];
              }
            }
          } catch (IOException | RuntimeException unreadable) {
            // described as it is
          }
        }
      }
      out.add(found);
    }
    return out;
  }

  private static List<String> targets() {
    List<String> result = new ArrayList<>();
    if (!Files.isDirectory(FDS)) {
      return result;
    }
    try (Stream<Path> fds = Files.list(FDS)) {
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
