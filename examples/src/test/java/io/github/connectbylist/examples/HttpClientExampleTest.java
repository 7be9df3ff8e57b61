package io.github.connectbylist.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Both clients fetch a page from the JDK's HTTP server on loopback; the tuned manager keeps its pool size. */
class HttpClientExampleTest {

  private static String get(CloseableHttpClient client, String uri) throws Exception {
    return client.execute(new HttpGet(uri), response -> EntityUtils.toString(response.getEntity()));
  }

  /**
   * HttpClient's first client opens three sockets that it keeps for the JVM's life (a second one opens none),
   * and the default TLS context loads once: done here, so that the check counts only what the test opens.
   */
  @BeforeAll
  static void warmUp() throws Exception {
    HttpClients.createDefault().close();
    SSLContext.getDefault();
  }

  @Test
  void bothManagersConnect() throws Exception {
    try (Loopback loopback = new Loopback()) {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
      byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
      server.createContext("/", exchange -> {
        exchange.sendResponseHeaders(200, hello.length);
        exchange.getResponseBody().write(hello);
        exchange.close();
      });
      server.start();
      String uri = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
      try (HttpClientExample example = HttpClientExample.clients(SSLContext.getDefault())) {
        assertEquals("hello", get(example.client(), uri));
        assertEquals(50, example.m().getTotalStats().getMax());
        try (CloseableHttpClient tuned = HttpClients.custom().setConnectionManager(example.m())
            .setConnectionManagerShared(true).build()) {
          assertEquals("hello", get(tuned, uri));
        }
      } finally {
        server.stop(0);
      }
    }
  }
}
