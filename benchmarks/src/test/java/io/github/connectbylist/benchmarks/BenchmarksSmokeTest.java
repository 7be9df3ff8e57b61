package io.github.connectbylist.benchmarks;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * CI's smoke run: every benchmark compiles, sets up and runs one short iteration in this JVM. The
 * numbers mean nothing; real runs are made by hand (see {@code docs/benchmarks.md}).
 */
class BenchmarksSmokeTest {

  @Test
  void everyBenchmarkRunsOneShortIteration() throws Exception {
    // ByName, ByService and HttpClientAdoption need ::1
    boolean ipv6 = io.github.connectbylist.testbed.Testbed.ipv6LoopbackAvailable();
    OptionsBuilder builder = new OptionsBuilder();
    if (ipv6) {
      builder.include(ByName.class.getName()).include(ByService.class.getName())
          .include(HttpClientAdoption.class.getName());
    }
    Options options = builder
        .include(Ranking.class.getName())
        .include(Adoption.class.getName())
        .include(NettyTransports.class.getName())
        .include(TimeToConnect.class.getName())
        .include(Overhead.class.getName())
        .include(Concurrency.class.getName())
        .include(SimulatedConnects.class.getName())
        .include(LabThroughput.class.getName())
        .include(ColdStart.class.getName())
        .include(Lukewarm.class.getName())
        .include(ColdBuild.class.getName())
        .param("destinations", "10")
        .param("scenario", "refused-then-good")
        .param("inFlight", "10")
        .param("network", "broken-ipv6")
        .param("dns", "prompt")
        .param("transport", "epoll") // io_uring where the kernel allows it: by hand
        .forks(0)
        .warmupIterations(0)
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(100))
        .shouldFailOnError(true)
        .build();
    Collection<RunResult> results = new Runner(options).run();
    assertFalse(results.isEmpty());
    // one run per benchmark method and remaining parameter: 4 rankers, 7 strategies, 2 overhead, 2 concurrency,
    // 1 simulated scenario, 2 lab thread counts, 4 cold-start variants, a cold build, 4 lukewarm ones, 4 ways of
    // adoption, 2 ways on epoll, 2 HttpClient ways x 2 address sets x new or pooled connections, 2 ways by name,
    // and 2 ways with service records
    org.junit.jupiter.api.Assertions.assertEquals(ipv6 ? 45 : 33, results.size());
  }

  /**
   * The emulator's benchmarks, where emulated networks can run (root, /dev/net/tun): in a forked JVM, since
   * {@code Fidelity} moves its thread into the client host for good.
   */
  @Test
  void theEmulatorsBenchmarksRunOneShortIterationInAForkedJvm() throws Exception {
    java.util.Optional<String> why = io.github.connectbylist.emulator.Network.unavailable();
    org.junit.jupiter.api.Assumptions.assumeTrue(why.isEmpty(), () -> "skipped: " + why.orElse(""));
    Options options = new OptionsBuilder()
        .include(Fidelity.class.getName())
        .include(RelayThroughput.class.getName())
        .param("rttMillis", "5")
        .param("family", "ipv6")
        .forks(1)
        .warmupIterations(0)
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(300))
        .shouldFailOnError(true)
        .build();
    Collection<RunResult> results = new Runner(options).run();
    org.junit.jupiter.api.Assertions.assertEquals(3, results.size(), "handshake, loopback, burst");
  }
}
