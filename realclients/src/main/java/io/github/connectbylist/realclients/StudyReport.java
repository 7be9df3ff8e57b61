package io.github.connectbylist.realclients;

import static io.github.connectbylist.lab.HtmlReport.esc;
import static io.github.connectbylist.lab.ResultsWriter.quote;

import io.github.connectbylist.lab.HtmlReport;
import io.github.connectbylist.lab.LazyEye;
import io.github.connectbylist.lab.Trace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the study: {@code lazy-eye.csv} (one row per client and kind, {@code real} or {@code model}),
 * {@code time-to-connect.csv} (real against simulated on the delayed scenarios), and {@code report.html} with
 * the paper's rows, the real rows and the model rows side by side, and a real client's pcap-derived timeline
 * beside its model's simulated one.
 */
public final class StudyReport {
  /** How far a model may be from its client on any measured delay before the report flags it. */
  static final double TOLERANCE_MS = 5;

  private StudyReport() {}

  /**
   * Writes the three files into {@code dir}.
   *
   * @param study what the study found
   * @param dir where to write
   * @throws IOException when a file cannot be written
   */
  public static void write(RealLazyEye.Study study, Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("lazy-eye.csv"), csv(study.rows()), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("time-to-connect.csv"), connectsCsv(study.connects()), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("report.html"), html(study), StandardCharsets.UTF_8);
  }

  /**
   * The rows as CSV: {@code client,version,kind,cad_ms,cad_min_ms,cad_max_ms,rd_ms,rd_min_ms,rd_max_ms,
   * ipv6_addresses,ipv4_addresses,first_family,runs,model}; a delay that was not seen is empty.
   *
   * @param rows the rows
   * @return the text
   */
  public static String csv(List<RealLazyEye.Row> rows) {
    StringBuilder s = new StringBuilder("client,version,kind,cad_ms,cad_min_ms,cad_max_ms,rd_ms,rd_min_ms,rd_max_ms,"
        + "ipv6_addresses,ipv4_addresses,first_family,runs,model\n");
    for (RealLazyEye.Row r : rows) {
      s.append(quote(r.client())).append(',').append(quote(r.version())).append(',').append(r.kind()).append(',')
          .append(num(r.cadMs())).append(',').append(num(r.cadMinMs())).append(',').append(num(r.cadMaxMs())).append(',')
          .append(num(r.rdMs())).append(',').append(num(r.rdMinMs())).append(',').append(num(r.rdMaxMs())).append(',')
          .append(r.ipv6Addresses()).append(',').append(r.ipv4Addresses()).append(',').append(r.firstFamily())
          .append(',').append(r.runs()).append(',').append(quote(r.model())).append('\n');
    }
    return s.toString();
  }

  static String connectsCsv(List<RealLazyEye.Connect> connects) {
    StringBuilder s = new StringBuilder("client,model,scenario,real_ms,real_min_ms,real_max_ms,model_ms,"
        + "real_first_syn_ms,real_answer_to_first_syn_ms,real_from_first_syn_ms,model_first_syn_ms,"
        + "runs_other_first_family\n");
    for (RealLazyEye.Connect c : connects) {
      s.append(quote(c.client())).append(',').append(quote(c.model())).append(',').append(quote(c.scenario()))
          .append(',').append(num(c.realMs())).append(',').append(num(c.realMinMs())).append(',')
          .append(num(c.realMaxMs())).append(',').append(num(c.modelMs())).append(',')
          .append(num(c.realFirstSynMs())).append(',').append(num(c.realAnswerToSynMs())).append(',')
          .append(num(c.realFromFirstSynMs())).append(',').append(num(c.modelFirstSynMs())).append(',')
          .append(c.otherFirstFamily()).append('\n');
    }
    return s.toString();
  }

  /**
   * Where a model misses its client by more than {@link #TOLERANCE_MS} on a delay, or differs in a count or the
   * first family: one phrase per difference, empty when they agree.
   *
   * @param real the client's row
   * @param model its model's row
   * @return the differences
   */
  static List<String> differences(RealLazyEye.Row real, RealLazyEye.Row model) {
    List<String> out = new ArrayList<>();
    if (!close(real.cadMs(), model.cadMs())) {
      out.add("connection attempt delay " + show(real.cadMs()) + " real, " + show(model.cadMs()) + " model");
    }
    if (!close(real.rdMs(), model.rdMs())) {
      out.add("resolution delay " + show(real.rdMs()) + " real, " + show(model.rdMs()) + " model");
    }
    if (real.ipv6Addresses() != model.ipv6Addresses() || real.ipv4Addresses() != model.ipv4Addresses()) {
      out.add("addresses " + real.ipv6Addresses() + "/" + real.ipv4Addresses() + " real, " + model.ipv6Addresses() + "/"
          + model.ipv4Addresses() + " model (v6/v4)");
    }
    if (!real.firstFamily().equals(model.firstFamily())) {
      out.add("first family " + real.firstFamily() + " real, " + model.firstFamily() + " model");
    }
    return out;
  }

  private static boolean close(double a, double b) {
    return a < 0 && b < 0 || a >= 0 && b >= 0 && Math.abs(a - b) <= TOLERANCE_MS;
  }

  private static String show(double ms) {
    return ms < 0 ? "none" : String.format(Locale.ROOT, "%.1f ms", ms);
  }

  static String html(RealLazyEye.Study study) {
    StringBuilder s = new StringBuilder("<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Lazy Eye on real "
        + "clients</title><style>body{font-family:sans-serif;margin:24px;max-width:1100px}table{border-collapse:"
        + "collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}td:first-child,"
        + "th:first-child{text-align:left}tr.model td{color:#555;background:#f7f7f7}tr.paper td{color:#7a4b00;"
        + "background:#fff8e8}.miss{color:#b00}.why{color:#444;font-size:12px}td:last-child{text-align:left;max-width:420px}</style></head><body>\n");
    s.append("<h1>Lazy Eye on real clients</h1>\n<p>Each real row is read from the emulator's packet log (the run's "
        + "pcap is in <code>pcap/</code>); each model row is the lab's simulator on the same test cases. Study time: ")
        .append(study.elapsed().toSeconds()).append(" s.</p>\n");
    if (!study.failed().isEmpty()) {
      s.append("<p class=\"miss\">Not measured:</p>\n<ul>\n");
      for (String f : study.failed()) {
        s.append("<li>").append(esc(f)).append("</li>\n");
      }
      s.append("</ul>\n");
    }
    s.append("<h2>The paper's rows (IMC 2025, Table 2)</h2>\n<table><tr><th>client</th><th>connection attempt delay"
        + "</th><th>IPv6 first</th><th>resolution delay</th><th>addresses (v4/v6)</th></tr>\n");
    for (LazyEye.Row p : LazyEye.PAPER) {
      s.append("<tr class=\"paper\"><td>").append(esc(p.strategy())).append("</td><td>").append(esc(p.connectionAttemptDelay()))
          .append("</td><td>").append(p.ipv6First()).append("</td><td>").append(esc(p.resolutionDelay())).append("</td><td>")
          .append(esc(p.addressesUsed())).append("</td></tr>\n");
    }
    s.append("</table>\n<h2>Measured here: real clients, each followed by its model</h2>\n<table><tr><th>client</th>"
        + "<th>version</th><th>kind</th><th>connection attempt delay ms (min-max)</th><th>resolution delay ms "
        + "(min-max)</th><th>IPv6 addresses</th><th>IPv4 addresses</th><th>first family</th><th>runs</th>"
        + "<th>model against client</th></tr>\n");
    List<RealLazyEye.Row> rows = study.rows();
    java.util.Set<String> explained = new java.util.LinkedHashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      RealLazyEye.Row r = rows.get(i);
      String verdict = "";
      if (r.kind().equals("real") && i + 1 < rows.size() && rows.get(i + 1).kind().equals("model")) {
        RealLazyEye.Row m = rows.get(i + 1);
        List<String> d = differences(r, m);
        boolean fallback = !close(r.cadMs(), m.cadMs()) && KnownDifferences.of(r.client()).isPresent();
        if (fallback) {
          explained.add(r.client());
        }
        verdict = d.isEmpty() ? "within " + (int) TOLERANCE_MS + " ms" : "<span class=\"miss\">" + esc(String.join("; ", d))
            + "</span>" + (fallback ? "<br><span class=\"why\">the fallback's timing: see why, below</span>" : "");
      }
      s.append("<tr class=\"").append(r.kind()).append("\"><td>").append(esc(r.client())).append("</td><td>")
          .append(esc(r.version())).append("</td><td>").append(r.kind()).append("</td><td>")
          .append(range(r.cadMs(), r.cadMinMs(), r.cadMaxMs(), "none")).append("</td><td>")
          .append(range(r.rdMs(), r.rdMinMs(), r.rdMaxMs(), "waits for AAAA")).append("</td><td>")
          .append(r.ipv6Addresses()).append("</td><td>").append(r.ipv4Addresses()).append("</td><td>")
          .append(r.firstFamily()).append("</td><td>").append(r.runs()).append("</td><td>").append(verdict)
          .append("</td></tr>\n");
    }
    s.append("</table>\n");
    if (!study.connects().isEmpty()) {
      s.append("<h2>Time to connect: real against simulated</h2>\n<p>From the client's first DNS query to its first "
          + "completed handshake, on the kernel (median, min-max) and in the simulator. Split at the first SYN: "
          + "before it, the wait for names and the client's own work before its first attempt (a browser still "
          + "loading, a JVM loading classes; the part after the last DNS answer is shown apart); from it, the "
          + "strategy, which is what a model models. Each real part is the median of that part over the runs.</p>\n"
          + "<table><tr><th>client</th><th>scenario</th><th>real ms</th><th>model ms</th><th>model - real</th>"
          + "<th>first SYN real / model</th><th>last answer to first SYN, real</th><th>from the first SYN real / "
          + "model</th><th>why</th></tr>\n");
      for (RealLazyEye.Connect c : study.connects()) {
        boolean both = c.realMs() >= 0 && c.modelMs() >= 0;
        double strategy = c.strategyDifferenceMs();
        String why = "";
        if (c.miss() && !both) {
          why = c.realMs() < 0 ? "the client did not connect; the model did" : "the model did not connect";
        } else if (c.miss() && Math.abs(strategy) <= TOLERANCE_MS) {
          why = String.format(Locale.ROOT, "before the first SYN: %.1f ms real, %.1f model", c.realFirstSynMs(),
              c.modelFirstSynMs());
          if (c.realAnswerToSynMs() >= 0) {
            why += String.format(Locale.ROOT, " (the last DNS answer at %.1f ms, then %.1f ms of the client's own)",
                c.realFirstSynMs() - c.realAnswerToSynMs(), c.realAnswerToSynMs());
          }
          why += String.format(Locale.ROOT, "; from it within %d ms", (int) TOLERANCE_MS);
        } else if (c.miss()) {
          why = String.format(Locale.ROOT, "from the first SYN: %+.1f ms", strategy);
          if (KnownDifferences.of(c.client()).isPresent()) {
            explained.add(c.client());
            why += "; the fallback's timing: see why, below";
          }
        }
        if (!c.familyNote().isEmpty()) {
          why = (why.isEmpty() ? "" : why + "; ") + c.familyNote();
        }
        s.append("<tr><td>").append(esc(c.client() + " / " + c.model())).append("</td><td>").append(esc(c.scenario()))
            .append("</td><td>").append(range(c.realMs(), c.realMinMs(), c.realMaxMs(), "failed")).append("</td><td>")
            .append(c.modelMs() < 0 ? "failed" : fmt(c.modelMs())).append("</td><td")
            .append(c.miss() ? " class=\"miss\"" : "").append('>')
            .append(both ? String.format(Locale.ROOT, "%+.1f", c.modelMs() - c.realMs()) : "").append("</td><td>")
            .append(both ? fmt(c.realFirstSynMs()) + " / " + fmt(c.modelFirstSynMs()) : "").append("</td><td>")
            .append(both && c.realAnswerToSynMs() >= 0 ? fmt(c.realAnswerToSynMs()) : "").append("</td><td>")
            .append(both ? fmt(c.realFromFirstSynMs()) + " / " + fmt(c.modelMs() - c.modelFirstSynMs()) : "")
            .append("</td><td class=\"why\">").append(esc(why)).append("</td></tr>\n");
      }
      s.append("</table>\n");
    }
    if (!explained.isEmpty()) {
      s.append("<h2>Why some clients differ from their models</h2>\n<p>Each traced on this machine; the models keep "
          + "the clients' policy, not their processes' time.</p>\n<dl>\n");
      for (String client : explained) {
        s.append("<dt><b>").append(esc(client)).append("</b></dt><dd class=\"why\">")
            .append(esc(KnownDifferences.of(client).orElseThrow())).append("</dd>\n");
      }
      s.append("</dl>\n");
    }
    if (!study.timelines().isEmpty()) {
      List<HtmlReport.LabeledTrace> traces = new ArrayList<>();
      for (Map.Entry<String, Trace> e : study.timelines()) {
        traces.add(new HtmlReport.LabeledTrace(e.getKey(), e.getValue()));
      }
      s.append("<h2>One run on the kernel beside its model in the simulator (")
          .append(esc(RealLazyEye.Delayed.IPV6_300_IPV4_20.title)).append(")</h2>\n<p>The real run's attempts are "
          + "read from its pcap: a SYN starts one, the client's ACK of a SYN-ACK ends it connected, a reset ends it "
          + "refused (from the server); one still open when another connected was given up then (closing a connect "
          + "in progress sends nothing). Each client and its model share a time axis.</p>\n")
          .append(HtmlReport.timelines(traces, 2));
    }
    return s.append("</body></html>\n").toString();
  }

  private static String range(double median, double min, double max, String none) {
    if (median < 0) {
      return none;
    }
    return max - min < 0.05 ? fmt(median) : fmt(median) + " (" + fmt(min) + "-" + fmt(max) + ")";
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String num(double v) {
    return v < 0 ? "" : String.format(Locale.ROOT, "%.3f", v);
  }
}
