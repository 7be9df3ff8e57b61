package io.github.connectbylist.lab;

/**
 * The frame the report's line charts share (the CDF, the sessions', the sweeps'): one size, one set of margins,
 * both axes drawn the same way, and values mapped to pixels, written once so that the charts line up on the page.
 */
final class Plot {
  private static final int H = 300;
  private static final int LEFT = 60;
  private static final int RIGHT = 20;
  private static final int TOP = 20;
  private static final int BOTTOM = 40;

  private final Axis x;
  private final Axis y;

  private Plot(Axis x, Axis y) {
    this.x = x;
    this.y = y;
  }

  /**
   * Opens an SVG of class {@code cssClass} with both axes, their ticks and grid lines, and {@code xCaption}
   * centred under the x axis; the caller draws into it and closes it.
   */
  static Plot open(StringBuilder s, String cssClass, Axis x, Axis y, String xCaption) {
    Svg.open(s, cssClass, Svg.W, H);
    AxisDrawing.vertical(s, y, H - BOTTOM, TOP, LEFT, Svg.W - RIGHT, LEFT - 6);
    AxisDrawing.horizontal(s, x, LEFT, Svg.W - RIGHT, TOP, H - BOTTOM, H - BOTTOM + 16, Svg.W, "");
    double middle = (LEFT + Svg.W - RIGHT) / 2.0;
    s.append(Svg.fittedText(middle, H - 6, xCaption, "middle", 2 * (Svg.W - RIGHT - middle)));
    return new Plot(x, y);
  }

  /** The y axis's caption inside the plot, in its top left corner. */
  static String yCaption(String text) {
    return Svg.text(LEFT + 6, TOP + 12, text, "start");
  }

  /** The y axis's caption above the plot, clear of lines that run along its top. */
  static String yCaptionAbove(String text) {
    return Svg.text(LEFT + 6, TOP - 6, text, "start");
  }

  double x(double value) {
    return LEFT + x.at(value) * (Svg.W - LEFT - RIGHT);
  }

  double y(double value) {
    return H - BOTTOM - y.at(value) * (H - TOP - BOTTOM);
  }
}
