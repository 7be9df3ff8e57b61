package io.github.connectbylist.lab;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.Addresses;
import io.github.connectbylist.api.Attempt;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A self-contained HTML report: for each scenario, a CDF of time-to-connect per strategy (log time axis;
 * a curve that stops short of 1 is the share that failed) and the timeline of the first run's connect per
 * strategy; for each session, the median time-to-connect of each connect number per strategy, and a table
 * of first and later connects. Plain SVG, no scripts, no network: it opens from disk anywhere. Its timelines
 * also draw a real client's run beside its model's ({@link #timelines}).
 */
public final class HtmlReport {
  private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2",
      "#17becf"};
  /** Dashes tell apart curves that lie on top of each other, as they do when strategies behave alike. */
  private static final String[] DASHES = {"", "9 4", "3 3", "12 4 3 4", "1 3", "6 2", "15 5", "4 8"};
  private static final int W = 720;
  private static final int H = 300;
  private static final int LEFT = 60;
  private static final int RIGHT = 20;
  private static final int TOP = 20;
  private static final int BOTTOM = 40;

  private HtmlReport() {}

  static String render(Results results) {
    return render(results, List.of());
  }

  static String render(Results results, List<LazyEye.Row> conformance) {
    Experiment e = results.experiment();
    StringBuilder s = new StringBuilder();
    s.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>ConnectByList lab: ")
        .append(esc(e.name())).append("</title>\n<style>body{font-family:sans-serif;max-width:980px;margin:2em auto;"
            + "color:#222}table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 6px;"
            + "text-align:right}td:first-child,th:first-child{text-align:left}svg{background:#fff;border:1px solid #ddd}"
            + ".legend span{display:inline-block;margin-right:1.2em;font-size:13px}.legend svg{border:none}</style></head><body>\n");
    s.append("<h1>ConnectByList lab: ").append(esc(e.name())).append("</h1>\n<p>")
        .append(e.runs()).append(" simulated connects per strategy and scenario, seed ").append(e.seed())
        .append(", deadline ").append(e.deadline().toMillis()).append(" ms. Strategies are <code>ranker/scheduler</code>; "
            + "the orchestrator and strategies are the library's own, run under a virtual clock.")
        .append(results.sessions().isEmpty() ? "" : " Below the scenarios: <a href=\"#sessions\">sessions</a>, "
            + "simulated clients that make many connects with one history.")
        .append(e.sweeps().isEmpty() ? "" : " <a href=\"#sweeps\">Sweeps</a> are plotted after the scenarios.")
        .append("</p>\n");
    if (!conformance.isEmpty()) {
      conformance(s, conformance);
    }
    for (Map.Entry<String, List<Results.Cell>> entry : results.byScenario().entrySet()) {
      List<Results.Cell> cells = new java.util.ArrayList<>();
      for (Results.Cell c : entry.getValue()) {
        if (e.sweeps().isEmpty() || e.strategies().contains(c.strategy())) {
          cells.add(c); // a sweep's strategies are in its plot, not in every scenario's
        }
      }
      if (cells.isEmpty()) {
        continue;
      }
      s.append("<h2 id=\"").append(esc(entry.getKey())).append("\">").append(esc(entry.getKey())).append("</h2>\n<p>")
          .append(esc(cells.get(0).scenario().description())).append("</p>\n");
      List<String> names = new java.util.ArrayList<>();
      cells.forEach(c -> names.add(c.strategy()));
      legend(s, names);
      cdf(s, cells);
      table(s, cells);
      if (hasHttps(cells.get(0).scenario())) {
        httpsNote(s, cells);
      }
      s.append("<h3>Timeline of run 0</h3>\n");
      timeline(s, cells);
    }
    if (!e.sweeps().isEmpty()) {
      sweeps(s, results);
    }
    if (!results.sessions().isEmpty()) {
      s.append("<h1 id=\"sessions\">Sessions</h1>\n<p>").append(e.sessionRuns()).append(" simulated clients per "
          + "strategy and session; each client keeps one history through its connects. Time to connect by connect "
          + "number: the median and the 90th percentile across clients (a point at the top means that more than "
          + "half, or more than a tenth, failed), on one scale.</p>\n");
      for (Map.Entry<String, List<Results.SessionCell>> entry : bySession(results).entrySet()) {
        List<Results.SessionCell> cells = entry.getValue();
        s.append("<h2 id=\"").append(esc(entry.getKey())).append("\">").append(esc(entry.getKey())).append("</h2>\n<p>")
            .append(esc(cells.get(0).session().description())).append("</p>\n");
        List<String> names = new java.util.ArrayList<>();
        cells.forEach(c -> names.add(c.strategy()));
        legend(s, names);
        byConnect(s, cells, 50);
        byConnect(s, cells, 90);
        sessionTable(s, cells);
      }
    }
    s.append("</body></html>\n");
    return s.toString();
  }

  private static Map<String, List<Results.SessionCell>> bySession(Results results) {
    Map<String, List<Results.SessionCell>> map = new java.util.LinkedHashMap<>();
    results.sessions().forEach(c -> map.computeIfAbsent(c.session().name(), k -> new java.util.ArrayList<>()).add(c));
    return map;
  }

  /**
   * A percentile of time-to-connect at each connect number, one line per strategy, on a log time axis that
   * the median's chart and the p90's share, so that the two read against each other.
   */
  private static void byConnect(StringBuilder s, List<Results.SessionCell> cells, int percentile) {
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
    double[] decades = decades(min, max);
    double lo = decades[0];
    double hi = decades[1];
    openSvg(s, "session");
    for (int decade = (int) lo; decade <= (int) hi; decade++) {
      double y = H - BOTTOM - (decade - lo) / (hi - lo) * (H - TOP - BOTTOM);
      s.append(line(LEFT, y, W - RIGHT, y, "#eee")).append(text(LEFT - 6, y + 4, tick(decade), "end"));
    }
    int step = connects <= 20 ? 1 : 5;
    for (int k = 1; k <= connects; k++) {
      if (k == 1 || k % step == 0) {
        double x = connectX(k, connects);
        s.append(line(x, TOP, x, H - BOTTOM, "#f4f4f4")).append(text(x, H - BOTTOM + 16, String.valueOf(k), "middle"));
      }
    }
    s.append(text((LEFT + W - RIGHT) / 2.0, H - 6, "connect number", "middle"));
    s.append(text(LEFT + 6, TOP + 12, (percentile == 50 ? "median" : "p" + percentile)
        + " time to connect (ms, log scale)", "start"));
    for (int i = 0; i < cells.size(); i++) {
      StringBuilder points = new StringBuilder();
      for (int k = 1; k <= connects; k++) {
        double v = cells.get(i).millisAt(k, percentile);
        double y = Double.isNaN(v) ? TOP : H - BOTTOM - (Math.log10(Math.max(v, Math.pow(10, lo))) - lo) / (hi - lo)
            * (H - TOP - BOTTOM);
        points.append(k == 1 ? "" : " ").append(fmt(connectX(k, connects))).append(',').append(fmt(y));
      }
      s.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(color(i))
          .append("\" stroke-dasharray=\"").append(DASHES[i % DASHES.length]).append("\" points=\"")
          .append(points).append("\"/>");
    }
    s.append("</svg>\n");
  }

  /** The powers of ten that a log axis from {@code min} to {@code max} milliseconds spans: at least one decade. */
  private static double[] decades(double min, double max) {
    double lo = Math.floor(Math.log10(Math.max(min, 0.001)));
    double hi = Math.ceil(Math.log10(max * 1.01));
    return new double[] {lo, hi <= lo ? lo + 1 : hi};
  }

  private static void openSvg(StringBuilder s, String cssClass) {
    s.append("<svg class=\"").append(cssClass).append("\" width=\"").append(W).append("\" height=\"").append(H)
        .append("\" viewBox=\"0 0 ").append(W).append(' ').append(H).append("\" xmlns=\"http://www.w3.org/2000/svg\">");
  }

  private static double connectX(int k, int connects) {
    return LEFT + (connects == 1 ? 0.5 : (k - 1) / (double) (connects - 1)) * (W - LEFT - RIGHT);
  }

  private static void sessionTable(StringBuilder s, List<Results.SessionCell> cells) {
    boolean recovery = cells.get(0).session().recovery() != null;
    s.append("<table><tr><th>strategy</th><th>first connect p50 ms</th><th>later p50 ms</th><th>later p90 ms</th>"
        + "<th>later p99 ms</th>").append(recovery ? "<th>connects until used again</th>" : "").append("</tr>\n");
    for (Results.SessionCell c : cells) {
      s.append("<tr><td>").append(esc(c.strategy())).append("</td><td>").append(ms(c.millisAt(1, 50)))
          .append("</td><td>").append(ms(c.pooledMillis(2, 50))).append("</td><td>").append(ms(c.pooledMillis(2, 90)))
          .append("</td><td>").append(ms(c.pooledMillis(2, 99))).append("</td>");
      if (recovery) {
        double n = c.connectsUntilRecovered();
        s.append("<td>").append(Double.isNaN(n) ? "never" : String.format(Locale.ROOT, "%.0f", n)).append("</td>");
      }
      s.append("</tr>\n");
    }
    s.append("</table>\n<p style=\"font-size:12px\">Later: connects 2 to ").append(cells.get(0).session().connects())
        .append(" of every client, pooled.").append(recovery ? " Used again: connects from the recovery on until one "
            + "is won over the recovered family (median across clients)." : "").append("</p>\n");
  }

  private static void legend(StringBuilder s, List<String> strategies) {
    s.append("<div class=\"legend\">");
    for (int i = 0; i < strategies.size(); i++) {
      s.append("<span><svg width=\"28\" height=\"10\"><line x1=\"0\" y1=\"5\" x2=\"28\" y2=\"5\" stroke-width=\"2\" stroke=\"")
          .append(color(i)).append("\" stroke-dasharray=\"").append(DASHES[i % DASHES.length]).append("\"/></svg> ")
          .append(esc(strategies.get(i))).append("</span>");
    }
    s.append("</div>\n");
  }

  private static void cdf(StringBuilder s, List<Results.Cell> cells) {
    double min = Double.MAX_VALUE;
    double max = 0;
    for (Results.Cell c : cells) {
      for (double[] p : ResultsWriter.cdf(c)) {
        min = Math.min(min, p[0]);
        max = Math.max(max, p[0]);
      }
    }
    if (max == 0) {
      s.append("<p>No run connected.</p>\n");
      return;
    }
    double[] decades = decades(min, max);
    double lo = decades[0];
    double hi = decades[1];
    openSvg(s, "cdf");
    for (int decade = (int) lo; decade <= (int) hi; decade++) {
      double x = x(decade, lo, hi);
      s.append(line(x, TOP, x, H - BOTTOM, "#eee")).append(text(x, H - BOTTOM + 16, tick(decade), "middle"));
    }
    for (int q = 0; q <= 4; q++) {
      double y = y(q / 4.0);
      s.append(line(LEFT, y, W - RIGHT, y, "#eee")).append(text(LEFT - 6, y + 4, String.format(Locale.ROOT, "%.2f", q / 4.0), "end"));
    }
    s.append(text((LEFT + W - RIGHT) / 2.0, H - 6, "time to connect (ms, log scale)", "middle"));
    s.append(text(LEFT + 6, TOP + 12, "fraction of runs connected", "start"));
    for (int i = 0; i < cells.size(); i++) {
      StringBuilder points = new StringBuilder();
      double lastY = y(0);
      points.append(fmt(LEFT)).append(',').append(fmt(lastY));
      for (double[] p : ResultsWriter.cdf(cells.get(i))) {
        double px = x(Math.log10(Math.max(p[0], Math.pow(10, lo))), lo, hi);
        points.append(' ').append(fmt(px)).append(',').append(fmt(lastY));
        lastY = y(p[1]);
        points.append(' ').append(fmt(px)).append(',').append(fmt(lastY));
      }
      points.append(' ').append(fmt(W - RIGHT)).append(',').append(fmt(lastY));
      s.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(color(i))
          .append("\" stroke-dasharray=\"").append(DASHES[i % DASHES.length]).append("\" points=\"")
          .append(points).append("\"/>");
    }
    s.append("</svg>\n");
  }

  private static boolean hasHttps(Scenario scenario) {
    return scenario.resolution() != null && scenario.resolution().hasHttps();
  }

  private static void table(StringBuilder s, List<Results.Cell> cells) {
    boolean https = hasHttps(cells.get(0).scenario());
    s.append("<table><tr><th>strategy</th><th>connected</th><th>failed</th><th>p50 ms</th><th>p90 ms</th>"
        + "<th>p99 ms</th><th>attempts/connect</th><th>wasted/connect</th>")
        .append(https ? "<th>HTTPS records</th>" : "").append("</tr>\n");
    for (Results.Cell c : cells) {
      s.append("<tr><td>").append(esc(c.strategy())).append("</td><td>").append(c.connected()).append("</td><td>")
          .append(c.failed()).append("</td><td>").append(ms(c.percentileMillis(50))).append("</td><td>")
          .append(ms(c.percentileMillis(90))).append("</td><td>").append(ms(c.percentileMillis(99)))
          .append("</td><td>").append(String.format(Locale.ROOT, "%.2f", c.meanAttempts())).append("</td><td>")
          .append(String.format(Locale.ROOT, "%.2f", c.meanWasted())).append("</td>");
      if (https) {
        s.append(ServiceRecords.asked(c.strategy()) ? "<td>asked</td>"
            : "<td style=\"color:#777\">not asked: client model</td>");
      }
      s.append("</tr>\n");
    }
    s.append("</table>\n<p style=\"font-size:12px\">Curves of strategies that behave alike lie on top of each "
        + "other; the dashes and this table tell them apart. A curve that ends below 1 is the share of runs that "
        + "failed.</p>\n");
  }

  /**
   * Under the table of a scenario with HTTPS records: which strategies asked for them, and for each client model
   * that did not, what its client does with HTTPS records (its model's {@code httpsRecords}).
   */
  private static void httpsNote(StringBuilder s, List<Results.Cell> cells) {
    s.append("<p style=\"font-size:12px\">HTTPS records: this library's strategies connect by name with the service "
        + "<code>https</code> and use the records' endpoints as RFC 9460 says. The client models connect without it: "
        + "they model clients that do not use this library's endpoint logic, so their rows show a connect to the "
        + "name's AAAA and A addresses only. What each client does with HTTPS records:</p>\n<ul style=\"font-size:12px\">");
    for (Results.Cell c : cells) {
      if (!ServiceRecords.asked(c.strategy())) {
        s.append("<li><code>").append(esc(c.strategy())).append("</code>: ").append(esc(ServiceRecords.note(c.strategy())))
            .append("</li>");
      }
    }
    s.append("</ul>\n");
  }

  /**
   * Run 0 of each strategy, each on its own time axis: a connect of 300 ms next to one of 10 s would
   * otherwise be a few pixels wide. The axis's end is written under each, so lengths are read from the ticks,
   * not compared across strategies.
   */
  private static void timeline(StringBuilder s, List<Results.Cell> cells) {
    List<LabeledTrace> traces = new java.util.ArrayList<>();
    Scenario scenario = cells.get(0).scenario();
    for (Results.Cell c : cells) {
      boolean without = hasHttps(scenario) && !ServiceRecords.asked(c.strategy());
      traces.add(new LabeledTrace(c.strategy() + (without ? " (no HTTPS query)" : ""), c.runs().get(0)));
    }
    timelines(s, traces, 1, scenario.resolution());
  }

  /**
   * A connect drawn under a name: a simulated run, or a real client's run read from a packet log.
   *
   * @param label what the row is called
   * @param trace the connect
   */
  public record LabeledTrace(String label, Trace trace) {}

  /**
   * Connects as timelines, each on its own time axis, as the lab's report draws run 0 of each strategy: for
   * pages that put a real client's run beside its model's.
   *
   * @param traces the connects, in the order drawn
   * @return an SVG element and its caption, HTML
   */
  public static String timelines(List<LabeledTrace> traces) {
    return timelines(traces, 1);
  }

  /**
   * Connects as timelines, each run of {@code group} in a row on one time axis: a real client's run and its
   * model's, drawn to one scale, so that equal lengths are equal times.
   *
   * @param traces the connects, in the order drawn
   * @param group how many consecutive connects share an axis, 1 or more
   * @return an SVG element and its caption, HTML
   */
  public static String timelines(List<LabeledTrace> traces, int group) {
    if (group < 1) {
      throw new IllegalArgumentException("group " + group + ": give 1 or more");
    }
    StringBuilder s = new StringBuilder();
    timelines(s, traces, group, null);
    return s.toString();
  }

  private static double endMs(Trace t) {
    double end = Math.max(1, t.elapsedNanos() / 1e6);
    for (Attempt a : t.attempts()) {
      end = Math.max(end, a.endedAt().toNanos() / 1e6);
    }
    for (io.github.connectbylist.api.Answer a : t.answers()) {
      end = Math.max(end, a.at().toNanos() / 1e6);
    }
    return end;
  }

  /**
   * The timelines; {@code resolution}, when the traces are a scenario's, tells a lost query's failure at the
   * resolver's timeout from an answer the server sent.
   */
  private static void timelines(StringBuilder s, List<LabeledTrace> cells, int group, Resolution resolution) {
    int rowHeight = 16;
    int rows = 0;
    for (LabeledTrace c : cells) {
      rows += Math.max(1, c.trace().attempts().size()) + 3; // name, attempts, axis, gap
    }
    int height = TOP + rows * rowHeight;
    int left = 260;
    s.append("<svg class=\"timeline\" width=\"").append(W).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ")
        .append(W).append(' ').append(height).append("\" xmlns=\"http://www.w3.org/2000/svg\">");
    int row = 0;
    for (int i = 0; i < cells.size(); i++) {
      LabeledTrace cell = cells.get(i);
      Trace t = cell.trace();
      double end = 1;
      for (int j = i - i % group; j < Math.min(cells.size(), i - i % group + group); j++) {
        end = Math.max(end, endMs(cells.get(j).trace()));
      }
      double step = niceStep(end);
      end = Math.ceil(end / step - 1e-9) * step;
      double scale = (W - RIGHT - left) / end;
      double y0 = TOP + row * rowHeight;
      s.append("<text x=\"4\" y=\"").append(fmt(y0 + 12)).append("\" font-size=\"12\" font-weight=\"bold\">")
          .append(esc(cell.label() + (t.connected() ? "" : " (" + t.failure() + ")"))).append("</text>");
      answerMarks(s, t, resolution, left, scale, y0);
      row++;
      int firstRow = row;
      int lastRow = firstRow + Math.max(1, t.attempts().size());
      double axisY = TOP + lastRow * rowHeight + 4;
      s.append(line(left, axisY, W - RIGHT, axisY, "#888"));
      for (double v = 0; v <= end + 1e-9; v += step) { // the grid first, so the bars lie over it
        double x = left + v * scale;
        s.append(line(x, TOP + firstRow * rowHeight, x, axisY + 3, "#eee"))
            .append(text(x, axisY + 14, tickLabel(v) + (v + step > end + 1e-9 ? " ms" : ""), v == 0 ? "start" : "middle"));
      }
      for (Attempt a : t.attempts()) {
        double y = TOP + row * rowHeight;
        double x1 = left + a.startedAt().toNanos() / 1e6 * scale;
        double x2 = left + a.endedAt().toNanos() / 1e6 * scale;
        String fill = a.connected() ? "#2ca02c" : a.failure() == io.github.connectbylist.api.FailureKind.CANCELLED
            ? "#bbbbbb" : "#d62728";
        AddressPair pair = a.pair(); // a record's endpoint is starred; the tooltip says which record
        String to = Addresses.format(pair.destination().getAddress(), pair.destination().getPort());
        s.append("<text x=\"").append(fmt(left - 6)).append("\" y=\"").append(fmt(y + 12))
            .append("\" font-size=\"11\" text-anchor=\"end\">")
            .append(esc((pair.source() == null ? "*" : Addresses.text(pair.source().address())) + " -> " + to
                + (pair.service() != null ? " \u2605" : "")))
            .append("<title>").append(esc(pair.toString())).append("</title></text>");
        s.append("<rect x=\"").append(fmt(x1)).append("\" y=\"").append(fmt(y + 3)).append("\" width=\"")
            .append(fmt(Math.max(1, x2 - x1))).append("\" height=\"10\" fill=\"").append(fill)
            .append("\"><title>").append(esc(a.toString())).append("</title></rect>");
        row++;
      }
      row = lastRow;
      row += 2;
    }
    boolean byName = false;
    boolean services = false;
    boolean nat64 = false;
    for (LabeledTrace c : cells) {
      byName |= !c.trace().answers().isEmpty();
      for (io.github.connectbylist.api.Answer a : c.trace().answers()) {
        services |= a.query().isService();
        nat64 |= a.isNat64Discovery();
      }
    }
    s.append("</svg>\n<p style=\"font-size:12px\">").append(group == 1 ? "Each strategy on its own time axis."
        : "Each " + group + " in a row on one time axis.").append(" green: connected; red: failed "
        + "or timed out; grey: closed because another attempt won or the connect ended.").append(byName ? " Marks "
        + "on a strategy's line: when each DNS answer of its connect by name came, blue for AAAA and A"
        + (services ? ", purple for HTTPS, teal for a record's target (its name first)" : "")
        + (nat64 ? ", orange for the NAT64 prefix's discovery (ipv4only.arpa, RFC 7050)" : "") + "; \u2205 an answer "
        + "without addresses or records, \u2717 and dashed an NXDOMAIN or SERVFAIL, grey dotted \"lost\" a query never "
        + "answered, marked where the resolver gave up." : "").append(services ? " \u2605 an endpoint of an HTTPS "
        + "record (its tooltip names the record)." : "").append("</p>\n");
  }

  /** Purple: an HTTPS or SVCB answer. */
  private static final String HTTPS_COLOR = "#9467bd";
  /** Orange: the AAAA answer of RFC 7050's discovery, which shows a network's NAT64 prefix. */
  private static final String NAT64_COLOR = "#ff7f0e";
  /** Teal: an address answer of a record's target name. */
  private static final String TARGET_COLOR = "#17becf";

  /**
   * The marks of a connect's answers on its name row: a line at the time each came and a label beside it, moved
   * right past the one before when they would overlap. An answer of the name's AAAA and A is blue, an HTTPS answer
   * purple, a target's teal with the target's first label; an empty one is marked \u2205, a failure (NXDOMAIN,
   * SERVFAIL) \u2717 with a dashed line, and a lost query, which fails only when the resolver gives up, grey and dotted
   * with "lost", so that it does not look like an answer.
   */
  private static void answerMarks(StringBuilder s, Trace t, Resolution resolution, double left, double scale,
      double y0) {
    String name = null; // the connect's name: an HTTPS answer's; a target is any other name
    for (io.github.connectbylist.api.Answer a : t.answers()) {
      if (a.query().isService()) {
        name = a.host();
        break;
      }
    }
    if (name == null && resolution != null) {
      name = resolution.name();
    }
    StringBuilder labels = new StringBuilder(); // drawn after every line, on a white halo, so lines never cross them
    double labelsEnd = 0;
    for (io.github.connectbylist.api.Answer answer : t.answers()) {
      boolean discovery = answer.isNat64Discovery();
      if (discovery && !answer.query().coversIpv6()) {
        continue; // its A answer is the well-known address itself: the AAAA answer is the one that tells
      }
      double x = left + answer.at().toNanos() / 1e6 * scale;
      boolean lost = resolution != null && resolution.lost(answer);
      boolean target = !discovery && name != null && !answer.query().isService() && !answer.host().equalsIgnoreCase(name);
      String color = lost ? "#999999" : discovery ? NAT64_COLOR : answer.query().isService() ? HTTPS_COLOR
          : target ? TARGET_COLOR : "#1f77b4";
      String label = (discovery ? "NAT64 " : target ? answer.host().split("\\.")[0] + " " : "") + answer.query()
          + (lost ? " lost" : answer.failed() ? "\u2717" : answer.addresses().isEmpty() && answer.services().isEmpty()
              ? "\u2205" : "");
      String title = lost ? answer.query() + " " + answer.host() + ": never answered; the resolver gave up at "
          + fmt(answer.at().toNanos() / 1e6) + " ms" : answer.toString();
      s.append("<line x1=\"").append(fmt(x)).append("\" y1=\"").append(fmt(y0 + 2)).append("\" x2=\"").append(fmt(x))
          .append("\" y2=\"").append(fmt(y0 + 14)).append("\" stroke=\"").append(color).append('"')
          .append(lost ? " stroke-dasharray=\"1 2\"" : answer.failed() ? " stroke-dasharray=\"3 2\"" : "")
          .append(lost || answer.failed() ? "" : " stroke-width=\"2\"").append("/>");
      double lx = Math.max(x + 2, labelsEnd + 5);
      labels.append("<text x=\"").append(fmt(lx)).append("\" y=\"").append(fmt(y0 + 11))
          .append("\" font-size=\"9\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\" fill=\"")
          .append(color).append("\"").append(lost ? " font-style=\"italic\"" : "").append('>').append(esc(label))
          .append("<title>").append(esc(title)).append("</title></text>");
      labelsEnd = lx + label.length() * 6.2;
    }
    s.append(labels);
  }

  /** A step of 1, 2 or 5 times a power of ten that cuts {@code end} into four to ten pieces. */
  static double niceStep(double end) {
    double raw = end / 5;
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    double unit = raw / power;
    return (unit < 1.5 ? 1 : unit < 3.5 ? 2 : unit < 7.5 ? 5 : 10) * power;
  }

  /** Each sweep: its metric against the option's value, one line per scenario, on a linear scale. */
  private static void sweeps(StringBuilder s, Results results) {
    s.append("<h1 id=\"sweeps\">Sweeps</h1>\n");
    for (Sweep sweep : results.experiment().sweeps()) {
      Map<String, List<Results.Cell>> byScenario = results.byScenario();
      List<String> scenarios = new java.util.ArrayList<>(byScenario.keySet());
      double[][] values = new double[scenarios.size()][sweep.values().size()];
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
            max = Math.max(max, v);
          }
        }
      }
      double xMin = Sweep.numeric(sweep.values().get(0));
      double xMax = Sweep.numeric(sweep.values().get(sweep.values().size() - 1));
      if (xMax == xMin) {
        xMax = xMin + 1;
      }
      double yStep = niceStep(max == 0 ? 1 : max);
      double yMax = Math.ceil((max == 0 ? 1 : max) / yStep - 1e-9) * yStep;
      s.append("<h2>").append(esc(sweep.metric())).append(" against ").append(esc(sweep.option())).append("</h2>\n<p><code>")
          .append(esc(sweep.template())).append("</code>, ").append(sweep.values().size()).append(" values; ")
          .append(esc(metricLabel(sweep.metric()))).append(". Points missing where every run failed.</p>\n");
      legend(s, scenarios);
      openSvg(s, "sweep");
      for (double v = 0; v <= yMax + 1e-9; v += yStep) {
        double y = H - BOTTOM - v / yMax * (H - TOP - BOTTOM);
        s.append(line(LEFT, y, W - RIGHT, y, "#eee")).append(text(LEFT - 6, y + 4, tickLabel(v), "end"));
      }
      double xStep = niceStep(xMax - xMin);
      for (double v = Math.ceil(xMin / xStep) * xStep; v <= xMax + 1e-9; v += xStep) {
        double x = LEFT + (v - xMin) / (xMax - xMin) * (W - LEFT - RIGHT);
        s.append(line(x, TOP, x, H - BOTTOM, "#eee")).append(text(x, H - BOTTOM + 16, tickLabel(v), "middle"));
      }
      s.append(text((LEFT + W - RIGHT) / 2.0, H - 6, sweep.option() + (sweep.valuesAreDurations() ? " (ms)" : ""), "middle"));
      s.append(text(LEFT + 6, TOP - 6, metricLabel(sweep.metric()), "start")); // above the top grid line
      for (int i = 0; i < scenarios.size(); i++) {
        StringBuilder points = new StringBuilder();
        for (int j = 0; j < sweep.values().size(); j++) {
          if (Double.isNaN(values[i][j])) {
            continue;
          }
          double x = LEFT + (Sweep.numeric(sweep.values().get(j)) - xMin) / (xMax - xMin) * (W - LEFT - RIGHT);
          double y = H - BOTTOM - values[i][j] / yMax * (H - TOP - BOTTOM);
          points.append(points.length() == 0 ? "" : " ").append(fmt(x)).append(',').append(fmt(y));
          s.append("<circle cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y)).append("\" r=\"2.5\" fill=\"")
              .append(color(i)).append("\"><title>").append(esc(scenarios.get(i) + ", " + sweep.option() + "="
                  + sweep.values().get(j) + ": " + ms(values[i][j]))).append("</title></circle>");
        }
        s.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(color(i))
            .append("\" stroke-dasharray=\"").append(DASHES[i % DASHES.length]).append("\" points=\"")
            .append(points).append("\"/>");
      }
      s.append("</svg>\n");
    }
  }

  /** A tick's value with no more digits than it has: 0, 250, 2.5, 0.05. */
  private static String tickLabel(double v) {
    String t = String.format(Locale.ROOT, "%.3f", v);
    t = t.replaceAll("0+$", "");
    return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
  }

  private static String metricLabel(String metric) {
    return switch (metric) {
      case "p50", "p90", "p99" -> metric + " time to connect (ms)";
      case "failures" -> "connects that failed (%)";
      case "wasted" -> "wasted attempts per connect";
      default -> "attempts per connect";
    };
  }

  /** The Lazy Eye table, with the paper's rows in italics. */
  static void conformance(StringBuilder s, List<LazyEye.Row> rows) {
    s.append("<h1 id=\"lazy-eye\">Lazy Eye test cases</h1>\n<p>The test cases of Sattler et al., \"Lazy Eye "
        + "Inspection\" (IMC 2025), simulated: IPv6 delayed 0-400 ms in 5 ms steps (connection attempt delay), AAAA "
        + "delayed 0-1,000 ms in 10 ms steps (resolution delay), ten addresses per family each 30 s slow (addresses "
        + "used). Rows in italics are the paper's measurements of real clients.</p>\n<table><tr><th>strategy</th>"
        + "<th>connection attempt delay</th><th>IPv6 first</th><th>resolution delay</th><th>addresses used (v4/v6)</th>"
        + "</tr>\n");
    for (LazyEye.Row r : rows) {
      boolean paper = !r.model().isEmpty() || r.strategy().endsWith("(paper)");
      String open = paper ? "<td><i>" : "<td>";
      String close = paper ? "</i></td>" : "</td>";
      s.append(paper ? "<tr style=\"background:#f2f2f2\">" : "<tr>");
      for (String cell : List.of(r.strategy(), r.connectionAttemptDelay(), r.ipv6First(), r.resolutionDelay(),
          r.addressesUsed())) {
        s.append(open).append(esc(cell)).append(close);
      }
      s.append("</tr>\n");
    }
    s.append("</table>\n");
  }

  private static double x(double log, double lo, double hi) {
    return LEFT + (log - lo) / (hi - lo) * (W - LEFT - RIGHT);
  }

  private static double y(double fraction) {
    return H - BOTTOM - fraction * (H - TOP - BOTTOM);
  }

  private static String tick(int decade) {
    double v = Math.pow(10, decade);
    return v >= 1 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%s", v);
  }

  private static String line(double x1, double y1, double x2, double y2, String color) {
    return "<line x1=\"" + fmt(x1) + "\" y1=\"" + fmt(y1) + "\" x2=\"" + fmt(x2) + "\" y2=\"" + fmt(y2)
        + "\" stroke=\"" + color + "\"/>";
  }

  private static String text(double x, double y, String text, String anchor) {
    return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" font-size=\"11\" text-anchor=\"" + anchor + "\">"
        + esc(text) + "</text>";
  }

  private static String color(int i) {
    return COLORS[i % COLORS.length];
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String ms(double v) {
    return Double.isNaN(v) ? "-" : v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
  }

  /**
   * Text made safe for HTML, in an element or an attribute.
   *
   * @param text the text
   * @return the text with {@code & < > "} escaped
   */
  public static String esc(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
