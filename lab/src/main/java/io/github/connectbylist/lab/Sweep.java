package io.github.connectbylist.lab;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.connectbylist.api.StrategyOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One strategy option run over a list of values: the strategy is written with {@code {}} where the value
 * goes, such as {@code happy-eyeballs/happy-eyeballs(connection-attempt-delay={})}, so the option can sit on
 * the ranker, the scheduler or both. Each value is a strategy of the experiment; the report plots {@link
 * #metric} against the value, one line per scenario.
 *
 * @param template the strategy, with {@code {}} for the value
 * @param option what the value is, for the plot's axis
 * @param values the values, in plot order
 * @param metric what to plot: one of {@link #METRICS}
 */
public record Sweep(String template, String option, List<String> values, String metric) {
  /** The metrics a sweep can plot. */
  public static final List<String> METRICS = List.of("p50", "p90", "p99", "failures", "wasted", "attempts");

  /**
   * Checks the template, the values and the metric.
   *
   * @param template the strategy, with {@code {}} for the value
   * @param option what the value is
   * @param values at least one
   * @param metric one of {@link #METRICS}
   */
  public Sweep {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(option, "option");
    if (!template.contains("{}")) {
      throw new IllegalArgumentException("sweep strategy '" + template + "' has no {} where the value goes");
    }
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("sweep of " + option + " has no values");
    }
    if (!METRICS.contains(metric)) {
      throw new IllegalArgumentException("sweep metric '" + metric + "' is not one of " + String.join(", ", METRICS));
    }
  }

  /**
   * The strategy for one value.
   *
   * @param value one of {@link #values}
   * @return the strategy spec
   */
  public String strategy(String value) {
    return template.replace("{}", value);
  }

  /**
   * Every value's strategy, in value order.
   *
   * @return the specs
   */
  public List<String> strategies() {
    List<String> out = new ArrayList<>(values.size());
    values.forEach(v -> out.add(strategy(v)));
    return out;
  }

  /**
   * A value as a number for the plot's axis: milliseconds for a duration, else the number itself.
   *
   * @param value one of {@link #values}
   * @return the number
   */
  public static double numeric(String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException notANumber) {
      return StrategyOptions.parseDuration("sweep", value).toNanos() / 1e6;
    }
  }

  /**
   * A cell's value of a metric: a percentile in milliseconds, the share of runs that failed in percent, or
   * the mean wasted or started attempts per connect.
   *
   * @param cell a scenario and strategy's results
   * @param metric one of {@link #METRICS}
   * @return the value
   */
  public static double metric(Results.Cell cell, String metric) {
    return switch (metric) {
      case "p50" -> cell.percentileMillis(50);
      case "p90" -> cell.percentileMillis(90);
      case "p99" -> cell.percentileMillis(99);
      case "failures" -> 100.0 * cell.failed() / cell.runs().size();
      case "wasted" -> cell.meanWasted();
      case "attempts" -> cell.meanAttempts();
      default -> throw new IllegalArgumentException("no metric " + metric + "; there are " + String.join(", ", METRICS));
    };
  }

  /**
   * Whether the values are durations (plotted in milliseconds) rather than plain numbers.
   *
   * @return {@code true} for durations
   */
  public boolean valuesAreDurations() {
    return !isNumber(values.get(0));
  }

  /**
   * Reads {@code {"strategy": "...{}...", "option": ..., "values": [...]} } or {@code "from", "to", "step"}
   * (durations such as {@code 50ms}, or plain numbers), and {@code "metric"} ({@code p50} by default).
   *
   * @param node the sweep's JSON
   * @param where the file, for errors
   * @return the sweep
   */
  static Sweep parse(JsonNode node, String where) {
    String template = node.path("strategy").asText("");
    if (template.isEmpty()) {
      throw new IllegalArgumentException(where + ": sweeps: each needs a \"strategy\" with {} where the value goes");
    }
    int eq = template.lastIndexOf("={}");
    String option = node.path("option").asText("");
    if (option.isEmpty()) {
      int from = Math.max(template.lastIndexOf('(', eq), template.lastIndexOf(',', eq)) + 1;
      option = eq > 0 ? template.substring(from, eq).trim() : "value";
    }
    List<String> values = new ArrayList<>();
    node.path("values").forEach(v -> values.add(v.asText()));
    if (values.isEmpty() && node.has("from")) {
      values.addAll(range(node.path("from").asText(), node.path("to").asText(), node.path("step").asText(), where));
    }
    try {
      return new Sweep(template, option, values, node.path("metric").asText("p50").toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  private static List<String> range(String from, String to, String step, String where) {
    List<String> out = new ArrayList<>();
    boolean plain = isNumber(from) && isNumber(to) && isNumber(step);
    if (plain) {
      double a = Double.parseDouble(from);
      double b = Double.parseDouble(to);
      double s = Double.parseDouble(step);
      requirePositive(s, where);
      for (int i = 0; a + i * s <= b + 1e-9; i++) {
        double v = a + i * s;
        out.add(v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v));
      }
      return out;
    }
    Duration a = StrategyOptions.parseDuration("from", from);
    Duration b = StrategyOptions.parseDuration("to", to);
    Duration s = StrategyOptions.parseDuration("step", step);
    requirePositive(s.toNanos(), where);
    for (Duration v = a; v.compareTo(b) <= 0; v = v.plus(s)) {
      out.add(StrategyOptions.formatDuration(v));
    }
    return out;
  }

  private static void requirePositive(double step, String where) {
    if (!(step > 0)) {
      throw new IllegalArgumentException(where + ": sweeps: step must be positive");
    }
  }

  private static boolean isNumber(String text) {
    try {
      Double.parseDouble(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
