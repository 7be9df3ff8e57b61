package io.github.connectbylist.benchmarks;

import io.github.connectbylist.ConnectByList;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code build()} alone in a fresh JVM, one shot per fork, 10 forks: strategy discovery and what a fresh JVM
 * loads for it, which every program pays once before its first connect. Apart from {@link ColdStart}, whose
 * scenarios it does not depend on.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(10)
public class ColdBuild {

  @Benchmark
  public ConnectByList build() {
    ConnectByList cbl = ConnectByList.builder().timeout(Connector.DEADLINE).build();
    cbl.close();
    return cbl;
  }
}
