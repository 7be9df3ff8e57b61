package io.github.connectbylist.realclients;

import io.github.connectbylist.Strategies;
import io.github.connectbylist.emulator.Action;
import io.github.connectbylist.emulator.EmulatedHost;
import io.github.connectbylist.emulator.Family;
import io.github.connectbylist.emulator.Network;
import io.github.connectbylist.emulator.PathRule;
import io.github.connectbylist.emulator.Protocol;
import io.github.connectbylist.lab.Behaviour;
import io.github.connectbylist.lab.LazyEye;
import io.github.connectbylist.lab.Latency;
import io.github.connectbylist.lab.Resolution;
import io.github.connectbylist.lab.Scenario;
import io.github.connectbylist.lab.SimulatedNetwork;
import io.github.connectbylist.lab.Simulation;
import io.github.connectbylist.lab.Trace;
import io.github.connectbylist.api.LocalAddress;
import io.github.connectbylist.testbed.DnsReply;
import io.github.connectbylist.testbed.DnsServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The Lazy Eye test set (Sattler et al., IMC 2025) on real clients, on emulated networks on this kernel, each
 * number read from the packet log, never from the client's output:
 *
 * <ul>
 *   <li><b>connection attempt delay</b>: IPv6 connects take 4 s (2 s each way, TCP only); the time from the
 *       first IPv6 SYN to the first IPv4 SYN is the delay itself, measured directly where the paper sweeps the
 *       IPv6 delay in 5 ms steps to find where IPv4 starts;
 *   <li><b>first family</b>: the family of the first SYN in the same runs;
 *   <li><b>resolution delay</b>: the AAAA answer leaves the DNS server 1 s after the A answer; the time from
 *       the A answer to the first SYN, when that SYN is IPv4 and leaves before the AAAA answer, else the client
 *       waits for AAAA;
 *   <li><b>addresses used</b>: ten addresses per family whose connects take 30 s (15 s each way); the
 *       destinations of the SYNs sent before the first handshake completes.
 * </ul>
 *
 * <p>Each run is a network of its own with its pcap file. A client's model, where it has one, is measured by
 * the lab's simulated Lazy Eye set on the same cases, and the time to connect of client and model compared on
 * four delayed scenarios.
 */
public final class RealLazyEye {
  static final Duration CAD_IPV6_ONE_WAY = Duration.ofSeconds(2);
  static final Duration AAAA_LATE = Duration.ofSeconds(1);
  static final Duration SLOW_ONE_WAY = Duration.ofSeconds(15);
  private static final Duration RUN_LIMIT = Duration.ofSeconds(20);
  private static final Duration SLOW_RUN_LIMIT = Duration.ofSeconds(45);

  private RealLazyEye() {}

  /**
   * How the study runs.
   *
   * @param repetitions runs of each timed case per client (the addresses case runs once: it counts)
   * @param out where pcap files go ({@code out/pcap/CLIENT-CASE-N.pcap})
   * @param progress a line per run
   * @param timeToConnect whether to run the four time-to-connect scenarios too
   */
  public record Options(int repetitions, Path out, PrintWriter progress, boolean timeToConnect) {}

  /**
   * One row: a real client's measurements (kind {@code real}) or its model's from the simulator (kind
   * {@code model}). A delay of -1 means none was seen (no fallback; waits for AAAA).
   *
   * @param client the client, or the model's spec
   * @param version the client's version, or the model's name
   * @param kind {@code real} or {@code model}
   * @param cadMs the connection attempt delay, median of the runs
   * @param cadMinMs the least
   * @param cadMaxMs the greatest
   * @param rdMs the resolution delay, median
   * @param rdMinMs the least
   * @param rdMaxMs the greatest
   * @param ipv6Addresses IPv6 addresses tried before the first connected
   * @param ipv4Addresses IPv4 addresses tried
   * @param firstFamily {@code ipv6} or {@code ipv4} (the most common first SYN over the runs)
   * @param runs how many runs the row is made of
   * @param model for a real client, the spec of its model; empty otherwise
   */
  public record Row(String client, String version, String kind, double cadMs, double cadMinMs, double cadMaxMs,
      double rdMs, double rdMinMs, double rdMaxMs, int ipv6Addresses, int ipv4Addresses, String firstFamily, int runs,
      String model) {}

