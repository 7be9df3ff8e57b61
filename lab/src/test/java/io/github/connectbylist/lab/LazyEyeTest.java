package io.github.connectbylist.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Lazy Eye test cases find what each strategy was built to do, and the models reproduce the paper's rows. */
class LazyEyeTest {

  private static LazyEye.Row row(List<LazyEye.Row> rows, String strategy) {
    return rows.stream().filter(r -> r.strategy().equals(strategy)).findFirst().orElseThrow();
  }

  @Test
  void theModelsOfChromeFirefoxAndCurlReproduceThePapersRows() {
    List<LazyEye.Row> rows = LazyEye.run(List.of("chrome/chrome", "firefox/firefox", "curl-7.88/curl-7.88"), 0);
    for (LazyEye.Row paper : LazyEye.PAPER) {
      if (paper.model().isEmpty()) {
        continue;
      }
      LazyEye.Row measured = row(rows, paper.model());
      assertEquals(paper.connectionAttemptDelay(), measured.connectionAttemptDelay(), paper.strategy());
      assertEquals(paper.ipv6First(), measured.ipv6First(), paper.strategy());
      assertTrue(measured.resolutionDelay().startsWith(paper.resolutionDelay()), measured.toString());
      assertEquals(paper.addressesUsed(), measured.addressesUsed(), paper.strategy());
    }
  }

  @Test
  void oursShowRfc8305sDelaysAndSequentialShowsNoHappyEyeballs() {
    List<LazyEye.Row> rows = LazyEye.run(List.of("happy-eyeballs/happy-eyeballs",
        "happy-eyeballs/happy-eyeballs(connection-attempt-delay=100ms,resolution-delay=20ms)", "sequential/sequential"), 2);
    assertEquals(new LazyEye.Row("happy-eyeballs/happy-eyeballs", "250 ms", "yes", "50 ms", "10/10", ""), rows.get(0));
    assertEquals("100 ms", rows.get(1).connectionAttemptDelay());
    assertEquals("20 ms", rows.get(1).resolutionDelay());
    assertEquals(new LazyEye.Row("sequential/sequential", "none (no Happy Eyeballs)", "yes", "none (waits for AAAA)",
        "0/1", ""), rows.get(2));
  }

  @Test
  void thePapersRowsFollowTheirModelsAndTheRestComeLast() {
    List<LazyEye.Row> rows = LazyEye.withPaper(List.of(new LazyEye.Row("chrome/chrome", "", "", "", "", "")));
    assertEquals("Chrome 130 (paper)", rows.get(1).strategy());
    assertEquals(1 + LazyEye.PAPER.size(), rows.size());
    String table = LazyEye.table(rows);
    assertTrue(table.lines().allMatch(l -> !l.endsWith(" ")), table);
  }
}
