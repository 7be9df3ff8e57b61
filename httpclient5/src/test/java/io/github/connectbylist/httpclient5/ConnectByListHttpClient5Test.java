package io.github.connectbylist.httpclient5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.ConnectFailedException;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.testbed.DnsReply;
import io.github.connectbylist.testbed.DnsServer;
import io.github.connectbylist.testbed.LeakCheck;
import io.github.connectbylist.testbed.Testbed;
import io.github.connectbylist.testbed.ThreadCheck;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real HttpClient 5 against a real HTTP(S) server on loopback, by a name whose AAAA ({@code ::1}) is
 * black-holed and whose A ({@code 127.0.0.1}) is good, at one port: with the adapter, and as shipped.
 */
class ConnectByListHttpClient5Test {
  private static final String NAME = "hc.test";
  private static final Timeout CONNECT_TIMEOUT = Timeout.ofSeconds(2);

  private ThreadCheck threads;
  private LeakCheck leaks;
  private Testbed testbed;
  private DnsServer dns;
  private ConnectByList cbl;
  private final List<HttpServer> servers = new ArrayList<>();
  private final List<ExecutorService> executors = new ArrayList<>();

  /**
   * The first use of dnsjava, of the JDK's HTTP server and of a request through the adapter opens descriptors
   * and threads kept for the JVM's life; keytool's first run is slow.
   */
  @BeforeAll
  static void warmUp() throws Exception {
    try (DnsServer d = DnsServer.start(); Testbed t = new Testbed(); ConnectByList warm = ConnectByList.builder()
        .resolver("dns(servers=" + d.serverSpec() + ", hosts=none, timeout=1s)").build()) {
      d.reply("warm.test", DnsServer.RecordType.A, DnsReply.addresses("127.0.0.1"));
      warm.connect("warm.test", t.accepting("127.0.0.1").address().getPort()).close();
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
      server.createContext("/", ConnectByListHttpClient5Test::hello);
      server.start();
      try (CloseableHttpClient client = client(ConnectByListHttpClient5.connectionManager(warm))) {
        get(client, "http://warm.test:" + server.getAddress().getPort() + "/");
      } finally {
        server.stop(0);
      }
    }
    SelfSignedTls.forHost("warm.test");
  }

  @BeforeEach
  void start() throws Exception {
    assumeTrue(Testbed.ipv6LoopbackAvailable(), "::1 cannot be bound here; these cases need both families");
    threads = ThreadCheck.start();
    leaks = LeakCheck.start();
    testbed = new Testbed();
    dns = DnsServer.start();
    dns.reply(NAME, DnsServer.RecordType.A, DnsReply.addresses("127.0.0.1"));
    dns.reply(NAME, DnsServer.RecordType.AAAA, DnsReply.addresses("::1"));
    cbl = ConnectByList.builder().resolver("dns(servers=" + dns.serverSpec() + ", hosts=none, timeout=1s)")
        .timeout(Duration.ofSeconds(5)).build();
  }

  @AfterEach
  void stop() throws Exception {
    if (cbl == null) {
      return;
    }
    cbl.close();
    for (HttpServer s : servers) {
      s.stop(0);
    }
    for (ExecutorService e : executors) {
      e.shutdownNow();
      assertTrue(e.awaitTermination(5, TimeUnit.SECONDS));
    }
    dns.close();
    testbed.close();
    leaks.assertNoneOpen();
    threads.assertNoneLeft();
  }

  /** An HTTP server on 127.0.0.1 and the testbed's black hole on ::1 at the same port; the port. */
  private int serveBehindBlackHole(HttpServer server) throws Exception {
    for (int tries = 0; ; tries++) {
      server.bind(new InetSocketAddress("127.0.0.1", 0), 100);
      int port = server.getAddress().getPort();
      try {
        testbed.blackHoled("::1", port);
      } catch (java.net.BindException taken) {
        if (tries == 20) {
          throw taken;
        }
        server.stop(0);
        continue; // a new server on another port: a stopped one cannot be bound again
      }
      server.createContext("/", ConnectByListHttpClient5Test::hello);
      server.start();
      servers.add(server);
      return port;
    }
  }

  private int httpBehindBlackHole() throws Exception {
    for (int tries = 0; ; tries++) {
      try {
        return serveBehindBlackHole(HttpServer.create());
      } catch (java.net.BindException taken) {
        if (tries == 20) {
          throw taken;
        }
      }
    }
  }

  private int httpsBehindBlackHole(SelfSignedTls tls) throws Exception {
    HttpsServer server = HttpsServer.create();
    server.setHttpsConfigurator(new HttpsConfigurator(tls.server));
    return serveBehindBlackHole(server);
  }

