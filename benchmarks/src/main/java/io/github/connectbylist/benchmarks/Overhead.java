package io.github.connectbylist.benchmarks;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.testbed.Testbed;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A warm connect to one good loopback address through ConnectByList (the default strategy) against a raw
 * blocking {@code SocketChannel} connect. DESIGN.md's target: at most 1.15 times the raw median.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Overhead {
  private Testbed testbed;
  private InetSocketAddress good;
  private List<InetSocketAddress> addresses;
  private ConnectByList cbl;

  @Setup
  public void setUp() throws IOException {
    testbed = new Testbed();
    good = testbed.accepting("127.0.0.1").address();
    addresses = List.of(good);
    cbl = ConnectByList.builder().build();
  }

  @TearDown
  public void tearDown() {
    cbl.close();
    testbed.close();
  }

  @Benchmark
  public void raw() throws IOException {
    SocketChannel.open(good).close();
  }

  @Benchmark
  public void connectByList() throws IOException {
    cbl.connect(addresses).close();
  }
}
