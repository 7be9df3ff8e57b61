package io.github.connectbylist.realclients;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** What the clients share: finding a program, asking its version, temporary folders, checking what they start. */
final class Programs {
  /** The folders looked in when the process has no {@code PATH}. */
  private static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";
  /** How long a version question may take: Chromium and Firefox answer in well under a second. */
  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(20);
  /** A host name or an address literal, and nothing a program could read as an option. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.:%-]*|\\[[0-9A-Fa-f:.]+\\]");
  private static final Map<List<String>, String> ANSWERS = new ConcurrentHashMap<>();

  private Programs() {}

  /**
   * The first executable file of that name in the folders of {@code PATH}, as a shell finds it.
   *
   * @param program a bare name such as {@code curl}
   * @return its absolute path, not resolved further (a shim or a link stays what it is)
   */
  static Optional<Path> onPath(String program) {
    String path = System.getenv("PATH");
    for (String dir : (path == null || path.isEmpty() ? DEFAULT_PATH : path).split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, program).toAbsolutePath();
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * The first of {@code paths} that is an executable file, else the first of {@code programs} on {@code PATH}.
   *
   * @param paths absolute paths to try first
   * @param programs bare names to look for on {@code PATH} next
   * @return the program
   */
  static Optional<Path> find(List<Path> paths, List<String> programs) {
    for (Path p : paths) {
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    for (String program : programs) {
      Optional<Path> found = onPath(program);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /**
   * The first line that {@code command} prints (standard output, then standard error), asked once per JVM and
   * then remembered.
   *
   * @param command the program and its arguments, such as {@code curl --version}
   * @return the line, trimmed
   * @throws IOException when it cannot run, fails, prints nothing or takes too long
   */
  static String firstLine(List<String> command) throws IOException {
    try {
      return ANSWERS.computeIfAbsent(List.copyOf(command), c -> {
        try {
          return ask(c);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static String ask(List<String> command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process p = builder.start();
    String out;
    try (InputStream in = p.getInputStream()) {
      // the reading ends when the program closes its output; one that hangs is killed at the timeout
      java.util.concurrent.ScheduledFuture<?> kill = ClientProcess.SCHEDULER.schedule(
          () -> p.destroyForcibly(), ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      kill.cancel(false);
    }
    int exit;
    try {
      if (!p.waitFor(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", command) + " took more than " + ASK_TIMEOUT.toSeconds() + " s");
      }
      exit = p.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException(String.join(" ", command) + " was interrupted", e);
    }
    String line = out.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    if (exit != 0 || line.isEmpty()) {
      throw new IOException(String.join(" ", command) + " failed (exit " + exit + ")"
          + (line.isEmpty() ? "" : ": " + line));
    }
    return line;
  }

  /**
   * Whether this JVM runs as root, where Chromium's sandbox cannot run.
   *
   * @return {@code true} for user ID 0
   */
  static boolean root() {
    try {
      return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    } catch (LinkageError | RuntimeException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  /**
   * A new empty folder under the system's temporary folder, for one run of a client.
   *
   * @param prefix the start of its name
   * @return the folder; the caller deletes it
   * @throws IOException when it cannot be made
   */
  static Path tempDir(String prefix) throws IOException {
    return Files.createTempDirectory(prefix);
  }

  /**
   * Deletes a folder and everything in it, as far as it can.
   *
   * @param dir the folder
   * @return whether it is gone
   */
  static boolean deleteTree(Path dir) {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return true;
    }
    try (var walk = Files.walk(dir)) {
      List<Path> all = new ArrayList<>(walk.toList());
      Collections.reverse(all);
      for (Path p : all) {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // a file a dying process still writes: the caller tries again
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // a file that went away while walking: the check below says what is left
    }
    return !Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * Checks what a client is asked to do before it starts, so that nothing reaches its command line as an option.
   *
   * @param name a host name or an address literal
   * @param port the port
   * @param timeout how long it may take
   * @throws IllegalArgumentException naming what is wrong, in one line
   */
  static void check(String name, int port, Duration timeout) {
    java.util.Objects.requireNonNull(name, "name");
    java.util.Objects.requireNonNull(timeout, "timeout");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("'" + name + "' is not a host name or an address literal");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port " + port + " is out of range: give 1 to 65535");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout " + timeout + " is not positive");
    }
  }

  /**
   * The name as a URL's host: an IPv6 literal in brackets.
   *
   * @param name a host name or an address literal
   * @return the host part of a URL
   */
  static String urlHost(String name) {
    String bare = name.startsWith("[") ? name.substring(1, name.length() - 1) : name;
    return bare.contains(":") ? "[" + bare + "]" : bare;
  }

  /**
   * The name without brackets, as a resolver takes it.
   *
   * @param name a host name or an address literal, an IPv6 one perhaps in brackets
   * @return the name
   */
  static String bare(String name) {
    return name.startsWith("[") ? name.substring(1, name.length() - 1) : name;
  }

  /**
   * {@code http://NAME:PORT/}.
   *
   * @param name a host name or an address literal
   * @param port the port
   * @return the URL
   */
  static String url(String name, int port) {
    return "http://" + urlHost(name) + ":" + port + "/";
  }

  /**
   * A duration in seconds as curl's {@code --max-time} takes it: {@code 20}, {@code 2.5}.
   *
   * @param d the duration
   * @return the seconds, to the millisecond
   */
  static String seconds(Duration d) {
    long ms = Math.max(1, d.toMillis());
    return ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format(Locale.ROOT, "%d.%03d", ms / 1000, ms % 1000);
  }

  /**
   * Points {@code HOME} and the XDG folders into a run's folder, so that a browser writes nowhere else.
   *
   * @param env the run's environment
   * @param dir the run's folder
   * @throws IOException when the folders cannot be made
   */
  static void home(Map<String, String> env, Path dir) throws IOException {
    Path home = Files.createDirectories(dir.resolve("home"));
    env.put("HOME", home.toString());
    env.put("XDG_CONFIG_HOME", Files.createDirectories(home.resolve(".config")).toString());
    env.put("XDG_CACHE_HOME", Files.createDirectories(home.resolve(".cache")).toString());
    env.put("XDG_DATA_HOME", Files.createDirectories(home.resolve(".local/share")).toString());
    env.remove("XDG_RUNTIME_DIR");
  }
}
