package io.github.connectbylist.lab;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Strategies x (scenarios x runs, and sessions x session runs). Strategies are written {@code
 * ranker/scheduler}, each with options, such as {@code rfc6724/sequential(attempt-timeout=250ms)}.
 *
 * @param name names the experiment in reports
 * @param seed fixes every random draw; the same seed gives the same results, byte for byte
 * @param runs connects per strategy and scenario
 * @param deadline each connect's overall deadline
 * @param strategies {@code ranker/scheduler} specs
 * @param scenarios the networks, one connect per run
 * @param sessions simulated clients, many connects per run
 * @param sessionRuns clients per strategy and session
 * @param sweeps strategies run over a list of option values, besides {@code strategies}
 */
public record Experiment(
    String name, long seed, int runs, Duration deadline, List<String> strategies, List<Scenario> scenarios,
    List<Session> sessions, int sessionRuns, List<Sweep> sweeps) {

  /** Clients per strategy and session when nothing says otherwise: enough for a median and a p90 per connect. */
  public static final int DEFAULT_SESSION_RUNS = 200;

  /**
   * Checks the runs and copies the lists.
   *
   * @param name names the experiment in reports
   * @param seed fixes every random draw
   * @param runs connects per strategy and scenario, at least 1
   * @param deadline each connect's overall deadline
   * @param strategies {@code ranker/scheduler} specs
   * @param scenarios the networks
   * @param sessions simulated clients
   * @param sessionRuns clients per strategy and session, at least 1
   * @param sweeps strategies run over a list of option values
   */
  public Experiment {
    Objects.requireNonNull(name, "name");
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be at least 1, was " + runs);
    }
    if (sessionRuns < 1) {
      throw new IllegalArgumentException("session runs must be at least 1, was " + sessionRuns);
    }
    strategies = List.copyOf(strategies);
    scenarios = List.copyOf(scenarios);
    sessions = List.copyOf(sessions);
    sweeps = List.copyOf(sweeps);
  }

  /**
   * An experiment without sweeps.
   *
   * @param name names the experiment in reports
   * @param seed fixes every random draw
   * @param runs connects per strategy and scenario
   * @param deadline each connect's overall deadline
   * @param strategies {@code ranker/scheduler} specs
   * @param scenarios the networks
   * @param sessions simulated clients
   * @param sessionRuns clients per strategy and session
   */
  public Experiment(String name, long seed, int runs, Duration deadline, List<String> strategies,
      List<Scenario> scenarios, List<Session> sessions, int sessionRuns) {
    this(name, seed, runs, deadline, strategies, scenarios, sessions, sessionRuns, List.of());
  }

  /**
   * The strategies, then every sweep's, each once, in that order: what the experiment runs.
   *
   * @return the specs
   */
  public List<String> allStrategies() {
    java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(strategies);
    sweeps.forEach(sweep -> all.addAll(sweep.strategies()));
    return List.copyOf(all);
  }

  /**
   * An experiment without sessions.
   *
   * @param name names the experiment in reports
   * @param seed fixes every random draw
   * @param runs connects per strategy and scenario
   * @param deadline each connect's overall deadline
   * @param strategies {@code ranker/scheduler} specs
   * @param scenarios the networks
   */
  public Experiment(String name, long seed, int runs, Duration deadline, List<String> strategies, List<Scenario> scenarios) {
    this(name, seed, runs, deadline, strategies, scenarios, List.of(), DEFAULT_SESSION_RUNS);
  }

  /**
   * The built-in comparison: WSAConnectByList's behaviour, its usual fixes, Happy Eyeballs, and Happy Eyeballs
   * with history, on every built-in scenario and session.
   *
   * @return the experiment
   */
  public static Experiment builtIn() {
    List<Scenario> scenarios = new ArrayList<>();
    ScenarioFormat.BUILT_IN.forEach(name -> scenarios.add(ScenarioFormat.builtIn(name)));
    List<Session> sessions = new ArrayList<>();
    SessionFormat.BUILT_IN.forEach(name -> sessions.add(SessionFormat.builtIn(name)));
    return new Experiment("built-in", 1, 1000, Duration.ofSeconds(10), List.of(
        "sequential/sequential",
        "sequential/sequential(attempt-timeout=250ms)",
        "rfc6724/sequential(split-deadline=true)",
        "rfc6724/happy-eyeballs",
        "happy-eyeballs/happy-eyeballs",
        "history/happy-eyeballs",
        "history/happy-eyeballs(adaptive=true)"), scenarios, sessions, DEFAULT_SESSION_RUNS);
  }

  /**
   * Reads {@code {"name", "seed", "runs", "deadline-ms", "strategies": [...], "sweeps": [...], "scenarios":
   * [...], "sessions": [...], "session-runs"}}, where a scenario or a session is a built-in name or a path
   * relative to the experiment file; either list may be empty, not both, and so may strategies when there are
   * sweeps (see {@link Sweep#parse}).
   *
   * @param file the experiment file
   * @return the experiment
   * @throws IOException naming the file when it is missing, unreadable or not JSON (with line and column)
   */
  public static Experiment read(Path file) throws IOException {
    JsonNode root = JsonFiles.read(file);
    List<String> strategies = new ArrayList<>();
    root.path("strategies").forEach(s -> strategies.add(s.asText()));
    List<Scenario> scenarios = new ArrayList<>();
    for (JsonNode s : root.path("scenarios")) {
      String ref = s.asText();
      scenarios.add(ScenarioFormat.BUILT_IN.contains(ref) ? ScenarioFormat.builtIn(ref)
          : ScenarioFormat.read(file.toAbsolutePath().getParent().resolve(ref)));
    }
    List<Session> sessions = new ArrayList<>();
    for (JsonNode s : root.path("sessions")) {
      String ref = s.asText();
      sessions.add(SessionFormat.BUILT_IN.contains(ref) ? SessionFormat.builtIn(ref)
          : SessionFormat.read(file.toAbsolutePath().getParent().resolve(ref)));
    }
    List<Sweep> sweeps = new ArrayList<>();
    for (JsonNode s : root.path("sweeps")) {
      sweeps.add(Sweep.parse(s, file.toString()));
    }
    if ((strategies.isEmpty() && sweeps.isEmpty()) || (scenarios.isEmpty() && sessions.isEmpty())) {
      throw new IllegalArgumentException(
          file + ": strategies or sweeps, and scenarios or sessions, must each list at least one");
    }
    return new Experiment(root.path("name").asText(file.getFileName().toString()), root.path("seed").asLong(1),
        root.path("runs").asInt(1000), Duration.ofMillis(root.path("deadline-ms").asLong(10_000)), strategies, scenarios,
        sessions, root.path("session-runs").asInt(DEFAULT_SESSION_RUNS), sweeps);
  }

  /**
   * The same experiment with another number of runs.
   *
   * @param newRuns connects per strategy and scenario
   * @return the experiment
   */
  public Experiment withRuns(int newRuns) {
    return new Experiment(name, seed, newRuns, deadline, strategies, scenarios, sessions, sessionRuns, sweeps);
  }

  /**
   * The same experiment with another number of clients per session.
   *
   * @param newSessionRuns clients per strategy and session
   * @return the experiment
   */
  public Experiment withSessionRuns(int newSessionRuns) {
    return new Experiment(name, seed, runs, deadline, strategies, scenarios, sessions, newSessionRuns, sweeps);
  }

  /**
   * The same experiment with another seed.
   *
   * @param newSeed the seed
   * @return the experiment
   */
  public Experiment withSeed(long newSeed) {
    return new Experiment(name, newSeed, runs, deadline, strategies, scenarios, sessions, sessionRuns, sweeps);
  }

  /**
   * A {@code ranker/scheduler} spec, split at the first slash outside parentheses.
   *
   * @param strategy such as {@code rfc6724/sequential(attempt-timeout=250ms)}
   * @return the ranker's spec and the scheduler's
   * @throws IllegalArgumentException when there is no such slash
   */
  public static String[] split(String strategy) {
    int depth = 0;
    for (int i = 0; i < strategy.length(); i++) {
      char c = strategy.charAt(i);
      if (c == '(') depth++;
      if (c == ')') depth--;
      if (c == '/' && depth == 0) {
        return new String[] {strategy.substring(0, i), strategy.substring(i + 1)};
      }
    }
    throw new IllegalArgumentException("strategy '" + strategy + "' is not written ranker/scheduler");
  }
}
