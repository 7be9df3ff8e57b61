package io.github.connectbylist.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps: read from experiment files, run as strategies, written to sweeps.csv and plotted. */
class SweepTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Sweep parse(String json) throws Exception {
    return Sweep.parse(JSON.readTree(json), "test.json");
  }

  @Test
  void aRangeOfDurationsOrNumbersOrAListOfValues() throws Exception {
    Sweep d = parse("{\"strategy\": \"happy-eyeballs/happy-eyeballs(connection-attempt-delay={})\", "
        + "\"from\": \"50ms\", \"to\": \"200ms\", \"step\": \"50ms\"}");
    assertEquals(List.of("50ms", "100ms", "150ms", "200ms"), d.values());
    assertEquals("connection-attempt-delay", d.option(), "taken from the template");
    assertEquals("p50", d.metric());
    assertEquals("happy-eyeballs/happy-eyeballs(connection-attempt-delay=100ms)", d.strategy("100ms"));
    Sweep n = parse("{\"strategy\": \"asyncio(interleave={})/asyncio(happy-eyeballs-delay=250ms)\", \"from\": 1, "
        + "\"to\": 3, \"step\": 1, \"metric\": \"wasted\"}");
    assertEquals(List.of("1", "2", "3"), n.values());
    assertEquals("interleave", n.option());
    Sweep v = parse("{\"strategy\": \"go/go(fallback-delay={})\", \"values\": [\"0ms\", \"1s\"], \"option\": \"fb\"}");
    assertEquals(List.of("0ms", "1s"), v.values());
    assertEquals(1000.0, Sweep.numeric("1s"));
  }

  @Test
  void mistakesAreNamed() {
    IllegalArgumentException noPlaceholder = assertThrows(IllegalArgumentException.class,
        () -> parse("{\"strategy\": \"go/go\", \"values\": [\"1\"]}"));
    assertTrue(noPlaceholder.getMessage().contains("{}"), noPlaceholder.getMessage());
    IllegalArgumentException metric = assertThrows(IllegalArgumentException.class,
        () -> parse("{\"strategy\": \"go/go(fallback-delay={})\", \"values\": [\"1s\"], \"metric\": \"p42\"}"));
    assertTrue(metric.getMessage().contains("test.json") && metric.getMessage().contains("p50"), metric.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> parse("{\"strategy\": \"go/go(fallback-delay={})\", \"from\": \"1s\", \"to\": \"2s\", \"step\": \"0s\"}"));
  }

  @Test
  void valuesInAnyOrderAreDrawnInsideThePlotAndEachLineLeftToRight() throws Exception {
    Sweep sweep = parse("{\"strategy\": \"happy-eyeballs/happy-eyeballs(connection-attempt-delay={})\", "
        + "\"values\": [\"500ms\", \"100ms\", \"250ms\"]}");
    Experiment e = new Experiment("unsorted", 1, 20, Duration.ofSeconds(10), List.of(),
        List.of(ScenarioFormat.builtIn("broken-ipv6"), ScenarioFormat.builtIn("slow-ipv6")), List.of(), 1,
        List.of(sweep));
    String html = HtmlReport.render(ExperimentRunner.run(e, 1));
    Matcher lines = Pattern.compile("<polyline [^>]*points=\"([^\"]*)\"").matcher(html);
    int drawn = 0;
    while (lines.find()) {
      drawn++;
      double previous = Double.NEGATIVE_INFINITY;
      for (String point : lines.group(1).split(" ")) {
        double x = Double.parseDouble(point.split(",")[0]);
        assertTrue(x >= 60 && x <= Svg.W - 20, "a point at x " + x + ", outside the plot");
        assertTrue(x > previous, "left to right: " + lines.group(1));
        previous = x;
      }
      assertEquals(3, lines.group(1).split(" ").length, lines.group(1));
    }
    assertEquals(2 * 2, drawn, "two scenarios, on a log and a linear scale");
    Matcher ticks = Pattern.compile(">(\\d+)</text>").matcher(html.substring(html.indexOf("<svg class=\"sweep")));
    List<String> labels = new ArrayList<>();
    while (ticks.find()) {
      labels.add(ticks.group(1));
    }
    assertTrue(labels.contains("100") && labels.contains("500"), "the axis spans 100 ms to 500 ms: " + labels);
  }

  @Test
  void theExampleFileRunsAndPlotsOneLinePerScenario(@TempDir Path dir) throws Exception {
    Experiment e = Experiment.read(Path.of("../docs/experiments/attempt-delay-sweep.json")).withRuns(20);
    assertEquals(2, e.sweeps().size());
    assertEquals(3 + 19, e.allStrategies().size(), "the two sweeps share their 19 strategies");
    String html = Files.readString(ResultsWriter.write(ExperimentRunner.run(e, 0), dir));
    int scenarios = e.scenarios().size();
    assertEquals(3, html.split("<svg class=\"sweep ", -1).length - 1,
        "p50 on a log and a linear scale, wasted (with zeros) on a linear one only");
    List<String> lines = Files.readAllLines(dir.resolve("sweeps.csv"));
    assertEquals(1 + 2 * 19 * scenarios, lines.size());
    assertTrue(lines.get(1).startsWith("connection-attempt-delay,50ms,dual-stack-healthy,"), lines.get(1));
    assertTrue(html.contains("p50 against connection-attempt-delay"));
    assertTrue(!html.contains("<td>happy-eyeballs/happy-eyeballs(connection-attempt-delay=75ms)</td>"),
        "a sweep's strategies are in its plot, not in every scenario's table");
  }
}
