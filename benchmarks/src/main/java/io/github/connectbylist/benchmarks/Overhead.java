package io.github.connectbylist.benchmarks;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A warm connect to one good loopback address through ConnectByList (the default strategy) against a raw
 * blocking {@code SocketChannel} connect. DESIGN.md's target: at most 1.15 times the raw median.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Overhead {

  @Benchmark
  public void raw(GoodLoopbackEndpoint good) throws IOException {
    SocketChannel.open(good.address).close();
  }

  @Benchmark
  public void connectByList(GoodLoopbackEndpoint good) throws IOException {
    good.cbl.connect(good.addresses).close();
  }
}
