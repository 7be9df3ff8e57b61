package io.github.connectbylist.lab;

import io.github.connectbylist.api.StrategyOptions;
import java.time.Duration;
import java.util.List;

/**
 * What the lab accepts, so that no file or command line can make it run for days or fill the heap: every
 * count and time a user gives is checked against these before anything runs, and the message names the limit.
 * {@code docs/lab.md} lists them. An experiment of the largest size runs in about 15 s on two cores and needs
 * about 1.5 GB of heap (its results are kept for the report).
 */
public final class Limits {
  /** Runs per strategy and scenario, and simulated clients per strategy and session: 1 to 1,000,000. */
  public static final int MAX_RUNS = 1_000_000;

  /**
   * Simulated connects in one experiment, scenarios and sessions together: 2,000,000, ten times the built-in
   * experiment. Every connect is kept for runs.csv and the report, about 700 bytes each.
   */
  public static final long MAX_CONNECTS = 2_000_000;

  /**
   * Attempts one experiment may make at most: each connect counted with its scenario's pairs (each destination
   * with each source of its family), since a connect may try every pair. 10,000,000, five pairs per connect at
   * the limit of connects, or a connect of a thousand pairs ten thousand times: about a gigabyte of attempts
   * kept for the report, and half a minute on one core.
   */
  public static final long MAX_ATTEMPTS = 10_000_000;

  /**
   * Cells of one experiment (a scenario or a session with a strategy): 1,000, ten times the built-in
   * experiment. Each scenario's cell keeps a histogram of about 160 KB and has its curve and timeline in the
   * report, whatever its runs.
   */
  public static final int MAX_CELLS = 1_000;

  /** Destinations of one scenario: 256. */
  public static final int MAX_DESTINATIONS = 256;

  /**
   * HTTPS records of one scenario, and addresses of one record's hints or one target's answer: 64 each. Every
   * endpoint they give is paired and ranked on each answer, so this keeps a connect's work as bounded as {@link
   * #MAX_DESTINATIONS} does.
   */
  public static final int MAX_RECORDS = 64;

  /** Source addresses of one scenario: 64. */
  public static final int MAX_SOURCES = 64;

  /** Connects of one simulated client in a session: 1 to 10,000. */
  public static final int MAX_SESSION_CONNECTS = 10_000;

  /** Values of one sweep: 1,000. */
  public static final int MAX_SWEEP_VALUES = 1_000;

  /**
   * The longest deadline, latency, answer delay, resolver timeout or interval between a session's connects:
   * one day, as for strategy options ({@link StrategyOptions#MAX_DURATION}). A latency drawn from a
   * distribution is cut there too.
   */
  public static final Duration MAX_DURATION = StrategyOptions.MAX_DURATION;

  /** The latest time in a session (a phase's start, a recovery): 100 days, in milliseconds. */
  public static final long MAX_SESSION_MILLIS = 100L * 24 * 3_600_000;

  private Limits() {}

  /**
   * The cells, the connects and the attempts an experiment makes at most, checked against {@link #MAX_CELLS},
   * {@link #MAX_CONNECTS} and {@link #MAX_ATTEMPTS}: each scenario with every strategy, the sweeps' included, {@code runs} times; each
   * session with every strategy, sweeps' not included, {@code sessionRuns} clients of its connects.
   *
   * @throws IllegalArgumentException saying how many it would make, how that comes about, and the limit
   */
  static void check(int allStrategies, List<Scenario> scenarios, int runs, int strategies, List<Session> sessions,
      int sessionRuns) {
    long connects = 0;
    long attempts = 0;
    try {
      for (Scenario s : scenarios) {
        long cell = Math.multiplyExact((long) allStrategies, runs);
        connects = Math.addExact(connects, cell);
        attempts = Math.addExact(attempts, Math.multiplyExact(cell, pairs(s)));
      }
      for (Session s : sessions) {
        long cell = Math.multiplyExact(Math.multiplyExact((long) strategies, sessionRuns), s.connects());
        connects = Math.addExact(connects, cell);
        attempts = Math.addExact(attempts, Math.multiplyExact(cell, pairs(s.scenario())));
      }
    } catch (ArithmeticException overflow) {
      connects = Long.MAX_VALUE;
      attempts = Long.MAX_VALUE;
    }
    String size = allStrategies + " strategies x " + scenarios.size() + " scenarios x " + runs + " runs"
        + (sessions.isEmpty() ? "" : ", and " + strategies + " strategies x " + sessions.size() + " sessions x "
        + sessionRuns + " clients");
    long cells = (long) allStrategies * scenarios.size() + (long) strategies * sessions.size();
    if (cells > MAX_CELLS) {
      throw new IllegalArgumentException(allStrategies + " strategies x " + scenarios.size() + " scenarios"
          + (sessions.isEmpty() ? "" : " and " + strategies + " strategies x " + sessions.size() + " sessions")
          + " make " + cells + " cells; an experiment may have at most " + MAX_CELLS
          + ": give fewer strategies, sweep values, scenarios or sessions");
    }
    if (connects > MAX_CONNECTS) {
      throw new IllegalArgumentException(size + " make " + count(connects) + " simulated connects; an experiment "
          + "may make at most " + MAX_CONNECTS + ": give fewer runs, clients, strategies, scenarios or sessions");
    }
    if (attempts > MAX_ATTEMPTS) {
      throw new IllegalArgumentException(size + ", each connect with up to its scenario's pairs (each destination "
          + "with each source of its family), make up to " + count(attempts) + " attempts; an experiment may make "
          + "at most " + MAX_ATTEMPTS + ": give fewer runs, clients, strategies, scenarios, destinations or sources");
    }
  }

  private static String count(long n) {
    return n == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : Long.toString(n);
  }

  /**
   * The pairs a connect to the scenario may try at most: each destination with each source of its family, or
   * with one source the OS picks when it has none; with HTTPS records, each record's addresses too.
   */
  static long pairs(Scenario s) {
    long v4 = s.sources().stream().filter(a -> a.address() instanceof java.net.Inet4Address).count();
    long v6 = s.sources().size() - v4;
    long pairs = 0;
    for (java.net.InetSocketAddress d : s.destinations()) {
      pairs += Math.max(1, d.getAddress() instanceof java.net.Inet4Address ? v4 : v6);
    }
    if (s.resolution() != null) { // a connect that asks for service records may try each record's endpoints too
      for (java.net.InetAddress a : s.resolution().serviceAddresses(s.destinations())) {
        pairs += Math.max(1, a instanceof java.net.Inet4Address ? v4 : v6);
      }
    }
    return Math.max(1, pairs);
  }
}
