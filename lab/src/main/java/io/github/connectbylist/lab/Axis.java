package io.github.connectbylist.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One axis of a chart: the values it spans, linear or log, and its ticks; {@link #at} places a value on it, so
 * that every chart of one kind maps values the same way.
 *
 * @param lo the value at the axis's start (on a log axis, its power of ten)
 * @param hi the value at the axis's end (on a log axis, its power of ten)
 * @param log whether the axis is logarithmic
 * @param ticks where the ticks go, in order
 */
record Axis(double lo, double hi, boolean log, List<Tick> ticks) {

  /**
   * A tick and what it says.
   *
   * @param value where it is, in the axis's values
   * @param label what it says
   */
  record Tick(double value, String label) {}

  /** Copies the ticks. */
  Axis {
    ticks = List.copyOf(ticks);
  }

  /** From 0 to {@code max} rounded up to a nice step, the ticks at each step. */
  static Axis linear(double max) {
    return linear(0, max);
  }

  /** From {@code min} to {@code max}, the ticks at the nice steps between them; the ends are kept as given. */
  static Axis linear(double min, double max) {
    if (max <= min) {
      max = min + 1;
    }
    double step = niceStep(max - min);
    if (min == 0) {
      max = Math.ceil(max / step - 1e-9) * step;
    }
    List<Tick> ticks = new ArrayList<>();
    for (double v = Math.ceil(min / step - 1e-9) * step; v <= max + step * 1e-9; v += step) {
      ticks.add(new Tick(v, label(v)));
    }
    return new Axis(min, max, false, ticks);
  }

  /**
   * The powers of ten that span {@code min} to {@code max} (both positive), at least one decade; ticks at each, and
   * at 2 and 5 times each when there are three decades or fewer.
   */
  static Axis log(double min, double max) {
    double lo = Math.floor(Math.log10(Math.max(min, 0.001)));
    double hi = Math.ceil(Math.log10(max * 1.01));
    hi = hi <= lo ? lo + 1 : hi;
    List<Tick> ticks = new ArrayList<>();
    int[] steps = hi - lo <= 3 ? new int[] {1, 2, 5} : new int[] {1}; // few decades: 2 and 5 too, to read between
    for (int decade = (int) lo; decade <= (int) hi; decade++) {
      for (int m : steps) {
        double v = m * Math.pow(10, decade);
        if (decade < hi || m == 1) {
          ticks.add(new Tick(v, label(v)));
        }
      }
    }
    return new Axis(lo, hi, true, ticks);
  }

  /**
   * Where {@code value} lies from the axis's start (0) to its end (1); on a log axis, a value below the start
   * is drawn at the start.
   */
  double at(double value) {
    double v = log ? Math.log10(Math.max(value, Math.pow(10, lo))) : value;
    return (v - lo) / (hi - lo);
  }

  /** The value at the axis's end. */
  double end() {
    return log ? Math.pow(10, hi) : hi;
  }

  /** A step of 1, 2 or 5 times a power of ten that cuts {@code span} into four to ten pieces. */
  static double niceStep(double span) {
    double raw = span / 5;
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    double unit = raw / power;
    return (unit < 1.5 ? 1 : unit < 3.5 ? 2 : unit < 7.5 ? 5 : 10) * power;
  }

  /** A value with no more digits than it has: 0, 250, 2.5, 0.05, 10000. */
  static String label(double v) {
    String t = String.format(Locale.ROOT, "%.3f", v == 0 ? 0.0 : v); // no "-0"
    t = t.replaceAll("0+$", "");
    return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
  }
}
