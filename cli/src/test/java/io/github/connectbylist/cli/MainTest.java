package io.github.connectbylist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.testbed.Endpoint;
import io.github.connectbylist.testbed.Testbed;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The commands as a user runs them, on loopback only. */
class MainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void demoComparesEveryStrategyOnTheTestbed() {
    assertEquals(0, run("demo", "--timeout", "1s"), err.toString());
    String text = out.toString();
    assertTrue(text.matches("(?s).*sequential\\s+sequential\\s+TIMED_OUT.*"), text);
    assertTrue(text.matches("(?s).*sequential\\s+sequential\\(attempt-timeout=250ms\\)\\s+connected\\s+[\\d.]+\\s+3\\s+127\\.0\\.0\\.1:.*"),
        text);
    assertTrue(text.matches("(?s).*happy-eyeballs\\s+happy-eyeballs\\s+connected\\s+[\\d.]+\\s+[23]\\s+127\\.0\\.0\\.1:.*"),
        text);
  }

  @Test
  void connectPrintsTheTimelineAndTheWinner() throws Exception {
    try (Testbed testbed = new Testbed()) {
      Endpoint refused = testbed.refusing("127.0.0.2");
      Endpoint good = testbed.accepting("127.0.0.1");
      assertEquals(0, run("connect", "--strategy", "sequential", "127.0.0.2:" + refused.address().getPort(),
          "127.0.0.1:" + good.address().getPort()), err.toString());
      String text = out.toString();
      assertTrue(text.contains("REFUSED"), text);
      assertTrue(text.contains("CONNECTED"), text);
      assertTrue(text.contains("-> 127.0.0.1:" + good.address().getPort() + " in "), text);
    }
  }

  @Test
  void aFailedConnectExitsWithOne() throws Exception {
    try (Testbed testbed = new Testbed()) {
      Endpoint refused = testbed.refusing("127.0.0.2");
      assertEquals(1, run("connect", "127.0.0.2:" + refused.address().getPort()));
      assertTrue(out.toString().contains("failed: REFUSED"), out.toString());
    }
  }

  @Test
  void badArgumentsAreUsageErrors() {
    assertEquals(2, run("connect", "127.0.0.1"));
    assertTrue(err.toString().contains("HOST:PORT"), err.toString());
    assertEquals(2, run("connect", "--scheduler", "nope", "127.0.0.1:9"));
    assertTrue(err.toString().contains("no scheduler named 'nope'"), err.toString());
  }

  @Test
  void experimentRunsTheBuiltInSetAndWritesTheReport(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    assertEquals(0, run("experiment", "--runs", "20", "--out", dir.toString()), err.toString());
    assertTrue(out.toString().contains("700 simulated connects (5 strategies x 7 scenarios x 20 runs)"), out.toString());
    for (String file : new String[] {"runs.csv", "summary.csv", "results.json", "report.html"}) {
      assertTrue(java.nio.file.Files.size(dir.resolve(file)) > 0, file);
    }
  }

  @Test
  void strategiesListsWhatWasDiscoveredWithOptions() {
    assertEquals(0, run("strategies"));
    assertTrue(out.toString().contains("attempt-timeout=none"), out.toString());
    assertTrue(out.toString().contains("connection-attempt-delay=250ms"), out.toString());
    assertTrue(out.toString().contains("ranker happy-eyeballs, scheduler happy-eyeballs"), out.toString());
    assertTrue(out.toString().contains("default"), out.toString());
  }
}
