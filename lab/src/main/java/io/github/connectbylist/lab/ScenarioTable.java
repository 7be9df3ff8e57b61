package io.github.connectbylist.lab;

import java.util.List;
import java.util.Locale;

/**
 * A scenario's table, one row per strategy, the numbers its CDF is drawn from; and, for a scenario with HTTPS
 * records, who asked for them and what each modelled client does with them.
 */
final class ScenarioTable {
  private ScenarioTable() {}

  static boolean hasHttps(Scenario scenario) {
    return scenario.resolution() != null && scenario.resolution().hasHttps();
  }

  static void render(StringBuilder s, List<Results.Cell> cells) {
    boolean https = hasHttps(cells.get(0).scenario());
    s.append("<table><tr><th>strategy</th><th>connected</th><th>failed</th><th>p50 ms</th><th>p90 ms</th>"
        + "<th>p99 ms</th><th>attempts/connect</th><th>wasted/connect</th>")
        .append(https ? "<th>HTTPS records</th>" : "").append("</tr>\n");
    for (Results.Cell c : cells) {
      s.append("<tr><td>").append(Svg.esc(c.strategy())).append("</td><td>").append(c.connected()).append("</td><td>")
          .append(c.failed()).append("</td><td>").append(Svg.ms(c.percentileMillis(50))).append("</td><td>")
          .append(Svg.ms(c.percentileMillis(90))).append("</td><td>").append(Svg.ms(c.percentileMillis(99)))
          .append("</td><td>").append(String.format(Locale.ROOT, "%.2f", c.meanAttempts())).append("</td><td>")
          .append(String.format(Locale.ROOT, "%.2f", c.meanWasted())).append("</td>");
      if (https) {
        s.append(ServiceRecords.asked(c.strategy()) ? "<td>asked</td>"
            : "<td style=\"color:#777\">not asked: client model</td>");
      }
      s.append("</tr>\n");
    }
    s.append("</table>\n");
    if (https) {
      httpsNote(s, cells);
    }
  }

  /**
   * Which strategies asked for HTTPS records, and for each client model that did not, what its client does with
   * them (its model's {@code httpsRecords}).
   */
  private static void httpsNote(StringBuilder s, List<Results.Cell> cells) {
    s.append("<p style=\"font-size:12px\">HTTPS records: this library's strategies connect by name with the service "
        + "<code>https</code> and use the records' endpoints as RFC 9460 says. The client models connect without it: "
        + "they model clients that do not use this library's endpoint logic, so their rows show a connect to the "
        + "name's AAAA and A addresses only. What each client does with HTTPS records:</p>\n<ul style=\"font-size:12px\">");
    for (Results.Cell c : cells) {
      if (!ServiceRecords.asked(c.strategy())) {
        s.append("<li><code>").append(Svg.esc(c.strategy())).append("</code>: ")
            .append(Svg.esc(ServiceRecords.note(c.strategy()))).append("</li>");
      }
    }
    s.append("</ul>\n");
  }
}
