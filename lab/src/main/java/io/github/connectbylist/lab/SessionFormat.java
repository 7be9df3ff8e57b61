package io.github.connectbylist.lab;

import io.github.connectbylist.jsonfile.JsonFields;
import io.github.connectbylist.jsonfile.JsonFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads sessions from JSON: {@code {"name", "description", "scenario": NAME_OR_PATH, "connects", "interval-ms",
 * "phases": [{"from-ms", "network": [...], "otherwise": {...}}], "recovered": {"after-ms", "family"}}}. Phases
 * are written as a scenario's network is. Errors name the file and the field; a key the format does not have
 * is an error, and so is a number out of its range (see {@link Limits}).
 */
public final class SessionFormat {
  /** The built-in sessions, in report order. */
  public static final List<String> BUILT_IN = List.of("broken-ipv6-session", "slow-ipv6-session",
      "ipv6-breaks-then-recovers", "dual-stack-healthy-session");

  /** The keys of a session file. */
  static final List<String> KEYS = List.of("name", "description", "scenario", "connects", "interval-ms", "phases",
      "recovered");
  private static final List<String> PHASE_KEYS = List.of("from-ms", "network", "otherwise");
  private static final List<String> RECOVERED_KEYS = List.of("after-ms", "family");

  private SessionFormat() {}

  /**
   * A built-in session.
   *
   * @param name one of {@link #BUILT_IN}
   * @return the session
   * @throws IllegalArgumentException listing the built-in names when there is none by that name
   */
  public static Session builtIn(String name) {
    if (!BUILT_IN.contains(name)) {
      throw new IllegalArgumentException("no built-in session '" + name + "'; built in: " + String.join(", ", BUILT_IN));
    }
    try {
      return parse(JsonFiles.builtIn(SessionFormat.class, "sessions/" + name + ".json", "built-in " + name), "built-in " + name, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a session file; its scenario is a built-in name or a path relative to the file.
   *
   * @param file the file
   * @return the session
   * @throws IOException naming the file when it, or its scenario file, is missing, unreadable or not JSON
   * @throws IllegalArgumentException naming the file and the field that is wrong
   */
  public static Session read(Path file) throws IOException {
    return parse(JsonFiles.read(file), file.toString(), file.toAbsolutePath().getParent());
  }

  /**
   * A session named in another file: a built-in name, or a path relative to {@code directory}; a name that is
   * neither lists the built-in names.
   */
  static Session reference(String ref, Path directory, String where) throws IOException {
    return BUILT_IN.contains(ref) ? builtIn(ref) : read(JsonFiles.referenced("session", ref, BUILT_IN, directory, where));
  }

  private static Session parse(JsonNode root, String where, Path directory) throws IOException {
    JsonFields c = JsonFields.root(root, where, KEYS);
    String ref = c.text("scenario");
    Scenario scenario = directory == null ? ScenarioFormat.builtIn(ref)
        : ScenarioFormat.reference(ref, directory, where);
    List<Session.Phase> phases = new ArrayList<>();
    long previous = 0;
    for (JsonFields p : c.objects("phases", false, PHASE_KEYS)) {
      if (!p.has("from-ms")) {
        throw p.error("from-ms", "missing: give the phase's start, in milliseconds from the session's");
      }
      long from = p.whole("from-ms", 0, Limits.MAX_SESSION_MILLIS, 0);
      if (from < previous) {
        throw p.error("from-ms", from + " comes after " + previous + ": phases must be in time order");
      }
      previous = from;
      phases.add(new Session.Phase(Duration.ofMillis(from), ScenarioFormat.network(p)));
    }
    Session.Recovery recovery = null;
    if (c.has("recovered")) {
      JsonFields r = c.object("recovered", RECOVERED_KEYS);
      String family = r.text("family", "ipv6");
      if (!family.equals("ipv6") && !family.equals("ipv4")) {
        throw r.error("family", "'" + family + "' is not ipv6 or ipv4");
      }
      recovery = new Session.Recovery(Duration.ofMillis(r.whole("after-ms", 0, Limits.MAX_SESSION_MILLIS, 0)),
          family.equals("ipv6"));
    }
    int connects = (int) c.whole("connects", 1, Limits.MAX_SESSION_CONNECTS, 20);
    Duration interval = Duration.ofMillis(c.whole("interval-ms", 1, Limits.MAX_DURATION.toMillis(), 1000));
    try {
      return new Session(c.text("name"), c.text("description", ""), scenario, connects, interval, phases, recovery);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }
}
