package io.github.connectbylist.benchmarks;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.ConnectFailedException;
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
 * The first connect in a fresh JVM, as a command-line tool, a serverless function or a test pays it: one
 * shot per fork, no warm-up. The scenario's endpoints run in a process of their own ({@link
 * EndpointServer}), so the measured JVM has opened no socket of its own before; JMH's forks do load {@code
 * java.net.Socket} for their link to the host, the same for every benchmark here.
 *
 * <ul>
 *   <li>{@code socketLoop}: a plain {@code java.net.Socket} loop, each address in turn with a 250 ms
 *       connect timeout: the baseline. In a JMH fork {@code Socket} has already carried the fork's link to
 *       the host, so this baseline starts warmer than any code that opens an NIO channel.
 *   <li>{@code socketChannelLoop}: the same loop over {@code SocketChannel}s, as {@code TimeToConnect}'s
 *       raw loop does: what the JDK's NIO costs on its own the first time, before any library code.
 *   <li>{@code firstConnect}: ConnectByList's default strategy (Happy Eyeballs, 250 ms), built in the
 *       fork's set-up; the first {@code connect} is measured.
 *   <li>{@code buildAndFirstConnect}: the same with {@code build()} measured too: strategy discovery and
 *       everything a fresh JVM loads for it.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(10)
public class ColdStart {
  @Param({"good-first", "refused-then-good", "black-holed-v6-then-good-v4", "two-black-holed-then-good", "all-refused"})
  public String scenario;

  private EndpointServer endpoints;
  private List<InetSocketAddress> addresses;

  @Setup(Level.Trial)
  public void startEndpoints() throws IOException {
    endpoints = EndpointServer.start(scenario);
    addresses = endpoints.addresses();
  }

  @TearDown(Level.Trial)
  public void stopEndpoints() {
    endpoints.close();
  }

  /** A ConnectByList built before the measurement. */
  @State(Scope.Benchmark)
  public static class Built {
    ConnectByList cbl;

    @Setup(Level.Trial)
    public void build() {
      cbl = newConnectByList();
    }

    @TearDown(Level.Trial)
    public void close() {
      cbl.close();
    }
  }

  @Benchmark
  public boolean socketLoop() {
    return Connector.plainSocketLoop(addresses);
  }

  @Benchmark
  public boolean socketChannelLoop() {
    return new Connector.RawLoop().connectAndClose(addresses);
  }

  @Benchmark
  public boolean firstConnect(Built built) throws IOException {
    return connectAndClose(built.cbl);
  }

  @Benchmark
  public boolean buildAndFirstConnect() throws IOException {
    try (ConnectByList cbl = newConnectByList()) {
      return connectAndClose(cbl);
    }
  }

  private boolean connectAndClose(ConnectByList cbl) throws IOException {
    try {
      cbl.connect(addresses).close();
      return true;
    } catch (ConnectFailedException e) {
      return false;
    }
  }

  private static ConnectByList newConnectByList() {
    return ConnectByList.builder().timeout(Connector.DEADLINE).build();
  }
}
