package io.github.connectbylist.benchmarks;

import io.github.connectbylist.testbed.Testbed;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to connect (or to fail, in {@code all-refused}) per strategy and scenario, on testbed endpoints.
 * Strategies are {@code ranker/scheduler} pairs of ConnectByList, a hand-written {@code raw-loop}, and
 * OkHttp 5's fast fallback; every one that staggers or times out attempts uses 250 ms. Each trial keeps one
 * connector for all its connects, so {@code history/happy-eyeballs} measures a client that remembers: after
 * the first connect it starts with the pair that worked, and every 16th connect explores the base order
 * again (and pays for the black hole where there is one).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class TimeToConnect {
  @Param({"good-first", "refused-then-good", "black-holed-v6-then-good-v4", "two-black-holed-then-good", "all-refused"})
  public String scenario;

  @Param({"raw-loop", "sequential/sequential", "rfc6724/sequential", "sequential/happy-eyeballs",
      "happy-eyeballs/happy-eyeballs", "history/happy-eyeballs", "okhttp"})
  public String strategy;

  private Testbed testbed;
  private List<InetSocketAddress> addresses;
  private Connector connector;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    testbed = new Testbed();
    addresses = Scenario.byId(scenario).start(testbed);
    connector = Connector.named(strategy, addresses);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    connector.close();
    testbed.close();
  }

  @Benchmark
  public boolean connect() throws IOException {
    return connector.connectAndClose(addresses);
  }
}
