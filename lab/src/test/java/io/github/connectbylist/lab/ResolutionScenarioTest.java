package io.github.connectbylist.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.connectbylist.Strategies;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.FailureKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Connects by name in the lab: the loopback cases of {@code ConnectByNameOnLoopbackTest} (resolver-dns) with
 * exact virtual times, and the built-in scenarios with slow and lost answers.
 */
class ResolutionScenarioTest {
  private static final Strategies STRATEGIES = Strategies.discovered();
  private static final Duration DEADLINE = Duration.ofSeconds(10);

  /** Loopback-like: both families answer connects in 0.05 ms unless a rule says otherwise. */
  private static Scenario scenario(String aaaa, String a, String network) throws Exception {
    String json = """
        {"name": "case", "destinations": ["[2001:db8:10::1]:443", "192.0.2.10:443"],
         "sources": [{"address": "2001:db8:1::2", "prefix": 64}, {"address": "198.51.100.2", "prefix": 24}],
         "resolution": {"name": "case.test", "timeout-ms": 5000, "aaaa": %s, "a": %s},
         "network": [%s], "otherwise": {"behaviour": "connects", "latency": {"fixed-ms": 0.05}}}
        """.formatted(aaaa, a, network);
    return ScenarioFormat.parse(new ObjectMapper().readTree(json), "test");
  }

  private static Trace run(Scenario s, String strategy) {
    String[] parts = Experiment.split(strategy);
    return Simulation.connect(s, STRATEGIES.ranker(parts[0]), STRATEGIES.scheduler(parts[1]), 1, 0, DEADLINE);
  }

  @Test
  void aSlowAaaaCostsTheResolutionDelayPlusOneConnect() throws Exception {
    Scenario s = scenario("{\"delay\": {\"fixed-ms\": 300}}", "{\"delay\": {\"fixed-ms\": 0}}", "");
    Trace he = run(s, "happy-eyeballs/happy-eyeballs");
    assertEquals(50_050_000L, he.elapsedNanos(), "50 ms resolution delay + 0.05 ms connect, exactly");
    assertFalse(he.attempts().get(0).pair().isIpv6());
    Trace waits = run(s, "happy-eyeballs/sequential");
    assertEquals(300_050_000L, waits.elapsedNanos(), "a scheduler that waits for both answers pays the AAAA's 300 ms");
  }

  @Test
  void aSlowAIsNotWaitedFor() throws Exception {
    Trace t = run(scenario("{\"delay\": {\"fixed-ms\": 0}}", "{\"delay\": {\"fixed-ms\": 1000}}", ""),
        "happy-eyeballs/happy-eyeballs");
    assertEquals(50_000L, t.elapsedNanos(), "AAAA first: at once over IPv6");
    assertTrue(t.attempts().get(0).pair().isIpv6());
  }

  @Test
  void aLostAaaaCostsTheResolutionDelayNotTheQueryTimeout() throws Exception {
    Trace t = run(scenario("{\"answer\": \"lost\"}", "{\"delay\": {\"fixed-ms\": 0}}", ""), "happy-eyeballs/happy-eyeballs");
    assertEquals(50_050_000L, t.elapsedNanos());
  }

  @Test
  void behindABlackHoledIpv4TheLateAaaaStartsOnItsAnswerAndWins() throws Exception {
    Scenario s = scenario("{\"delay\": {\"fixed-ms\": 150}}", "{\"delay\": {\"fixed-ms\": 0}}",
        "{\"destination\": \"192.0.2.10\", \"behaviour\": \"black-holed\"}");
    Trace t = run(s, "happy-eyeballs/happy-eyeballs");
    List<Attempt> a = t.attempts();
    assertEquals(Duration.ofMillis(50), a.get(0).startedAt(), "IPv4 after the resolution delay");
    assertEquals(Duration.ofMillis(150), a.get(1).startedAt(), "IPv6 the moment its answer came");
    assertTrue(a.get(1).connected() && a.get(1).pair().isIpv6());
    assertEquals(150_050_000L, t.elapsedNanos());
  }

  @Test
  void noSuchNameFailsWithItsKindAndNoAttempt() throws Exception {
    Trace t = run(scenario("{\"answer\": \"nxdomain\", \"delay\": {\"fixed-ms\": 3}}",
        "{\"answer\": \"nxdomain\", \"delay\": {\"fixed-ms\": 4}}", ""), "happy-eyeballs/happy-eyeballs");
    assertFalse(t.connected());
    assertEquals(FailureKind.NO_SUCH_NAME, t.failure());
    assertEquals(List.of(), t.attempts());
  }

  @Test
  void theBuiltInScenariosShowWhatRacingTheAnswersIsWorth() {
    for (Object[] c : new Object[][] {
        {"slow-aaaa", 100.0, 300.0}, {"lost-aaaa", 100.0, 5000.0}, {"slow-a", 60.0, 1000.0}}) {
      Scenario s = ScenarioFormat.builtIn((String) c[0]);
      double racing = medianMillis(s, "happy-eyeballs/happy-eyeballs");
      double waiting = medianMillis(s, "sequential/sequential");
      assertTrue(racing < (double) c[1], c[0] + ": Happy Eyeballs median " + racing);
      assertTrue(waiting > (double) c[2], c[0] + ": waiting for both answers, median " + waiting);
    }
  }

  private static double medianMillis(Scenario s, String strategy) {
    String[] parts = Experiment.split(strategy);
    List<Double> ms = new ArrayList<>();
    try (Simulation sim = new Simulation(s, STRATEGIES.ranker(parts[0]), STRATEGIES.scheduler(parts[1]), 1, DEADLINE)) {
      for (int run = 0; run < 101; run++) {
        ms.add(sim.connect(run).elapsedNanos() / 1e6);
      }
    }
    Collections.sort(ms);
    return ms.get(50);
  }

  @Test
  void aResolutionWithoutItsQueriesOrWithABadAnswerIsAnErrorThatNamesIt() {
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> scenario("{\"delay\": {\"fixed-ms\": 1}}", "null", ""));
    assertTrue(missing.getMessage().contains("resolution.a"), missing.getMessage());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> scenario("{\"answer\": \"maybe\"}", "{}", ""));
    assertTrue(bad.getMessage().contains("resolution.aaaa.answer") && bad.getMessage().contains("maybe"),
        bad.getMessage());
  }
}