  /** A client that opens a new connection for every request, so that each one connects. */
  private static CloseableHttpClient client(PoolingHttpClientConnectionManager manager) {
    return HttpClients.custom().setConnectionManager(manager).setConnectionReuseStrategy((req, resp, ctx) -> false)
        .disableAutomaticRetries().build();
  }

  private static PoolingHttpClientConnectionManagerBuilder withConnectTimeout(PoolingHttpClientConnectionManagerBuilder b) {
    return b.setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(CONNECT_TIMEOUT).build());
  }

  /** The servers' one answer: 200 "hello", which {@link #get} expects. */
  private static void hello(com.sun.net.httpserver.HttpExchange exchange) throws java.io.IOException {
    byte[] body = "hello".getBytes(StandardCharsets.US_ASCII);
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Milliseconds for one GET of {@code uri}, whose body must be "hello". */
  private static long get(CloseableHttpClient client, String uri) throws IOException {
    long start = System.nanoTime();
    String body = client.execute(new HttpGet(uri), response -> {
      assertEquals(200, response.getCode());
      return EntityUtils.toString(response.getEntity());
    });
    assertEquals("hello", body);
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Test
  void theFirstRequestPaysOneAttemptDelayAndLaterConnectionsGoStraightToTheAddressThatAnswered() throws Exception {
    int port = httpBehindBlackHole();
    try (CloseableHttpClient client = client(withConnectTimeout(ConnectByListHttpClient5.connectionManagerBuilder(cbl)).build())) {
      long first = get(client, "http://" + NAME + ":" + port + "/");
      assertTrue(first >= 240 && first < 1500, "one connection attempt delay, not the 2 s connect timeout: " + first + " ms");
      for (int i = 0; i < 3; i++) {
        long later = get(client, "http://" + NAME + ":" + port + "/");
        assertTrue(later < 200, "a later connection goes to 127.0.0.1 at once (history): " + later + " ms");
      }
    }
  }

  @Test
  void httpClientAsShippedWaitsOutItsConnectTimeoutOnTheBlackHoleEveryTime() throws Exception {
    int port = httpBehindBlackHole();
    DnsResolver systemOrder = new DnsResolver() { // the name's two addresses, IPv6 first, as getaddrinfo gives them
      @Override
      public InetAddress[] resolve(String host) throws UnknownHostException {
        return new InetAddress[] {InetAddress.getByName("::1"), InetAddress.getByName("127.0.0.1")};
      }

      @Override
      public String resolveCanonicalHostname(String host) {
        return host;
      }
    };
    try (CloseableHttpClient client = client(withConnectTimeout(PoolingHttpClientConnectionManagerBuilder.create()
        .setDnsResolver(systemOrder)).build())) {
      for (int i = 0; i < 2; i++) {
        long millis = get(client, "http://" + NAME + ":" + port + "/");
        assertTrue(millis >= 1900, "the whole connect timeout on ::1 first, each time: " + millis + " ms");
      }
    }
  }

  @Test
  void httpsWorksOnTheWinningSocketVerifiedAgainstTheRequestsHost() throws Exception {
    SelfSignedTls tls = SelfSignedTls.forHost(NAME);
    int port = httpsBehindBlackHole(tls);
    dns.reply("other.test", DnsServer.RecordType.A, DnsReply.addresses("127.0.0.1"));
    dns.reply("other.test", DnsServer.RecordType.AAAA, DnsReply.addresses("::1"));
    PoolingHttpClientConnectionManager manager = withConnectTimeout(ConnectByListHttpClient5.connectionManagerBuilder(cbl))
        .setTlsSocketStrategy(ClientTlsStrategyBuilder.create().setSslContext(tls.client).buildClassic()).build();
    try (CloseableHttpClient client = client(manager)) {
      long first = get(client, "https://" + NAME + ":" + port + "/");
      assertTrue(first >= 240 && first < 1500, "one connection attempt delay, then TLS: " + first + " ms");
      long later = get(client, "https://" + NAME + ":" + port + "/");
      assertTrue(later < 400, "a later connection goes to 127.0.0.1 at once (history): " + later + " ms");
      SSLException wrongName = assertThrows(SSLException.class, () -> get(client, "https://other.test:" + port + "/"));
      assertTrue(String.valueOf(wrongName.getMessage()).contains("other.test") || wrongName.getCause() != null,
          "the certificate for " + NAME + " is refused for other.test: " + wrongName);
    }
  }

  @Test
  void fiftyConnectionsOpenedAtOnceAllReachThePoolAndAllCloseWithTheClient() throws Exception {
    int port;
    CountDownLatch allArrived = new CountDownLatch(50);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
    ExecutorService handlers = Executors.newFixedThreadPool(50);
    executors.add(handlers);
    server.setExecutor(handlers);
    server.createContext("/", exchange -> {
      allArrived.countDown();
      try {
        allArrived.await(10, TimeUnit.SECONDS); // each connection is held until all fifty are open
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      hello(exchange);
    });
    server.start();
    servers.add(server);
    port = server.getAddress().getPort();
    dns.reply("pool.test", DnsServer.RecordType.A, DnsReply.addresses("127.0.0.1"));
    PoolingHttpClientConnectionManager manager = ConnectByListHttpClient5.connectionManagerBuilder(cbl)
        .setMaxConnTotal(50).setMaxConnPerRoute(50).build();
    ExecutorService callers = Executors.newFixedThreadPool(50);
    executors.add(callers);
    try (CloseableHttpClient client = HttpClients.custom().setConnectionManager(manager).disableAutomaticRetries().build()) {
      List<Future<Long>> requests = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        requests.add(callers.submit(() -> get(client, "http://pool.test:" + port + "/")));
      }
      for (Future<Long> r : requests) {
        r.get(20, TimeUnit.SECONDS);
      }
      assertEquals(50, manager.getTotalStats().getAvailable(), "fifty connections, kept alive in the pool");
    }
    assertEquals(0, manager.getTotalStats().getAvailable() + manager.getTotalStats().getLeased());
  }

  @Test
  void aRefusedHostIsAnHttpHostConnectExceptionWithTheAttempts() throws Exception {
    int port = testbed.refusing("127.0.0.1").address().getPort();
    dns.reply("refused.test", DnsServer.RecordType.A, DnsReply.addresses("127.0.0.1"));
    dns.reply("refused.test", DnsServer.RecordType.AAAA, DnsReply.empty());
    try (CloseableHttpClient client = client(ConnectByListHttpClient5.connectionManager(cbl))) {
      HttpHostConnectException e = assertThrows(HttpHostConnectException.class,
          () -> get(client, "http://refused.test:" + port + "/"));
      ConnectFailedException attempts = assertInstanceOf(ConnectFailedException.class, e.getCause());
      assertEquals(FailureKind.REFUSED, attempts.kind());
      assertEquals(1, attempts.attempts().size(), attempts.toString());
    }
  }

  @Test
  void aNameWithNoAddressIsAnUnknownHostExceptionWithTheAnswers() throws Exception {
    dns.reply("nosuch.test", DnsServer.RecordType.A, DnsReply.nxdomain());
    dns.reply("nosuch.test", DnsServer.RecordType.AAAA, DnsReply.nxdomain());
    try (CloseableHttpClient client = client(ConnectByListHttpClient5.connectionManager(cbl))) {
      UnknownHostException e = assertThrows(UnknownHostException.class, () -> get(client, "http://nosuch.test:80/"));
      ConnectFailedException failed = assertInstanceOf(ConnectFailedException.class, e.getCause());
      assertEquals(FailureKind.NO_SUCH_NAME, failed.kind());
    }
  }

  @Test
  void theConnectTimeoutIsTheDeadlineOfTheWholeRaceAndAConnectTimeoutException() throws Exception {
    int port = testbed.blackHoled("127.0.0.1").address().getPort();
    testbed.blackHoled("::1", port);
    PoolingHttpClientConnectionManager manager = ConnectByListHttpClient5.connectionManagerBuilder(cbl)
        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofMilliseconds(600)).build()).build();
    try (CloseableHttpClient client = client(manager)) {
      long start = System.nanoTime();
      ConnectTimeoutException e = assertThrows(ConnectTimeoutException.class,
          () -> get(client, "http://" + NAME + ":" + port + "/"));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis >= 550 && millis < 1100, "one 600 ms deadline for both addresses, not 600 ms each: " + millis + " ms");
      ConnectFailedException failed = assertInstanceOf(ConnectFailedException.class, e.getCause());
      assertEquals(FailureKind.TIMED_OUT, failed.kind());
      assertEquals(2, failed.attempts().size(), "both addresses were tried: " + failed);
    }
  }

  @Test
  void aDnsResolverOnTheBuilderIsRefusedRatherThanIgnored() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> ConnectByListHttpClient5
        .connectionManagerBuilder(cbl).setDnsResolver(new DnsResolver() {
          @Override
          public InetAddress[] resolve(String host) {
            return new InetAddress[0];
          }

          @Override
          public String resolveCanonicalHostname(String host) {
            return host;
          }
        }).build());
    assertTrue(e.getMessage().contains("resolver"), e.getMessage());
  }
}
