package io.github.connectbylist.benchmarks;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.Connection;
import io.github.connectbylist.Strategies;
import io.github.connectbylist.api.LocalAddress;
import io.github.connectbylist.lab.Behaviour;
import io.github.connectbylist.lab.Experiment;
import io.github.connectbylist.lab.Latency;
import io.github.connectbylist.lab.SimulatedNetwork;
import io.github.connectbylist.lab.Simulation;
import io.github.connectbylist.lab.Trace;
import io.github.connectbylist.testbed.DnsServer;
import io.github.connectbylist.testbed.Testbed;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the real clients installed here and their models on the same loopback endpoints, and the models again in the
 * simulator on the same scenarios, and prints the validation table of {@code docs/client-strategies.md}: the median
 * time to connect of each, and the model's distance from its client. A model should be within 5 ms of its client at the
 * median; where it is not, the table says by how much, and that page says why.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.github.connectbylist.benchmarks.ClientValidation
 * [--runs N] [--scripts DIR] [--out FILE]}; {@code benchmarks/validate-clients.sh} runs it.
 */
public final class ClientValidation {
  private static final List<Scenario> SCENARIOS = List.of(Scenario.GOOD_FIRST, Scenario.REFUSED_THEN_GOOD,
      Scenario.BLACK_HOLED_IPV6_THEN_GOOD_IPV4, Scenario.BLACK_HOLED_REFUSED_GOOD, Scenario.TWO_BLACK_HOLED_THEN_GOOD);
  /** A loopback connect or refusal in the simulator: about what the testbed's take. */
  private static final double LOOPBACK_MS = 0.1;
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private ClientValidation() {}

  /**
   * Runs the validation.
   *
   * @param args {@code --runs N} (9), {@code --scripts DIR} ({@code benchmarks/clients}), {@code --out FILE}
   * @throws Exception when an endpoint cannot start or a client cannot be run
   */
  public static void main(String[] args) throws Exception {
    int runs = 9;
    Path scripts = Path.of("benchmarks/clients");
    Path out = Path.of("benchmarks/target/validation.md");
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[i + 1]);
        case "--scripts" -> scripts = Path.of(args[i + 1]);
        case "--out" -> out = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; use --runs, --scripts, --out");
      }
    }
    if (!Testbed.ipv6LoopbackAvailable()) {
      System.err.println("::1 is not available: the black-holed IPv6 endpoint will be 127.0.0.5 (IPv4)");
    }
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
        "| scenario | client | client p50 ms | model | model, real sockets p50 ms | model, simulator ms | "
            + "model - client ms |%n|---|---|---|---|---|---|---|%n"));
    List<String> notes = new ArrayList<>();
    try (DnsServer dns = DnsServer.start()) {
      List<RealClient> clients = RealClient.all(scripts, dns);
      for (RealClient client : clients) {
        client.unavailable().ifPresent(why -> notes.add(client.name() + ": " + why));
      }
      for (Scenario scenario : SCENARIOS) {
        try (Testbed testbed = new Testbed()) {
          List<InetSocketAddress> addresses = scenario.start(testbed);
          for (RealClient client : clients) {
            if (client.unavailable().isPresent()) {
              continue;
            }
            List<Double> real = client.connectTimes(addresses, runs);
            List<Double> model = modelOnSockets(client.model(), addresses, runs);
            double simulated = modelInSimulator(client.model(), scenario, addresses);
            double clientMedian = median(real);
            double modelMedian = median(model);
            table.append(String.format(Locale.ROOT, "| %s | %s | %s | `%s` | %s | %s | %s |%n", scenario.id,
                client.name(), cell(clientMedian, real), client.model(), cell(modelMedian, model), ms(simulated),
                signed(modelMedian - clientMedian)));
            System.err.printf(Locale.ROOT, "%s, %s: client %s, model %s, simulator %s%n", scenario.id, client.name(),
                Arrays.toString(real.toArray()), Arrays.toString(model.toArray()), ms(simulated));
          }
        }
      }
    }
    StringBuilder report = new StringBuilder(table);
    notes.forEach(n -> report.append(String.format(Locale.ROOT, "%nNot run: %s", n)));
    report.append(String.format(Locale.ROOT, "%n%d runs per client and scenario; medians of connects that succeeded, "
        + "failures counted in brackets.%n", runs));
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, report.toString());
    System.out.print(report);
  }

  @SuppressWarnings("try") // each connection is only made and closed
  private static List<Double> modelOnSockets(String model, List<InetSocketAddress> addresses, int runs) {
    String[] parts = Experiment.split(model);
    List<Double> out = new ArrayList<>();
    try (ConnectByList cbl = ConnectByList.builder().ranker(parts[0]).scheduler(parts[1]).timeout(DEADLINE).build()) {
      for (int i = 0; i < runs; i++) {
        long start = System.nanoTime();
        try (Connection c = cbl.connect(addresses)) {
          out.add((System.nanoTime() - start) / 1e6);
        } catch (IOException failed) {
          out.add(Double.NaN);
        }
      }
    }
    return out;
  }

  private static double modelInSimulator(String model, Scenario scenario, List<InetSocketAddress> addresses)
      throws IOException {
    List<String> roles = scenario.roles();
    List<SimulatedNetwork.Rule> rules = new ArrayList<>();
    for (int i = 0; i < addresses.size(); i++) {
      Behaviour behaviour = switch (roles.get(i)) {
        case "good" -> new Behaviour.Connects(new Latency.Fixed(LOOPBACK_MS));
        case "refused" -> new Behaviour.Refused(new Latency.Fixed(LOOPBACK_MS));
        default -> new Behaviour.BlackHoled();
      };
      rules.add(new SimulatedNetwork.Rule(null, addresses.get(i).getAddress(), behaviour));
    }
    io.github.connectbylist.lab.Scenario simulated = new io.github.connectbylist.lab.Scenario(scenario.id,
        "validation", addresses, List.of(LocalAddress.of(InetAddress.getByName("127.0.0.1"), 8, "lo"),
            LocalAddress.of(InetAddress.getByName("::1"), 128, "lo")), Map.of(),
        new SimulatedNetwork(rules, new Behaviour.BlackHoled()));
    Strategies strategies = Strategies.discovered();
    String[] parts = Experiment.split(model);
    Trace t = Simulation.connect(simulated, strategies.ranker(parts[0]), strategies.scheduler(parts[1]), 1, 0, DEADLINE);
    return t.connected() ? t.elapsedNanos() / 1e6 : Double.NaN;
  }

  private static double median(List<Double> samples) {
    double[] ok = samples.stream().filter(d -> !d.isNaN()).mapToDouble(Double::doubleValue).sorted().toArray();
    if (ok.length == 0) {
      return Double.NaN;
    }
    return ok.length % 2 == 1 ? ok[ok.length / 2] : (ok[ok.length / 2 - 1] + ok[ok.length / 2]) / 2;
  }

  private static String cell(double median, List<Double> samples) {
    long failed = samples.stream().filter(d -> d.isNaN()).count();
    return ms(median) + (failed > 0 ? " (" + failed + " failed)" : "");
  }

  private static String ms(double v) {
    return Double.isNaN(v) ? "failed" : v >= 100 ? String.format(Locale.ROOT, "%.1f", v)
        : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String signed(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%+.2f", v);
  }
}
