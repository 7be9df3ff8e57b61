package io.github.connectbylist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.NameResolver;
import io.github.connectbylist.api.Query;
import io.github.connectbylist.testbed.LeakCheck;
import io.github.connectbylist.testbed.Testbed;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ConnectByListSocketFactory}'s sockets against a real server on loopback: the name is raced (a
 * black-holed address first, then the server), and the socket then behaves as a {@code java.net.Socket} in
 * each way a library relies on. Names are answered by a resolver written here, never by DNS.
 */
class SocketFactoryTest {
  private Testbed testbed;
  private ServerSocket server;
  private InetSocketAddress hole;
  private LeakCheck leaks;
  private ConnectByList cbl;
  private NameResolver table;
  private final List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    leaks = LeakCheck.start();
    testbed = new Testbed();
    server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
    hole = testbed.blackHoled("127.0.0.5", server.getLocalPort()).address();
    Map<String, List<InetAddress>> names = Map.of(
        "svc.test", List.of(hole.getAddress(), server.getInetAddress()),
        "hole.test", List.of(hole.getAddress()));
    table = (host, answers) -> {
      asked.add(host);
      List<InetAddress> a = names.get(host);
      if (a == null) {
        answers.failed(Query.BOTH, FailureKind.NO_SUCH_NAME, new UnknownHostException(host));
      } else {
        answers.answered(Query.BOTH, a);
      }
      answers.done();
      return NameResolver.Lookup.DONE;
    };
    cbl = ConnectByList.builder().strategy("test-sequential(attempt-timeout=100ms)").resolver(table)
        .timeout(Duration.ofSeconds(5)).build();
  }

  @AfterEach
  void stop() throws Exception {
    cbl.close();
    server.close();
    testbed.close();
    leaks.assertNoneOpen();
  }

  /** Accepts one connection and answers with what it reads, until end of stream. */
  private CompletableFuture<Void> echoOnce() {
    return CompletableFuture.runAsync(() -> {
      try (Socket s = server.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
        in.transferTo(out);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  @Test
  void anUnconnectedSocketRacesEveryAddressOfTheNameAndThenEchoes() throws Exception {
    CompletableFuture<Void> echo = echoOnce();
    SocketFactory factory = new ConnectByListSocketFactory(cbl);
    try (Socket s = factory.createSocket()) {
      assertFalse(s.isConnected());
      s.setTcpNoDelay(true); // before the connect: applied to the winner
      s.setKeepAlive(true);
      s.setSoTimeout(4000);
      s.connect(InetSocketAddress.createUnresolved("svc.test", server.getLocalPort()), 3000);
      assertTrue(s.isConnected() && s.isBound() && !s.isClosed());
      assertEquals(server.getInetAddress(), s.getInetAddress(), "the good address won, after the black hole");
      assertEquals(server.getLocalPort(), s.getPort());
      assertEquals(new InetSocketAddress(server.getInetAddress(), server.getLocalPort()), s.getRemoteSocketAddress());
      assertTrue(s.getLocalPort() > 0 && s.getLocalAddress().isLoopbackAddress());
      assertTrue(s.getTcpNoDelay() && s.getKeepAlive(), "options set early reached the connected socket");
      assertEquals(4000, s.getSoTimeout());
      assertTrue(s.getOption(StandardSocketOptions.TCP_NODELAY));
      s.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
      s.shutdownOutput(); // half-close: the server sees the end and echoes what it got
      assertTrue(s.isOutputShutdown());
      assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), s.getInputStream().readAllBytes());
      assertSame(s.getChannel(), s.getChannel());
    }
    echo.get(5, TimeUnit.SECONDS);
  }

  @Test
  void createSocketWithAnInetAddressConnectsToThatAddressNotToWhatItsNameResolvesTo() throws Exception {
    int port = server.getLocalPort();
    InetSocketAddress other = testbed.accepting("127.0.0.6", port).address();
    InetAddress named = InetAddress.getByAddress("svc.test", other.getAddress().getAddress()); // svc.test: elsewhere
    SocketFactory factory = new ConnectByListSocketFactory(cbl);
    try (Socket s = factory.createSocket(named, port)) {
      assertEquals(other, s.getRemoteSocketAddress());
    }
    try (Socket s = factory.createSocket(named, port, InetAddress.getByName("127.0.0.1"), 0)) {
      assertEquals(other, s.getRemoteSocketAddress());
    }
    try (Socket s = factory.createSocket()) {
      s.connect(new InetSocketAddress(named, port), 2000); // created resolved: its address
      assertEquals(other, s.getRemoteSocketAddress());
    }
    assertEquals(List.of(), asked, "no name was resolved");
    try (Socket s = factory.createSocket()) {
      s.connect(InetSocketAddress.createUnresolved("svc.test", port), 3000); // created unresolved: its name
      assertEquals(server.getInetAddress(), s.getInetAddress());
    }
    assertEquals(List.of("svc.test"), asked);
  }

  @Test
  void createSocketWithAHostConnectsAtOnceAndAReadTimesOutAsASocketDoes() throws Exception {
    CompletableFuture<Void> echo = echoOnce();
    try (Socket s = new ConnectByListSocketFactory(cbl).createSocket("svc.test", server.getLocalPort())) {
      s.setSoTimeout(100);
      assertThrows(SocketTimeoutException.class, () -> s.getInputStream().read(), "nothing to read: SO_TIMEOUT");
      s.getOutputStream().write(7);
      assertEquals(7, s.getInputStream().read(), "the socket is still good after a timed-out read");
    }
    echo.get(5, TimeUnit.SECONDS);
  }

  @Test
  void closeFromAnotherThreadEndsABlockedReadAndAConnectInProgress() throws Exception {
    CompletableFuture<Void> echo = echoOnce();
    Socket s = new ConnectByListSocketFactory(cbl).createSocket("svc.test", server.getLocalPort());
    CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
      try {
        return s.getInputStream().read();
      } catch (IOException e) {
        return -2;
      }
    });
    Thread.sleep(100);
    s.close();
    assertEquals(-2, read.get(5, TimeUnit.SECONDS), "the blocked read ended with an exception");
    assertTrue(s.isClosed());
    assertThrows(SocketException.class, s::getInputStream);
    echo.get(5, TimeUnit.SECONDS);

    ConnectByList waits = ConnectByList.builder().strategy("test-sequential").resolver(table) // no attempt timeout
        .timeout(Duration.ofSeconds(5)).build();
    Socket pending = new ConnectByListSocketFactory(waits).createSocket();
    CompletableFuture<Throwable> connect = CompletableFuture.supplyAsync(() -> {
      try {
        pending.connect(InetSocketAddress.createUnresolved("hole.test", server.getLocalPort()), 0);
        return null;
      } catch (IOException e) {
        return e;
      }
    });
    Thread.sleep(100);
    long start = System.nanoTime();
    pending.close();
    Throwable e = connect.get(5, TimeUnit.SECONDS);
    assertInstanceOf(SocketException.class, e);
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
    assertTrue(System.nanoTime() - start < 2_000_000_000L, "not the 5 s deadline");
    waits.close();
  }

  @Test
  void failuresAreWhatAPlainSocketThrows() throws Exception {
    SocketFactory factory = new ConnectByListSocketFactory(cbl);
    Socket s = factory.createSocket();
    SocketTimeoutException timeout = assertThrows(SocketTimeoutException.class,
        () -> s.connect(InetSocketAddress.createUnresolved("hole.test", server.getLocalPort()), 200));
    assertInstanceOf(ConnectFailedException.class, timeout.getCause(), "the trace is the cause");
    s.close();
    UnknownHostException unknown = assertThrows(UnknownHostException.class, () -> factory.createSocket("nowhere.test", 80));
    assertTrue(unknown.getMessage().contains("nowhere.test"));
    try (Testbed more = new Testbed()) {
      int refused = more.refusing("127.0.0.2").address().getPort();
      assertThrows(java.net.ConnectException.class, () -> factory.createSocket(InetAddress.getByName("127.0.0.2"), refused));
    }
  }

  @Test
  void bindingTheLocalAddressBindsEveryAttemptAndAFixedPortIsRefused() throws Exception {
    CompletableFuture<Void> echo = echoOnce();
    SocketFactory factory = new ConnectByListSocketFactory(cbl);
    try (Socket s = factory.createSocket("svc.test", server.getLocalPort(), InetAddress.getByName("127.0.0.1"), 0)) {
      assertEquals(InetAddress.getByName("127.0.0.1"), s.getLocalAddress());
      s.shutdownOutput();
    }
    echo.get(5, TimeUnit.SECONDS);
    SocketException port = assertThrows(SocketException.class,
        () -> factory.createSocket("svc.test", server.getLocalPort(), InetAddress.getByName("127.0.0.1"), 40_000));
    assertTrue(port.getMessage().contains("local port"), port.getMessage());
  }

  @Test
  void anUnconnectedSocketAnswersAsAPlainOneDoes() throws Exception {
    Socket s = new ConnectByListSocketFactory(cbl).createSocket();
    assertFalse(s.isConnected() || s.isBound() || s.isClosed());
    assertNull(s.getInetAddress());
    assertEquals(-1, s.getLocalPort());
    assertThrows(SocketException.class, s::getInputStream);
    assertTrue(s.getReceiveBufferSize() > 0, "the system's default");
    assertThrows(IllegalArgumentException.class, () -> s.connect(new InetSocketAddress("127.0.0.1", 1), -1));
    s.close();
    assertThrows(SocketException.class, () -> s.connect(new InetSocketAddress("127.0.0.1", 1)));
    assertThrows(SocketException.class, () -> s.setTcpNoDelay(true));
  }

  @Test
  void byClassNameTheFactoryIsBuiltFromTheSystemProperties() throws Exception {
    Class<?> type = Class.forName(ConnectByListSocketFactory.class.getName());
    Object viaGetDefault = type.getMethod("getDefault").invoke(null); // as JNDI and others call it
    assertSame(viaGetDefault, ConnectByListSocketFactory.getDefault(), "one per JVM");
    ConnectByListSocketFactory own = (ConnectByListSocketFactory) type.getConstructor().newInstance();
    assertEquals(Duration.ofSeconds(30), own.connectByList().timeout().orElseThrow());
    own.connectByList().close();
  }
}
