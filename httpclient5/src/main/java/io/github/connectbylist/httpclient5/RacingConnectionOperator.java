package io.github.connectbylist.httpclient5;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.ConnectByListSocketFactory;
import io.github.connectbylist.ConnectFailedException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketOption;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import javax.net.ssl.SSLSocket;
import jdk.net.ExtendedSocketOptions;
import org.apache.hc.client5.http.ConnectExceptionSupport;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.SchemePortResolver;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.io.HttpClientConnectionOperator;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.Lookup;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.Closer;
import org.apache.hc.core5.net.NamedEndpoint;
import org.apache.hc.core5.util.Args;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The connection operator of {@link ConnectByListHttpClient5}: a direct TCP connect races every address of the
 * host (a {@link ConnectByListSocketFactory} socket, by name), HttpClient's connect timeout being the deadline
 * of the whole race, and the winner is layered with HttpClient's own {@link TlsSocketStrategy} for {@code
 * https}, verified against the request's host. What is not a direct TCP connect (a SOCKS proxy, a Unix domain
 * socket) and the TLS upgrade of a tunnel go to HttpClient's own operator, unchanged.
 */
final class RacingConnectionOperator implements HttpClientConnectionOperator {
  private final ConnectByListSocketFactory sockets;
  private final SchemePortResolver ports;
  private final Lookup<TlsSocketStrategy> tls;
  private final DefaultHttpClientConnectionOperator shipped;

  RacingConnectionOperator(ConnectByList cbl, SchemePortResolver ports, TlsSocketStrategy tlsStrategy) {
    this.sockets = new ConnectByListSocketFactory(cbl);
    this.ports = ports != null ? ports : DefaultSchemePortResolver.INSTANCE;
    this.tls = RegistryBuilder.<TlsSocketStrategy>create().register(URIScheme.HTTPS.id, tlsStrategy).build();
    this.shipped = new DefaultHttpClientConnectionOperator(this.ports, null, tls);
  }

  @Override
  public void connect(ManagedHttpClientConnection conn, HttpHost host, InetSocketAddress localAddress,
      TimeValue connectTimeout, SocketConfig socketConfig, HttpContext context) throws IOException {
    Timeout timeout = connectTimeout == null ? null : Timeout.of(connectTimeout.getDuration(), connectTimeout.getTimeUnit());
    connect(conn, host, null, null, localAddress, timeout, socketConfig, null, context);
  }

  @Override
  public void connect(ManagedHttpClientConnection conn, HttpHost host, NamedEndpoint endpointName,
      InetSocketAddress localAddress, Timeout connectTimeout, SocketConfig socketConfig, Object attachment,
      HttpContext context) throws IOException {
    connect(conn, host, endpointName, null, localAddress, connectTimeout, socketConfig, attachment, context);
  }

  @Override
  public void connect(ManagedHttpClientConnection conn, HttpHost host, NamedEndpoint endpointName,
      Path unixDomainSocket, InetSocketAddress localAddress, Timeout connectTimeout, SocketConfig socketConfig,
      Object attachment, HttpContext context) throws IOException {
    Args.notNull(conn, "Connection");
    Args.notNull(host, "Host");
    Args.notNull(socketConfig, "Socket config");
    Args.notNull(context, "Context");
    if (unixDomainSocket != null || socketConfig.getSocksProxyAddress() != null) {
      shipped.connect(conn, host, endpointName, unixDomainSocket, localAddress, connectTimeout, socketConfig,
          attachment, context); // one path to take: nothing to race
      return;
    }
    int port = ports.resolve(host.getSchemeName(), host);
    InetSocketAddress target = host.getAddress() != null ? new InetSocketAddress(host.getAddress(), port)
        : InetSocketAddress.createUnresolved(host.getHostName(), port); // unresolved: every address raced
    NamedEndpoint named = endpointName != null ? endpointName : host;
    Socket socket = sockets.createSocket();
    try {
      if (localAddress != null) {
        socket.bind(localAddress);
      }
      conn.bind(socket); // closing the connection meanwhile closes the socket, which ends the race
      configureBefore(socket, socketConfig);
      int millis = TimeValue.isPositive(connectTimeout) ? connectTimeout.toMillisecondsIntBound() : 0;
      try {
        socket.connect(target, millis);
      } catch (SocketTimeoutException e) {
        throw timedOut(e, named);
      } catch (ConnectFailedException e) {
        throw failed(e, named);
      }
      configureAfter(socket, socketConfig);
      conn.bind(socket);
      TlsSocketStrategy strategy = tls.lookup(host.getSchemeName());
      if (strategy != null) {
        upgradeToTls(conn, named, connectTimeout, attachment, context, strategy, socket);
      }
    } catch (ConnectTimeoutException | HttpHostConnectException | UnknownHostException e) {
      Closer.closeQuietly(socket);
      throw e;
    } catch (IOException e) {
      Closer.closeQuietly(socket);
      throw ConnectExceptionSupport.enhance(e, named); // as HttpClient reports a TLS failure
    } catch (RuntimeException e) {
      Closer.closeQuietly(socket);
      throw e;
    }
  }

