package io.github.connectbylist.lab;

/**
 * How one line of a chart is drawn: a colour, a dash pattern and a marker shape, all three different for each of
 * the first eight lines, so that lines read apart in grey print, for colour-blind readers, and where they lie on
 * top of each other (each marker is drawn at its own place along its line).
 *
 * @param color the stroke's colour
 * @param dash the stroke's dash pattern, empty for solid
 * @param marker the marker's shape
 */
record Style(String color, String dash, Marker marker) {
  private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2",
      "#17becf"};
  private static final String[] DASHES = {"", "9 4", "3 3", "12 4 3 4", "1 3", "6 2", "15 5", "4 8"};

  /** The shapes, drawn about 9 pixels across. */
  enum Marker { CIRCLE, SQUARE, TRIANGLE, DIAMOND, DOWN, CROSS, PLUS, BAR }

  /**
   * The style of line {@code i} of a chart: past the eighth, the markers shift by one each round, so that no two of
   * the first 64 lines look alike.
   */
  static Style of(int i) {
    int markers = Marker.values().length;
    return new Style(COLORS[i % COLORS.length], DASHES[i % DASHES.length], Marker.values()[(i + i / markers) % markers]);
  }

  /** A polyline through {@code points} ("x,y x,y ..."), in this style. */
  String polyline(CharSequence points) {
    return "<polyline fill=\"none\" stroke-width=\"2\" stroke=\"" + color + "\" stroke-dasharray=\"" + dash
        + "\" points=\"" + points + "\"/>";
  }

  /** This style's marker centred on ({@code x}, {@code y}), with a white edge so that it stands out of lines. */
  String marker(double x, double y) {
    String f = "fill=\"" + color + "\" stroke=\"#fff\" stroke-width=\"1\" class=\"marker\"";
    String sw = "stroke=\"" + color + "\" stroke-width=\"2.5\" class=\"marker\"";
    return switch (marker) {
      case CIRCLE -> "<circle cx=\"" + Svg.fmt(x) + "\" cy=\"" + Svg.fmt(y) + "\" r=\"4.5\" " + f + "/>";
      case SQUARE -> "<rect x=\"" + Svg.fmt(x - 4) + "\" y=\"" + Svg.fmt(y - 4) + "\" width=\"8\" height=\"8\" " + f + "/>";
      case TRIANGLE -> path(f, x, y - 5, x + 5, y + 4, x - 5, y + 4);
      case DIAMOND -> path(f, x, y - 5.5, x + 5.5, y, x, y + 5.5, x - 5.5, y);
      case DOWN -> path(f, x - 5, y - 4, x + 5, y - 4, x, y + 5);
      case CROSS -> "<path d=\"M" + Svg.fmt(x - 4) + ' ' + Svg.fmt(y - 4) + "L" + Svg.fmt(x + 4) + ' ' + Svg.fmt(y + 4)
          + "M" + Svg.fmt(x - 4) + ' ' + Svg.fmt(y + 4) + "L" + Svg.fmt(x + 4) + ' ' + Svg.fmt(y - 4) + "\" " + sw + "/>";
      case PLUS -> "<path d=\"M" + Svg.fmt(x - 5) + ' ' + Svg.fmt(y) + "H" + Svg.fmt(x + 5) + "M" + Svg.fmt(x) + ' '
          + Svg.fmt(y - 5) + "V" + Svg.fmt(y + 5) + "\" " + sw + "/>";
      case BAR -> "<rect x=\"" + Svg.fmt(x - 1.5) + "\" y=\"" + Svg.fmt(y - 5.5) + "\" width=\"3\" height=\"11\" " + f + "/>";
    };
  }

  /** A legend's sample of this style: a short stretch of the line with the marker on it. */
  String swatch() {
    return "<svg width=\"34\" height=\"12\"><line x1=\"0\" y1=\"6\" x2=\"34\" y2=\"6\" stroke-width=\"2\" stroke=\""
        + color + "\" stroke-dasharray=\"" + dash + "\"/>" + marker(17, 6) + "</svg>";
  }

  private static String path(String attributes, double... xy) {
    StringBuilder d = new StringBuilder();
    for (int i = 0; i < xy.length; i += 2) {
      d.append(i == 0 ? "M" : "L").append(Svg.fmt(xy[i])).append(' ').append(Svg.fmt(xy[i + 1]));
    }
    return "<path d=\"" + d + "Z\" " + attributes + "/>";
  }
}
