package io.github.connectbylist.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in experiment: reproducible to the byte, fast, and a report with its plots. */
class ExperimentTest {

  @Test
  void theSameSeedGivesByteIdenticalCsv(@TempDir Path dir) throws Exception {
    Experiment experiment = Experiment.builtIn().withRuns(200).withSessionRuns(20);
    ResultsWriter.write(ExperimentRunner.run(experiment), dir.resolve("a"));
    ResultsWriter.write(ExperimentRunner.run(experiment), dir.resolve("b"));
    for (String file : new String[] {"runs.csv", "summary.csv", "sessions.csv", "session-summary.csv", "results.json",
        "report.html"}) {
      assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(file)), Files.readAllBytes(dir.resolve("b").resolve(file)), file);
    }
    ResultsWriter.write(ExperimentRunner.run(experiment.withSeed(2)), dir.resolve("c"));
    assertNotEquals(Files.readString(dir.resolve("a/runs.csv")), Files.readString(dir.resolve("c/runs.csv")));
  }

  @Test
  void theReportHasACdfPerScenarioWithACurvePerStrategyAndATimeline(@TempDir Path dir) throws Exception {
    Experiment experiment = Experiment.builtIn().withRuns(50).withSessionRuns(10);
    String html = Files.readString(ResultsWriter.write(ExperimentRunner.run(experiment), dir));
    assertEquals(2 * experiment.sessions().size(), count(html, "<svg class=\"session\""),
        "per session, a chart of the median and one of p90 by connect number");
    assertEquals(experiment.sessions().size(), count(html, ">p90 time to connect (ms, log scale)<"));
    int scenarios = experiment.scenarios().size();
    assertEquals(scenarios, count(html, "<svg class=\"timeline\""));
    assertTrue(count(html, "<svg class=\"cdf\"") >= scenarios - 1, "all-down has no CDF: nothing connects");
    assertTrue(count(html, "<polyline") >= (scenarios - 1) * experiment.strategies().size());
    assertTrue(html.contains("No run connected."));
    assertEquals(1 + scenarios * experiment.strategies().size() * 50, Files.readAllLines(dir.resolve("runs.csv")).size());
    int sessionConnects = experiment.sessions().stream().mapToInt(Session::connects).sum();
    assertEquals(1 + sessionConnects * experiment.strategies().size() * 10,
        Files.readAllLines(dir.resolve("sessions.csv")).size());
  }

  @Test
  void theBuiltInExperimentShowsWhatEachStrategyIsFor() {
    Results results = ExperimentRunner.run(Experiment.builtIn().withRuns(100).withSessionRuns(1));
    Results.Cell wsa = cell(results, "broken-ipv6", "sequential/sequential");
    Results.Cell he = cell(results, "broken-ipv6", "happy-eyeballs/happy-eyeballs");
    assertEquals(100, wsa.failed(), "WSAConnectByList's way never gets past the black hole within 10 s");
    assertEquals(100, he.connected());
    assertTrue(he.percentileMillis(99) < 300, "one 250 ms delay plus the IPv4 round trip");
    Results.Cell lossyTimeout = cell(results, "lossy-ipv4", "sequential/sequential(attempt-timeout=250ms)");
    assertTrue(lossyTimeout.failed() > 0, "a 250 ms attempt timeout abandons SYNs the kernel would have sent again");
    assertEquals(0, cell(results, "lossy-ipv4", "happy-eyeballs/happy-eyeballs").failed());
  }

  @Test
  void oneHundredThousandSimulatedConnectsRunInSeconds() {
    long start = System.nanoTime();
    Results results = ExperimentRunner.run(Experiment.builtIn().withRuns(1_500).withSessionRuns(1)); // 105,000 connects
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(105_000, results.cells().stream().mapToInt(c -> c.runs().size()).sum(), "7 strategies x 10 scenarios");
    assertTrue(seconds < 30, "took " + seconds + " s");
  }

  @Test
  void anExperimentFileNamesStrategiesAndBuiltInOrFileScenarios(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("one-good.json"), """
        {"name": "one-good", "destinations": ["192.0.2.10:443"],
         "sources": [{"address": "198.51.100.2", "prefix": 24}],
         "network": [{"destination": "192.0.2.10", "behaviour": "connects", "latency": {"fixed-ms": 12.5}}]}
        """);
    Path file = dir.resolve("experiment.json");
    Files.writeString(file, """
        {"name": "mine", "seed": 9, "runs": 5, "deadline-ms": 3000,
         "strategies": ["sequential/sequential", "happy-eyeballs/happy-eyeballs(connection-attempt-delay=100ms)"],
         "scenarios": ["one-good.json", "broken-ipv6"]}
        """);
    Experiment experiment = Experiment.read(file);
    assertEquals(9, experiment.seed());
    assertEquals(java.time.Duration.ofSeconds(3), experiment.deadline());
    Results results = ExperimentRunner.run(experiment);
    assertEquals(12.5, cell(results, "one-good", "sequential/sequential").percentileMillis(50), 0.01);
    assertEquals(5, cell(results, "broken-ipv6", "sequential/sequential").failed(), "the 3 s deadline passes");
    assertTrue(cell(results, "broken-ipv6", "happy-eyeballs/happy-eyeballs(connection-attempt-delay=100ms)")
        .percentileMillis(100) < 130);
  }

  private static Results.Cell cell(Results results, String scenario, String strategy) {
    return results.cells().stream()
        .filter(c -> c.scenario().name().equals(scenario) && c.strategy().equals(strategy)).findFirst().orElseThrow();
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
