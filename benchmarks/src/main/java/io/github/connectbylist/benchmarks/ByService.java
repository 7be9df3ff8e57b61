package io.github.connectbylist.benchmarks;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.testbed.DnsReply;
import io.github.connectbylist.testbed.DnsServer;
import io.github.connectbylist.testbed.ServiceRecord;
import java.io.IOException;
import java.time.Duration;
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
 * Time to connect by name with service information (RFC 9460, the Happy Eyeballs v3 draft), from the first
 * query to a connected socket, on the testbed; both families accept. The name's HTTPS record is {@code 1 .}
 * with {@code ipv6hint=::1 ipv4hint=127.0.0.1}. Three DNS servers:
 *
 * <ul>
 *   <li>{@code prompt}: every answer at once;
 *   <li>{@code late-addresses}: A and AAAA 300 ms late, the HTTPS answer (with its hints) at once;
 *   <li>{@code late-https}: the HTTPS answer 300 ms late, A and AAAA at once.
 * </ul>
 *
 * <p>Two ways: {@code addresses-only}, a connect by name that asks no service records (the baseline, what every
 * client but a few browsers does), and {@code with-https} ({@code builder().service("https")}). No DNS cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ByService {
  private static final String NAME = "svc.test";
  private static final Duration LATE = Duration.ofMillis(300);

  @Param({"prompt", "late-addresses", "late-https"})
  public String dns;

  @Param({"addresses-only", "with-https"})
  public String way;

  private NamesOnTestbed names;
  private ConnectByList cbl;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    names = new NamesOnTestbed("ByService");
    DnsServer server = names.server;
    Duration addresses = dns.equals("late-addresses") ? LATE : Duration.ZERO;
    Duration https = dns.equals("late-https") ? LATE : Duration.ZERO;
    server.reply(NAME, DnsServer.RecordType.AAAA, DnsReply.addresses("::1").after(addresses).ttl(0));
    server.reply(NAME, DnsServer.RecordType.A, DnsReply.addresses("127.0.0.1").after(addresses).ttl(0));
    server.reply("_" + names.port + "._https." + NAME, DnsServer.RecordType.HTTPS, DnsReply.services(
        ServiceRecord.service(1, ".").ipv6Hints("::1").ipv4Hints("127.0.0.1")).after(https).ttl(0));
    ConnectByList.Builder b = ConnectByList.builder().resolver(names.resolver).timeout(Connector.DEADLINE);
    cbl = (way.equals("with-https") ? b.service("https") : b).build();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    cbl.close();
    names.close();
  }

  @Benchmark
  public boolean connect() throws Exception {
    cbl.connect(NAME, names.port).close();
    return true;
  }
}
