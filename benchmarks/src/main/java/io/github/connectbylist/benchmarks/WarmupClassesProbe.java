package io.github.connectbylist.benchmarks;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.ConnectFailedException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * The first connects of a fresh JVM, marked for {@code benchmarks/warmup-classes.sh}, which logs the classes each
 * loads and writes core's warm-up list from them: {@code build()}, a connect to a list, a refusal then a good
 * address, a list that fails, a name the hosts file lists ({@code localhost}), and an asynchronous connect that
 * waits on the event loop. Loopback only; the JDK's socket classes are used first, as any program has.
 */
public final class WarmupClassesProbe {
  private WarmupClassesProbe() {}

  public static void main(String[] args) throws IOException, InterruptedException, ExecutionException {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    try (ServerSocket server = new ServerSocket(0, 50, loopback)) {
      int refusedPort;
      try (ServerSocket closed = new ServerSocket(0, 1, loopback)) {
        refusedPort = closed.getLocalPort();
      }
      Thread acceptor = new Thread(new Acceptor(server), "acceptor");
      acceptor.setDaemon(true);
      acceptor.start();
      new Socket(loopback, server.getLocalPort()).close();
      InetSocketAddress good = new InetSocketAddress(loopback, server.getLocalPort());
      InetSocketAddress refused = new InetSocketAddress(loopback, refusedPort);
      System.out.println("MARK build");
      Connects.run(good, refused); // a class of its own: verifying this one loads nothing of the library's
    }
  }

  /** The marked part, loaded only when it runs. */
  private static final class Connects {
    static void run(InetSocketAddress good, InetSocketAddress refused)
        throws IOException, InterruptedException, ExecutionException {
      try (ConnectByList cbl = ConnectByList.builder().timeout(Duration.ofSeconds(5)).build()) {
        System.out.println("MARK connect");
        cbl.connect(List.of(good)).close();
        cbl.connect(List.of(refused, good)).close();
        try {
          cbl.connect(List.of(refused));
        } catch (ConnectFailedException expected) {
          // the failure's classes are what is wanted
        }
        cbl.connect("localhost", good.getPort()).close();
        cbl.connectAsync(List.of(refused, good)).get().close();
        System.out.println("MARK end");
      }
    }
  }

  /** Accepts and closes, until the server closes. */
  private static final class Acceptor implements Runnable {
    private final ServerSocket server;

    Acceptor(ServerSocket server) {
      this.server = server;
    }

    @Override
    public void run() {
      try {
        while (true) {
          server.accept().close();
        }
      } catch (IOException closed) {
        // done
      }
    }
  }
}
