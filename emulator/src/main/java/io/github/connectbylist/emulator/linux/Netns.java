package io.github.connectbylist.emulator.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A network namespace of our own, made with {@code ip netns add} (so that {@code ip netns exec} runs programs in
 * it) and entered by our threads with {@code setns(2)}: a socket belongs to the namespace of the thread that
 * opens it, and a thread's namespace passes to the threads it starts. So a thread that has entered can run a
 * server, a {@code ConnectByList} (whose event loop it starts) or a plain {@code Socket} as a program inside
 * the host would, in this JVM.
 */
public final class Netns implements AutoCloseable {
  private static final Path NAMED = Path.of("/var/run/netns");

  private final String name;
  private volatile boolean closed;

  private Netns(String name) {
    this.name = name;
  }

  /**
   * Makes the namespace {@code name}, with its loopback up.
   *
   * @param name a name no other namespace has
   * @return the namespace
   * @throws IOException when {@code ip} fails (not root, the name taken)
   */
  public static Netns create(String name) throws IOException {
    Commands.run(List.of("ip", "netns", "add", name));
    Netns ns = new Netns(name);
    try {
      ns.ip("link", "set", "lo", "up");
    } catch (IOException e) {
      ns.close();
      throw e;
    }
    return ns;
  }

  /**
   * The names of the namespaces {@code ip netns} knows.
   *
   * @return the names
   * @throws IOException when they cannot be listed
   */
  public static List<String> list() throws IOException {
    List<String> names = new ArrayList<>();
    if (!Files.isDirectory(NAMED)) {
      return names;
    }
    try (var files = Files.list(NAMED)) {
      files.forEach(f -> names.add(f.getFileName().toString()));
    }
    return names;
  }

  /**
   * Removes the namespace named {@code name}, as {@code ip netns del} does.
   *
   * @param name its name
   * @throws IOException when {@code ip} fails
   */
  public static void delete(String name) throws IOException {
    Commands.run(List.of("ip", "netns", "del", name));
  }

  /**
   * Its name.
   *
   * @return the name {@code ip netns} knows it by
   */
  public String name() {
    return name;
  }

  /**
   * Runs {@code ip -n NAME ARGS...}.
   *
   * @param args the arguments after the namespace
   * @throws IOException naming what {@code ip} said when it fails
   */
  public void ip(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("ip", "-n", name));
    command.addAll(List.of(args));
    Commands.run(command);
  }

  /**
   * Runs {@code task} on a new thread inside the namespace and returns its result.
   *
   * @param task what to run
   * @param <T> its result
   * @return the result
   * @throws IOException when the thread cannot enter the namespace, or as the task threw
   */
  public <T> T call(Callable<T> task) throws IOException {
    FutureTask<T> future = new FutureTask<>(task);
    Thread t = thread("cbl-" + name + "-call", future);
    t.start();
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running in " + name, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IOException(cause);
    }
  }

  /**
   * A new daemon thread, not started, that enters the namespace and then runs {@code task}; the threads it
   * starts are inside too.
   *
   * @param threadName the thread's name
   * @param task what it runs inside
   * @return the thread
   */
  public Thread thread(String threadName, Runnable task) {
    Thread t = new Thread(() -> {
      enter();
      task.run();
    }, threadName);
    t.setDaemon(true);
    return t;
  }

  /**
   * Moves the calling thread into the namespace, for good: only for a thread made for it.
   *
   * @throws IllegalStateException when {@code setns} fails
   */
  public void enterCurrentThread() {
    enter();
  }

  private void enter() {
    int fd = LibC.open(NAMED.resolve(name).toString(), LibC.O_RDONLY | LibC.O_CLOEXEC);
    if (fd < 0) {
      throw new IllegalStateException("cannot open namespace " + name + ": " + LibC.lastError());
    }
    try {
      if (LibC.setns(fd, LibC.CLONE_NEWNET) != 0) {
        throw new IllegalStateException("cannot enter namespace " + name + ": " + LibC.lastError());
      }
    } finally {
      LibC.close(fd);
    }
  }

  /**
   * A command that runs {@code command} inside the namespace ({@code ip netns exec}, which also lays the
   * namespace's {@code /etc/netns/NAME/} files over {@code /etc}).
   *
   * @param command the program and its arguments
   * @return the builder, for the caller to redirect and start
   */
  public ProcessBuilder command(List<String> command) {
    List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
    full.addAll(command);
    return new ProcessBuilder(full);
  }

  /** Removes the namespace: its devices, addresses, routes and sockets go with it. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      delete(name);
    } catch (IOException e) {
      System.getLogger(Netns.class.getName()).log(System.Logger.Level.WARNING, "could not remove namespace " + name,
          e);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
