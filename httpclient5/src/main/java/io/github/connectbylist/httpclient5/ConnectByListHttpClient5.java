package io.github.connectbylist.httpclient5;

import io.github.connectbylist.ConnectByList;
import java.util.Objects;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionOperator;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;

/**
 * ConnectByList for Apache HttpClient 5's classic client. HttpClient as shipped tries a name's addresses one
 * after another, its connect timeout each, so a host whose IPv6 address does not answer costs every new
 * connection the whole timeout (HTTPCLIENT-2178). The connection managers made here connect instead with a
 * {@link ConnectByList}: every address of the host, by name, raced with its strategy (Happy Eyeballs by
 * default) and its history, so the first connection pays one attempt delay and later ones go straight to the
 * address that answered.
 *
 * <ul>
 *   <li>The host is resolved by the {@link ConnectByList}'s resolver (a request to an address literal is a
 *       list of one); HttpClient's connect timeout ({@code ConnectionConfig}) is the deadline of the whole
 *       connect, resolution included.
 *   <li>{@code https} works as before: the winning socket is layered with HttpClient's {@link
 *       TlsSocketStrategy} (the builder's, or the default), its host name verified against the request's host.
 *       Socket settings ({@code SocketConfig}) apply to the winner; a SOCKS proxy or a Unix domain socket has
 *       one path only and goes through HttpClient's own operator unchanged.
 *   <li>Failures are what HttpClient users already handle: {@link
 *       org.apache.hc.client5.http.ConnectTimeoutException} when the deadline passed, {@link
 *       org.apache.hc.client5.http.HttpHostConnectException} when every address refused or was unreachable,
 *       {@link java.net.UnknownHostException} when the name has no address; each has the connect's {@link
 *       io.github.connectbylist.ConnectFailedException} (every attempt, with its address, time and error) as
 *       its cause.
 * </ul>
 *
 * <pre>{@code
 * ConnectByList cbl = ConnectByList.builder().build();
 * CloseableHttpClient client = HttpClients.custom()
 *     .setConnectionManager(ConnectByListHttpClient5.connectionManager(cbl))
 *     .build();
 * }</pre>
 *
 * <p>The async client ({@code PoolingAsyncClientConnectionManager}) is not covered: its I/O reactor opens and
 * connects its own channels and has no public way to take a connected one (see {@code docs/adapters.md}).
 */
public final class ConnectByListHttpClient5 {
  private ConnectByListHttpClient5() {}

  /**
   * A pooling connection manager with HttpClient's defaults whose connects race every address with {@code
   * cbl}; {@code connectionManagerBuilder(cbl).build()}.
   *
   * @param cbl the strategies, resolver and history to connect with; the caller keeps it, and closes it after
   *     the manager
   * @return the connection manager, for {@code HttpClients.custom().setConnectionManager(...)}
   */
  public static PoolingHttpClientConnectionManager connectionManager(ConnectByList cbl) {
    return connectionManagerBuilder(cbl).build();
  }

  /**
   * HttpClient's own {@link PoolingHttpClientConnectionManagerBuilder}, whose {@code build()} makes a manager
   * that connects with {@code cbl}: set TLS ({@code setTlsSocketStrategy}), pool, socket, connection and TLS
   * configs on it as usual. Its {@code setDnsResolver} is the one setting that does not fit: names are
   * resolved by {@code cbl} (give it a resolver), and {@code build()} refuses a {@code DnsResolver} rather than
   * ignore it.
   *
   * <p>It is made here rather than taken: HttpClient's builder keeps its connection operator to itself (made in
   * a protected method at {@code build()}), so a builder already made cannot be given another one.
   *
   * @param cbl the strategies, resolver and history to connect with
   * @return a new builder
   */
  public static PoolingHttpClientConnectionManagerBuilder connectionManagerBuilder(ConnectByList cbl) {
    return new RacingConnectionManagerBuilder(Objects.requireNonNull(cbl, "cbl"));
  }

  /**
   * The connection operator itself, for a manager made by its constructor ({@code
   * BasicHttpClientConnectionManager}, or {@code PoolingHttpClientConnectionManager}'s own constructors).
   *
   * @param cbl the strategies, resolver and history to connect with
   * @param tls the TLS strategy for {@code https}; {@code null} for {@link DefaultClientTlsStrategy#createDefault()}
   * @return the operator
   */
  public static HttpClientConnectionOperator connectionOperator(ConnectByList cbl, TlsSocketStrategy tls) {
    return new RacingConnectionOperator(Objects.requireNonNull(cbl, "cbl"), null,
        tls != null ? tls : DefaultClientTlsStrategy.createDefault());
  }
}
