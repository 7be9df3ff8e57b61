package io.github.connectbylist.lab;

import java.util.Locale;

/**
 * The few SVG elements the report's charts draw, written as text, so that the report needs no library and
 * opens from disk anywhere.
 */
final class Svg {
  /** Every chart's width: the page's text column. */
  static final int W = 720;
  /**
   * What {@link #width} adds to Arial's advance widths, which Chromium's sans-serif here (Liberation Sans) shares:
   * room for another sans-serif and for bold.
   */
  private static final double MARGIN = 1.1;
  /** The size of a chart's labels, {@link #text}'s. */
  private static final int FONT = 11;
  /** What stands for the part of a text that {@link #fit} leaves out. */
  static final String ELLIPSIS = "\u2026";

  private Svg() {}

  static void open(StringBuilder s, String cssClass, int width, int height) {
    s.append("<svg class=\"").append(cssClass).append("\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\" xmlns=\"http://www.w3.org/2000/svg\">");
  }

  static String line(double x1, double y1, double x2, double y2, String color) {
    return "<line x1=\"" + fmt(x1) + "\" y1=\"" + fmt(y1) + "\" x2=\"" + fmt(x2) + "\" y2=\"" + fmt(y2)
        + "\" stroke=\"" + color + "\"/>";
  }

  static String text(double x, double y, String text, String anchor) {
    return text(x, y, text, anchor, "");
  }

  /**
   * A text {@link #fit} into {@code room} pixels, its whole in a tooltip when shortened: for a label the file
   * names, such as a sweep's option, whose length the chart cannot know.
   */
  static String fittedText(double x, double y, String text, String anchor, double room) {
    String shown = fit(text, FONT, room);
    return text(x, y, shown, anchor, shown.equals(text) ? "" : "<title>" + esc(text) + "</title>");
  }

  private static String text(double x, double y, String text, String anchor, String title) {
    return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" font-size=\"" + FONT + "\" text-anchor=\"" + anchor
        + "\">" + esc(text) + title + "</text>";
  }

  /**
   * How wide {@code text} is drawn at {@code fontSize}, estimated on the wide side so that what fits, fits: each
   * character at Arial's advance width (rounded up to its class), and a tenth more.
   */
  static double width(String text, double fontSize) {
    double ems = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      ems += ems(c);
    }
    return ems * fontSize * MARGIN;
  }

  /** A character's advance in ems: Arial's, rounded up within its class; a whole em for any non-ASCII symbol. */
  private static double ems(int c) {
    if (c > '~') {
      return 1.0;                                   // ★, ∅, ✗, …: another font's glyph, at most an em
    }
    if ("il.,:;|!'[]/ ".indexOf(c) >= 0) {
      return 0.28;
    }
    if ("()-jftr".indexOf(c) >= 0) {
      return 0.34;
    }
    if ("mwMW@%&".indexOf(c) >= 0) {
      return 0.89;
    }
    return Character.isUpperCase(c) ? 0.78 : 0.59;
  }

  /**
   * {@code text} shortened to fit {@code room} pixels at {@code fontSize}: itself when it fits, else its start and
   * its end with an ellipsis between them. The middle goes because the ends are what tell texts apart: a
   * strategy's ranker and its last options, an address's prefix and its interface identifier or port. The
   * caller keeps the whole text in a tooltip, so that nothing is lost; what the browser would clip at the
   * chart's edge could not be read anywhere.
   */
  static String fit(String text, double fontSize, double room) {
    if (width(text, fontSize) <= room) {
      return text;
    }
    int[] codePoints = text.codePoints().toArray(); // never cut a surrogate pair in two
    for (int kept = codePoints.length - 1; kept > 0; kept--) {
      String shortened = new String(codePoints, 0, (kept + 1) / 2) + ELLIPSIS
          + new String(codePoints, codePoints.length - kept / 2, kept / 2);
      if (width(shortened, fontSize) <= room) {     // the ellipsis counted as a whole em, wider than drawn
        return shortened;
      }
    }
    return width(ELLIPSIS, fontSize) <= room ? ELLIPSIS : "";
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** Milliseconds as the tables write them: whole from 100 on, else two decimals; "-" for none. */
  static String ms(double v) {
    return Double.isNaN(v) ? "-" : v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
  }

  /** A share as a percentage, with a decimal only when it has one: "99.8%", "50%". */
  static String percent(long part, long whole) {
    double p = 100.0 * part / whole;
    return (p == Math.rint(p) ? String.format(Locale.ROOT, "%.0f", p) : String.format(Locale.ROOT, "%.1f", p)) + "%";
  }

  static String esc(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
