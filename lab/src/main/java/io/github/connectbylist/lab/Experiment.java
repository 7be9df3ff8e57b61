package io.github.connectbylist.lab;

import io.github.connectbylist.jsonfile.JsonFields;
import io.github.connectbylist.jsonfile.JsonFiles;
import io.github.connectbylist.api.StrategyOptions;
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

  /** The shortest deadline of a connect: 1 ms ({@code deadline-ms} is whole milliseconds). */
  public static final Duration MIN_DEADLINE = Duration.ofMillis(1);

  /** The keys of an experiment file. */
  static final List<String> KEYS = List.of("name", "seed", "runs", "deadline-ms", "strategies", "sweeps",
      "scenarios", "sessions", "session-runs");

  /**
   * Checks the runs, the deadline and the experiment's size ({@link Limits}) and copies the lists.
   *
   * @param name names the experiment in reports
   * @param seed fixes every random draw
   * @param runs connects per strategy and scenario, 1 to {@link Limits#MAX_RUNS}
   * @param deadline each connect's overall deadline
   * @param strategies {@code ranker/scheduler} specs
   * @param scenarios the networks
   * @param sessions simulated clients
   * @param sessionRuns clients per strategy and session, 1 to {@link Limits#MAX_RUNS}
   * @param sweeps strategies run over a list of option values
   */
  public Experiment {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(deadline, "deadline");
    if (runs < 1 || runs > Limits.MAX_RUNS) {
      throw new IllegalArgumentException("runs " + runs + " is out of range: give a whole number from 1 to "
          + Limits.MAX_RUNS);
    }
    if (sessionRuns < 1 || sessionRuns > Limits.MAX_RUNS) {
      throw new IllegalArgumentException("session runs " + sessionRuns + " is out of range: give a whole number from 1 "
          + "to " + Limits.MAX_RUNS);
    }
    if (deadline.compareTo(MIN_DEADLINE) < 0 || deadline.compareTo(Limits.MAX_DURATION) > 0) {
      throw new IllegalArgumentException("deadline " + StrategyOptions.formatDuration(deadline) + " is out of range: "
          + "give one from " + StrategyOptions.formatDuration(MIN_DEADLINE) + " to "
          + StrategyOptions.formatDuration(Limits.MAX_DURATION));
    }
    strategies = List.copyOf(strategies);
    scenarios = List.copyOf(scenarios);
    sessions = List.copyOf(sessions);
    sweeps = List.copyOf(sweeps);
    Limits.check(allStrategies(strategies, sweeps).size(), scenarios, runs, strategies.size(), sessions, sessionRuns);
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
    return allStrategies(strategies, sweeps);
  }

  private static List<String> allStrategies(List<String> strategies, List<Sweep> sweeps) {
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

  /** The strategies of the built-in {@code https} experiment: ours, which ask for service records, then the client
   * models, which do not ({@link ServiceRecords}). */
  public static final List<String> HTTPS_STRATEGIES = List.of(
      "sequential/sequential",
      "rfc6724/happy-eyeballs",
      "happy-eyeballs/happy-eyeballs",
      "history/happy-eyeballs",
      "chrome/chrome",
      "firefox/firefox",
      "curl/curl",
      "okhttp5/okhttp5",
      "go/go",
      "node/node",
      "asyncio/asyncio");

  /**
   * The built-in comparison on HTTPS records (RFC 9460): this library's strategies, connecting by name with the
   * service {@code https}, and the client models, connecting by name without it as their clients do, on the
   * built-in scenarios with HTTPS records ({@link ScenarioFormat#HTTPS_BUILT_IN}). Their delays and latencies are
   * fixed, so every run is the same; 100 runs per cell keep the tables' form.
   *
   * @return the experiment
   */
  public static Experiment https() {
    List<Scenario> scenarios = new ArrayList<>();
    ScenarioFormat.HTTPS_BUILT_IN.forEach(name -> scenarios.add(ScenarioFormat.builtIn(name)));
    return new Experiment("https", 1, 100, Duration.ofSeconds(10), HTTPS_STRATEGIES, scenarios);
  }

  /**
   * Reads {@code {"name", "seed", "runs", "deadline-ms", "strategies": [...], "sweeps": [...], "scenarios":
   * [...], "sessions": [...], "session-runs"}}, where a scenario or a session is a built-in name or a path
   * relative to the experiment file; either list may be empty, not both, and so may strategies when there are
   * sweeps (see {@link Sweep#parse}). Any other key, a number that is not a whole number in its range, or an
   * experiment larger than {@link Limits} allows is an error naming the file.
   *
   * @param file the experiment file
   * @return the experiment
   * @throws IOException naming the file when it is missing, unreadable or not JSON (with line and column)
   * @throws IllegalArgumentException naming the file and the field that is wrong
   */
  public static Experiment read(Path file) throws IOException {
    String where = file.toString();
    JsonFields c = JsonFields.root(JsonFiles.read(file), where, KEYS);
    Path directory = file.toAbsolutePath().getParent();
    List<String> strategies = c.texts("strategies", false);
    List<Scenario> scenarios = new ArrayList<>();
    for (String ref : c.texts("scenarios", false)) {
      scenarios.add(ScenarioFormat.reference(ref, directory, where));
    }
    List<Session> sessions = new ArrayList<>();
    for (String ref : c.texts("sessions", false)) {
      sessions.add(SessionFormat.reference(ref, directory, where));
    }
    List<Sweep> sweeps = new ArrayList<>();
    for (JsonFields s : c.objects("sweeps", false, Sweep.KEYS)) {
      sweeps.add(Sweep.parse(s));
    }
    if ((strategies.isEmpty() && sweeps.isEmpty()) || (scenarios.isEmpty() && sessions.isEmpty())) {
      throw new IllegalArgumentException(
          file + ": strategies or sweeps, and scenarios or sessions, must each list at least one");
    }
    long seed = c.whole("seed", Long.MIN_VALUE, Long.MAX_VALUE, 1);
    int runs = (int) c.whole("runs", 1, Limits.MAX_RUNS, 1000);
    long deadlineMillis = c.whole("deadline-ms", MIN_DEADLINE.toMillis(), Limits.MAX_DURATION.toMillis(), 10_000);
    int sessionRuns = (int) c.whole("session-runs", 1, Limits.MAX_RUNS, DEFAULT_SESSION_RUNS);
    try {
      return new Experiment(c.text("name", file.getFileName().toString()), seed, runs,
          Duration.ofMillis(deadlineMillis), strategies, scenarios, sessions, sessionRuns, sweeps);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
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
