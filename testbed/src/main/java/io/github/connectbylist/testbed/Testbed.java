package io.github.connectbylist.testbed;

import java.io.Closeable;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loopback endpoints that accept, refuse or black-hole connects, the stand-ins for the hosts a real
 * connect meets. Only loopback addresses ({@code 127.0.0.0/8}, {@code ::1}) are allowed, so nothing a test
 * does leaves the machine. Closing the testbed closes every endpoint and stops its threads.
 *
 * <p>A black-holed endpoint is a listener with a backlog of 1 whose queue is filled by the testbed's own
 * connects; Linux then drops further SYNs (it counts them as {@code ListenOverflows}), so a connect stays
 * pending exactly as it would towards a host that does not answer.
 */
public final class Testbed implements AutoCloseable {
  private static final long FILL_WAIT_NANOS = 150_000_000L;
  private static final int MAX_FILLERS = 64;

  private final List<Closeable> resources = new ArrayList<>();
  private final List<Thread> acceptors = new ArrayList<>();
  private final java.util.Map<Endpoint, ServerSocketChannel> blackHoles = new java.util.HashMap<>();
  private final AtomicLong accepted = new AtomicLong();
  private boolean closed;

  /**
   * A testbed with no endpoints yet.
   */
  public Testbed() {}

  /**
   * Whether {@code ::1} can be bound here; tests that need IPv6 skip themselves when it cannot.
   *
   * @return {@code true} when it can
   */
  public static boolean ipv6LoopbackAvailable() {
    try (ServerSocketChannel probe = ServerSocketChannel.open(StandardProtocolFamily.INET6)) {
      probe.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /**
   * An endpoint that accepts every connect on {@code host}, such as {@code "127.0.0.1"} or {@code "::1"}.
   *
   * @param host a loopback address
   * @return the endpoint
   * @throws IOException when the socket cannot be opened or bound
   */
  public Endpoint accepting(String host) throws IOException {
    return accepting(host, 0);
  }

  /**
   * As {@link #accepting(String)}, on {@code port} (0 for any). Endpoints of different roles may share a
   * port on different addresses, as a client that takes one port for all of a name's addresses needs.
   *
   * @param host a loopback address
   * @param port the port, or 0 for any
   * @return the endpoint
   * @throws IOException when the socket cannot be opened or bound
   */
  public synchronized Endpoint accepting(String host, int port) throws IOException {
    InetAddress address = loopback(host);
    ServerSocketChannel server = track(ServerSocketChannel.open(family(address)));
    server.bind(new InetSocketAddress(address, port), 4096);
    Thread acceptor = new Thread(() -> acceptUntilClosed(server), "testbed-accept-" + port(server));
    acceptor.setDaemon(true);
    acceptor.start();
    acceptors.add(acceptor);
    return new Endpoint(Role.ACCEPTING, (InetSocketAddress) server.getLocalAddress());
  }

  /**
   * An accepting endpoint on {@code 127.0.0.1} and another on {@code ::1}, on one port, as the addresses of
   * one name have: for connects by name through the {@link DnsServer}.
   *
   * @return the port
   * @throws IOException when no port free on both could be found, or {@code ::1} cannot be bound
   */
  public int acceptingOnBothFamilies() throws IOException {
    for (int tries = 0; ; tries++) {
      int port = accepting("127.0.0.1").address().getPort();
      try {
        accepting("::1", port);
        return port;
      } catch (java.net.BindException taken) {
        if (tries == 20) {
          throw taken;
        }
      }
    }
  }

  /**
   * An endpoint on {@code host} whose port is held by a bound socket that does not listen.
   *
   * @param host a loopback address
   * @return the endpoint
   * @throws IOException when the socket cannot be opened or bound
   */
  public Endpoint refusing(String host) throws IOException {
    return refusing(host, 0);
  }

  /**
   * As {@link #refusing(String)}, on {@code port} (0 for any).
   *
   * @param host a loopback address
   * @param port the port, or 0 for any
   * @return the endpoint
   * @throws IOException when the socket cannot be opened or bound
   */
  public synchronized Endpoint refusing(String host, int port) throws IOException {
    InetAddress address = loopback(host);
    SocketChannel holder = track(SocketChannel.open(family(address)));
    holder.bind(new InetSocketAddress(address, port));
    return new Endpoint(Role.REFUSING, (InetSocketAddress) holder.getLocalAddress());
  }

  /**
   * An endpoint on {@code host} that drops every SYN, so connects to it hang.
   *
   * @param host a loopback address
   * @return the endpoint
   * @throws IOException when the socket cannot be opened, or the kernel does not drop SYNs
   */
  public Endpoint blackHoled(String host) throws IOException {
    return blackHoled(host, 0);
  }

  /**
   * As {@link #blackHoled(String)}, on {@code port} (0 for any).
   *
   * @param host a loopback address
   * @param port the port, or 0 for any
   * @return the endpoint
   * @throws IOException when the socket cannot be opened, or the kernel does not drop SYNs
   */
  public synchronized Endpoint blackHoled(String host, int port) throws IOException {
    InetAddress address = loopback(host);
    ServerSocketChannel server = track(ServerSocketChannel.open(family(address)));
    server.bind(new InetSocketAddress(address, port), 1);
    InetSocketAddress target = (InetSocketAddress) server.getLocalAddress();
    for (int i = 0; i < MAX_FILLERS; i++) {
      SocketChannel filler = track(SocketChannel.open(family(address)));
      filler.configureBlocking(false);
      if (!filler.connect(target) && !awaitConnected(filler)) {
        Endpoint endpoint = new Endpoint(Role.BLACK_HOLED, target);
        blackHoles.put(endpoint, server);
        return endpoint;
      }
    }
    throw new IOException("the accept queue of " + target + " did not fill after " + MAX_FILLERS
        + " connects; this kernel does not drop SYNs on a full queue");
  }

  /**
   * Starts accepting on a black-holed endpoint: its queue drains, and connects that were left hanging
   * complete when their SYN is next sent again (Linux: 1 s after the first, then 3 s, 7 s ...). Tests use it
   * for a connect that completes late, through the selector, rather than at once.
   *
   * @param blackHoled a black-holed endpoint of this testbed
   */
  public synchronized void release(Endpoint blackHoled) {
    ServerSocketChannel server = blackHoles.remove(blackHoled);
    if (server == null) {
      throw new IllegalArgumentException(blackHoled + " is not a black-holed endpoint of this testbed");
    }
    Thread acceptor = new Thread(() -> acceptUntilClosed(server), "testbed-accept-" + port(server));
    acceptor.setDaemon(true);
    acceptor.start();
    acceptors.add(acceptor);
  }

  /**
   * How many connections the accepting endpoints have accepted so far.
   *
   * @return the count
   */
  public long acceptedCount() {
    return accepted.get();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Closeable c : resources) {
      try {
        c.close();
      } catch (IOException ignored) {
        // closing a loopback socket: nothing useful to report
      }
    }
    for (Thread t : acceptors) {
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void acceptUntilClosed(ServerSocketChannel server) {
    while (true) {
      try {
        SocketChannel peer = server.accept();
        accepted.incrementAndGet();
        peer.close();
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        if (!server.isOpen()) {
          return;
        }
      }
    }
  }

  private static boolean awaitConnected(SocketChannel channel) throws IOException {
    long until = System.nanoTime() + FILL_WAIT_NANOS;
    while (System.nanoTime() < until) {
      if (channel.finishConnect()) {
        return true;
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while filling an accept queue", e);
      }
    }
    return false;
  }

  private <T extends Closeable> T track(T resource) {
    if (closed) {
      try {
        resource.close();
      } catch (IOException ignored) {
        // the testbed is closed; the caller gets the exception below
      }
      throw new IllegalStateException("the testbed is closed");
    }
    resources.add(resource);
    return resource;
  }

  /**
   * The loopback address {@code host} writes. A literal only, in ASCII: {@code InetAddress.getByName} would
   * look a name up with the host's resolver, sending a query off this machine.
   */
  private static InetAddress loopback(String host) throws UnknownHostException {
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == ':' || c == '.')) {
        throw new IllegalArgumentException("'" + host + "' is not an address literal; the testbed looks up no name");
      }
    }
    InetAddress address;
    try {
      address = org.xbill.DNS.Address.getByAddress(host); // a literal only: never a lookup
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("'" + host + "' is not an address literal; the testbed looks up no name", e);
    }
    if (!address.isLoopbackAddress()) {
      throw new IllegalArgumentException(host + " is not a loopback address; the testbed stays on this machine");
    }
    return address;
  }

  private static ProtocolFamily family(InetAddress address) {
    return address instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
  }

  private static int port(ServerSocketChannel server) {
    return server.socket().getLocalPort();
  }
}
