package io.github.connectbylist.benchmarks;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.ConnectFailedException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;

/**
 * The first connect of a bare JVM, without JMH (whose forks have used {@code java.net.Socket} before the
 * benchmark runs): starts a scenario's endpoints in another process, then times one connect in this fresh
 * JVM, with a plain {@code Socket} loop or with ConnectByList ({@code build()} and the first {@code connect}
 * timed apart). {@code benchmarks/first-connect.sh} runs it in a row of fresh JVMs.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.connectbylist.benchmarks.FirstConnectProbe refused-then-good socket</pre>
 *
 * <p>Scenario {@code localhost} connects by name instead: {@code new Socket("localhost", port)} against
 * ConnectByList's {@code connect("localhost", port)} with its default resolver.
 */
public final class FirstConnectProbe {
  private static final String LOCALHOST = "localhost";

  private FirstConnectProbe() {}

  public static void main(String[] args) throws IOException {
    String scenario = args.length > 0 ? args[0] : "refused-then-good";
    boolean socket = args.length > 1 && args[1].equals("socket");
    if (scenario.equals(LOCALHOST)) {
      byName(socket);
      return;
    }
    try (EndpointServer endpoints = EndpointServer.start(scenario)) {
      List<InetSocketAddress> addresses = endpoints.addresses();
      long start = System.nanoTime();
      if (socket) {
        boolean connected = Connector.plainSocketLoop(addresses);
        long end = System.nanoTime();
        System.out.printf(Locale.ROOT, "%s socket-loop connect %.2f ms (%s)%n", scenario, (end - start) / 1e6,
            connected ? "connected" : "failed");
        return;
      }
      try (ConnectByList cbl = ConnectByList.builder().timeout(Connector.DEADLINE).build()) {
        long built = System.nanoTime();
        boolean connected;
        try {
          cbl.connect(addresses).close();
          connected = true;
        } catch (ConnectFailedException e) {
          connected = false;
        }
        long end = System.nanoTime();
        System.out.printf(Locale.ROOT, "%s connectbylist build %.2f ms, first connect %.2f ms (%s)%n", scenario,
            (built - start) / 1e6, (end - built) / 1e6, connected ? "connected" : "failed");
      }
    }
  }

  /**
   * The first connect by name to {@code localhost} (the hosts file's name), at the good endpoint's port on
   * 127.0.0.1: {@code new Socket("localhost", port)} against {@code build()} and {@code connect("localhost",
   * port)} with the default resolver, timed apart.
   */
  private static void byName(boolean socket) throws IOException {
    try (EndpointServer endpoints = EndpointServer.start("good-first")) {
      int port = endpoints.addresses().get(0).getPort();
      long start = System.nanoTime();
      if (socket) {
        new java.net.Socket(LOCALHOST, port).close();
        long end = System.nanoTime();
        System.out.printf(Locale.ROOT, "%s socket connect %.2f ms (connected)%n", LOCALHOST, (end - start) / 1e6);
        return;
      }
      try (ConnectByList cbl = ConnectByList.builder().timeout(Connector.DEADLINE).build()) {
        long built = System.nanoTime();
        cbl.connect(LOCALHOST, port).close();
        long end = System.nanoTime();
        System.out.printf(Locale.ROOT, "%s connectbylist build %.2f ms, first connect %.2f ms (connected, resolver %s)%n",
            LOCALHOST, (built - start) / 1e6, (end - built) / 1e6, cbl.resolver());
      }
    }
  }
}
