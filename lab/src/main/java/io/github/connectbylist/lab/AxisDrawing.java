package io.github.connectbylist.lab;

/**
 * Draws an axis's grid lines and tick labels so that no label leaves the chart, where the browser would clip
 * it, or runs into its neighbour: a label at an edge is anchored to the inside, and one that would overlap the
 * label before it is left out (never the last, which says where the axis ends).
 */
final class AxisDrawing {
  private static final double FONT = 11;
  private static final double GAP = 4;

  private AxisDrawing() {}

  /**
   * A horizontal axis from {@code left} to {@code right}: grid lines from {@code gridTop} to {@code gridBottom},
   * labels on the baseline {@code labelY}, the last one followed by {@code unit} (or nothing, when empty); no grid
   * when {@code gridBottom} is not below {@code gridTop}.
   */
  static void horizontal(StringBuilder s, Axis axis, double left, double right, double gridTop, double gridBottom,
      double labelY, int svgWidth, String unit) {
    int n = axis.ticks().size();
    if (n == 0) {
      return;
    }
    double[] xs = new double[n];
    String[] labels = new String[n];
    String[] anchors = new String[n];
    double[] starts = new double[n];
    double[] ends = new double[n];
    for (int i = 0; i < n; i++) {
      Axis.Tick tick = axis.ticks().get(i);
      xs[i] = left + axis.at(tick.value()) * (right - left);
      labels[i] = tick.label() + (i == n - 1 && !unit.isEmpty() ? " " + unit : "");
      double w = Svg.width(labels[i], FONT);
      anchors[i] = "middle";
      starts[i] = xs[i] - w / 2;
      if (starts[i] + w > svgWidth - 2) {
        anchors[i] = "end";
        starts[i] = xs[i] - w;
      } else if (starts[i] < 2) {
        anchors[i] = "start";
        starts[i] = xs[i];
      }
      ends[i] = starts[i] + w;
    }
    boolean[] drawn = new boolean[n];
    int previous = -1;
    for (int i = 0; i < n - 1; i++) {
      if (previous < 0 || starts[i] >= ends[previous] + GAP) {
        drawn[i] = true;
        previous = i;
      }
    }
    for (int i = n - 2; i >= 0 && starts[n - 1] < ends[i] + GAP; i--) {
      drawn[i] = false; // the last label stays: it says where the axis ends
    }
    drawn[n - 1] = true;
    if (gridBottom > gridTop) {
      for (int i = 0; i < n; i++) {
        s.append(Svg.line(xs[i], gridTop, xs[i], gridBottom, "#eee"));
      }
    }
    for (int i = 0; i < n; i++) {
      if (drawn[i]) {
        s.append(Svg.text(xs[i], labelY, labels[i], anchors[i]));
      }
    }
  }

  /**
   * A vertical axis from {@code bottom} (its start) up to {@code top}: grid lines from {@code gridLeft} to
   * {@code gridRight}, labels ending at {@code labelX}.
   */
  static void vertical(StringBuilder s, Axis axis, double bottom, double top, double gridLeft, double gridRight,
      double labelX) {
    for (Axis.Tick tick : axis.ticks()) {
      double y = bottom - axis.at(tick.value()) * (bottom - top);
      s.append(Svg.line(gridLeft, y, gridRight, y, "#eee")).append(Svg.text(labelX, y + 4, tick.label(), "end"));
    }
  }
}
