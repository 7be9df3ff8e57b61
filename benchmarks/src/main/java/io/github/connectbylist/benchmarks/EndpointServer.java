package io.github.connectbylist.benchmarks;

import io.github.connectbylist.api.Addresses;
import io.github.connectbylist.testbed.Testbed;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A scenario's testbed endpoints in a process of their own, so that a cold-start measurement runs in a JVM
 * that has opened no socket of its own yet. {@link #start} launches it with the caller's class path and
 * reads the addresses it prints; it exits when its standard input closes.
 */
final class EndpointServer implements AutoCloseable {
  private static final String PREFIX = "addresses ";

  private final Process process;
  private final List<InetSocketAddress> addresses;

  private EndpointServer(Process process, List<InetSocketAddress> addresses) {
    this.process = process;
    this.addresses = addresses;
  }

  /** Starts the endpoints of {@code scenario} in a child JVM and returns once they listen. */
  static EndpointServer start(String scenario) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        EndpointServer.class.getName(), scenario).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = lines.readLine();
    if (line == null || !line.startsWith(PREFIX)) {
      process.destroyForcibly();
      throw new IOException("the endpoint process did not start: " + line);
    }
    List<InetSocketAddress> addresses = new ArrayList<>();
    for (String a : line.substring(PREFIX.length()).split(" ")) {
      int colon = a.lastIndexOf(':');
      String host = a.substring(0, colon).replace("[", "").replace("]", "");
      addresses.add(new InetSocketAddress(Addresses.parseLiteral(host), Integer.parseInt(a.substring(colon + 1))));
    }
    return new EndpointServer(process, List.copyOf(addresses));
  }

  List<InetSocketAddress> addresses() {
    return addresses;
  }

  @Override
  public void close() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException | InterruptedException e) {
      process.destroyForcibly();
    }
  }

  /** Child side: start the scenario, print its addresses, serve until standard input closes. */
  public static void main(String[] args) throws IOException {
    try (Testbed testbed = new Testbed()) {
      List<InetSocketAddress> addresses = Scenario.byId(args[0]).start(testbed);
      StringBuilder line = new StringBuilder(PREFIX);
      for (InetSocketAddress a : addresses) {
        line.append(line.length() == PREFIX.length() ? "" : " ").append(Addresses.format(a.getAddress(), a.getPort()));
      }
      System.out.println(line);
      System.out.flush();
      while (System.in.read() >= 0) {
        // serve until the parent closes our input
      }
    }
  }
}
