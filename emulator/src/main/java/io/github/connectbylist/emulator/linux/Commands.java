package io.github.connectbylist.emulator.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the system's own tools ({@code ip} of iproute2) and fails with what they said: namespaces, addresses,
 * routes and rules are configured as an administrator would, and a failure reads as theirs.
 */
public final class Commands {
  private static final long TIMEOUT_SECONDS = 20;

  private Commands() {}

  /**
   * Runs {@code command} and waits for it.
   *
   * @param command the program and its arguments
   * @return what it printed on its standard output
   * @throws IOException when it cannot start, exits with a status other than 0 (with what it printed on
   *     standard error), or takes over 20 s
   */
  public static String run(List<String> command) throws IOException {
    Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .start();
    try {
      byte[] out = p.getInputStream().readAllBytes();
      byte[] err = p.getErrorStream().readAllBytes();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", command) + ": no answer in " + TIMEOUT_SECONDS + " s");
      }
      if (p.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + ": " + new String(err, StandardCharsets.UTF_8).trim()
            + " (exit " + p.exitValue() + ")");
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException(String.join(" ", command) + ": interrupted", e);
    }
  }
}
