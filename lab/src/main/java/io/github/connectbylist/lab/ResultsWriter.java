package io.github.connectbylist.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Writes an experiment's results: {@code runs.csv} (one line per simulated connect), {@code summary.csv}
 * (one line per scenario and strategy), with sessions {@code sessions.csv} (one line per connect of every
 * client) and {@code session-summary.csv} (one line per session and strategy), {@code results.json} (the
 * summaries with CDF points and per-connect medians) and {@code report.html}. Numbers are formatted the
 * same everywhere, with no dates, so the same seed gives the same bytes.
 */
public final class ResultsWriter {
  private ResultsWriter() {}

  /**
   * Writes the four files into {@code directory} and returns the report's path.
   *
   * @param results what to write
   * @param directory created when missing
   * @return the path of report.html
   * @throws IOException when a file cannot be written
   */
  public static Path write(Results results, Path directory) throws IOException {
    return write(results, List.of(), directory);
  }

  /**
   * Writes the files of {@link #write(Results, Path)}, with the Lazy Eye table in the report and in {@code
   * lazy-eye.csv} when there is one, and {@code sweeps.csv} when the experiment sweeps.
   *
   * @param results what to write
   * @param conformance the Lazy Eye rows, or none
   * @param directory created when missing
   * @return the path of report.html
   * @throws IOException when a file cannot be written
   */
  public static Path write(Results results, List<LazyEye.Row> conformance, Path directory) throws IOException {
    Files.createDirectories(directory);
    if (!conformance.isEmpty()) {
      Files.writeString(directory.resolve("lazy-eye.csv"), LazyEye.csv(conformance), StandardCharsets.UTF_8);
    }
    if (!results.experiment().sweeps().isEmpty()) {
      Files.writeString(directory.resolve("sweeps.csv"), sweepsCsv(results), StandardCharsets.UTF_8);
    }
    Files.writeString(directory.resolve("runs.csv"), runsCsv(results), StandardCharsets.UTF_8);
    Files.writeString(directory.resolve("summary.csv"), summaryCsv(results), StandardCharsets.UTF_8);
    if (!results.sessions().isEmpty()) {
      Files.writeString(directory.resolve("sessions.csv"), sessionsCsv(results), StandardCharsets.UTF_8);
      Files.writeString(directory.resolve("session-summary.csv"), sessionSummaryCsv(results), StandardCharsets.UTF_8);
    }
    Files.writeString(directory.resolve("results.json"), json(results), StandardCharsets.UTF_8);
    Path report = directory.resolve("report.html");
    Files.writeString(report, HtmlReport.render(results, conformance), StandardCharsets.UTF_8);
    return report;
  }

