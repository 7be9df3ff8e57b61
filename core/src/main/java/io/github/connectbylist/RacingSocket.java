package io.github.connectbylist;

import io.github.connectbylist.api.Addresses;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.LocalAddress;
import io.github.connectbylist.internal.LocalAddresses;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The socket of {@link ConnectByListSocketFactory}: a {@code java.net.Socket} whose connect races every
 * address of the endpoint's host name with a {@link ConnectByList}, and which then is the winner's socket
 * (the connected channel's own socket, in blocking mode) in every respect. Options set before the connect
 * are kept and applied to the winner; {@code close} from any thread ends a connect in progress.
 */
final class RacingSocket extends Socket {
  private final ConnectByList cbl;
  private final Object lock = new Object();
  private final EarlyOptions early = new EarlyOptions();
  private InetSocketAddress bindTo;
  private CompletableFuture<Connection> pending;
  private Connection connection;
  private Socket inner;
  private boolean closed;

  RacingSocket(ConnectByList cbl) {
    this.cbl = cbl;
  }

  @Override
  public void connect(SocketAddress endpoint) throws IOException {
    connect(endpoint, 0);
  }

  @Override
  public void connect(SocketAddress endpoint, int timeout) throws IOException {
    if (endpoint == null) {
      throw new IllegalArgumentException("connect: The address can't be null");
    }
    if (timeout < 0) {
      throw new IllegalArgumentException("connect: timeout can't be negative");
    }
    if (!(endpoint instanceof InetSocketAddress a)) {
      throw new IllegalArgumentException("Unsupported address type: " + endpoint.getClass().getName());
    }
    if (a.isUnresolved()) {
      connect(a.getHostString(), a.getPort(), timeout); // a name: resolved and raced
    } else {
      connect(a.getAddress(), a.getPort(), timeout); // an address: that destination, never its name resolved again
    }
  }

  /** Races every address of {@code host}; a timeout of 0 means the instance's deadline. */
  void connect(String host, int port, int timeoutMillis) throws IOException {
    connect(host, null, port, timeoutMillis);
  }

  /**
   * Connects to {@code address} and no other: an {@code InetAddress} given is a destination, whatever host
   * name it carries. A timeout of 0 means the instance's deadline.
   */
  void connect(InetAddress address, int port, int timeoutMillis) throws IOException {
    connect(null, address, port, timeoutMillis);
  }

  /** By name when {@code address} is {@code null}, else to that address only. */
  private void connect(String host, InetAddress address, int port, int timeoutMillis) throws IOException {
    synchronized (lock) {
      if (closed) {
        throw new SocketException("Socket is closed");
      }
      if (connection != null || pending != null) {
        throw new SocketException("already connected");
      }
    }
    ConnectRequest request = address != null ? ConnectRequest.to(List.of(new InetSocketAddress(address, port)))
        : ConnectRequest.to(host, port);
    if (timeoutMillis > 0) {
      request = request.timeout(Duration.ofMillis(timeoutMillis));
    }
    LocalAddress source = bindTo == null ? null : source(bindTo);
    if (source != null) {
      request = request.sources(List.of(source)); // this call's only source, the instance's options kept
    }
    CompletableFuture<Connection> f = cbl.connectAsync(request);
    synchronized (lock) {
      pending = f;
      if (closed) {
        f.cancel(false);
      }
    }
    Connection c = await(f, host != null ? host : Addresses.format(address, port));
    synchronized (lock) {
      pending = null;
      if (closed) {
        c.close();
        throw new SocketException("Socket closed");
      }
      connection = c;
      inner = c.channel().socket();
    }
    applyEarlyOptions();
  }

  /** The connect's outcome as a plain socket reports it. */
  private Connection await(CompletableFuture<Connection> f, String host) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      f.cancel(false);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("connect to " + host + " interrupted");
    } catch (CancellationException e) {
      throw new SocketException("Socket closed");
    } catch (ExecutionException e) {
      synchronized (lock) {
        pending = null;
        if (closed) {
          throw new SocketException("Socket closed");
        }
      }
      if (!(e.getCause() instanceof ConnectFailedException failed)) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IOException(e.getCause());
      }
      if (failed.kind() == FailureKind.TIMED_OUT) {
        SocketTimeoutException t = new SocketTimeoutException("connect timed out: " + failed.getMessage());
        t.initCause(failed);
        throw t;
      }
      if (failed.kind() == FailureKind.NO_SUCH_NAME) {
        UnknownHostException u = new UnknownHostException(host + ": " + failed.getMessage());
        u.initCause(failed);
        throw u;
      }
      throw failed;
    }
  }

  /**
   * The source a bound socket connects from: the local address with its prefix and interface as the host
   * knows it, or {@code null} for the wildcard (any source, as an unbound socket).
   */
  private static LocalAddress source(InetSocketAddress local) throws SocketException {
    if (local.getPort() != 0) {
      throw new SocketException("a local port (" + local.getPort() + ") cannot be shared by racing attempts; bind to port 0");
    }
    InetAddress address = local.getAddress();
    if (address == null || address.isAnyLocalAddress()) {
      return null;
    }
    for (LocalAddress known : LocalAddresses.current()) {
      if (known.address().equals(address)) {
        return known;
      }
    }
    return LocalAddress.of(address, address.getAddress().length == 4 ? 32 : 128, "?");
  }

  @Override
  public void bind(SocketAddress local) throws IOException {
    synchronized (lock) {
      if (closed) {
        throw new SocketException("Socket is closed");
      }
      if (connection != null || bindTo != null) {
        throw new SocketException("Already bound");
      }
      if (local != null && !(local instanceof InetSocketAddress)) {
        throw new IllegalArgumentException("Unsupported address type: " + local.getClass().getName());
      }
      bindTo = local == null ? new InetSocketAddress(0) : (InetSocketAddress) local;
    }
  }

  private Socket connected() throws SocketException {
    synchronized (lock) {
      if (closed) {
        throw new SocketException("Socket is closed");
      }
      if (inner == null) {
        throw new SocketException("Socket is not connected");
      }
      return inner;
    }
  }

  private Socket innerOrNull() {
    synchronized (lock) {
      return inner;
    }
  }

  @Override
  public InputStream getInputStream() throws IOException {
    return connected().getInputStream();
  }

  @Override
  public OutputStream getOutputStream() throws IOException {
    return connected().getOutputStream();
  }

  @Override
  public SocketChannel getChannel() {
    Socket s = innerOrNull();
    return s == null ? null : s.getChannel();
  }

  @Override
  public InetAddress getInetAddress() {
    Socket s = innerOrNull();
    return s == null ? null : s.getInetAddress();
  }

  @Override
  public int getPort() {
    Socket s = innerOrNull();
    return s == null ? 0 : s.getPort();
  }

  @Override
  public SocketAddress getRemoteSocketAddress() {
    Socket s = innerOrNull();
    return s == null ? null : s.getRemoteSocketAddress();
  }

  @Override
  public InetAddress getLocalAddress() {
    Socket s = innerOrNull();
    if (s != null) {
      return s.getLocalAddress();
    }
    synchronized (lock) {
      return bindTo != null && bindTo.getAddress() != null ? bindTo.getAddress() : new InetSocketAddress(0).getAddress();
    }
  }

  @Override
  public int getLocalPort() {
    Socket s = innerOrNull();
    return s != null ? s.getLocalPort() : -1;
  }

  @Override
  public SocketAddress getLocalSocketAddress() {
    Socket s = innerOrNull();
    if (s != null) {
      return s.getLocalSocketAddress();
    }
    synchronized (lock) {
      return bindTo;
    }
  }

  @Override
  public boolean isConnected() {
    return innerOrNull() != null;
  }

  @Override
  public boolean isBound() {
    synchronized (lock) {
      return inner != null || bindTo != null;
    }
  }

  @Override
  public boolean isClosed() {
    synchronized (lock) {
      return closed;
    }
  }

  @Override
  public boolean isInputShutdown() {
    Socket s = innerOrNull();
    return s != null && s.isInputShutdown();
  }

  @Override
  public boolean isOutputShutdown() {
    Socket s = innerOrNull();
    return s != null && s.isOutputShutdown();
  }

  @Override
  public void shutdownInput() throws IOException {
    connected().shutdownInput();
  }

  @Override
  public void shutdownOutput() throws IOException {
    connected().shutdownOutput();
  }

  /** Closes the socket; a connect in progress on another thread ends and throws "Socket closed". */
  @Override
  public void close() throws IOException {
    CompletableFuture<Connection> f;
    Socket s;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      f = pending;
      s = inner;
    }
    if (f != null) {
      f.cancel(false);
    }
    if (s != null) {
      s.close();
    }
  }

  // Options: set before the connect they wait in `early` and go to the winner; after it, to the socket.

  @Override
  public void setSoTimeout(int timeout) throws SocketException {
    if (timeout < 0) {
      throw new IllegalArgumentException("timeout can't be negative");
    }
    Socket s = open();
    if (s != null) {
      s.setSoTimeout(timeout);
    } else {
      early.soTimeout(timeout);
    }
  }

  @Override
  public int getSoTimeout() throws SocketException {
    Socket s = open();
    return s != null ? s.getSoTimeout() : early.soTimeout();
  }

  @Override
  public void setTcpNoDelay(boolean on) throws SocketException {
    set(StandardSocketOptions.TCP_NODELAY, on);
  }

  @Override
  public boolean getTcpNoDelay() throws SocketException {
    return get(StandardSocketOptions.TCP_NODELAY);
  }

  @Override
  public void setKeepAlive(boolean on) throws SocketException {
    set(StandardSocketOptions.SO_KEEPALIVE, on);
  }

  @Override
  public boolean getKeepAlive() throws SocketException {
    return get(StandardSocketOptions.SO_KEEPALIVE);
  }

  @Override
  public void setSoLinger(boolean on, int linger) throws SocketException {
    if (on && linger < 0) {
      throw new IllegalArgumentException("invalid value for SO_LINGER");
    }
    set(StandardSocketOptions.SO_LINGER, on ? Math.min(linger, 65_535) : -1);
  }

  @Override
  public int getSoLinger() throws SocketException {
    return get(StandardSocketOptions.SO_LINGER);
  }

  @Override
  public void setSendBufferSize(int size) throws SocketException {
    if (size <= 0) {
      throw new IllegalArgumentException("negative send size");
    }
    set(StandardSocketOptions.SO_SNDBUF, size);
  }

  @Override
  public int getSendBufferSize() throws SocketException {
    return get(StandardSocketOptions.SO_SNDBUF);
  }

  @Override
  public void setReceiveBufferSize(int size) throws SocketException {
    if (size <= 0) {
      throw new IllegalArgumentException("invalid receive size");
    }
    set(StandardSocketOptions.SO_RCVBUF, size);
  }

  @Override
  public int getReceiveBufferSize() throws SocketException {
    return get(StandardSocketOptions.SO_RCVBUF);
  }

  @Override
  public void setReuseAddress(boolean on) throws SocketException {
    set(StandardSocketOptions.SO_REUSEADDR, on);
  }

  @Override
  public boolean getReuseAddress() throws SocketException {
    return get(StandardSocketOptions.SO_REUSEADDR);
  }

  @Override
  public void setTrafficClass(int tc) throws SocketException {
    if (tc < 0 || tc > 255) {
      throw new IllegalArgumentException("tc is not in range 0 -- 255");
    }
    set(StandardSocketOptions.IP_TOS, tc);
  }

  @Override
  public int getTrafficClass() throws SocketException {
    return get(StandardSocketOptions.IP_TOS);
  }

  @Override
  public void setOOBInline(boolean on) throws SocketException {
    Socket s = open();
    if (s == null) {
      throw new SocketException("OOBINLINE can be set once the socket is connected");
    }
    s.setOOBInline(on);
  }

  @Override
  public boolean getOOBInline() throws SocketException {
    Socket s = open();
    return s != null && s.getOOBInline();
  }

  @Override
  public void sendUrgentData(int data) throws IOException {
    connected().sendUrgentData(data);
  }

  @Override
  public void setPerformancePreferences(int connectionTime, int latency, int bandwidth) {
    // as the JDK's sockets: no effect
  }

  @Override
  public <T> Socket setOption(SocketOption<T> name, T value) throws IOException {
    set(name, value);
    return this;
  }

  @Override
  public <T> T getOption(SocketOption<T> name) throws IOException {
    return get(name);
  }

  @Override
  public Set<SocketOption<?>> supportedOptions() {
    return EarlyOptions.SUPPORTED;
  }

  /** The connected socket, or {@code null} before the connect; closed is an error. */
  private Socket open() throws SocketException {
    synchronized (lock) {
      if (closed) {
        throw new SocketException("Socket is closed");
      }
      return inner;
    }
  }

  private <T> void set(SocketOption<T> option, T value) throws SocketException {
    Socket s = open();
    if (s != null) {
      EarlyOptions.setOn(s, option, value);
    } else {
      early.set(option, value);
    }
  }

  private <T> T get(SocketOption<T> option) throws SocketException {
    Socket s = open();
    if (s == null) {
      return early.get(option);
    }
    try {
      return s.getChannel().getOption(option);
    } catch (SocketException e) {
      throw e;
    } catch (IOException e) {
      throw new SocketException(e.getMessage());
    }
  }

  private void applyEarlyOptions() throws IOException {
    try {
      early.applyTo(inner);
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  @Override
  public String toString() {
    Socket s = innerOrNull();
    return s == null ? "Socket[unconnected, racing with " + cbl.scheduler() + "]"
        : "Socket[addr=" + s.getInetAddress() + ",port=" + s.getPort() + ",localport=" + s.getLocalPort() + "]";
  }
}
