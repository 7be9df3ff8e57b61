package io.github.connectbylist.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.Strategies;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.LocalAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The real orchestrator and strategies on a simulated network: exact virtual times. Addresses are data. */
class SimulationTest {
  private static final Strategies STRATEGIES = Strategies.discovered();
  private static final Duration DEADLINE = Duration.ofSeconds(10);

  private static Scenario scenario(List<String> destinations, SimulatedNetwork network) throws Exception {
    return new Scenario("test", "", destinations.stream().map(d -> new InetSocketAddress(ip(d), 443)).toList(),
        List.of(LocalAddress.of(ip("2001:db8:1::2"), 64, "eth0"), LocalAddress.of(ip("198.51.100.2"), 24, "eth0")),
        Map.of(), network);
  }

  private static SimulatedNetwork.Rule rule(String destination, Behaviour behaviour) {
    return new SimulatedNetwork.Rule(null, ip(destination), behaviour);
  }

  private static Trace run(Scenario s, String ranker, String scheduler) {
    return Simulation.connect(s, STRATEGIES.ranker(ranker), STRATEGIES.scheduler(scheduler), 7, 0, DEADLINE);
  }

  @Test
  void happyEyeballsConnectsToIpv4OneDelayAfterABlackHoledIpv6Start() throws Exception {
    Scenario s = scenario(List.of("2001:db8:10::1", "192.0.2.10"), new SimulatedNetwork(
        List.of(rule("192.0.2.10", new Behaviour.Connects(new Latency.Fixed(20)))), new Behaviour.BlackHoled()));
    Trace t = run(s, "happy-eyeballs", "happy-eyeballs");
    assertTrue(t.connected());
    assertEquals(270_000_000L, t.elapsedNanos(), "250 ms delay + 20 ms round trip, exactly");
    List<Attempt> a = t.attempts();
    assertEquals(Duration.ZERO, a.get(0).startedAt());
    assertEquals(FailureKind.CANCELLED, a.get(0).failure(), "the black-holed attempt is closed when IPv4 wins");
    assertEquals(Duration.ofMillis(250), a.get(1).startedAt());
    assertEquals(1, t.wasted());
  }

  @Test
  void aRefusalStartsTheNextAttemptAtTheSameVirtualInstant() throws Exception {
    Scenario s = scenario(List.of("192.0.2.9", "192.0.2.10"), new SimulatedNetwork(List.of(
        rule("192.0.2.9", new Behaviour.Refused(new Latency.Fixed(5))),
        rule("192.0.2.10", new Behaviour.Connects(new Latency.Fixed(7)))), new Behaviour.BlackHoled()));
    Trace t = run(s, "sequential", "sequential");
    assertEquals(FailureKind.REFUSED, t.attempts().get(0).failure());
    assertEquals(Duration.ofMillis(5), t.attempts().get(1).startedAt());
    assertEquals(12_000_000L, t.elapsedNanos());
  }

  @Test
  void theKernelGivesUpOnABlackHoleAfter127SecondsUnlessTheDeadlineComesFirst() throws Exception {
    Scenario s = scenario(List.of("192.0.2.10"), new SimulatedNetwork(List.of(), new Behaviour.BlackHoled()));
    Trace bounded = run(s, "sequential", "sequential");
    assertEquals(FailureKind.TIMED_OUT, bounded.failure());
    assertEquals(DEADLINE.toNanos(), bounded.elapsedNanos());
    Trace kernel = Simulation.connect(s, STRATEGIES.ranker("sequential"), STRATEGIES.scheduler("sequential"), 7, 0,
        Duration.ofSeconds(300));
    assertEquals(127_000_000_000L, kernel.elapsedNanos());
    assertEquals(FailureKind.TIMED_OUT, kernel.attempts().get(0).failure(), "the kernel's own time-out, not the deadline");
  }

  @Test
  void anUnreachableNetworkFailsAtOnceWithItsKind() throws Exception {
    Scenario s = scenario(List.of("2001:db8:10::1"), new SimulatedNetwork(List.of(), new Behaviour.Unreachable()));
    Trace t = run(s, "sequential", "sequential");
    assertEquals(FailureKind.NETWORK_UNREACHABLE, t.failure());
    assertEquals(0, t.elapsedNanos());
  }

