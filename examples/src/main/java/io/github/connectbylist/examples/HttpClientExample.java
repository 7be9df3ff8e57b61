package io.github.connectbylist.examples;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.httpclient5.ConnectByListHttpClient5;
import java.io.IOException;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * Apache HttpClient 5 (classic) with connection managers that race every address of a host. Closing it closes
 * the client, the tuned manager and the instance.
 *
 * @param cbl the instance both managers connect with
 * @param client a client on the plain manager
 * @param m a manager with one's own TLS, pool and socket settings
 */
record HttpClientExample(ConnectByList cbl, CloseableHttpClient client, PoolingHttpClientConnectionManager m)
    implements AutoCloseable {

  /** @param tls the TLS context of the tuned manager's {@code https} connections */
  static HttpClientExample clients(SSLContext tls) {
    TlsSocketStrategy myTls = ClientTlsStrategyBuilder.create().setSslContext(tls).buildClassic();
    SocketConfig mySocketConfig = SocketConfig.custom().setSoTimeout(Timeout.ofSeconds(30)).setTcpNoDelay(true).build();
    // snippet:start httpclient5
    ConnectByList cbl = ConnectByList.builder().build();                                        // once
    CloseableHttpClient client = HttpClients.custom()
        .setConnectionManager(ConnectByListHttpClient5.connectionManager(cbl)).build();
    // your TLS, pool and socket settings: HttpClient's own builder, made by us
    PoolingHttpClientConnectionManager m = ConnectByListHttpClient5.connectionManagerBuilder(cbl)
        .setTlsSocketStrategy(myTls).setMaxConnTotal(50).setDefaultSocketConfig(mySocketConfig).build();
    // snippet:end httpclient5
    return new HttpClientExample(cbl, client, m);
  }

  @Override
  public void close() throws IOException {
    try {
      client.close();
      m.close();
    } finally {
      cbl.close();
    }
  }
}
