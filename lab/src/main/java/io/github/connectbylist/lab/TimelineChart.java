package io.github.connectbylist.lab;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.Addresses;
import io.github.connectbylist.api.Answer;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.FailureKind;
import java.util.List;

/**
 * Connects as timelines: per connect a row with its name and how it ended, a row of its DNS answers when it
 * connected by name, and a bar per attempt. Connects are drawn in groups on one time axis per group, written
 * once under the group (and over it too when the group is tall), so that within a group equal lengths are equal
 * times; the time each connect took is written beside its name, so that a short connect drawn beside a long
 * one still reads.
 */
final class TimelineChart {
  private static final int ROW = 16;
  private static final int TOP = 8;
  private static final int LEFT = 260;
  private static final int RIGHT = 20;
  /** Under a group: its axis line and tick labels. */
  private static final int AXIS = 26;
  private static final int GAP = 10;
  /** Where a connect's name starts, and its size. */
  private static final int NAME_X = 4;
  private static final int NAME_FONT = 12;
  /** Where an attempt's address pair ends, just left of the bars, and its size. */
  private static final int PAIR_END = LEFT - 6;
  private static final int PAIR_FONT = 11;

  private TimelineChart() {}

  /**
   * The timelines and their caption.
   *
   * @param group how many consecutive connects share an axis, 1 or more
   * @param resolution when the traces are a scenario's, its resolution, which tells a lost query from an answer
   */
  static void render(StringBuilder s, List<HtmlReport.LabeledTrace> traces, int group, Resolution resolution) {
    int height = TOP;
    for (int first = 0; first < traces.size(); first += group) {
      height += (Math.min(group, traces.size() - first) > 2 ? AXIS : 0) + AXIS + GAP;
      for (int i = first; i < Math.min(traces.size(), first + group); i++) {
        height += rows(traces.get(i).trace()) * ROW + (i > first ? GAP : 0);
      }
    }
    Svg.open(s, "timeline", Svg.W, height);
    double y = TOP;
    for (int first = 0; first < traces.size(); first += group) {
      y = group(s, traces.subList(first, Math.min(traces.size(), first + group)), resolution, y) + GAP;
    }
    s.append("</svg>\n");
    caption(s, traces, group);
  }

  /** One group from {@code top}: returns where it ends. */
  private static double group(StringBuilder s, List<HtmlReport.LabeledTrace> traces, Resolution resolution,
      double top) {
    double end = 1;
    for (HtmlReport.LabeledTrace t : traces) {
      end = Math.max(end, endMs(t.trace()));
    }
    Axis time = Axis.linear(end);
    double scale = (Svg.W - RIGHT - LEFT) / time.end();
    double y = top;
    if (traces.size() > 2) { // a tall group: its axis over it as well
      AxisDrawing.horizontal(s, time, LEFT, Svg.W - RIGHT, 0, 0, y + 14, Svg.W, "ms");
      y += AXIS;
    }
    StringBuilder bars = new StringBuilder();
    double gridTop = y;
    for (int i = 0; i < traces.size(); i++) {
      y += i > 0 ? GAP : 0;
      y = connect(bars, traces.get(i), resolution, scale, y);
    }
    double axisY = y + 4;
    AxisDrawing.horizontal(s, time, LEFT, Svg.W - RIGHT, gridTop, axisY + 3, axisY + 14, Svg.W, "ms");
    s.append(Svg.line(LEFT, axisY, Svg.W - RIGHT, axisY, "#888")).append(bars);
    return axisY + AXIS - 4;
  }

  /** One connect from {@code y}: returns where it ends. */
  private static double connect(StringBuilder s, HtmlReport.LabeledTrace labeled, Resolution resolution, double scale,
      double y) {
    Trace t = labeled.trace();
    String outcome = " \u2014 " + outcome(t);
    String label = Svg.fit(labeled.label(), NAME_FONT, Svg.W - NAME_X - Svg.width(outcome, NAME_FONT));
    s.append("<text x=\"").append(NAME_X).append("\" y=\"").append(Svg.fmt(y + 12)).append("\" font-size=\"")
        .append(NAME_FONT).append("\"><tspan font-weight=\"bold\">").append(Svg.esc(label))
        .append("</tspan><tspan fill=\"#555\">").append(Svg.esc(outcome)).append("</tspan>")
        .append(label.equals(labeled.label()) ? "" : "<title>" + Svg.esc(labeled.label() + outcome) + "</title>")
        .append("</text>");
    y += ROW;
    if (!t.answers().isEmpty()) {
      s.append("<text x=\"").append(Svg.fmt(LEFT - 6)).append("\" y=\"").append(Svg.fmt(y + 11))
          .append("\" font-size=\"10\" text-anchor=\"end\" fill=\"#777\">DNS answers</text>");
      DnsMarks.draw(s, t, resolution, LEFT, scale, y);
      y += ROW;
    }
    for (Attempt a : t.attempts()) {
      double x1 = LEFT + a.startedAt().toNanos() / 1e6 * scale;
      double x2 = LEFT + a.endedAt().toNanos() / 1e6 * scale;
      String fill = a.connected() ? "#2ca02c" : a.failure() == FailureKind.CANCELLED ? "#bbbbbb" : "#d62728";
      AddressPair pair = a.pair(); // a record's endpoint is starred; the tooltip says which record, and the whole pair
      s.append("<text x=\"").append(Svg.fmt(PAIR_END)).append("\" y=\"").append(Svg.fmt(y + 12))
          .append("\" font-size=\"").append(PAIR_FONT).append("\" text-anchor=\"end\">").append(Svg.esc(pairLabel(pair)))
          .append("<title>").append(Svg.esc(pair.toString())).append("</title></text>");
      s.append("<rect x=\"").append(Svg.fmt(x1)).append("\" y=\"").append(Svg.fmt(y + 3)).append("\" width=\"")
          .append(Svg.fmt(Math.max(1, x2 - x1))).append("\" height=\"10\" fill=\"").append(fill)
          .append("\"><title>").append(Svg.esc(a.toString())).append("</title></rect>");
      y += ROW;
    }
    return t.attempts().isEmpty() ? y + ROW : y;
  }