  /**
   * Writes the Lazy Eye table alone: {@code lazy-eye.csv} and a {@code report.html} that shows it.
   *
   * @param conformance the rows
   * @param directory created when missing
   * @return the path of report.html
   * @throws IOException when a file cannot be written
   */
  public static Path writeConformance(List<LazyEye.Row> conformance, Path directory) throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve("lazy-eye.csv"), LazyEye.csv(conformance), StandardCharsets.UTF_8);
    StringBuilder s = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>ConnectByList lab: lazy-eye</title>\n<style>body{font-family:sans-serif;max-width:980px;margin:2em "
        + "auto;color:#222}table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 6px;"
        + "text-align:left}</style></head><body>\n");
    HtmlReport.conformance(s, conformance);
    s.append("</body></html>\n");
    Path report = directory.resolve("report.html");
    Files.writeString(report, s.toString(), StandardCharsets.UTF_8);
    return report;
  }

  /**
   * One line per sweep, value and scenario, with every metric a sweep can plot.
   *
   * @param results the results
   * @return the CSV text
   */
  public static String sweepsCsv(Results results) {
    StringBuilder s = new StringBuilder("option,value,scenario,strategy,p50_ms,p90_ms,p99_ms,failures_pct,mean_wasted,"
        + "mean_attempts\n");
    for (Sweep sweep : results.experiment().sweeps()) {
      for (String value : sweep.values()) {
        String strategy = sweep.strategy(value);
        for (Results.Cell c : results.cells()) {
          if (c.strategy().equals(strategy)) {
            s.append(quote(sweep.option())).append(',').append(quote(value)).append(',').append(c.scenario().name())
                .append(',').append(quote(strategy));
            for (String metric : Sweep.METRICS) {
              s.append(',').append(millis(Sweep.metric(c, metric)));
            }
            s.append('\n');
          }
        }
      }
    }
    return s.toString();
  }

  /**
   * One line per connect: scenario, strategy, run, outcome, time, attempts.
   *
   * @param results the results
   * @return the CSV text
   */
  public static String runsCsv(Results results) {
    StringBuilder s = new StringBuilder("scenario,strategy,run,connected,time_ms,attempts,wasted,failure\n");
    for (Results.Cell cell : results.cells()) {
      List<Trace> runs = cell.runs();
      for (int run = 0; run < runs.size(); run++) {
        Trace t = runs.get(run);
        s.append(cell.scenario().name()).append(',').append(quote(cell.strategy())).append(',').append(run).append(',')
            .append(t.connected()).append(',').append(millis(t.elapsedNanos() / 1e6)).append(',')
            .append(t.attempts().size()).append(',').append(t.wasted()).append(',')
            .append(t.failure() == null ? "" : t.failure()).append('\n');
      }
    }
    return s.toString();
  }

  /**
   * One line per scenario and strategy, with percentiles.
   *
   * @param results the results
   * @return the CSV text
   */
  public static String summaryCsv(Results results) {
    StringBuilder s = new StringBuilder(
        "scenario,strategy,runs,connected,failed,p50_ms,p90_ms,p99_ms,max_ms,mean_attempts,mean_wasted\n");
    for (Results.Cell c : results.cells()) {
      s.append(c.scenario().name()).append(',').append(quote(c.strategy())).append(',').append(c.runs().size())
          .append(',').append(c.connected()).append(',').append(c.failed()).append(',')
          .append(millis(c.percentileMillis(50))).append(',').append(millis(c.percentileMillis(90))).append(',')
          .append(millis(c.percentileMillis(99))).append(',').append(millis(c.percentileMillis(100))).append(',')
          .append(String.format(Locale.ROOT, "%.3f", c.meanAttempts())).append(',')
          .append(String.format(Locale.ROOT, "%.3f", c.meanWasted())).append('\n');
    }
    return s.toString();
  }

  /**
   * One line per connect of every client of every session: session, strategy, client, connect number,
   * outcome, time, attempts, and the family that won.
   *
   * @param results the results
   * @return the CSV text
   */
  public static String sessionsCsv(Results results) {
    StringBuilder s = new StringBuilder("session,strategy,client,connect,connected,time_ms,attempts,winner_family\n");
    for (Results.SessionCell cell : results.sessions()) {
      for (int run = 0; run < cell.runs().size(); run++) {
        List<Trace> connects = cell.runs().get(run);
        for (int k = 0; k < connects.size(); k++) {
          Trace t = connects.get(k);
          s.append(cell.session().name()).append(',').append(quote(cell.strategy())).append(',').append(run)
              .append(',').append(k + 1).append(',').append(t.connected()).append(',')
              .append(millis(t.elapsedNanos() / 1e6)).append(',').append(t.attempts().size()).append(',')
              .append(winnerFamily(t)).append('\n');
        }
      }
    }
    return s.toString();
  }

  /**
   * One line per session and strategy: the first connect's median, the later connects' median, p90 and p99
   * (every client pooled), and for sessions with a recovery the median connects until the path was used
   * again.
   *
   * @param results the results
   * @return the CSV text
   */
  public static String sessionSummaryCsv(Results results) {
    StringBuilder s = new StringBuilder(
        "session,strategy,clients,connects,first_p50_ms,later_p50_ms,later_p90_ms,later_p99_ms,recovered_after\n");
    for (Results.SessionCell c : results.sessions()) {
      s.append(c.session().name()).append(',').append(quote(c.strategy())).append(',').append(c.runs().size())
          .append(',').append(c.session().connects()).append(',').append(millis(c.millisAt(1, 50))).append(',')
          .append(millis(c.pooledMillis(2, 50))).append(',').append(millis(c.pooledMillis(2, 90))).append(',')
          .append(millis(c.pooledMillis(2, 99))).append(',').append(count(c.connectsUntilRecovered())).append('\n');
    }
    return s.toString();
  }

  private static String winnerFamily(Trace t) {
    for (io.github.connectbylist.api.Attempt a : t.attempts()) {
      if (a.connected()) {
        return a.pair().isIpv6() ? "ipv6" : "ipv4";
      }
    }
    return "";
  }

  private static String count(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.0f", v);
  }

  static String json(Results results) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    Experiment e = results.experiment();
    root.putObject("experiment").put("name", e.name()).put("seed", e.seed()).put("runs", e.runs())
        .put("deadline_ms", e.deadline().toMillis());
    ArrayNode cells = root.putArray("cells");
    for (Results.Cell c : results.cells()) {
      ObjectNode cell = cells.addObject();
      cell.put("scenario", c.scenario().name()).put("strategy", c.strategy()).put("runs", c.runs().size())
          .put("connected", c.connected()).put("failed", c.failed())
          .put("mean_attempts", round(c.meanAttempts())).put("mean_wasted", round(c.meanWasted()));
      if (c.scenario().resolution() != null && c.scenario().resolution().hasHttps()) {
        cell.put("asked_for_service_records", ServiceRecords.asked(c.strategy())); // only where there are some
      }
      for (int p : new int[] {50, 90, 99}) {
        double v = c.percentileMillis(p);
        if (Double.isNaN(v)) {
          cell.putNull("p" + p + "_ms");
        } else {
          cell.put("p" + p + "_ms", round(v));
        }
      }
      ArrayNode cdf = cell.putArray("cdf");
      for (double[] point : cdf(c)) {
        cdf.addArray().add(round(point[0])).add(round(point[1]));
      }
    }
    if (!results.sessions().isEmpty()) {
      ArrayNode sessions = root.putArray("sessions");
      for (Results.SessionCell c : results.sessions()) {
        ObjectNode cell = sessions.addObject();
        cell.put("session", c.session().name()).put("strategy", c.strategy()).put("clients", c.runs().size())
            .put("connects", c.session().connects());
        putMillis(cell, "first_p50_ms", c.millisAt(1, 50));
        putMillis(cell, "later_p50_ms", c.pooledMillis(2, 50));
        putMillis(cell, "later_p90_ms", c.pooledMillis(2, 90));
        putMillis(cell, "later_p99_ms", c.pooledMillis(2, 99));
        double recovered = c.connectsUntilRecovered();
        if (!Double.isNaN(recovered)) {
          cell.put("recovered_after", recovered);
        }
        ArrayNode byConnect = cell.putArray("by_connect");
        for (int k = 1; k <= c.session().connects(); k++) {
          ArrayNode point = byConnect.addArray().add(k);
          addMillis(point, c.millisAt(k, 50));
          addMillis(point, c.millisAt(k, 90));
        }
      }
    }
    return mapper.writeValueAsString(root) + "\n";
  }

  /** Points (milliseconds, fraction of all runs connected by then), one per distinct recorded value. */
  static List<double[]> cdf(Results.Cell cell) {
    List<double[]> points = new java.util.ArrayList<>();
    double total = cell.runs().size();
    for (HistogramIterationValue v : cell.timeToConnect().recordedValues()) {
      points.add(new double[] {
          cell.timeToConnect().highestEquivalentValue(v.getValueIteratedTo()) / 1000.0,
          v.getTotalCountToThisValue() / total});
    }
    return points;
  }

  private static void putMillis(ObjectNode node, String field, double v) {
    if (Double.isNaN(v)) {
      node.putNull(field);
    } else {
      node.put(field, round(v));
    }
  }

  private static void addMillis(ArrayNode node, double v) {
    if (Double.isNaN(v)) {
      node.addNull();
    } else {
      node.add(round(v));
    }
  }

  private static String millis(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
  }

  private static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }

  /**
   * A CSV field as RFC 4180 writes it: quoted, with its quotes doubled, when it holds a comma or a quote.
   *
   * @param field the field
   * @return the field as written in a CSV line
   */
  public static String quote(String field) {
    return field.contains(",") || field.contains("\"") ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
  }
}
