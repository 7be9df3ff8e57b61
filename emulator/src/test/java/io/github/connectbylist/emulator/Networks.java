package io.github.connectbylist.emulator;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What the emulator's tests share: the networks they build, a server inside a host, the skip where none can run. */
final class Networks {
  private Networks() {}

  /** Skips the test, saying why, where an emulated network cannot run (not root, no /dev/net/tun). */
  static void assumeAvailable() {
    Optional<String> why = Network.unavailable();
    assumeTrue(why.isEmpty(), () -> "skipped: " + why.orElse(""));
  }

  /** The topology files under docs/networks. */
  static Topology file(String name) throws IOException {
    return TopologyFile.read(Path.of("..", "docs", "networks", name));
  }

  /** A dual-stack client and server, one interface each, and the given rules. */
  static Topology clientServer(List<PathRule> rules) {
    return new Topology("client-server", List.of(
        new HostSpec("client", List.of(new InterfaceSpec("eth0",
            List.of(Prefix.parse("2001:db8:1::2/64"), Prefix.parse("192.0.2.2/24"))))),
        new HostSpec("server", List.of(new InterfaceSpec("eth0",
            List.of(Prefix.parse("2001:db8:2::2/64"), Prefix.parse("198.51.100.2/24")))))),
        rules, Optional.empty());
  }

  /** A one-way delay for both families, both ways: half of {@code roundTripMillis}. */
  static PathRule roundTrip(String name, Family family, double roundTripMillis) {
    return PathRule.named(name).family(family).delay(Duration.ofNanos(Math.round(roundTripMillis * 500_000)));
  }

  /**
   * A server inside {@code host} on port {@code port} of every address, both families, that accepts every
   * connection and closes it at once.
   */
  static Closer acceptingServer(EmulatedHost host, int port) throws IOException {
    ServerSocket server = host.call(() -> {
      ServerSocket s = new ServerSocket();
      s.bind(new InetSocketAddress(InetAddress.getByName("::"), port), 1024);
      return s;
    });
    Thread t = new Thread(() -> {
      while (!server.isClosed()) {
        try {
          server.accept().close();
        } catch (IOException e) {
          return;
        }
      }
    }, "test-server-" + host.name());
    t.setDaemon(true);
    t.start();
    return () -> {
      try {
        server.close();
        t.join(5_000);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }

  /** How long a plain {@code Socket} connect to {@code to} takes, in ms; run on a thread inside the client. */
  static double connectMillis(InetSocketAddress to, int timeoutMillis) throws IOException {
    long start = System.nanoTime();
    double ms;
    try (Socket s = new Socket()) {
      s.connect(to, timeoutMillis);
      ms = (System.nanoTime() - start) / 1e6;
      s.setSoLinger(true, 0); // a reset, not TIME_WAIT: thousands of those slow the kernel's port search
    }
    return ms;
  }

  /** Something to close without a checked exception. */
  interface Closer extends AutoCloseable {
    @Override
    void close();
  }
}
