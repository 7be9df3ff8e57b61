package io.github.connectbylist.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A scenario's time-to-connect CDF, one curve per strategy on a log time axis. A curve is drawn only as far as
 * its strategy connected: it ends at its last connected run, below 1 when some runs failed, and a strategy that
 * never connected has no curve at all, since a line at the deadline would read as connects that took that long.
 */
final class CdfChart {
  private CdfChart() {}

  /** The legend, the chart and the notes under it. */
  static void render(StringBuilder s, List<Results.Cell> cells) {
    List<String> names = new ArrayList<>();
    List<String> remarks = new ArrayList<>();
    List<List<double[]>> curves = new ArrayList<>();
    double min = Double.MAX_VALUE;
    double max = 0;
    for (Results.Cell c : cells) {
      List<double[]> points = ResultsWriter.cdf(c);
      names.add(c.strategy());
      remarks.add(remark(c));
      curves.add(points);
      for (double[] p : points) {
        min = Math.min(min, p[0]);
        max = Math.max(max, p[0]);
      }
    }
    s.append(Legend.html(names, remarks));
    if (max == 0) {
      s.append("<p>No run connected.</p>\n");
      return;
    }
    Plot plot = Plot.open(s, "cdf", Axis.log(min, max), fractions(), "time to connect (ms, log scale)");
    s.append(Plot.yCaption("fraction of runs connected"));
    StringBuilder markers = new StringBuilder(); // drawn over every curve, so that no curve hides one
    List<String> drawn = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      List<double[]> points = curves.get(i);
      if (points.isEmpty()) {
        continue;
      }
      StringBuilder line = new StringBuilder();
      double lastY = plot.y(0);
      for (double[] p : points) {
        double px = plot.x(p[0]);
        line.append(line.length() == 0 ? "" : " ").append(Svg.fmt(px)).append(',').append(Svg.fmt(lastY));
        lastY = plot.y(p[1]);
        line.append(' ').append(Svg.fmt(px)).append(',').append(Svg.fmt(lastY));
      }
      Style style = Style.of(i);
      s.append("<g class=\"curve\"><title>").append(Svg.esc(names.get(i) + ": " + shareText(cells.get(i))))
          .append("</title>").append(style.polyline(line)).append("</g>");
      double[] at = pointAt(points, points.get(points.size() - 1)[1] * (i + 1) / (cells.size() + 1));
      markers.append(style.marker(plot.x(at[0]), plot.y(at[1])));
      drawn.add(names.get(i));
      keys.add(key(points));
    }
    s.append(markers).append("</svg>\n");
    note(s, cells, Legend.coincidenceNote("curves", drawn, keys));
  }

  private static void note(StringBuilder s, List<Results.Cell> cells, String coincide) {
    List<String> never = new ArrayList<>();
    cells.stream().filter(c -> c.connected() == 0).forEach(c -> never.add(c.strategy()));
    s.append("<p class=\"chart-note\">").append(Svg.esc(coincide)).append(coincide.isEmpty() ? "" : " ")
        .append("A curve ends at its strategy's slowest connected run; one that ends below 1 is the share of runs that "
            + "connected, the others failed.");
    if (!never.isEmpty()) {
      s.append(" No curve for ").append(Svg.esc(Legend.and(never))).append(": never connected.");
    }
    s.append("</p>\n");
  }

  /** What the legend adds to a strategy: nothing when every run connected. */
  private static String remark(Results.Cell c) {
    return c.connected() == c.runs().size() ? "" : shareText(c);
  }

  /** "connected in 87% of runs", or "never connected". */
  static String shareText(Results.Cell c) {
    if (c.connected() == 0) {
      return "never connected";
    }
    return "connected in " + Svg.percent(c.connected(), c.runs().size()) + " of runs";
  }

  /** The point of a step curve where it reaches {@code fraction}: on the riser of the first point at or above it. */
  private static double[] pointAt(List<double[]> points, double fraction) {
    for (double[] p : points) {
      if (p[1] >= fraction - 1e-12) {
        return new double[] {p[0], fraction};
      }
    }
    return points.get(points.size() - 1);
  }

  private static String key(List<double[]> points) {
    StringBuilder k = new StringBuilder();
    points.forEach(p -> k.append(p[0]).append(':').append(p[1]).append(' '));
    return k.toString();
  }

  private static Axis fractions() {
    List<Axis.Tick> ticks = new ArrayList<>();
    for (int q = 0; q <= 4; q++) {
      ticks.add(new Axis.Tick(q / 4.0, String.format(Locale.ROOT, "%.2f", q / 4.0)));
    }
    return new Axis(0, 1, false, ticks);
  }
}
