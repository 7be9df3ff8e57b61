package io.github.connectbylist.benchmarks;

import com.sun.net.httpserver.HttpServer;
import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.api.NameResolver;
import io.github.connectbylist.api.Query;
import io.github.connectbylist.httpclient5.ConnectByListHttpClient5;
import io.github.connectbylist.testbed.Testbed;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
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
 * What an Apache HttpClient 5 user gains: one GET, on a new connection ({@code connection=new}: reuse off, so
 * every request connects) or on a pooled one ({@code pooled}: the warm request most traffic is, where the adapter
 * is only the socket the connection runs on), to a JDK HTTP server on {@code 127.0.0.1}, by a name whose answer (written here, no DNS) is {@code
 * 127.0.0.1} alone ({@code good}) or a black-holed {@code ::1} at the same port before it ({@code
 * black-holed-v6-then-good-v4}). {@code httpclient} is HttpClient as shipped (its connection manager, the
 * addresses one after another) with a 250 ms connect timeout, as tuned as a user would make it; {@code
 * connectbylist} is {@link ConnectByListHttpClient5#connectionManager}, the connect timeout being the deadline
 * of the race (5 s), one instance per trial (its history included).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class HttpClientAdoption {
  private static final String NAME = "adopt.test";

  @Param({"good", "black-holed-v6-then-good-v4"})
  public String addresses;

  @Param({"httpclient", "connectbylist"})
  public String way;

  @Param({"new", "pooled"})
  public String connection;

  private Testbed testbed;
  private HttpServer server;
  private ConnectByList cbl;
  private CloseableHttpClient client;
  private String uri;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    testbed = new Testbed();
    // the JDK server writes its response in pieces: without TCP_NODELAY a kept-alive connection waits out the
    // client's delayed ACK (about 40 ms) on every request, which would hide what the socket under it costs
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
    server.createContext("/", exchange -> {
      byte[] body = "hello".getBytes(StandardCharsets.US_ASCII);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    int port = server.getAddress().getPort();
    uri = "http://" + NAME + ":" + port + "/";
    List<InetAddress> answer = new ArrayList<>();
    if (addresses.equals("black-holed-v6-then-good-v4")) {
      testbed.blackHoled("::1", port);
      answer.add(InetAddress.getByName("::1"));
    } else if (!addresses.equals("good")) {
      throw new IllegalArgumentException("addresses: good or black-holed-v6-then-good-v4, not " + addresses);
    }
    answer.add(InetAddress.getByName("127.0.0.1"));
    PoolingHttpClientConnectionManagerBuilder manager;
    Timeout connectTimeout;
    if (way.equals("httpclient")) {
      manager = PoolingHttpClientConnectionManagerBuilder.create().setDnsResolver(new DnsResolver() {
        @Override
        public InetAddress[] resolve(String host) {
          return answer.toArray(new InetAddress[0]);
        }

        @Override
        public String resolveCanonicalHostname(String host) {
          return host;
        }
      });
      connectTimeout = Timeout.of(Connector.ATTEMPT_DELAY);
    } else {
      NameResolver table = (host, answers) -> {
        answers.answered(Query.BOTH, answer);
        answers.done();
        return NameResolver.Lookup.DONE;
      };
      cbl = ConnectByList.builder().resolver(table).timeout(Connector.DEADLINE).build();
      manager = ConnectByListHttpClient5.connectionManagerBuilder(cbl);
      connectTimeout = Timeout.of(Connector.DEADLINE);
    }
    manager.setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connectTimeout).build());
    org.apache.hc.client5.http.impl.classic.HttpClientBuilder builder = HttpClients.custom()
        .setConnectionManager(manager.build()).disableAutomaticRetries();
    if (connection.equals("new")) {
      builder.setConnectionReuseStrategy((request, response, context) -> false);
    } else if (!connection.equals("pooled")) {
      throw new IllegalArgumentException("connection: new or pooled, not " + connection);
    }
    client = builder.build();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    client.close();
    if (cbl != null) {
      cbl.close();
    }
    server.stop(0);
    testbed.close();
  }

  @Benchmark
  public String request() throws IOException {
    return client.execute(new HttpGet(uri), response -> EntityUtils.toString(response.getEntity()));
  }
}
