package io.github.connectbylist.realclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.connectbylist.emulator.Action;
import io.github.connectbylist.emulator.Family;
import io.github.connectbylist.emulator.Network;
import io.github.connectbylist.emulator.PathRule;
import io.github.connectbylist.emulator.Protocol;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A client that cannot connect (the server's port 80 black-holed in both families, names still answered) ends
 * at its timeout, killed, the browsers with every process they started, and their
 * profiles deleted.
 */
class DeadlineTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  @TestFactory
  Stream<DynamicTest> aClientThatCannotConnectEndsAtItsTimeoutWithEverythingItStarted() {
    return RealClients.named(List.of("curl", "node", "chromium", "firefox"))
        .stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> endsAtItsTimeout(c)));
  }

  private static void endsAtItsTimeout(RealClient client) throws Exception {
    Networks.assumeAvailable();
    Optional<String> why = client.unavailable();
    assumeTrue(why.isEmpty(), () -> "skipped: " + why.orElse(""));
    List<Path> before = profiles();
    try (Network net = Network.up(Networks.file("dual-stack-slow-ipv6.json"));
        AutoCloseable http = net.host("server").serveHttp(80)) {
      net.rule(PathRule.named("ipv6").family(Family.IPV6).action(Action.DROP));
      net.rule(PathRule.named("ipv4").family(Family.IPV4).protocol(Protocol.TCP).port(80).action(Action.DROP));
      long start = System.nanoTime();
      Process p = client.start(net.host("client"), "dual.test", 80, TIMEOUT);
      Thread drain = new Thread(() -> {
        try (InputStream in = p.getInputStream()) {
          in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
          // over
        }
      });
      drain.start();
      assertTrue(p.waitFor(TIMEOUT.toSeconds() + 20, TimeUnit.SECONDS), client.name() + " did not end");
      double ms = (System.nanoTime() - start) / 1e6;
      boolean killed = ((ClientProcess) p).timedOut();
      System.out.printf(Locale.ROOT, "%-28s ended after %5.0f ms, exit %d%s; SYNs ipv6 %d, ipv4 %d%n", client.name(),
          ms, p.exitValue(), killed ? " (killed at the deadline)" : " (by itself)",
          net.packetLog().syns(Family.IPV6, 80).size(), net.packetLog().syns(Family.IPV4, 80).size());
      assertNotEquals(0, p.exitValue(), client.name() + " cannot have succeeded");
      assertTrue(ms >= TIMEOUT.toMillis() - 50, client.name() + " ended before its timeout: " + ms + " ms");
      assertTrue(ms < TIMEOUT.toMillis() + 12_000, client.name() + " ended long after its timeout: " + ms + " ms");
      assertTrue(killed, "each is killed at the deadline: none is given a limit of ours, so its own defaults stand");
      assertTrue(net.packetLog().syns(Family.IPV6, 80).size() + net.packetLog().syns(Family.IPV4, 80).size() > 0,
          client.name() + " tried");
      assertEquals(List.of(), ClientProcess.anyRunOfThisJvm(), client.name() + " left processes behind");
      List<Path> left = profiles().stream().filter(f -> !before.contains(f)).toList();
      assertEquals(List.of(), left, client.name() + " left its profile folder");
    }
  }

  /** The browsers' profile folders now in the temporary folder; one left by an earlier, killed JVM is not ours. */
  private static List<Path> profiles() throws IOException {
    try (var list = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return list.filter(f -> f.getFileName().toString().matches("connectbylist-(chromium|firefox)-.*")).toList();
    }
  }
}
