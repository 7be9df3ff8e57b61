package io.github.connectbylist.lab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A sweep's metric against its option's value, one line per scenario. When every value is positive the chart
 * is drawn on both a log and a linear scale, the log one first when the values span more than {@value #LOG_SPAN}
 * decades (where a linear axis would squash the small lines into one at the bottom) and the other folded
 * under it in a {@code <details>}: no script, and either scale a click away. A metric with zeros (no wasted
 * attempt) has only the linear scale, since a log axis has no zero.
 */
final class SweepChart {
  /** Decades between the smallest and the largest value above which the log scale comes first. */
  static final double LOG_SPAN = 1.5;

  private SweepChart() {}

  /** The sweep's heading is the caller's; this writes its description, legend, charts and notes. */
  static void render(StringBuilder s, Sweep sweep, Results results) {
    Map<String, List<Results.Cell>> byScenario = results.byScenario();
    List<String> scenarios = new ArrayList<>(byScenario.keySet());
    double[][] values = new double[scenarios.size()][sweep.values().size()];
    double min = Double.MAX_VALUE;
    double max = 0;
    for (int i = 0; i < scenarios.size(); i++) {
      for (int j = 0; j < sweep.values().size(); j++) {
        String strategy = sweep.strategy(sweep.values().get(j));
        double v = Double.NaN;
        for (Results.Cell c : byScenario.get(scenarios.get(i))) {
          if (c.strategy().equals(strategy)) {
            v = Sweep.metric(c, sweep.metric());
          }
        }
        values[i][j] = v;
        if (!Double.isNaN(v)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    boolean logPossible = max > 0 && min > 0;
    boolean logFirst = logPossible && Math.log10(max / min) > LOG_SPAN;
    s.append("<p><code>").append(Svg.esc(sweep.template())).append("</code>, ").append(sweep.values().size())
        .append(" values; ").append(Svg.esc(metricLabel(sweep.metric()))).append(". Points missing where every run "
            + "failed.").append(logFirst ? " On a log scale: the values span "
            + Axis.label(Math.round(Math.log10(max / min) * 10) / 10.0) + " decades." : "").append("</p>\n");
    s.append(Legend.html(scenarios));
    chart(s, sweep, scenarios, values, logFirst ? Axis.log(min, max) : Axis.linear(max == 0 ? 1 : max));
    List<String> keys = new ArrayList<>();
    for (double[] row : values) {
      keys.add(Arrays.toString(row));
    }
    String note = Legend.coincidenceNote("lines", scenarios, keys);
    if (!note.isEmpty()) {
      s.append("<p class=\"chart-note\">").append(Svg.esc(note)).append("</p>\n");
    }
    if (logPossible) {
      s.append("<details><summary>The same on a ").append(logFirst ? "linear" : "log").append(" scale</summary>\n");
      chart(s, sweep, scenarios, values, logFirst ? Axis.linear(max) : Axis.log(min, max));
      s.append("</details>\n");
    }
  }

  private static void chart(StringBuilder s, Sweep sweep, List<String> scenarios, double[][] values, Axis y) {
    List<Integer> byValue = byValue(sweep.values());
    Axis x = Axis.linear(Sweep.numeric(sweep.values().get(byValue.get(0))),
        Sweep.numeric(sweep.values().get(byValue.get(byValue.size() - 1))));
    Plot plot = Plot.open(s, y.log() ? "sweep log" : "sweep linear", x, y,
        sweep.option() + (sweep.valuesAreDurations() ? " (ms)" : ""));
    s.append(Plot.yCaptionAbove(metricLabel(sweep.metric()) + (y.log() ? ", log scale" : "")));
    StringBuilder markers = new StringBuilder();
    for (int i = 0; i < scenarios.size(); i++) {
      Style style = Style.of(i);
      StringBuilder points = new StringBuilder();
      for (int j : byValue) {
        if (Double.isNaN(values[i][j])) {
          continue;
        }
        double px = plot.x(Sweep.numeric(sweep.values().get(j)));
        double py = plot.y(values[i][j]);
        points.append(points.length() == 0 ? "" : " ").append(Svg.fmt(px)).append(',').append(Svg.fmt(py));
        markers.append("<g><title>").append(Svg.esc(scenarios.get(i) + ", " + sweep.option() + "="
            + sweep.values().get(j) + ": " + Svg.ms(values[i][j]))).append("</title>")
            .append(style.marker(px, py)).append("</g>");
      }
      s.append(style.polyline(points));
    }
    s.append(markers).append("</svg>\n");
  }

  /**
   * The values' indices from the smallest value to the largest: a file may list its values in any order, and
   * the axis must span them all and each line run left to right, not back and forth.
   */
  private static List<Integer> byValue(List<String> values) {
    return IntStream.range(0, values.size()).boxed()
        .sorted(Comparator.comparingDouble(j -> Sweep.numeric(values.get(j)))).toList();
  }

  private static String metricLabel(String metric) {
    return switch (metric) {
      case "p50", "p90", "p99" -> metric + " time to connect (ms)";
      case "failures" -> "connects that failed (%)";
      case "wasted" -> "wasted attempts per connect";
      default -> "attempts per connect";
    };
  }
}
