package io.github.connectbylist.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.channels.spi.SelectorProvider;
import java.nio.charset.StandardCharsets;
import java.util.ServiceConfigurationError;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Readies a fresh JVM for its first connect while the first {@code build()} runs, on a daemon thread of its own
 * that ends when done: it loads the classes a first connect needs (most of that connect's cost in a fresh JVM
 * is loading them; a list in {@code warmup-classes.txt}, made by {@code benchmarks/warmup-classes.sh}), starts
 * NIO's selector provider and reads the host's addresses into their cache. Of our classes it loads many and
 * initialises only those that reading the host's addresses needs ({@link LocalAddresses} and the records it
 * makes, whose initialisers touch no other class of ours), so that it cannot meet the caller's thread in a cycle
 * of class initialisations; it opens no socket. With time between {@code build()} and the first connect, or more
 * cores than two, the first connect finds the work done; on two cores right after {@code build()}, the work
 * mostly moves from the first connect to {@code build()} ({@code docs/benchmarks.md} has the numbers).
 * Once per JVM; off with the system property {@value #PROPERTY}{@code =false}.
 */
public final class Warmup implements Runnable {
  /** The system property that turns the warm-up off when {@code false}. */
  public static final String PROPERTY = "connectbylist.warmup";

  private static final String CLASSES = "warmup-classes.txt";
  /** About the classes of a first connect to a list: after them, the parts of the JDK it needs. */
  private static final int FIRST_CONNECT_CLASSES = 80;
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private final ClassLoader loader;

  private Warmup(ClassLoader loader) {
    this.loader = loader;
  }

  /** Starts the warm-up unless it ran in this JVM already or is turned off; never throws. */
  public static void start() {
    if (STARTED.get() || "false".equalsIgnoreCase(System.getProperty(PROPERTY))
        || !STARTED.compareAndSet(false, true)) {
      return;
    }
    try {
      Thread thread = new Thread(new Warmup(Warmup.class.getClassLoader()), "connectbylist-warmup");
      thread.setDaemon(true);
      thread.start();
    } catch (Throwable e) {
      // no thread to be had (a restricted runtime, a process at its thread limit): the first connect does it all,
      // and build() must not fail for an optimisation
    }
  }

  @Override
  public void run() {
    try (InputStream in = Warmup.class.getResourceAsStream(CLASSES)) {
      if (in == null) {
        return;
      }
      BufferedReader names = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int loaded = 0;
      for (String name; (name = names.readLine()) != null; ) {
        if (!name.isEmpty() && name.charAt(0) != '#') {
          load(name);
          if (++loaded == FIRST_CONNECT_CLASSES) {
            readyTheSystem();
          }
        }
      }
      if (loaded < FIRST_CONNECT_CLASSES) {
        readyTheSystem();
      }
    } catch (IOException | RuntimeException | LinkageError | ServiceConfigurationError e) {
      Log.debug("the warm-up ended early; the first connect does the rest", e);
    }
  }

  /** NIO's provider (its first use bootstraps the JDK's lambdas, about 6 ms), and the host's addresses. */
  private static void readyTheSystem() {
    SelectorProvider.provider();
    LocalAddresses.current();
  }

  private void load(String name) {
    try {
      Class.forName(name, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      // another JDK, or a module not on the class path: nothing to ready
    }
  }
}
