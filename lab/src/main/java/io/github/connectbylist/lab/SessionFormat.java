package io.github.connectbylist.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads sessions from JSON: {@code {"name", "description", "scenario": NAME_OR_PATH, "connects", "interval-ms",
 * "phases": [{"from-ms", "network": [...], "otherwise": {...}}], "recovered": {"after-ms", "family"}}}. Phases
 * are written as a scenario's network is. Errors name the file and the field.
 */
public final class SessionFormat {
  /** The built-in sessions, in report order. */
  public static final List<String> BUILT_IN = List.of("broken-ipv6-session", "slow-ipv6-session",
      "ipv6-breaks-then-recovers", "dual-stack-healthy-session");

  private static final ObjectMapper JSON = new ObjectMapper();

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
    try (InputStream in = SessionFormat.class.getResourceAsStream("sessions/" + name + ".json")) {
      return parse(JSON.readTree(in), "built-in " + name, null);
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

  private static Session parse(JsonNode root, String where, Path directory) throws IOException {
    String ref = text(root, "scenario", where);
    Scenario scenario = ScenarioFormat.BUILT_IN.contains(ref) || directory == null ? ScenarioFormat.builtIn(ref)
        : ScenarioFormat.read(directory.resolve(ref));
    List<Session.Phase> phases = new ArrayList<>();
    for (JsonNode p : root.path("phases")) {
      if (!p.has("from-ms")) {
        throw new IllegalArgumentException(where + ": phases.from-ms: missing");
      }
      phases.add(new Session.Phase(Duration.ofMillis(p.get("from-ms").asLong()),
          ScenarioFormat.network(p, where + ": phase from " + p.get("from-ms").asLong() + " ms")));
    }
    Session.Recovery recovery = null;
    JsonNode r = root.path("recovered");
    if (!r.isMissingNode()) {
      String family = r.path("family").asText("ipv6");
      if (!family.equals("ipv6") && !family.equals("ipv4")) {
        throw new IllegalArgumentException(where + ": recovered.family: '" + family + "' is not ipv6 or ipv4");
      }
      recovery = new Session.Recovery(Duration.ofMillis(r.path("after-ms").asLong(0)), family.equals("ipv6"));
    }
    try {
      return new Session(text(root, "name", where), root.path("description").asText(""), scenario,
          root.path("connects").asInt(20), Duration.ofMillis(root.path("interval-ms").asLong(1000)), phases, recovery);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException(where + ": " + field + ": missing, or not a string");
    }
    return v.asText();
  }
}
