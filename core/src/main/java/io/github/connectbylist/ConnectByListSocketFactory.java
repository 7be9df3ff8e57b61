package io.github.connectbylist;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import javax.net.SocketFactory;

/**
 * A {@link SocketFactory} whose sockets connect with a {@link ConnectByList}: every address of the host name
 * is resolved and raced with the instance's strategy, where a plain socket tries one address. It meets the
 * blocking clients that take a socket factory (JDBC drivers, the JDK's LDAP client, mail, FTP, many RPC
 * stacks) where they are: by instance, or by class name.
 *
 * <ul>
 *   <li>{@link #createSocket()} gives an unconnected socket whose {@code connect(endpoint, timeout)}, given an
 *       unresolved endpoint ({@link InetSocketAddress#createUnresolved}), resolves its host name and races
 *       every address, the timeout being the deadline of the whole connect (resolution included). A resolved
 *       endpoint is the one address it holds: its host name is not resolved again, since the caller chose
 *       that address (as {@code new InetSocketAddress(host, port)} does, by asking the system resolver for
 *       one). To race every address of a name, give it unresolved, or call {@code createSocket(host, port)}.
 *   <li>{@code createSocket(host, port)} and the forms with a local address connect at once, with the
 *       instance's deadline. A local address binds every attempt to it; a local port other than 0 cannot
 *       be honoured when attempts race, and is refused.
 *   <li>The sockets are {@code java.net.Socket}s in every way a library relies on: streams, {@code
 *       setSoTimeout}, options (set before the connect, they are applied to the connected socket), half-close,
 *       {@code close} from another thread (also during the connect, which ends it), the addresses.
 *   <li>Failures are what a plain socket throws: {@link java.net.SocketTimeoutException} when the deadline
 *       passed, {@link java.net.UnknownHostException} when the name has no address, else a {@link
 *       ConnectFailedException} (a {@link java.net.ConnectException}); each carries the connect's trace as
 *       its cause or itself.
 * </ul>
 *
 * <p>By class name: libraries that take a factory class call {@link #getDefault()}, which builds one
 * instance for the JVM from the system properties {@value Strategies#PROPERTY}, {@value
 * Strategies#RESOLVER_PROPERTY} and {@value #TIMEOUT_PROPERTY} (the deadline of {@code createSocket(host,
 * port)}, default {@value #DEFAULT_TIMEOUT_TEXT}). The public no-argument constructor does the same with an
 * instance of its own.
 *
 * <pre>{@code
 * env.put("java.naming.ldap.factory.socket", ConnectByListSocketFactory.class.getName());   // JNDI LDAP
 * SocketFactory f = new ConnectByListSocketFactory(ConnectByList.builder().strategy("happy-eyeballs").build());
 * }</pre>
 */
public final class ConnectByListSocketFactory extends SocketFactory {
  /** The system property with the deadline of {@code createSocket(host, port)}, such as {@code 10s}. */
  public static final String TIMEOUT_PROPERTY = "connectbylist.socket-factory.timeout";
  static final String DEFAULT_TIMEOUT_TEXT = "30s";

  private static volatile ConnectByListSocketFactory shared;

  private final ConnectByList cbl;

  /**
   * A factory of its own, configured by the system properties as {@link #getDefault()} is; for libraries
   * that instantiate a factory class.
   */
  public ConnectByListSocketFactory() {
    this(fromProperties());
  }

  /**
   * A factory whose sockets connect with {@code cbl}; the caller keeps it, and closes it after the sockets.
   *
   * @param cbl the strategies, resolver, deadline and policy to connect with
   */
  public ConnectByListSocketFactory(ConnectByList cbl) {
    this.cbl = Objects.requireNonNull(cbl, "cbl");
  }

  /**
   * The factory of the JVM, built on first use from the system properties; what libraries that take a
   * factory class name call.
   *
   * @return the shared factory
   */
  public static SocketFactory getDefault() {
    ConnectByListSocketFactory f = shared;
    if (f == null) {
      synchronized (ConnectByListSocketFactory.class) {
        f = shared;
        if (f == null) {
          f = new ConnectByListSocketFactory();
          shared = f;
        }
      }
    }
    return f;
  }

  private static ConnectByList fromProperties() {
    String timeout = System.getProperty(TIMEOUT_PROPERTY, DEFAULT_TIMEOUT_TEXT);
    Duration deadline;
    try {
      deadline = io.github.connectbylist.api.StrategyOptions.parseDuration(TIMEOUT_PROPERTY, timeout);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("system property " + e.getMessage(), e);
    }
    return ConnectByList.builder().timeout(deadline).build(); // strategy and resolver: their own properties
  }

  /**
   * The instance the sockets connect with.
   *
   * @return the {@link ConnectByList}
   */
  public ConnectByList connectByList() {
    return cbl;
  }

  /**
   * An unconnected socket. Its {@code connect(endpoint, timeout)} races every address of the endpoint's host
   * name when the endpoint is unresolved ({@link InetSocketAddress#createUnresolved}); a resolved endpoint is
   * the one address it holds, its host name never resolved again.
   *
   * @return the socket
   */
  @Override
  public Socket createSocket() {
    return new RacingSocket(cbl);
  }

  /**
   * A socket connected to one of {@code host}'s addresses, raced with the instance's strategy.
   *
   * @param host a host name or an address literal
   * @param port the port
   * @return the connected socket
   * @throws IOException as {@code new Socket(host, port)} would, with the connect's trace
   */
  @Override
  public Socket createSocket(String host, int port) throws IOException {
    RacingSocket s = new RacingSocket(cbl);
    s.connect(host, port, 0);
    return s;
  }

  /**
   * As {@link #createSocket(String, int)}, every attempt bound to {@code localHost}.
   *
   * @param host a host name or an address literal
   * @param port the port
   * @param localHost the local address every attempt is bound to; {@code null} for the system's choice
   * @param localPort 0; a fixed local port cannot be shared by racing attempts
   * @return the connected socket
   * @throws IOException as a plain socket would; a {@link java.net.SocketException} for a local port other than 0
   */
  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    RacingSocket s = new RacingSocket(cbl);
    s.bind(new InetSocketAddress(localHost, localPort));
    s.connect(host, port, 0);
    return s;
  }

  /**
   * A socket connected to {@code host} and no other address: an {@code InetAddress} is a destination, and the
   * host name it may carry is never resolved again.
   *
   * @param host the address
   * @param port the port
   * @return the connected socket
   * @throws IOException as {@code new Socket(host, port)} would
   */
  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    RacingSocket s = new RacingSocket(cbl);
    s.connect(host, port, 0);
    return s;
  }

  /**
   * As {@link #createSocket(InetAddress, int)}, bound to {@code localAddress}.
   *
   * @param address the address
   * @param port the port
   * @param localAddress the local address to bind; {@code null} for the system's choice
   * @param localPort 0; a fixed local port is refused
   * @return the connected socket
   * @throws IOException as a plain socket would
   */
  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
    RacingSocket s = new RacingSocket(cbl);
    s.bind(new InetSocketAddress(localAddress, localPort));
    s.connect(address, port, 0);
    return s;
  }

  @Override
  public String toString() {
    return "ConnectByListSocketFactory[" + cbl + "]";
  }
}