  /** The deadline passed: what HttpClient throws for a connect timeout, the race's attempts as its cause. */
  private static ConnectTimeoutException timedOut(SocketTimeoutException e, NamedEndpoint named) {
    ConnectTimeoutException t = new ConnectTimeoutException("Connect to " + named + " timed out: " + e.getMessage(), named);
    t.initCause(e.getCause() != null ? e.getCause() : e);
    return t;
  }

  /** Every attempt failed: what HttpClient throws for a refused or unreachable host, with the attempts. */
  private static HttpHostConnectException failed(ConnectFailedException e, NamedEndpoint named) {
    HttpHostConnectException t = new HttpHostConnectException("Connect to " + named + " failed: " + e.getMessage(), named);
    t.initCause(e);
    return t;
  }

  private static void upgradeToTls(ManagedHttpClientConnection conn, NamedEndpoint named, Timeout connectTimeout,
      Object attachment, HttpContext context, TlsSocketStrategy strategy, Socket socket) throws IOException {
    TlsConfig config = attachment instanceof TlsConfig t ? t : TlsConfig.DEFAULT;
    int soTimeout = socket.getSoTimeout();
    Timeout handshake = config.getHandshakeTimeout() != null ? config.getHandshakeTimeout() : connectTimeout;
    if (handshake != null) {
      socket.setSoTimeout(handshake.toMillisecondsIntBound());
    }
    SSLSocket ssl = strategy.upgrade(socket, named.getHostName(), named.getPort(), attachment, context);
    socket.setSoTimeout(soTimeout);
    conn.bind(ssl, socket);
  }

  /** HttpClient's socket settings that belong before the connect (buffer sizes set the window scale). */
  private static void configureBefore(Socket socket, SocketConfig config) throws IOException {
    if (config.getSoTimeout() != null) { // unset: the socket's default, as HttpClient's own operator leaves it
      socket.setSoTimeout(config.getSoTimeout().toMillisecondsIntBound());
    }
    if (config.getRcvBufSize() > 0) {
      socket.setReceiveBufferSize(config.getRcvBufSize());
    }
    if (config.getSndBufSize() > 0) {
      socket.setSendBufferSize(config.getSndBufSize());
    }
    int linger = config.getSoLinger() == null ? -1 : config.getSoLinger().toMillisecondsIntBound();
    if (linger >= 0) {
      socket.setSoLinger(true, linger);
    }
    socket.setReuseAddress(config.isSoReuseAddress());
    socket.setTcpNoDelay(config.isTcpNoDelay());
    socket.setKeepAlive(config.isSoKeepAlive());
  }

  /** The keep-alive timings, which go on the connected socket. */
  private static void configureAfter(Socket socket, SocketConfig config) throws IOException {
    setIfSupported(socket, ExtendedSocketOptions.TCP_KEEPIDLE, config.getTcpKeepIdle());
    setIfSupported(socket, ExtendedSocketOptions.TCP_KEEPINTERVAL, config.getTcpKeepInterval());
    setIfSupported(socket, ExtendedSocketOptions.TCP_KEEPCOUNT, config.getTcpKeepCount());
  }

  private static void setIfSupported(Socket socket, SocketOption<Integer> option, int value) throws IOException {
    if (value > 0 && socket.getChannel() != null && socket.getChannel().supportedOptions().contains(option)) {
      socket.getChannel().setOption(option, value);
    }
  }

  @Override
  public void upgrade(ManagedHttpClientConnection conn, HttpHost host, HttpContext context) throws IOException {
    shipped.upgrade(conn, host, context);
  }

  @Override
  public void upgrade(ManagedHttpClientConnection conn, HttpHost host, NamedEndpoint endpointName,
      Object attachment, HttpContext context) throws IOException {
    shipped.upgrade(conn, host, endpointName, attachment, context);
  }
}
