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
 * (one line per scenario and strategy), {@code results.json} (the summary with CDF points) and {@code
 * report.html}. Numbers are formatted the same everywhere, with no dates, so the same seed gives the same
 * bytes.
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
    Files.createDirectories(directory);
    Files.writeString(directory.resolve("runs.csv"), runsCsv(results), StandardCharsets.UTF_8);
    Files.writeString(directory.resolve("summary.csv"), summaryCsv(results), StandardCharsets.UTF_8);
    Files.writeString(directory.resolve("results.json"), json(results), StandardCharsets.UTF_8);
    Path report = directory.resolve("report.html");
    Files.writeString(report, HtmlReport.render(results), StandardCharsets.UTF_8);
    return report;
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

  private static String millis(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
  }

  private static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }

  private static String quote(String field) {
    return field.contains(",") ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
  }
}
