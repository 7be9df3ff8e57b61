package io.github.connectbylist.lab;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What an experiment measured, cell by cell (scenario x strategy, session x strategy), in the experiment's
 * order.
 *
 * @param experiment what was run
 * @param cells one per scenario and strategy
 * @param sessions one per session and strategy
 */
public record Results(Experiment experiment, List<Cell> cells, List<SessionCell> sessions) {

  /**
   * Copies the lists.
   *
   * @param experiment what was run
   * @param cells one per scenario and strategy
   * @param sessions one per session and strategy
   */
  public Results {
    cells = List.copyOf(cells);
    sessions = List.copyOf(sessions);
  }

  /**
   * One strategy through one session: every client's connects.
   *
   * @param session the session
   * @param strategy {@code ranker/scheduler}
   * @param runs for each client, a trace per connect in order
   */
  public record SessionCell(Session session, String strategy, List<List<Trace>> runs) {

    /**
     * Time to connect of connect {@code connect} (from 1) across clients, at {@code percentile}; failures
     * count as longer than any success.
     *
     * @param connect which connect, from 1
     * @param percentile 0 to 100
     * @return milliseconds, or NaN when the percentile falls among failures
     */
    public double millisAt(int connect, double percentile) {
      double[] values = new double[runs.size()];
      for (int r = 0; r < values.length; r++) {
        values[r] = millis(runs.get(r).get(connect - 1));
      }
      return percentile(values, percentile);
    }

    /**
     * Time to connect over connects {@code from} to the last, every client pooled, at {@code percentile}.
     *
     * @param from the first connect counted, from 1
     * @param percentile 0 to 100
     * @return milliseconds, or NaN when the percentile falls among failures
     */
    public double pooledMillis(int from, double percentile) {
      int per = session.connects() - from + 1;
      double[] values = new double[runs.size() * Math.max(0, per)];
      int i = 0;
      for (List<Trace> run : runs) {
        for (int k = from - 1; k < run.size(); k++) {
          values[i++] = millis(run.get(k));
        }
      }
      return percentile(values, percentile);
    }

    /**
     * For a session with a recovery: the median over clients of the connects made from the recovery on until
     * one is won over the recovered family (1 when the first such connect is); NaN without a recovery, or when
     * most clients never got there.
     *
     * @return the median count
     */
    public double connectsUntilRecovered() {
      Session.Recovery recovery = session.recovery();
      if (recovery == null) {
        return Double.NaN;
      }
      int first = (int) Math.min(session.connects(), (recovery.after().toNanos() + session.interval().toNanos() - 1)
          / session.interval().toNanos());
      double[] counts = new double[runs.size()];
      for (int r = 0; r < counts.length; r++) {
        counts[r] = Double.POSITIVE_INFINITY;
        List<Trace> run = runs.get(r);
        for (int k = first; k < run.size(); k++) {
          Trace t = run.get(k);
          if (t.connected() && winnerIsIpv6(t) == recovery.ipv6()) {
            counts[r] = k - first + 1;
            break;
          }
        }
      }
      return percentile(counts, 50);
    }

    /**
     * Connects that succeeded, every client's counted.
     *
     * @return the count
     */
    public long connected() {
      return runs.stream().flatMap(List::stream).filter(Trace::connected).count();
    }

    /**
     * Connects made, every client's counted.
     *
     * @return the count
     */
    public long connects() {
      return runs.stream().mapToLong(List::size).sum();
    }

    private static boolean winnerIsIpv6(Trace t) {
      for (io.github.connectbylist.api.Attempt a : t.attempts()) {
        if (a.connected()) {
          return a.pair().isIpv6();
        }
      }
      return false;
    }

    private static double millis(Trace t) {
      return t.connected() ? t.elapsedNanos() / 1e6 : Double.POSITIVE_INFINITY;
    }

    private static double percentile(double[] values, double percentile) {
      if (values.length == 0) {
        return Double.NaN;
      }
      double[] sorted = values.clone();
      java.util.Arrays.sort(sorted);
      int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
      double v = sorted[Math.max(0, Math.min(sorted.length - 1, index))];
      return Double.isInfinite(v) ? Double.NaN : v;
    }
  }

  /**
   * One strategy on one scenario.
   *
   * @param scenario its name
   * @param strategy {@code ranker/scheduler}
   * @param timeToConnect microseconds, connected runs only
   * @param runs every run's trace, in run order
   */
  public record Cell(Scenario scenario, String strategy, Histogram timeToConnect, List<Trace> runs) {

    /**
     * Connects that succeeded.
     *
     * @return the count
     */
    public long connected() {
      return runs.stream().filter(Trace::connected).count();
    }

    /**
     * Connects that failed.
     *
     * @return the count
     */
    public long failed() {
      return runs.size() - connected();
    }

    /**
     * Attempts per connect.
     *
     * @return the mean
     */
    public double meanAttempts() {
      return runs.stream().mapToInt(t -> t.attempts().size()).average().orElse(0);
    }

    /**
     * Attempts per connect abandoned while pending.
     *
     * @return the mean
     */
    public double meanWasted() {
      return runs.stream().mapToInt(Trace::wasted).average().orElse(0);
    }

    /**
     * Milliseconds at {@code percentile} of the connected runs, or NaN when none connected.
     *
     * @param percentile 0 to 100
     * @return the time to connect at that percentile, in milliseconds, or NaN when none connected
     */
    public double percentileMillis(double percentile) {
      return timeToConnect.getTotalCount() == 0 ? Double.NaN
          : timeToConnect.getValueAtPercentile(percentile) / 1000.0;
    }
  }

  /**
   * Cells grouped by scenario, in order.
   *
   * @return the cells by scenario name, in the order run
   */
  public Map<String, List<Cell>> byScenario() {
    Map<String, List<Cell>> map = new java.util.LinkedHashMap<>();
    cells.forEach(c -> map.computeIfAbsent(c.scenario().name(), k -> new java.util.ArrayList<>()).add(c));
    return map;
  }
}
