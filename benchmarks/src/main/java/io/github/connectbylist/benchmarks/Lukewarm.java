package io.github.connectbylist.benchmarks;

import io.github.connectbylist.ConnectByList;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Connects 2 to 7 of a fresh JVM to a good loopback address, one single shot each, after one unmeasured
 * warm-up connect; 10 forks, read as the median (and p90) of their 60 shots. Most connects of real programs
 * are the first few of a process, not the millionth of a JIT-hot loop, so this sits between {@link ColdStart}
 * (connect 1) and the warm benchmarks ({@link Overhead}).
 *
 * <p>The endpoint ({@code good-first}) runs in a process of its own ({@link EndpointServer}), so the measured
 * JVM has no server socket. Each benchmark connects and closes at once:
 *
 * <ul>
 *   <li>{@code socketLoop}: a plain {@code java.net.Socket}, as {@link Connector#plainSocketLoop}: the baseline.
 *   <li>{@code socketChannel}: {@code SocketChannel.open(address).close()}.
 *   <li>{@code connectByList}: the default strategy, built in the fork's set-up.
 *   <li>{@code happyEyeballs}: strategy {@code happy-eyeballs} named explicitly, built in the fork's set-up.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 6)
@Fork(10)
public class Lukewarm {
  private EndpointServer endpoints;
  private List<InetSocketAddress> addresses;
  private InetSocketAddress address;

  @Setup(Level.Trial)
  public void startEndpoints() throws IOException {
    endpoints = EndpointServer.start(Scenario.GOOD_FIRST.id);
    addresses = endpoints.addresses();
    address = addresses.get(0);
  }

  @TearDown(Level.Trial)
  public void stopEndpoints() {
    endpoints.close();
  }

  /** ConnectByList with its default strategy, built before the fork's first connect. */
  @State(Scope.Benchmark)
  public static class DefaultStrategy {
    ConnectByList cbl;

    @Setup(Level.Trial)
    public void build() {
      cbl = ConnectByList.builder().timeout(Connector.DEADLINE).build();
    }

    @TearDown(Level.Trial)
    public void close() {
      cbl.close();
    }
  }

  /** ConnectByList with strategy {@code happy-eyeballs}, built before the fork's first connect. */
  @State(Scope.Benchmark)
  public static class HappyEyeballs {
    ConnectByList cbl;

    @Setup(Level.Trial)
    public void build() {
      cbl = ConnectByList.builder().strategy("happy-eyeballs").timeout(Connector.DEADLINE).build();
    }

    @TearDown(Level.Trial)
    public void close() {
      cbl.close();
    }
  }

  @Benchmark
  public void socketLoop() throws IOException {
    if (!Connector.plainSocketLoop(addresses)) {
      throw new IOException("the Socket loop did not connect to " + addresses);
    }
  }

  @Benchmark
  public void socketChannel() throws IOException {
    SocketChannel.open(address).close();
  }

  @Benchmark
  public void connectByList(DefaultStrategy built) throws IOException {
    built.cbl.connect(addresses).close();
  }

  @Benchmark
  public void happyEyeballs(HappyEyeballs built) throws IOException {
    built.cbl.connect(addresses).close();
  }
}