  @Test
  void aLostSynIsSentAgainAfterOneSecond() throws Exception {
    Scenario s = scenario(List.of("192.0.2.10"), new SimulatedNetwork(List.of(), new Behaviour.Lossy(new Latency.Fixed(10), 1.0)));
    assertEquals(127_000_000_000L, Simulation.connect(s, STRATEGIES.ranker("sequential"),
        STRATEGIES.scheduler("sequential"), 7, 0, Duration.ofSeconds(300)).elapsedNanos(), "all lost: the kernel gives up");
    long[] seen = new long[2];
    Scenario half = scenario(List.of("192.0.2.10"), new SimulatedNetwork(List.of(), new Behaviour.Lossy(new Latency.Fixed(10), 0.5)));
    for (int run = 0; run < 200; run++) {
      long t = Simulation.connect(half, STRATEGIES.ranker("sequential"), STRATEGIES.scheduler("sequential"), 7, run,
          DEADLINE).elapsedNanos();
      assertTrue(t == 10_000_000L || t == 1_010_000_000L || t == 3_010_000_000L || t >= 7_010_000_000L, "t=" + t);
      seen[t == 10_000_000L ? 0 : 1]++;
    }
    assertTrue(seen[0] > 60 && seen[1] > 60, "about half the first SYNs get through: " + seen[0] + "/" + seen[1]);
  }

  @Test
  void aPairBehavesTheSameForEveryStrategyInOneRun() throws Exception {
    Scenario s = scenario(List.of("192.0.2.10"), new SimulatedNetwork(List.of(),
        new Behaviour.Connects(new Latency.LogNormal(20, 0.5))));
    for (int run = 0; run < 20; run++) {
      long a = Simulation.connect(s, STRATEGIES.ranker("sequential"), STRATEGIES.scheduler("sequential"), 3, run, DEADLINE)
          .elapsedNanos();
      long b = Simulation.connect(s, STRATEGIES.ranker("happy-eyeballs"), STRATEGIES.scheduler("happy-eyeballs"), 3, run,
          DEADLINE).elapsedNanos();
      assertEquals(a, b, "run " + run);
    }
    assertNotEquals(
        Simulation.connect(s, STRATEGIES.ranker("sequential"), STRATEGIES.scheduler("sequential"), 3, 0, DEADLINE).elapsedNanos(),
        Simulation.connect(s, STRATEGIES.ranker("sequential"), STRATEGIES.scheduler("sequential"), 4, 0, DEADLINE).elapsedNanos());
  }

  @Test
  void theOsPreferredSourceIsTriedFirst() throws Exception {
    Scenario s = ScenarioFormat.builtIn("multi-homed-bad-source");
    Trace t = run(s, "sequential", "sequential(attempt-timeout=250ms)");
    assertEquals(ip("203.0.113.2"), t.attempts().get(0).pair().source().address());
    assertEquals(FailureKind.TIMED_OUT, t.attempts().get(0).failure());
    assertFalse(t.attempts().get(1).pair().source().address().equals(ip("203.0.113.2")));
    assertTrue(t.connected());
  }

  @Test
  void badScenarioFilesNameTheField() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScenarioFormat.parse(
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(
            "{\"name\":\"x\",\"destinations\":[\"192.0.2.1:80\"],\"sources\":[],\"network\":"
                + "[{\"destination\":\"192.0.2.1\",\"behaviour\":\"teleports\"}]}"), "x.json"));
    assertTrue(e.getMessage().startsWith("x.json: network.behaviour:"), e.getMessage());
    IllegalArgumentException host = assertThrows(IllegalArgumentException.class, () -> ScenarioFormat.parse(
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(
            "{\"name\":\"x\",\"destinations\":[\"example.com:80\"],\"sources\":[],\"network\":[]}"), "x.json"));
    assertTrue(host.getMessage().contains("not an IP address literal"), host.getMessage());
  }

  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
