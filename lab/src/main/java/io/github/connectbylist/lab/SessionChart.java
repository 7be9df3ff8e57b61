package io.github.connectbylist.lab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A session's time to connect by connect number at one percentile, one line per strategy, on a log time axis
 * that the median's chart and the p90's share, so that the two read against each other. Where the percentile
 * falls among failed connects there is no time to draw, so the line has a gap there, and a strategy that never
 * connected has no line, rather than one at the top that would read as slow connects.
 */
final class SessionChart {
  private SessionChart() {}

  /** The chart of {@code percentile} (50 or 90), and its note when lines coincide or have gaps. */
  static void render(StringBuilder s, List<Results.SessionCell> cells, int percentile) {
    int connects = cells.get(0).session().connects();
    double min = Double.MAX_VALUE;
    double max = 0;
    for (Results.SessionCell c : cells) {
      for (int k = 1; k <= connects; k++) {
        for (int p : new int[] {50, 90}) {
          double v = c.millisAt(k, p);
          if (!Double.isNaN(v)) {
            min = Math.min(min, v);
            max = Math.max(max, v);
          }
        }
      }
    }
    if (max == 0) {
      s.append("<p>No connect succeeded.</p>\n");
      return;
    }
    int step = connects <= 20 ? 1 : 5;
    List<Axis.Tick> ticks = new ArrayList<>();
    for (int k = 1; k <= connects; k++) {
      if (k == 1 || k % step == 0) {
        ticks.add(new Axis.Tick(k, String.valueOf(k)));
      }
    }
    Axis number = connects == 1 ? new Axis(0, 2, false, ticks) : new Axis(1, connects, false, ticks);
    String which = percentile == 50 ? "median" : "p" + percentile;
    Plot plot = Plot.open(s, "session", number, Axis.log(min, max), "connect number");
    s.append(Plot.yCaption(which + " time to connect (ms, log scale)"));
    StringBuilder markers = new StringBuilder();
    List<String> drawn = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    boolean gaps = false;
    for (int i = 0; i < cells.size(); i++) {
      double[] values = new double[connects];
      for (int k = 1; k <= connects; k++) {
        values[k - 1] = cells.get(i).millisAt(k, percentile);
      }
      if (Arrays.stream(values).allMatch(Double::isNaN)) {
        continue;
      }
      gaps |= Arrays.stream(values).anyMatch(Double::isNaN);
      Style style = Style.of(i);
      s.append("<g class=\"line\"><title>").append(Svg.esc(cells.get(i).strategy())).append("</title>");
      StringBuilder points = new StringBuilder();
      for (int k = 1; k <= connects + 1; k++) {
        double v = k <= connects ? values[k - 1] : Double.NaN;
        if (!Double.isNaN(v)) {
          points.append(points.length() == 0 ? "" : " ").append(Svg.fmt(plot.x(k))).append(',')
              .append(Svg.fmt(plot.y(v)));
        } else if (points.length() > 0) {
          s.append(points.indexOf(" ") < 0 ? dot(points, style) : style.polyline(points));
          points.setLength(0);
        }
      }
      s.append("</g>");
      int k = markerAt(values, (i + 1) * (connects - 1) / (cells.size() + 1) + 1);
      markers.append(style.marker(plot.x(k), plot.y(values[k - 1])));
      drawn.add(cells.get(i).strategy());
      keys.add(Arrays.toString(values));
    }
    s.append(markers).append("</svg>\n");
    String note = Legend.coincidenceNote("lines", drawn, keys);
    if (gaps) {
      note += (note.isEmpty() ? "" : " ") + "A gap in a line: at that connect more than " + (percentile == 50
          ? "half" : "a tenth") + " of the clients failed, so the " + which + " is no time.";
    }
    if (drawn.size() < cells.size()) {
      List<String> never = new ArrayList<>();
      cells.stream().filter(c -> !drawn.contains(c.strategy())).forEach(c -> never.add(c.strategy()));
      note += (note.isEmpty() ? "" : " ") + "No line for " + Legend.and(never) + ": the " + which
          + " is a failure at every connect.";
    }
    if (!note.isEmpty()) {
      s.append("<p class=\"chart-note\">").append(Svg.esc(note)).append("</p>\n");
    }
  }

  /** A connect number near {@code k} whose value is a time, for a line's marker. */
  private static int markerAt(double[] values, int k) {
    for (int d = 0; d < values.length; d++) {
      for (int candidate : new int[] {k + d, k - d}) {
        if (candidate >= 1 && candidate <= values.length && !Double.isNaN(values[candidate - 1])) {
          return candidate;
        }
      }
    }
    throw new IllegalArgumentException("no value");
  }

  /** A lone point between gaps, which a polyline would not show. */
  private static String dot(CharSequence point, Style style) {
    String[] xy = point.toString().split(",");
    return "<circle cx=\"" + xy[0] + "\" cy=\"" + xy[1] + "\" r=\"2.5\" fill=\"" + style.color() + "\"/>";
  }
}
