package io.github.connectbylist.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.emulator.capture.PacketRecord;
import io.github.connectbylist.engine.SocketErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The network does what its rules say, as a kernel sees it: a plain {@code Socket} connect inside the client
 * takes the configured round trip, a lost SYN is sent again by the kernel 1 s later, a black hole is a
 * timeout and a rejection an immediate failure of its own kind. The bounds here hold on a loaded two-core
 * machine; the {@code Fidelity} benchmark measures the exact error.
 */
class FidelityTest {
  private static Network net;
  private static Networks.Closer server;
  private static InetSocketAddress v6;
  private static InetSocketAddress v4;

  @BeforeAll
  static void up() throws IOException {
    Networks.assumeAvailable();
    net = Network.up(Networks.clientServer(List.of()));
    server = Networks.acceptingServer(net.host("server"), 80);
    v6 = new InetSocketAddress(net.host("server").address(Family.IPV6), 80);
    v4 = new InetSocketAddress(net.host("server").address(Family.IPV4), 80);
    net.host("client").call(() -> { // the connect path compiled, as in a client that has run a while
      for (int i = 0; i < 3_000; i++) {
        Networks.connectMillis(i % 2 == 0 ? v6 : v4, 1_000);
      }
      return null;
    });
  }

  @AfterAll
  static void down() {
    if (server != null) {
      server.close();
    }
    if (net != null) {
      net.close();
    }
  }

  @Test
  void eachFamilysHandshakeTakesItsConfiguredRoundTrip() throws Exception {
    double[] rtts = {0, 5, 50, 150, 400};
    int[] counts = {200, 40, 30, 15, 10};
    for (int i = 0; i < rtts.length; i++) {
      double rtt = rtts[i];
      net.rule(Networks.roundTrip("ipv6", Family.IPV6, rtt));
      net.rule(Networks.roundTrip("ipv4", Family.IPV4, rtt * 2 + 1)); // the families differ: each path its own
      int n = counts[i];
      CompletableFuture<double[]> six = CompletableFuture.supplyAsync(() -> handshakes(v6, n));
      double[] four = handshakes(v4, n);
      check("ipv6", rtt, six.join());
      check("ipv4", rtt * 2 + 1, four);
    }
  }

  private static void check(String family, double rtt, double[] ms) {
    Arrays.sort(ms);
    double median = ms[ms.length / 2];
    double p90 = ms[(int) Math.ceil(ms.length * 0.9) - 1];
    String what = family + " at " + rtt + " ms: median " + median + ", p90 " + p90 + ", all " + Arrays.toString(ms);
    assertTrue(median >= rtt - 0.05, "never faster than the round trip: " + what);
    // bounds for a loaded 2-core VM, whose wake-ups run late in proportion (a whole series at 301 ms took a
    // median of 305.7 once, 1.6% late); the exact error is the JMH benchmark's. A delay applied twice or once,
    // or in whole ticks, is still far outside them.
    assertTrue(median <= rtt + 1.5 + rtt * 0.03, what);
    // the tail, not the worst: one connect of 40 on a shared 2-core VM can wake 12 ms late; JMH has the p99
    assertTrue(p90 <= rtt + 5 + rtt * 0.03, what);
  }

