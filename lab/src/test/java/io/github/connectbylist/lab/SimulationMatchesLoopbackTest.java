package io.github.connectbylist.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.Connection;
import io.github.connectbylist.Strategies;
import io.github.connectbylist.api.LocalAddress;
import io.github.connectbylist.testbed.Testbed;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The same scenario in the simulator and on loopback gives the same times, within a stated tolerance: the
 * median of real connects is within 10 ms of the simulated time (the 100 ms delays make that 10 %, room for
 * a loaded two-core machine; unloaded the difference is about 1 ms). Loopback is modelled as it measures on
 * this machine: a connect or a refusal answers in about 0.05 ms, a black hole never.
 */
class SimulationMatchesLoopbackTest {
  private static final double TOLERANCE_MS = 10;
  private static final Behaviour LOOPBACK_CONNECT = new Behaviour.Connects(new Latency.Fixed(0.05));
  private static final Behaviour LOOPBACK_REFUSAL = new Behaviour.Refused(new Latency.Fixed(0.05));

  @ParameterizedTest(name = "{0} with {1}/{2}")
  @CsvSource(delimiter = '|', value = {
      "black-holed-then-good | sequential     | sequential(attempt-timeout=100ms)",
      "black-holed-then-good | happy-eyeballs | happy-eyeballs(connection-attempt-delay=100ms)",
      "refused-then-good     | sequential     | sequential",
      "refused-then-good     | happy-eyeballs | happy-eyeballs(connection-attempt-delay=100ms)",
  })
  void simulatedAndRealTimesAgree(String scenario, String ranker, String scheduler) throws Exception {
    try (Testbed testbed = new Testbed()) {
      InetSocketAddress good = testbed.accepting("127.0.0.1").address();
      InetSocketAddress bad = scenario.startsWith("black") ? testbed.blackHoled("127.0.0.3").address()
          : testbed.refusing("127.0.0.2").address();
      List<InetSocketAddress> destinations = List.of(bad, good);

      Scenario simulated = new Scenario(scenario, "", destinations,
          List.of(LocalAddress.of(InetAddress.getByName("127.0.0.1"), 8, "lo")), Map.of(),
          new SimulatedNetwork(List.of(
              new SimulatedNetwork.Rule(null, good.getAddress(), LOOPBACK_CONNECT),
              new SimulatedNetwork.Rule(null, bad.getAddress(),
                  scenario.startsWith("black") ? new Behaviour.BlackHoled() : LOOPBACK_REFUSAL)),
              new Behaviour.BlackHoled()));
      Strategies strategies = Strategies.discovered();
      double simulatedMs = Simulation.connect(simulated, strategies.ranker(ranker), strategies.scheduler(scheduler), 1, 0,
          Duration.ofSeconds(5)).elapsedNanos() / 1e6;

      List<Double> real = new ArrayList<>();
      try (ConnectByList cbl = ConnectByList.builder().ranker(ranker).scheduler(scheduler).build()) {
        for (int i = 0; i < 7; i++) {
          try (Connection c = cbl.connect(destinations)) {
            assertEquals(good, c.remoteAddress());
            real.add(c.elapsed().toNanos() / 1e6);
          }
        }
      }
      double median = median(real);
      assertTrue(Math.abs(median - simulatedMs) <= TOLERANCE_MS,
          "simulated " + simulatedMs + " ms, real median " + median + " ms (all: " + real + ")");
    }
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
