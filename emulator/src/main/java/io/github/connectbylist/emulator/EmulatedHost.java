package io.github.connectbylist.emulator;

import io.github.connectbylist.emulator.linux.Netns;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * One host of a running {@link Network}: a network namespace with the topology's interfaces. Code runs in it
 * two ways. A program runs in it as a process ({@link #command}: {@code ip netns exec}, with the host's
 * {@code /etc/hosts} and {@code /etc/resolv.conf} laid over the system's). Java code of this JVM runs in it
 * on a thread of its own ({@link #call}, {@link #thread}): a socket belongs to the namespace of the thread that
 * opens it, and so do the threads that thread starts. That is enough for sockets, but not for the JDK's
 * {@link java.net.NetworkInterface}, which lists IPv6 interfaces from {@code /proc/net}, the process's
 * namespace, and then fails on a name the thread's namespace does not have: code that asks for the host's
 * interfaces (a {@code ConnectByList} pairing every source) runs in a JVM of its own in the host ({@link
 * #jvm}).
 */
public final class EmulatedHost {
  private final HostSpec spec;
  private final Netns namespace;

  EmulatedHost(HostSpec spec, Netns namespace) {
    this.spec = spec;
    this.namespace = namespace;
  }

  /**
   * Its name in the topology.
   *
   * @return the name
   */
  public String name() {
    return spec.name();
  }

  /**
   * Its network namespace's name, as {@code ip netns} lists it.
   *
   * @return the name
   */
  public String namespace() {
    return namespace.name();
  }

  /**
   * How it was written.
   *
   * @return its interfaces and addresses
   */
  public HostSpec spec() {
    return spec;
  }

  /**
   * Its addresses of one family, interface by interface, in the order written.
   *
   * @param family the family
   * @return the addresses
   */
  public List<InetAddress> addresses(Family family) {
    List<InetAddress> out = new ArrayList<>();
    for (InterfaceSpec i : spec.interfaces()) {
      for (Prefix p : i.addresses()) {
        if (p.family() == family) {
          out.add(p.address());
        }
      }
    }
    return out;
  }

  /**
   * Its first address of one family.
   *
   * @param family the family
   * @return the address
   * @throws IllegalStateException when it has none
   */
  public InetAddress address(Family family) {
    List<InetAddress> all = addresses(family);
    if (all.isEmpty()) {
      throw new IllegalStateException("host " + name() + " has no " + family + " address");
    }
    return all.get(0);
  }

  /**
   * Runs {@code task} on a new thread inside the host and returns what it returns.
   *
   * @param task what to run
   * @param <T> its result
   * @return the result
   * @throws IOException as the task threw, or when the thread cannot enter the host
   */
  public <T> T call(Callable<T> task) throws IOException {
    return namespace.call(task);
  }

  /**
   * A new daemon thread inside the host, not yet started, for a server or a client that runs on.
   *
   * @param threadName its name
   * @param task what it runs
   * @return the thread
   */
  public Thread thread(String threadName, Runnable task) {
    return namespace.thread(threadName, task);
  }

  /**
   * Moves the calling thread into the host for good: every socket it opens from now on, and every thread it
   * starts, is the host's. Only for a thread made for it, in a JVM made for it (a benchmark's worker in a
   * forked JVM); elsewhere use {@link #call} or {@link #thread}. A thread left in a host whose network has
   * closed has no network at all, not even loopback.
   *
   * @throws IllegalStateException when the kernel refuses
   */
  public void enter() {
    namespace.enterCurrentThread();
  }

  /**
   * A process that runs {@code command} inside the host, with the host's names; start it, and wait for it.
   *
   * @param command the program and its arguments
   * @return the builder
   */
  public ProcessBuilder command(List<String> command) {
    return namespace.command(command);
  }

  /**
   * A process that runs a class of this JVM's class path in a JVM of its own inside the host: a probe that
   * sees the host as a program there would, interfaces included.
   *
   * @param mainClass the class with the {@code main} method
   * @param args its arguments
   * @return the builder
   */
  public ProcessBuilder jvm(String mainClass, List<String> args) {
    List<String> command = new ArrayList<>(List.of(
        java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(args);
    return command(command);
  }

  /**
   * Serves HTTP on {@code port} of every address of the host, both families: each request, whatever its path,
   * gets {@code 200} and the line {@code hello from HOST}. Enough for a real client (curl, a browser) to have
   * something to fetch in a demo or a measurement.
   *
   * @param port the port
   * @return the running server; close it
   * @throws IOException when the port cannot be bound
   */
  public AutoCloseable serveHttp(int port) throws IOException {
    com.sun.net.httpserver.HttpServer server = call(() -> com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress(InetAddress.getByName("::"), port), 128));
    byte[] body = ("hello from " + name() + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    server.createContext("/", exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "text/plain");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    return () -> server.stop(0);
  }

  Netns netns() {
    return namespace;
  }

  @Override
  public String toString() {
    return name() + " (" + namespace() + ")";
  }
}