  /** {@code count} handshakes one after another from inside the client, as a client that connects again. */
  private static double[] handshakes(InetSocketAddress to, int count) {
    try {
      return net.host("client").call(() -> {
        double[] ms = new double[count];
        for (int i = 0; i < count; i++) {
          ms[i] = Networks.connectMillis(to, 5_000);
        }
        return ms;
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void jitterSpreadsTheRoundTripWithinItsBounds() throws Exception {
    net.rule(PathRule.named("ipv6").family(Family.IPV6).delay(Duration.ofMillis(20)).jitter(Duration.ofMillis(10)));
    double[] ms = handshakes(v6, 40);
    net.removeRule("ipv6");
    Arrays.sort(ms);
    String all = Arrays.toString(ms);
    assertTrue(ms[0] >= 20 - 0.05, "never under twice the least one-way delay (10 ms): " + all);
    assertTrue(ms[ms.length - 1] <= 60 + 10, "never far over twice the most (30 ms): " + all);
    assertTrue(ms[ms.length - 1] - ms[0] > 5, "and spread: " + all);
  }

  @Test
  void aLostSynIsSentAgainByTheKernelOneSecondLater() throws Exception {
    net.rule(PathRule.named("ipv6").family(Family.IPV6)); // no delay
    net.rule(PathRule.named("ipv4").family(Family.IPV4).from(net.host("client").spec().interfaces().get(0)
        .addresses().get(1)).protocol(Protocol.TCP).oneWay().loss(0.1));
    int before = net.packets().size();
    List<Double> slow = new ArrayList<>();
    net.host("client").call(() -> {
      for (int i = 0; i < 40; i++) {
        double ms = Networks.connectMillis(v4, 5_000);
        if (ms > 500) {
          slow.add(ms);
        }
      }
      return null;
    });
    net.removeRule("ipv4");
    Map<Integer, List<Long>> synsByPort = new HashMap<>();
    List<LoggedPacket> logged = net.packets(); // one snapshot: a late packet may be logged between two calls
    for (LoggedPacket p : logged.subList(before, logged.size())) {
      PacketRecord r = p.packet();
      if (r.isTcpSyn() && r.family() == Family.IPV4) {
        synsByPort.computeIfAbsent(r.sourcePort(), k -> new ArrayList<>()).add(r.timeNanos());
      }
    }
    List<Double> gaps = new ArrayList<>();
    synsByPort.values().stream().filter(t -> t.size() > 1).forEach(t -> gaps.add((t.get(1) - t.get(0)) / 1e6));
    assertTrue(!gaps.isEmpty(), "with 10% loss some SYN of 40 was lost and sent again: " + synsByPort);
    for (double gap : gaps) {
      assertTrue(gap >= 990 && gap <= 1_100, "the kernel's first retransmission comes after its 1 s RTO: " + gaps);
    }
    assertEquals(gaps.size(), slow.size(), "each connect whose SYN was lost took a second more: " + slow);
  }

  @Test
  void aBlackHoleIsATimeoutAndARejectionAnImmediateFailureOfItsKind() throws Exception {
    net.rule(PathRule.named("ipv6").family(Family.IPV6).action(Action.DROP));
    long start = System.nanoTime();
    IOException timeout = net.host("client").call(() -> assertThrows(IOException.class,
        () -> Networks.connectMillis(v6, 300)));
    double ms = (System.nanoTime() - start) / 1e6;
    assertTrue(timeout instanceof SocketTimeoutException, timeout.toString());
    assertTrue(ms >= 300, "a black hole answers nothing: the connect waited its timeout (" + ms + " ms)");
    for (Action reject : new Action[] {Action.RESET, Action.HOST_UNREACHABLE, Action.NETWORK_UNREACHABLE}) {
      for (InetSocketAddress to : List.of(v6, v4)) {
        net.rule(PathRule.named("ipv6").family(Family.IPV6).action(reject));
        net.rule(PathRule.named("ipv4").family(Family.IPV4).action(reject));
        long t0 = System.nanoTime();
        IOException e = net.host("client").call(() -> assertThrows(IOException.class,
            () -> Networks.connectMillis(to, 3_000)));
        double took = (System.nanoTime() - t0) / 1e6;
        FailureKind expected = switch (reject) {
          case RESET -> FailureKind.REFUSED;
          case HOST_UNREACHABLE -> FailureKind.HOST_UNREACHABLE;
          default -> FailureKind.NETWORK_UNREACHABLE;
        };
        assertEquals(expected, SocketErrors.kindOf(e), reject + " to " + to + ": " + e);
        assertTrue(took < 500, reject + " fails at once, not at a timeout: " + took + " ms");
      }
    }
    net.removeRule("ipv6");
    net.removeRule("ipv4");
  }
}
