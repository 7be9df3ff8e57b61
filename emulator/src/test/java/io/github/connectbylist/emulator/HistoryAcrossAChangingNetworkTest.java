package io.github.connectbylist.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.Strategies;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.lab.Session;
import io.github.connectbylist.lab.SessionFormat;
import io.github.connectbylist.lab.SessionRunner;
import io.github.connectbylist.lab.Trace;
import java.net.Inet6Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator against the kernel, on one session: 20 connects on one instance of the default strategy,
 * {@value #INTERVAL_MS} ms apart; IPv6 fine, black-holed from connect 10, healed from connect 15. The connects
 * that pay the fallback delay and the one on which the strategy goes back to IPv6 are the ones the lab's
 * simulator predicts for the same session: the same family wins each connect, and the same connects wait.
 */
class HistoryAcrossAChangingNetworkTest {
  private static final int CONNECTS = 20;
  private static final int INTERVAL_MS = 500;
  private static final int BREAKS = 10;
  private static final int HEALS = 15;

  @Test
  void theConnectsThatPayTheDelayAndTheReturnToIpv6AreTheSimulatorsOwn(@TempDir Path dir) throws Exception {
    Networks.assumeAvailable();
    List<String> predicted = simulated(dir);
    List<String> measured = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    try (Network net = Network.up(Networks.clientServer(List.of(
            Networks.roundTrip("ipv6", Family.IPV6, 20), Networks.roundTrip("ipv4", Family.IPV4, 22))));
         var server = Networks.acceptingServer(net.host("server"), 443);
         Probe probe = new Probe(net.host("client"), "default", "default", 10_000)) {
      long start = System.nanoTime();
      for (int k = 0; k < CONNECTS; k++) {
        if (k == BREAKS) {
          net.rule(PathRule.named("ipv6").family(Family.IPV6).action(Action.DROP));
        } else if (k == HEALS) {
          net.rule(Networks.roundTrip("ipv6", Family.IPV6, 20));
        }
        long due = start + k * INTERVAL_MS * 1_000_000L;
        Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
        String line = probe.connect("[2001:db8:2::2]:443", "198.51.100.2:443");
        lines.add(line);
        double ms = Double.parseDouble(line.split(" ")[4]);
        measured.add((line.contains(" -> 2001:db8:2::2 ") ? "ipv6" : "ipv4") + (ms > 200 ? " waited" : ""));
      }
    }
    for (int k = 0; k < CONNECTS; k++) {
      System.out.printf("connect %2d  simulated %-12s  kernel %-12s  %s%n", k, predicted.get(k), measured.get(k),
          lines.get(k));
    }
    assertEquals(predicted, measured, "each connect's family, and whether it waited for the fallback");
    assertTrue(measured.get(BREAKS).equals("ipv4 waited"), "the first connect into the black hole pays the delay");
    assertTrue(measured.subList(HEALS, CONNECTS).contains("ipv6"), "and the strategy goes back to IPv6");
  }

  /** The same session in the lab: its scenario and phases written as the lab's files. */
  private static List<String> simulated(Path dir) throws Exception {
    Files.writeString(dir.resolve("scenario.json"), """
        {"name": "emulated", "description": "the emulated client and server",
         "destinations": ["[2001:db8:2::2]:443", "198.51.100.2:443"],
         "sources": [{"address": "2001:db8:1::2", "prefix": 64, "interface": "eth0"},
                     {"address": "192.0.2.2", "prefix": 24, "interface": "eth0"}],
         "network": [%s, %s]}""".formatted(v6("connects"), v4()));
    Files.writeString(dir.resolve("session.json"), """
        {"name": "breaks-and-heals", "description": "IPv6 black-holed from connect %d to %d",
         "scenario": "scenario.json", "connects": %d, "interval-ms": %d,
         "phases": [{"from-ms": %d, "network": [%s, %s]}, {"from-ms": %d, "network": [%s, %s]}]}"""
        .formatted(BREAKS, HEALS, CONNECTS, INTERVAL_MS, BREAKS * INTERVAL_MS, v6("black-holed"), v4(),
            HEALS * INTERVAL_MS, v6("connects"), v4()));
    Session session = SessionFormat.read(dir.resolve("session.json"));
    Strategies.Choice defaults = Strategies.discovered().defaults();
    List<Trace> traces = SessionRunner.runOnce(session, defaults.ranker(), defaults.scheduler(), 1, 0,
        Duration.ofSeconds(10));
    List<String> out = new ArrayList<>();
    for (Trace t : traces) {
      Attempt won = t.attempts().stream().filter(a -> a.failure() == null && a.endedAt() != null).reduce((a, b) -> b)
          .orElseThrow(() -> new AssertionError("a simulated connect failed: " + t));
      out.add((won.pair().destinationAddress() instanceof Inet6Address ? "ipv6" : "ipv4")
          + (t.elapsedNanos() > 200_000_000L ? " waited" : ""));
    }
    return out;
  }

  private static String v6(String behaviour) {
    return behaviour.equals("connects")
        ? "{\"destination\": \"2001:db8:2::2\", \"behaviour\": \"connects\", \"latency\": {\"fixed-ms\": 20}}"
        : "{\"destination\": \"2001:db8:2::2\", \"behaviour\": \"" + behaviour + "\"}";
  }

  private static String v4() {
    return "{\"destination\": \"198.51.100.2\", \"behaviour\": \"connects\", \"latency\": {\"fixed-ms\": 22}}";
  }
}
