package io.github.connectbylist.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;

/**
 * OkHttp 5's fast fallback (its Happy Eyeballs), the peer from the Java ecosystem. A {@code Dns} returns the
 * scenario's addresses; the call is cancelled by its {@code EventListener} the moment a connect succeeds,
 * so a sample is OkHttp's time to connect plus its call set-up, with no HTTP exchange.
 */
final class OkHttpFastFallback implements Connector {
  private final OkHttpClient client;
  private final Request request;

  OkHttpFastFallback(List<InetSocketAddress> scenario) {
    List<InetAddress> addresses = scenario.stream().map(InetSocketAddress::getAddress).toList();
    int port = scenario.get(0).getPort();
    this.client = new OkHttpClient.Builder()
        .dns(hostname -> addresses)
        .fastFallback(true)
        .retryOnConnectionFailure(false)
        .connectionPool(new ConnectionPool(0, 1, TimeUnit.MILLISECONDS))
        .connectTimeout(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
        .callTimeout(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
        .eventListener(new CancelOnConnect())
        .build();
    this.request = new Request.Builder().url("http://scenario.test:" + port + "/").build();
  }

  @Override
  public boolean connectAndClose(List<InetSocketAddress> ignored) {
    Call call = client.newCall(request);
    try {
      call.execute().close();
      return true;
    } catch (IOException e) {
      return call.isCanceled(); // cancelled by CancelOnConnect: it connected
    }
  }

  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  /** Ends the call once TCP connects: the benchmark measures connecting, not HTTP. */
  private static final class CancelOnConnect extends EventListener {
    @Override
    public void connectEnd(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol) {
      call.cancel();
    }
  }
}
