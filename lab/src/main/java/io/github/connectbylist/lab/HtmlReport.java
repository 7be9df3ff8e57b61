package io.github.connectbylist.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A self-contained HTML report: a table of contents; for each scenario, a CDF of time-to-connect per strategy
 * ({@link CdfChart}), a table, and the timelines of the first run's connect of every strategy on one time axis
 * ({@link TimelineChart}); each sweep's metric against its value ({@link SweepChart}); for each session, the
 * median and p90 time-to-connect by connect number ({@link SessionChart}) and a table. Plain SVG, no scripts, no
 * network: it opens from disk anywhere. Its timelines also draw a real client's run beside its model's
 * ({@link #timelines}).
 */
public final class HtmlReport {
  private static final String STYLE = "body{font-family:sans-serif;max-width:980px;margin:2em auto;color:#222}"
      + "table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}"
      + "td:first-child,th:first-child{text-align:left}svg{background:#fff;border:1px solid #ddd}"
      + ".legend span{display:inline-block;margin-right:1.2em;font-size:13px}.legend small{color:#666}"
      + ".legend svg{border:none;vertical-align:middle}.chart-note{font-size:12px;max-width:720px}"
      + ".toc{font-size:14px;line-height:1.5}.toc ul{padding-left:1.2em;margin:.3em 0}"
      + "details summary{cursor:pointer;font-size:13px;margin:.4em 0}";

  private HtmlReport() {}

  static String render(Results results) {
    return render(results, List.of());
  }

  static String render(Results results, List<LazyEye.Row> conformance) {
    Experiment e = results.experiment();
    Contents contents = new Contents();
    StringBuilder body = new StringBuilder();
    if (!conformance.isEmpty()) {
      body.append(contents.heading(1, "lazy-eye", "Lazy Eye test cases"));
      conformanceTable(body, conformance);
    }
    scenarios(body, results, contents);
    if (!e.sweeps().isEmpty()) {
      body.append(contents.heading(1, "sweeps", "Sweeps"));
      for (Sweep sweep : e.sweeps()) {
        body.append(contents.heading(2, sweep.metric() + " against " + sweep.option()));
        SweepChart.render(body, sweep, results);
      }
    }
    if (!results.sessions().isEmpty()) {
      sessions(body, results, contents);
    }
    StringBuilder s = new StringBuilder();
    s.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>ConnectByList lab: ")
        .append(esc(e.name())).append("</title>\n<style>").append(STYLE).append("</style></head><body>\n");
    s.append("<h1>ConnectByList lab: ").append(esc(e.name())).append("</h1>\n<p>")
        .append(e.runs()).append(" simulated connects per strategy and scenario, seed ").append(e.seed())
        .append(", deadline ").append(e.deadline().toMillis()).append(" ms. Strategies are <code>ranker/scheduler</code>; "
            + "the orchestrator and strategies are the library's own, run under a virtual clock.")
        .append(results.sessions().isEmpty() ? "" : " Sessions are simulated clients that make many connects with "
            + "one history.")
        .append("</p>\n").append(contents.html()).append(body).append("</body></html>\n");
    return s.toString();
  }

  private static void scenarios(StringBuilder s, Results results, Contents contents) {
    Experiment e = results.experiment();
    boolean any = false;
    for (Map.Entry<String, List<Results.Cell>> entry : results.byScenario().entrySet()) {
      List<Results.Cell> cells = new ArrayList<>();
      for (Results.Cell c : entry.getValue()) {
        if (e.sweeps().isEmpty() || e.strategies().contains(c.strategy())) {
          cells.add(c); // a sweep's strategies are in its plot, not in every scenario's
        }
      }
      if (cells.isEmpty()) {
        continue;
      }
      if (!any) {
        s.append(contents.heading(1, "scenarios", "Scenarios"));
        any = true;
      }
      Scenario scenario = cells.get(0).scenario();
      s.append(contents.heading(2, entry.getKey())).append("<p>").append(esc(scenario.description())).append("</p>\n");
      CdfChart.render(s, cells);
      ScenarioTable.render(s, cells);
      s.append("<h3>Timeline of run 0</h3>\n");
      List<LabeledTrace> traces = new ArrayList<>();
      for (Results.Cell c : cells) {
        boolean without = ScenarioTable.hasHttps(scenario) && !ServiceRecords.asked(c.strategy());
        traces.add(new LabeledTrace(c.strategy() + (without ? " (no HTTPS query)" : ""), c.runs().get(0)));
      }
      TimelineChart.render(s, traces, traces.size(), scenario.resolution());
    }
  }

  private static void sessions(StringBuilder s, Results results, Contents contents) {
    s.append(contents.heading(1, "sessions", "Sessions")).append("<p>").append(results.experiment().sessionRuns())
        .append(" simulated clients per strategy and session; each client keeps one history through its connects. "
            + "Time to connect by connect number: the median and the 90th percentile across clients, on one scale; "
            + "a gap in a line is a connect where the percentile falls among failures.</p>\n");
    Map<String, List<Results.SessionCell>> bySession = new LinkedHashMap<>();
    results.sessions().forEach(c -> bySession.computeIfAbsent(c.session().name(), k -> new ArrayList<>()).add(c));
    for (Map.Entry<String, List<Results.SessionCell>> entry : bySession.entrySet()) {
      List<Results.SessionCell> cells = entry.getValue();
      s.append(contents.heading(2, entry.getKey())).append("<p>").append(esc(cells.get(0).session().description()))
          .append("</p>\n");
      List<String> names = new ArrayList<>();
      List<String> remarks = new ArrayList<>();
      for (Results.SessionCell c : cells) {
        names.add(c.strategy());
        remarks.add(c.connected() == 0 ? "never connected" : c.connected() == c.connects() ? ""
            : "connected in " + Svg.percent(c.connected(), c.connects()) + " of connects");
      }
      s.append(Legend.html(names, remarks));
      SessionChart.render(s, cells, 50);
      SessionChart.render(s, cells, 90);
      sessionTable(s, cells);
    }
  }

  private static void sessionTable(StringBuilder s, List<Results.SessionCell> cells) {
    boolean recovery = cells.get(0).session().recovery() != null;
    s.append("<table><tr><th>strategy</th><th>connected</th><th>first connect p50 ms</th><th>later p50 ms</th>"
        + "<th>later p90 ms</th><th>later p99 ms</th>").append(recovery ? "<th>connects until used again</th>" : "")
        .append("</tr>\n");
    for (Results.SessionCell c : cells) {
      s.append("<tr><td>").append(esc(c.strategy())).append("</td><td>").append(c.connected()).append(" / ")
          .append(c.connects()).append("</td><td>").append(Svg.ms(c.millisAt(1, 50)))
          .append("</td><td>").append(Svg.ms(c.pooledMillis(2, 50))).append("</td><td>")
          .append(Svg.ms(c.pooledMillis(2, 90))).append("</td><td>").append(Svg.ms(c.pooledMillis(2, 99))).append("</td>");
      if (recovery) {
        double n = c.connectsUntilRecovered();
        s.append("<td>").append(Double.isNaN(n) ? "never" : String.format(Locale.ROOT, "%.0f", n)).append("</td>");
      }
      s.append("</tr>\n");
    }
    s.append("</table>\n<p style=\"font-size:12px\">Connected: connects that succeeded / connects made, every client's. "
        + "Later: connects 2 to ").append(cells.get(0).session().connects())
        .append(" of every client, pooled; \"-\" where the percentile falls among failures.")
        .append(recovery ? " Used again: connects from the recovery on until one is won over the recovered family "
            + "(median across clients)." : "").append("</p>\n");
  }

  /**
   * A connect drawn under a name: a simulated run, or a real client's run read from a packet log.
   *
   * @param label what the row is called
   * @param trace the connect
   */
  public record LabeledTrace(String label, Trace trace) {}

  /**
   * Connects as timelines, each on its own time axis.
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
    TimelineChart.render(s, traces, group, null);
    return s.toString();
  }

  /** The Lazy Eye table under its heading, as a report of the table alone has it. */
  static void conformance(StringBuilder s, List<LazyEye.Row> rows) {
    s.append("<h1 id=\"lazy-eye\">Lazy Eye test cases</h1>\n");
    conformanceTable(s, rows);
  }

  /** The Lazy Eye table, with the paper's rows in italics. */
  private static void conformanceTable(StringBuilder s, List<LazyEye.Row> rows) {
    s.append("<p>The test cases of Sattler et al., \"Lazy Eye "
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

  /**
   * Text made safe for HTML, in an element or an attribute.
   *
   * @param text the text
   * @return the text with {@code & < > "} escaped
   */
  public static String esc(String text) {
    return Svg.esc(text);
  }
}
