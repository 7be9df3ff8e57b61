package io.github.connectbylist.benchmarks;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.ConnectFailedException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;

/** One way to connect to the first reachable of a list of addresses: ours, a hand-written loop, or a peer. */
interface Connector extends AutoCloseable {
  /** The time every strategy that staggers or times out attempts is given, so that they compare fairly. */
  Duration ATTEMPT_DELAY = Duration.ofMillis(250);
  /** The overall deadline; no scenario should reach it. */
  Duration DEADLINE = Duration.ofSeconds(5);

  /** Connects, closes the connection at once, and returns whether it connected. */
  boolean connectAndClose(List<InetSocketAddress> addresses) throws IOException;

  @Override
  void close();

  /**
   * A plain {@code java.net.Socket} loop: each address in turn with a blocking connect and the attempt
   * delay as its timeout, the connection closed at once. The cold-start baseline.
   */
  static boolean plainSocketLoop(List<InetSocketAddress> addresses) {
    for (InetSocketAddress address : addresses) {
      try (java.net.Socket socket = new java.net.Socket()) {
        socket.connect(address, (int) ATTEMPT_DELAY.toMillis());
        return true;
      } catch (IOException next) {
        // the next address
      }
    }
    return false;
  }

  static Connector named(String name, List<InetSocketAddress> addresses) {
    return switch (name) {
      case "raw-loop" -> new RawLoop();
      case "okhttp" -> new OkHttpFastFallback(addresses);
      default -> new Library(name);
    };
  }

  /**
   * What a user writes by hand: try each address in turn, blocking, with a per-attempt timeout equal to the
   * strategies' attempt delay.
   */
  final class RawLoop implements Connector {
    @Override
    public boolean connectAndClose(List<InetSocketAddress> addresses) {
      for (InetSocketAddress address : addresses) {
        StandardProtocolFamily family = address.getAddress() instanceof java.net.Inet6Address
            ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
        try (SocketChannel channel = SocketChannel.open(family)) {
          channel.socket().connect(address, (int) ATTEMPT_DELAY.toMillis());
          return true;
        } catch (IOException next) {
          // try the next address
        }
      }
      return false;
    }

    @Override
    public void close() {}
  }

  /**
   * ConnectByList with {@code ranker/scheduler}; a sequential scheduler gets the attempt delay as its attempt
   * timeout and Happy Eyeballs gets it as its connection attempt delay.
   */
  final class Library implements Connector {
    private final ConnectByList cbl;

    Library(String rankerSlashScheduler) {
      String[] parts = rankerSlashScheduler.split("/");
      String delay = ATTEMPT_DELAY.toMillis() + "ms";
      String scheduler = switch (parts[1]) {
        case "sequential" -> "sequential(attempt-timeout=" + delay + ")";
        case "happy-eyeballs" -> "happy-eyeballs(connection-attempt-delay=" + delay + ")";
        default -> parts[1];
      };
      cbl = ConnectByList.builder().ranker(parts[0]).scheduler(scheduler).timeout(DEADLINE).build();
    }

    @Override
    public boolean connectAndClose(List<InetSocketAddress> addresses) throws IOException {
      try {
        cbl.connect(addresses).close();
        return true;
      } catch (ConnectFailedException e) {
        return false;
      }
    }

    @Override
    public void close() {
      cbl.close();
    }
  }
}
