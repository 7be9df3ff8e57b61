package io.github.connectbylist.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs independent pieces of an experiment on several threads and returns their results in the order the
 * pieces were given, so that what is written is the same, byte for byte, whatever the number of threads. A
 * piece must depend on nothing another piece changes: each cell has its own strategies, simulation and draws.
 */
public final class Parallel {
  private Parallel() {}

  /**
   * The number of threads that {@code 0} means: one per core the JVM may use.
   *
   * @param threads a count, or 0 for all cores
   * @return at least 1
   */
  public static int threads(int threads) {
    if (threads < 0) {
      throw new IllegalArgumentException("threads must be 0 (all cores) or more, was " + threads);
    }
    return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
  }

  static <T> List<T> map(int threads, List<Supplier<T>> pieces) {
    int n = Math.min(threads(threads), pieces.size());
    List<T> out = new ArrayList<>(pieces.size());
    if (n <= 1) {
      for (Supplier<T> piece : pieces) {
        out.add(piece.get());
      }
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
      Thread t = new Thread(r, "lab-worker");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<T>> futures = new ArrayList<>(pieces.size());
      for (Supplier<T> piece : pieces) {
        futures.add(pool.submit(piece::get));
      }
      for (Future<T> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the experiment ran", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
