package io.github.connectbylist.lab;

import io.github.connectbylist.jsonfile.JsonFields;
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

  /** The keys of a sweep in an experiment file. */
  static final List<String> KEYS = List.of("strategy", "option", "values", "from", "to", "step", "metric");

  /**
   * Checks the template, the values and the metric.
   *
   * @param template the strategy, with {@code {}} for the value
   * @param option what the value is
   * @param values 1 to {@link Limits#MAX_SWEEP_VALUES}, all plain numbers ({@code 2}, {@code 0.5}) or all
   *     durations ({@code 50ms}): they are the axis of a plot
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
    if (values.size() > Limits.MAX_SWEEP_VALUES) {
      throw new IllegalArgumentException("sweep of " + option + " has " + values.size() + " values; a sweep may have "
          + "at most " + Limits.MAX_SWEEP_VALUES);
    }
    boolean numbers = isNumber(values.get(0));
    for (String v : values) {
      if (isNumber(v) != numbers || (!numbers && !isDuration(v))) {
        throw new IllegalArgumentException("sweep of " + option + ": value '" + v + "' is not " + (numbers
            ? "a plain number such as 2 or 0.5, as the first value is" : "a duration such as 50ms, as the first value "
            + "is") + " (the values are the axis of a plot)");
      }
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
    return isNumber(value) ? Double.parseDouble(value) : StrategyOptions.parseDuration("sweep", value).toNanos() / 1e6;
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
   * (durations such as {@code 50ms}, or plain numbers), and {@code "metric"} ({@code p50} by default). A key
   * not among {@link #KEYS} is an error; so is a range of more than {@link Limits#MAX_SWEEP_VALUES} values.
   *
   * @param node the sweep's JSON
   * @param where the file, for errors
   * @return the sweep
   */
  static Sweep parse(JsonNode node, String where) {
    return parse(JsonFields.object(node, where, "sweeps", KEYS));
  }

  static Sweep parse(JsonFields node) {
    String template = node.text("strategy", "");
    if (template.isEmpty()) {
      throw new IllegalArgumentException(node.where() + ": sweeps: each needs a \"strategy\" with {} where the "
          + "value goes");
    }
    int eq = template.lastIndexOf("={}");
    String option = node.text("option", "");
    if (option.isEmpty()) {
      int from = Math.max(template.lastIndexOf('(', eq), template.lastIndexOf(',', eq)) + 1;
      option = eq > 0 ? template.substring(from, eq).trim() : "value";
    }
    if (node.has("values") && node.has("from")) {
      throw node.error("from", "give values, or from, to and step, not both");
    }
    List<String> values = new ArrayList<>(node.textsOrNumbers("values"));
    if (values.isEmpty() && node.has("from")) {
      values.addAll(range(node.textOrNumber("from", ""), node.textOrNumber("to", ""), node.textOrNumber("step", ""),
          node.where()));
    }
    try {
      return new Sweep(template, option, values, node.text("metric", "p50").toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(node.where() + ": " + e.getMessage(), e);
    }
  }

  private static List<String> range(String from, String to, String step, String where) {
    List<String> out = new ArrayList<>();
    String tooMany = where + ": sweeps: from " + from + " to " + to + " by " + step + " is more than "
        + Limits.MAX_SWEEP_VALUES + " values, the most a sweep may have";
    boolean plain = isNumber(from) && isNumber(to) && isNumber(step);
    if (plain) {
      double a = Double.parseDouble(from);
      double b = Double.parseDouble(to);
      double s = Double.parseDouble(step);
      if (!Double.isFinite(a) || !Double.isFinite(b) || !Double.isFinite(s)) {
        throw new IllegalArgumentException(where + ": sweeps: from, to and step must be numbers a double holds");
      }
      requirePositive(s, where);
      for (int i = 0; a + i * s <= b + 1e-9; i++) {
        if (out.size() == Limits.MAX_SWEEP_VALUES) {
          throw new IllegalArgumentException(tooMany);
        }
        double v = a + i * s;
        out.add(v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v));
      }
      return out;
    }
    Duration a = duration(where, "from", from);
    Duration b = duration(where, "to", to);
    Duration s = duration(where, "step", step);
    if (isNumber(from) || isNumber(to) || isNumber(step)) {
      throw new IllegalArgumentException(where + ": sweeps: from, to and step must be all plain numbers or all "
          + "durations, not some of each");
    }
    requirePositive(s.toNanos(), where);
    for (Duration v = a; v.compareTo(b) <= 0; v = v.plus(s)) {
      if (out.size() == Limits.MAX_SWEEP_VALUES) {
        throw new IllegalArgumentException(tooMany);
      }
      out.add(StrategyOptions.formatDuration(v));
    }
    return out;
  }

  /** A duration of a range; a plain number is left for the caller to refuse as a mix of the two. */
  private static Duration duration(String where, String name, String text) {
    return isNumber(text) ? Duration.ZERO
        : StrategyOptions.readDuration(where + ": sweeps: " + name + " " + text, text, Duration.ZERO,
            Limits.MAX_DURATION);
  }

  private static void requirePositive(double step, String where) {
    if (!(step > 0)) {
      throw new IllegalArgumentException(where + ": sweeps: step must be positive");
    }
  }

  /** A plain decimal number in ASCII: {@code 2}, {@code -1}, {@code 0.5}; not {@code NaN}, {@code 1e3}, {@code 5d}. */
  private static boolean isNumber(String text) {
    int i = text.startsWith("-") ? 1 : 0;
    int digits = 0;
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
      digits++;
    }
    if (digits == 0) {
      return false;
    }
    if (i < text.length() && text.charAt(i) == '.') {
      int fraction = 0;
      for (i++; i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9'; i++) {
        fraction++;
      }
      if (fraction == 0) {
        return false;
      }
    }
    return i == text.length();
  }

  private static boolean isDuration(String text) {
    try {
      StrategyOptions.parseDuration("sweep", text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
