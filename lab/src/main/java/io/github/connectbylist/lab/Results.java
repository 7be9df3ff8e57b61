package io.github.connectbylist.lab;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What an experiment measured, cell by cell (scenario x strategy), in the experiment's order.
 *
 * @param experiment what was run
 * @param cells one per scenario and strategy
 */
public record Results(Experiment experiment, List<Cell> cells) {

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
