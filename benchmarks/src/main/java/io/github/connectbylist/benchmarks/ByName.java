package io.github.connectbylist.benchmarks;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.NameResolver;
import io.github.connectbylist.api.Query;
import io.github.connectbylist.resolver.dns.DnsResolver;
import io.github.connectbylist.testbed.DnsReply;
import io.github.connectbylist.testbed.DnsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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
 * Time to connect by name, from the first query to a connected socket, on the testbed: a name whose A
 * ({@code 127.0.0.1}) and AAAA ({@code ::1}) answers come from the testbed's DNS server, at once
 * ({@code prompt}) or with the AAAA answer 300 ms late ({@code slow-aaaa}); both families accept. Two ways:
 *
 * <ul>
 *   <li>{@code both-answers-then-list}: what a client on the JDK's resolver does: {@code getAllByName}
 *       returns when both answers are in, then a list connect. The JDK cannot be pointed at a test server,
 *       so the same dnsjava client asks A and AAAA at once and waits for both, as {@code getaddrinfo} does;
 *   <li>{@code by-name}: {@code ConnectByList.connect(name, port)} with resolver {@code dns}, which races the
 *       answers (RFC 8305 section 3: the A answer, then the 50 ms Resolution Delay for AAAA).
 * </ul>
 *
 * <p>Both use the default strategy and no DNS cache, so every connect asks the server.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ByName {
  private static final String NAME = "bench.test";

  @Param({"prompt", "slow-aaaa"})
  public String dns;

  @Param({"both-answers-then-list", "by-name"})
  public String way;

  private NamesOnTestbed names;
  private DnsServer server;
  private DnsResolver resolver;
  private ConnectByList cbl;
  private int port;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    names = new NamesOnTestbed("ByName");
    port = names.port;
    server = names.server;
    resolver = names.resolver;
    Duration aaaaDelay = dns.equals("slow-aaaa") ? Duration.ofMillis(300) : Duration.ZERO;
    server.reply(NAME, DnsServer.RecordType.AAAA, DnsReply.addresses("::1").after(aaaaDelay).ttl(0));
    server.reply(NAME, DnsServer.RecordType.A, DnsReply.addresses("127.0.0.1").ttl(0));
    cbl = ConnectByList.builder().resolver(resolver).timeout(Connector.DEADLINE).build();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    cbl.close();
    names.close();
  }

  @Benchmark
  public boolean connect() throws Exception {
    if (way.equals("by-name")) {
      cbl.connect(NAME, port).close();
    } else {
      cbl.connect(bothAnswers()).close();
    }
    return true;
  }

  /** {@code getaddrinfo}'s way: A and AAAA at once, return when both are in, IPv6 first (RFC 6724). */
  private List<InetSocketAddress> bothAnswers() throws InterruptedException {
    List<InetAddress> v6 = new ArrayList<>();
    List<InetAddress> v4 = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(1);
    resolver.resolve(NAME, new NameResolver.Answers() {
      @Override
      public void answered(Query query, List<InetAddress> addresses) {
        (query == Query.AAAA ? v6 : v4).addAll(addresses);
      }

      @Override
      public void failed(Query query, FailureKind kind, Exception error) {}

      @Override
      public void done() {
        done.countDown();
      }
    });
    if (!done.await(5, TimeUnit.SECONDS)) {
      throw new IllegalStateException("no answer");
    }
    List<InetSocketAddress> list = new ArrayList<>();
    for (InetAddress a : v6) {
      list.add(new InetSocketAddress(a, port));
    }
    for (InetAddress a : v4) {
      list.add(new InetSocketAddress(a, port));
    }
    return list;
  }
}
