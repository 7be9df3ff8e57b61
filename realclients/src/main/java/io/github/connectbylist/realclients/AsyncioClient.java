package io.github.connectbylist.realclients;

import io.github.connectbylist.emulator.EmulatedHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Python's asyncio connecting with {@code asyncio.open_connection(host, port)}: by default with no Happy
 * Eyeballs at all (one address after another, each until the kernel gives up), or with {@code
 * happy_eyeballs_delay} given (and so {@code interleave=1}). Run as {@code python3 -c SCRIPT NAME PORT [DELAY]}
 * with the interpreter's absolute path, found once per JVM ({@code sys.executable} of the {@code python3} on
 * {@code PATH}, so that a pyenv shim is not what runs in the host); it prints {@code connected ADDRESS}, or the
 * error and exits with 1. No connect timeout of its own: the run is killed at the timeout.
 */
final class AsyncioClient implements RealClient {
  /** The program: {@code open_connection}, with {@code happy_eyeballs_delay} when a third argument gives it. */
  static final String SCRIPT = String.join("\n",
      "import asyncio, sys",
      "async def main():",
      "    options = {'happy_eyeballs_delay': float(sys.argv[3])} if len(sys.argv) > 3 else {}",
      "    try:",
      "        reader, writer = await asyncio.open_connection(sys.argv[1], int(sys.argv[2]), **options)",
      "    except OSError as e:",
      "        print('failed', e, flush=True)",
      "        sys.exit(1)",
      "    print('connected', writer.get_extra_info('peername')[0], flush=True)",
      "    writer.close()",
      "    await writer.wait_closed()",
      "asyncio.run(main())");

  private final Optional<Duration> delay;

  /**
   * A client with asyncio's defaults, or with a Happy Eyeballs delay.
   *
   * @param delay {@code happy_eyeballs_delay}, or empty for none (asyncio's default)
   */
  AsyncioClient(Optional<Duration> delay) {
    this.delay = delay;
  }

  @Override
  public String name() {
    return delay.map(d -> "asyncio-" + d.toMillis() + "ms").orElse("asyncio");
  }

  @Override
  public Optional<String> model() {
    return Optional.of(delay.map(d -> {
      String s = "asyncio(happy-eyeballs-delay=" + d.toMillis() + "ms)";
      return s + "/" + s;
    }).orElse("asyncio/asyncio"));
  }

  @Override
  public Optional<String> unavailable() {
    try {
      Interpreter.path();
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * {@code python3 --version}: {@code Python 3.11.7}.
   *
   * @return the version
   * @throws IOException when Python cannot be asked
   */
  @Override
  public String version() throws IOException {
    return Programs.firstLine(List.of(Interpreter.path().toString(), "--version"));
  }

  @Override
  public Process start(EmulatedHost host, String name, int port, Duration timeout) throws IOException {
    Programs.check(name, port, timeout);
    List<String> command = new ArrayList<>(List.of(Interpreter.path().toString(), "-c", SCRIPT,
        Programs.bare(name), Integer.toString(port)));
    delay.ifPresent(d -> command.add(Double.toString(d.toNanos() / 1e9)));
    return ClientProcess.start(host.command(command), timeout, Optional.empty());
  }

  @Override
  public String toString() {
    return name();
  }

  /** The interpreter's absolute path, found once: what {@code python3} on {@code PATH} says it is. */
  static final class Interpreter {
    private static volatile Path path;

    private Interpreter() {}

    /**
     * The interpreter.
     *
     * @return its absolute path
     * @throws IOException naming why there is none, with how to install it
     */
    static Path path() throws IOException {
      Path p = path;
      if (p != null) {
        return p;
      }
      synchronized (Interpreter.class) {
        if (path == null) {
          Path onPath = Programs.onPath("python3").orElseThrow(
              () -> new IOException("python3 is not installed: apt-get install python3"));
          String executable;
          try {
            executable = Programs.firstLine(List.of(onPath.toString(), "-c", "import sys; print(sys.executable)"));
          } catch (IOException e) {
            throw new IOException("python3 at " + onPath + " cannot run: " + e.getMessage(), e);
          }
          Path found = Path.of(executable);
          if (!found.isAbsolute() || !Files.isExecutable(found)) {
            throw new IOException("python3 at " + onPath + " gives no interpreter: sys.executable is '" + executable
                + "'");
          }
          path = found;
        }
        return path;
      }
    }
  }
}