  /**
   * Time to connect on one delayed scenario, real against simulated, and the same split at the first SYN.
   * Times run from the client's first packet, its first DNS query. The real values are medians over the runs,
   * each part the median of that part in each run (so that a part is never one run's minus another's).
   *
   * @param client the client
   * @param model its model's spec
   * @param scenario the scenario's name
   * @param realMs the real client's median, from its first DNS query to its first completed handshake; -1 when
   *     no run connected
   * @param realMinMs the least
   * @param realMaxMs the greatest
   * @param modelMs the model's, in the simulator; -1 when it did not connect
   * @param realFirstSynMs the real client's first SYN: its wait for names and its own work before its first
   *     attempt (a browser still loading, a JVM loading classes)
   * @param realFromFirstSynMs from its first SYN to its first handshake: the strategy's part
   * @param realAnswerToSynMs from the last DNS answer before its first SYN to that SYN: its own work once it
   *     had addresses, or the resolution delay of a client that starts before AAAA has come
   * @param modelFirstSynMs the model's first attempt, in the simulator
   * @param otherFirstFamily how many runs sent their first SYN in the family the model does not start with (a
   *     client whose answers race may start with either; its median then mixes two paths)
   * @param runsStarted how many runs sent a SYN at all: those {@code otherFirstFamily} counts among
   * @param modelFirstFamily the family of the model's first attempt; {@code null} when it made none
   */
  public record Connect(String client, String model, String scenario, double realMs, double realMinMs,
      double realMaxMs, double modelMs, double realFirstSynMs, double realFromFirstSynMs, double realAnswerToSynMs,
      double modelFirstSynMs, int otherFirstFamily, int runsStarted, Family modelFirstFamily) {

    /**
     * What the report says when runs started with the family the model does not start with. Some of them is a
     * client whose answers race, and a median that mixes two paths; all of them is no race but the model taking
     * the other path (its first address is not the client's), however near its time.
     *
     * @return the sentence; empty when every run started with the model's family
     */
    public String familyNote() {
      if (otherFirstFamily == 0 || modelFirstFamily == null) {
        return "";
      }
      String model = familyName(modelFirstFamily);
      String other = familyName(modelFirstFamily == Family.IPV6 ? Family.IPV4 : Family.IPV6);
      if (otherFirstFamily >= runsStarted) {
        return (runsStarted == 1 ? "the run" : "all " + runsStarted + " runs") + " started with " + other
            + ", the model with " + model + ": it takes another path, whatever its time";
      }
      return otherFirstFamily + " of the " + runsStarted + " runs started with " + other + ", the model with "
          + model + " (answers that race): the median mixes two paths";
    }

    private static String familyName(Family f) {
      return f == Family.IPV6 ? "IPv6" : "IPv4";
    }

    /**
     * Whether the model is off by more than {@link StudyReport#TOLERANCE_MS} from the client, or only one of the
     * two connected.
     *
     * @return whether this is a miss
     */
    public boolean miss() {
      if (realMs < 0 || modelMs < 0) {
        return realMs >= 0 != modelMs >= 0;
      }
      return Math.abs(modelMs - realMs) > StudyReport.TOLERANCE_MS;
    }

    /**
     * From the first SYN to the connect, model minus real: the strategy's own time, with the wait for names and
     * the client's work before its first attempt taken out; {@code NaN} when either did not connect.
     *
     * @return model minus real, in ms
     */
    public double strategyDifferenceMs() {
      if (realMs < 0 || modelMs < 0 || realFromFirstSynMs < 0 || modelFirstSynMs < 0) {
        return Double.NaN;
      }
      return (modelMs - modelFirstSynMs) - realFromFirstSynMs;
    }
  }

  /**
   * What the study found.
   *
   * @param rows real and model rows, each real client followed by its model
   * @param connects time to connect, real against simulated
   * @param timelines one run of one scenario per client with a model: the real run's trace and the model's
   * @param failed a line for each client that could not be measured (its runs went wrong), the rest measured
   * @param elapsed how long the study took
   */
  public record Study(List<Row> rows, List<Connect> connects, List<Map.Entry<String, Trace>> timelines,
      List<String> failed, Duration elapsed) {}

