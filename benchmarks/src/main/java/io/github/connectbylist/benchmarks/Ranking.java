package io.github.connectbylist.benchmarks;

import io.github.connectbylist.Strategies;
import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.LocalAddress;
import io.github.connectbylist.api.RankingContext;
import io.github.connectbylist.testkit.ScriptedHistory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of ranking: destinations half IPv6, half IPv4, over 4 sources (two IPv6 /64, two IPv4 /24),
 * each destination paired with the two sources of its family. DESIGN.md's target: 1,000 destinations
 * under 5 ms. The addresses are documentation ranges used as data; nothing is connected. The
 * {@code history} ranker ranks with a history in which every pair was tried before: six in seven connected,
 * at round-trip times from 10 to 69 ms, and one in seven was refused a moment ago: every rule has work to do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Ranking {
  @Param({"10", "100", "1000"})
  public int destinations;

  @Param({"sequential", "rfc6724", "happy-eyeballs", "history"})
  public String ranker;

  private AddressPairRanker subject;
  private List<AddressPair> pairs;
  private RankingContext context;

  @Setup
  public void setUp() throws UnknownHostException {
    subject = Strategies.discovered().ranker(ranker);
    List<LocalAddress> sources = List.of(
        LocalAddress.of(InetAddress.getByName("2001:db8:1::2"), 64, "eth0"),
        LocalAddress.of(InetAddress.getByName("2001:db8:2::2"), 64, "eth1"),
        LocalAddress.of(InetAddress.getByName("192.0.2.2"), 24, "eth0"),
        LocalAddress.of(InetAddress.getByName("198.51.100.2"), 24, "eth1"));
    pairs = new ArrayList<>();
    for (int i = 0; i < destinations; i++) {
      InetAddress d = i % 2 == 0
          ? InetAddress.getByName("2001:db8:" + Integer.toHexString(i % 7 + 1) + "::" + Integer.toHexString(i + 1))
          : InetAddress.getByName("203.0." + (113 + i / 250 % 2) + "." + (i % 250 + 1));
      InetSocketAddress destination = new InetSocketAddress(d, 443);
      for (LocalAddress s : sources) {
        if (s.isIpv6() == (i % 2 == 0)) {
          pairs.add(new AddressPair(s, destination));
        }
      }
    }
    context = new RankingContext(sources, Map.of(), everyPairKnown(pairs));
  }

  @Benchmark
  public List<AddressPair> rank() {
    return subject.rank(pairs, context);
  }

  /** A history that has seen every pair: the most work the {@code history} ranker can be given. */
  private static ScriptedHistory everyPairKnown(List<AddressPair> pairs) {
    long ms = 1_000_000L;
    long now = 3_600_000 * ms;
    ScriptedHistory history = ScriptedHistory.at(now).afterConnects(5); // the 6th connect: not an exploring one
    for (int i = 0; i < pairs.size(); i++) {
      history.pair(pairs.get(i), i % 7 == 3
          ? ScriptedHistory.failed(FailureKind.REFUSED, now - ms)
          : ScriptedHistory.connectedIn((10 + i % 60) * ms, now - 60_000 * ms));
    }
    return history;
  }
}