  /**
   * "source -> destination", starred for a record's endpoint; when that is wider than the room left of the bars,
   * each address is shortened in its middle, not the pair's, so that both keep their ends (the interface
   * identifier) that tell one attempt's addresses from the next, and the destination its brackets and port. The
   * longer address gives way first, and the other only when half the room is not enough for it.
   */
  private static String pairLabel(AddressPair pair) {
    String from = pair.source() == null ? "*" : Addresses.text(pair.source().address());
    String host = Addresses.text(pair.destination().getAddress());
    String to = Addresses.format(pair.destination().getAddress(), pair.destination().getPort());
    String arrow = " -> ";
    String star = pair.service() != null ? " \u2605" : "";
    double room = PAIR_END; // to the chart's left edge
    if (Svg.width(from + arrow + to + star, PAIR_FONT) <= room) {
      return from + arrow + to + star;
    }
    int at = to.indexOf(host); // "[host]:port" or "host:port"
    String before = to.substring(0, at);
    String after = to.substring(at + host.length());
    double rest = room - Svg.width(arrow + star + before + after, PAIR_FONT);
    String shortFrom;
    String shortHost;
    if (from.length() >= host.length()) {
      shortFrom = Svg.fit(from, PAIR_FONT, Math.max(rest / 2, rest - Svg.width(host, PAIR_FONT)));
      shortHost = Svg.fit(host, PAIR_FONT, rest - Svg.width(shortFrom, PAIR_FONT));
    } else {
      shortHost = Svg.fit(host, PAIR_FONT, Math.max(rest / 2, rest - Svg.width(from, PAIR_FONT)));
      shortFrom = Svg.fit(from, PAIR_FONT, rest - Svg.width(shortHost, PAIR_FONT));
    }
    return shortFrom + arrow + before + shortHost + after + star;
  }

  /** "connected in 270 ms", "TIMED_OUT after 10000 ms". */
  private static String outcome(Trace t) {
    String ms = Axis.label(Math.round(t.elapsedNanos() / 1e4) / 100.0) + " ms";
    return t.connected() ? "connected in " + ms : (t.failure() == null ? "failed" : t.failure()) + " after " + ms;
  }

  private static int rows(Trace t) {
    return 1 + (t.answers().isEmpty() ? 0 : 1) + Math.max(1, t.attempts().size());
  }

  private static double endMs(Trace t) {
    double end = Math.max(1, t.elapsedNanos() / 1e6);
    for (Attempt a : t.attempts()) {
      end = Math.max(end, a.endedAt().toNanos() / 1e6);
    }
    for (Answer a : t.answers()) {
      end = Math.max(end, a.at().toNanos() / 1e6);
    }
    return end;
  }

  private static void caption(StringBuilder s, List<HtmlReport.LabeledTrace> traces, int group) {
    boolean byName = false;
    boolean services = false;
    boolean nat64 = false;
    for (HtmlReport.LabeledTrace c : traces) {
      byName |= !c.trace().answers().isEmpty();
      for (Answer a : c.trace().answers()) {
        services |= a.query().isService();
        nat64 |= a.isNat64Discovery();
      }
    }
    s.append("<p class=\"chart-note\">").append(group >= traces.size() && traces.size() > 1
        ? "All on one time axis, so that lengths compare; each one's time is beside its name."
        : group == 1 ? "Each on its own time axis." : "Each " + group + " in a row on one time axis.")
        .append(" Bars: green connected; red failed or timed out; grey closed because another attempt won or the "
            + "connect ended.").append(byName ? DnsMarks.caption(services, nat64) : "")
        .append(services ? " \u2605 an endpoint of an HTTPS record (its tooltip names the record)." : "")
        .append("</p>\n");
  }
}