  /**
   * Runs the study on {@code clients}; each must be available (see {@link RealClient#unavailable}).
   *
   * @param clients the clients
   * @param options repetitions, where pcaps go, progress
   * @return the rows
   * @throws IOException when a network cannot be built or a client cannot start
   */
  public static Study run(List<RealClient> clients, Options options) throws IOException {
    long start = System.nanoTime();
    List<Row> rows = new ArrayList<>();
    List<Connect> connects = new ArrayList<>();
    List<Map.Entry<String, Trace>> timelines = new ArrayList<>();
    List<String> models = new ArrayList<>();
    for (RealClient c : clients) {
      c.model().ifPresent(m -> {
        if (!models.contains(m)) {
          models.add(m);
        }
      });
    }
    List<LazyEye.Result> simulated = LazyEye.results(models, 0);
    List<String> failed = new ArrayList<>();
    for (RealClient c : clients) {
      List<Row> clientRows = new ArrayList<>();
      List<Connect> clientConnects = new ArrayList<>();
      List<Map.Entry<String, Trace>> clientTimelines = new ArrayList<>();
      try {
        clientRows.add(measure(c, options));
        Optional<String> model = c.model();
        if (model.isPresent()) {
          LazyEye.Result m = simulated.get(models.indexOf(model.get()));
          clientRows.add(new Row(m.strategy(), "model", "model", m.cadMinMs() < 0 ? -1
              : (m.cadMinMs() + m.cadMaxMs()) / 2, m.cadMinMs(), m.cadMaxMs(), m.rdMinMs() < 0 ? -1
              : (m.rdMinMs() + m.rdMaxMs()) / 2, m.rdMinMs(), m.rdMaxMs(), m.ipv6Addresses(), m.ipv4Addresses(),
              m.ipv6First() ? "ipv6" : "ipv4", 1, ""));
          if (options.timeToConnect()) {
            for (Delayed d : Delayed.values()) {
              clientConnects.add(timeToConnect(c, model.get(), d, options, clientTimelines));
            }
          }
        }
      } catch (IOException | RuntimeException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw e instanceof IOException io ? io : new IOException("interrupted", e);
        }
        failed.add(c.name() + ": " + e);
        options.progress().println(c.name() + " could not be measured, the study goes on: " + e);
        continue;
      }
      rows.addAll(clientRows);
      connects.addAll(clientConnects);
      timelines.addAll(clientTimelines);
    }
    return new Study(rows, connects, timelines, failed, Duration.ofNanos(System.nanoTime() - start));
  }

  private static Row measure(RealClient client, Options o) throws IOException {
    String version = client.version();
    List<Double> cad = new ArrayList<>();
    List<Double> rd = new ArrayList<>();
    int ipv6First = 0;
    int firsts = 0;
    for (int i = 0; i < o.repetitions(); i++) {
      RunFacts f = run(client, "cad", i, List.of(StudyNetwork.tcpDelay(Family.IPV6, CAD_IPV6_ONE_WAY)), null,
          StudyNetwork.NAME, RUN_LIMIT, o);
      cad.add(f.connectionAttemptDelayMs());
      if (f.firstFamily() != null) {
        firsts++;
        ipv6First += f.firstFamily() == Family.IPV6 ? 1 : 0;
      }
      RunFacts r = run(client, "rd", i, List.of(), AAAA_LATE, StudyNetwork.NAME, RUN_LIMIT, o);
      rd.add(r.resolutionDelayMs());
    }
    RunFacts many = run(client, "addresses", 0, List.of(PathRule.named("slow").protocol(Protocol.TCP)
        .delay(SLOW_ONE_WAY)), null, StudyNetwork.MANY, SLOW_RUN_LIMIT, o);
    double[] c = stats(cad);
    double[] d = stats(rd);
    return new Row(client.name(), version, "real", c[0], c[1], c[2], d[0], d[1], d[2], many.ipv6Tried().size(),
        many.ipv4Tried().size(), firsts == 0 ? "none" : ipv6First * 2 >= firsts ? "ipv6" : "ipv4", o.repetitions(),
        client.model().orElse(""));
  }

  /**
   * {median, min, max} of the values seen (-1 for none seen), or all -1 when most runs saw none: a client that
   * fell back in one run of three does not get a delay that two runs say it does not have.
   */
  static double[] stats(List<Double> values) {
    double[] seen = values.stream().filter(v -> v >= 0).mapToDouble(Double::doubleValue).sorted().toArray();
    if (seen.length == 0 || seen.length * 2 < values.size()) {
      return new double[] {-1, -1, -1};
    }
    double median = seen.length % 2 == 1 ? seen[seen.length / 2]
        : (seen[seen.length / 2 - 1] + seen[seen.length / 2]) / 2;
    return new double[] {median, seen[0], seen[seen.length - 1]};
  }

  /** One run of one client on a network of its own: its packets, read. */
  @SuppressWarnings("try") // the HTTP server serves for the block's scope
  static RunFacts run(RealClient client, String kind, int n, List<PathRule> rules, Duration aaaaLate, String name,
      Duration limit, Options o) throws IOException {
    Path pcap = o.out().resolve("pcap").resolve(fileName(client.name()) + "-" + kind + "-" + n + ".pcap");
    Files.createDirectories(pcap.getParent());
    try (Network net = Network.up(StudyNetwork.topology("lazy-eye-" + kind, rules),
        new Network.Options(Optional.of(pcap), n + 1));
         AutoCloseable http = net.host("server").serveHttp(StudyNetwork.PORT)) {
      if (aaaaLate != null) {
        DnsServer dns = net.nameServer().orElseThrow();
        dns.reply(name, DnsServer.RecordType.AAAA, DnsReply.addresses(text(StudyNetwork.serverV6(1))).after(aaaaLate));
      }
      EmulatedHost host = net.host("client");
      long started = System.nanoTime();
      Process p = client.start(host, name, StudyNetwork.PORT, limit);
      Thread drain = new Thread(() -> { // what it prints is not read: the packet log says what it did
        try (var in = p.getInputStream()) {
          in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
          // ended
        }
      }, "realclients-drain");
      drain.setDaemon(true);
      drain.start();
      boolean ended = awaitThenEnd(p, limit.toMillis() + 5_000, client.name());
      RunFacts facts = RunFacts.of(net.packets(), Set.of(StudyNetwork.CLIENT_V6, StudyNetwork.CLIENT_V4),
          StudyNetwork.DNS, name, StudyNetwork.PORT);
      o.progress().printf(Locale.ROOT, "%-24s %-9s #%d  %6.0f ms  first %s  cad %s  rd %s  tried v6 %d v4 %d%s%n",
          client.name(), kind, n, (System.nanoTime() - started) / 1e6, facts.firstFamily(),
          ms(facts.connectionAttemptDelayMs()), ms(facts.resolutionDelayMs()), facts.ipv6Tried().size(),
          facts.ipv4Tried().size(), ended ? "" : "  (killed at its limit)");
      o.progress().flush();
      return facts;
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  /**
   * Waits up to {@code millis} for the client, then kills what is left of it and waits for that too (its
   * {@link ClientProcess} ends once everything it started is gone and its folder deleted): the next run's
   * network must not share the machine with this run's browser or its profile's deletion.
   *
   * @return whether it ended by itself (or at its own limit) within {@code millis}
   */
  private static boolean awaitThenEnd(Process p, long millis, String name) throws IOException {
    try {
      boolean ended = p.waitFor(millis, TimeUnit.MILLISECONDS);
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        throw new IOException(name + " did not end 30 s after it was killed");
      }
      return ended;
    } catch (InterruptedException e) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** The four delayed scenarios of the time-to-connect comparison. */
  enum Delayed {
    IPV6_100_IPV4_20("IPv6 100 ms, IPv4 20 ms", 100, 20, 0),
    IPV6_300_IPV4_20("IPv6 300 ms, IPv4 20 ms", 300, 20, 0),
    IPV6_BLACK_HOLE_IPV4_50("IPv6 black-holed, IPv4 50 ms", -1, 50, 0),
    AAAA_200_LATE("AAAA 200 ms late, both 20 ms", 20, 20, 200);

    final String title;
    final int ipv6RoundTrip;
    final int ipv4RoundTrip;
    final int aaaaLateMs;

    Delayed(String title, int ipv6RoundTrip, int ipv4RoundTrip, int aaaaLateMs) {
      this.title = title;
      this.ipv6RoundTrip = ipv6RoundTrip;
      this.ipv4RoundTrip = ipv4RoundTrip;
      this.aaaaLateMs = aaaaLateMs;
    }

    List<PathRule> rules() {
      List<PathRule> rules = new ArrayList<>();
      rules.add(ipv6RoundTrip < 0
          ? PathRule.named("tcp-ipv6").family(Family.IPV6).protocol(Protocol.TCP).action(Action.DROP)
          : StudyNetwork.tcpDelay(Family.IPV6, Duration.ofNanos(ipv6RoundTrip * 500_000L)));
      rules.add(StudyNetwork.tcpDelay(Family.IPV4, Duration.ofNanos(ipv4RoundTrip * 500_000L)));
      return rules;
    }

    Scenario simulated() {
      InetSocketAddress v6 = new InetSocketAddress(StudyNetwork.serverV6(1), StudyNetwork.PORT);
      InetSocketAddress v4 = new InetSocketAddress(StudyNetwork.serverV4(1), StudyNetwork.PORT);
      Behaviour six = ipv6RoundTrip < 0 ? new Behaviour.BlackHoled()
          : new Behaviour.Connects(new Latency.Fixed(ipv6RoundTrip));
      return new Scenario(name().toLowerCase(Locale.ROOT), title, List.of(v6, v4),
          List.of(LocalAddress.of(StudyNetwork.CLIENT_V6, 64, "eth0"), LocalAddress.of(StudyNetwork.CLIENT_V4, 24,
              "eth0")), Map.of(),
          new SimulatedNetwork(List.of(new SimulatedNetwork.Rule(null, v6.getAddress(), six),
              new SimulatedNetwork.Rule(null, v4.getAddress(), new Behaviour.Connects(new Latency.Fixed(ipv4RoundTrip)))),
              new Behaviour.Connects(new Latency.Fixed(ipv4RoundTrip))),
          new Resolution(StudyNetwork.NAME, new Resolution.Family(Resolution.Answer.ADDRESSES,
              new Latency.Fixed(aaaaLateMs)), new Resolution.Family(Resolution.Answer.ADDRESSES, new Latency.Fixed(0)),
              5_000));
    }
  }

  private static Connect timeToConnect(RealClient c, String model, Delayed d, Options o,
      List<Map.Entry<String, Trace>> timelines) throws IOException {
    List<Double> real = new ArrayList<>();
    List<Double> firstSyn = new ArrayList<>();
    List<Double> fromFirstSyn = new ArrayList<>();
    List<Double> answerToSyn = new ArrayList<>();
    List<Family> firstFamilies = new ArrayList<>();
    Trace first = null;
    for (int i = 0; i < o.repetitions(); i++) {
      RunFacts f = run(c, "ttc-" + d.name().toLowerCase(Locale.ROOT), i, d.rules(),
          d.aaaaLateMs == 0 ? null : Duration.ofMillis(d.aaaaLateMs), StudyNetwork.NAME, RUN_LIMIT, o);
      real.add(f.connectedMs());
      boolean connected = f.connectedMs() >= 0;
      firstSyn.add(connected ? f.firstSynMs() : -1);
      fromFirstSyn.add(connected ? f.connectedMs() - f.firstSynMs() : -1);
      answerToSyn.add(connected ? f.answerToFirstSynMs() : -1);
      firstFamilies.add(f.firstFamily());
      if (first == null) {
        first = f.trace();
      }
    }
    Trace simulated = simulated(d, model);
    if (d == Delayed.IPV6_300_IPV4_20) {
      timelines.add(Map.entry(c.name() + ", on the kernel", first));
      timelines.add(Map.entry(model + ", in the simulator", simulated));
    }
    double[] s = stats(real);
    boolean modelConnected = simulated.connected() && !simulated.attempts().isEmpty();
    Family modelFirst = simulated.attempts().isEmpty() ? null
        : Family.of(simulated.attempts().get(0).pair().destinationAddress());
    int other = modelFirst == null ? 0
        : (int) firstFamilies.stream().filter(f -> f != null && f != modelFirst).count();
    int started = (int) firstFamilies.stream().filter(f -> f != null).count();
    return new Connect(c.name(), model, d.title, s[0], s[1], s[2], modelConnected
        ? simulated.elapsedNanos() / 1e6 : -1, stats(firstSyn)[0], stats(fromFirstSyn)[0], stats(answerToSyn)[0],
        modelConnected ? simulated.attempts().get(0).startedAt().toNanos() / 1e6 : -1, other, started, modelFirst);
  }

  /** The model's connect on the scenario, in the simulator. */
  private static Trace simulated(Delayed d, String model) {
    Strategies strategies = Strategies.discovered();
    String[] parts = io.github.connectbylist.lab.Experiment.split(model);
    return Simulation.connect(d.simulated(), strategies.ranker(parts[0]), strategies.scheduler(parts[1]), 1, 0,
        Duration.ofSeconds(30));
  }

  /** The model's time to connect on the scenario in the simulator, in ms; -1 when it does not connect. */
  static double simulatedMs(Delayed d, String model) {
    Trace t = simulated(d, model);
    return t.connected() ? t.elapsedNanos() / 1e6 : -1;
  }

  /** A client's name as a file name: {@code connectbylist:go/go(dial-timeout=10s)} has a slash and more. */
  static String fileName(String client) {
    return client.replaceAll("[^A-Za-z0-9._=-]+", "_");
  }

  private static String text(InetAddress a) {
    return io.github.connectbylist.api.Addresses.text(a);
  }

  static String ms(double v) {
    return v < 0 ? "-" : String.format(Locale.ROOT, "%.1f", v);
  }
}
