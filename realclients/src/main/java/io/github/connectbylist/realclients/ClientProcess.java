package io.github.connectbylist.realclients;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run of a client: the process that {@code ip netns exec} became, and everything it started. Each run
 * carries a mark of its own in its environment ({@value #MARK}), which every process it starts inherits, so that
 * a browser's helpers are found and killed by their process IDs even once they have outlived the browser. The
 * run is killed at its deadline; when it is over (the client and every marked process gone, its temporary
 * folder deleted) this process ends: {@link #waitFor()}, {@link #onExit()} and {@link #exitValue()} answer for
 * the whole run, not only its first process.
 */
final class ClientProcess extends Process {
  /** The environment variable that marks a run's processes: {@code JVM/RUN}, this JVM's ID and the run's. */
  static final String MARK = "CONNECTBYLIST_CLIENT_RUN";
  /** This JVM's part of every mark, so that its runs are told apart from another JVM's on the same machine. */
  private static final String JVM = UUID.randomUUID().toString();
  /** Keeps the deadlines: one daemon thread for the JVM, which hands the work to {@link #WORKERS}. */
  static final ScheduledExecutorService SCHEDULER = scheduler();
  /** Kills runs and cleans up after them, which may wait for processes to be gone: daemon threads. */
  private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "realclients-cleanup");
    t.setDaemon(true);
    return t;
  });
  /** How long the processes of a run that were killed get to be gone before the folder is deleted anyway. */
  private static final Duration REAP = Duration.ofSeconds(10);
  private static final System.Logger LOG = System.getLogger(ClientProcess.class.getName());

  private final Process process;
  private final String mark;
  private final Optional<Path> folder;
  private final CompletableFuture<Process> over = new CompletableFuture<>();
  private final AtomicBoolean timedOut = new AtomicBoolean();
  private final ScheduledFuture<?> deadline;

  private ClientProcess(Process process, String mark, Optional<Path> folder, Duration killAfter) {
    this.process = process;
    this.mark = mark;
    this.folder = folder;
    this.deadline = SCHEDULER.schedule(() -> WORKERS.execute(() -> {
      if (process.isAlive()) {
        timedOut.set(true);
        killRun();
      }
    }), killAfter.toNanos(), TimeUnit.NANOSECONDS);
    process.onExit().thenRunAsync(this::finish, WORKERS);
  }

  /**
   * Starts {@code builder} as one run: marked, standard error merged into standard output, standard input
   * empty, killed with every process it started once {@code killAfter} has passed.
   *
   * @param builder the command, from {@code EmulatedHost.command} or {@code EmulatedHost.jvm}
   * @param killAfter when to kill it
   * @param folder the run's temporary folder, deleted when the run is over (also when it cannot start)
   * @return the running process
   * @throws IOException when it cannot start
   */
  static ClientProcess start(ProcessBuilder builder, Duration killAfter, Optional<Path> folder) throws IOException {
    String mark = JVM + "/" + UUID.randomUUID();
    builder.environment().put(MARK, mark);
    builder.redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p;
    try {
      p = builder.start();
    } catch (IOException | RuntimeException e) {
      folder.ifPresent(Programs::deleteTree);
      throw e;
    }
    return new ClientProcess(p, mark, folder, killAfter);
  }

  /**
   * Whether the run was killed at its deadline rather than ending by itself.
   *
   * @return {@code true} once killed at the deadline
   */
  boolean timedOut() {
    return timedOut.get();
  }

  /** Every live process that carries this run's mark, the first process included while it lives. */
  private List<ProcessHandle> marked() {
    return marked((MARK + "=" + mark).getBytes(StandardCharsets.US_ASCII), true);
  }

  /**
   * Every live process of any run this JVM started: what a run that is over must not leave. Another JVM's runs
   * (a study or a build beside this one) are not counted.
   *
   * @return the processes
   */
  static List<ProcessHandle> anyRunOfThisJvm() {
    return marked((MARK + "=" + JVM + "/").getBytes(StandardCharsets.US_ASCII), false);
  }

  /** Every live process whose environment has the entry {@code needle}, or an entry starting with it. */
  private static List<ProcessHandle> marked(byte[] needle, boolean whole) {
    List<ProcessHandle> out = new ArrayList<>();
    ProcessHandle.allProcesses().forEach(h -> {
      try {
        byte[] env = Files.readAllBytes(Path.of("/proc", Long.toString(h.pid()), "environ"));
        if (contains(env, needle, whole)) {
          out.add(h);
        }
      } catch (IOException | RuntimeException e) {
        // gone, or not ours to read
      }
    });
    return out;
  }

  /**
   * Whether {@code env}, NUL-separated {@code KEY=VALUE} entries, has the entry {@code needle} ({@code whole})
   * or one that starts with it.
   */
  private static boolean contains(byte[] env, byte[] needle, boolean whole) {
    int start = 0;
    for (int i = 0; i <= env.length; i++) {
      if (i == env.length || env[i] == 0) {
        int length = i - start;
        if ((whole ? length == needle.length : length >= needle.length)
            && java.util.Arrays.equals(env, start, start + needle.length, needle, 0, needle.length)) {
          return true;
        }
        start = i + 1;
      }
    }
    return false;
  }

  /** Kills the first process and every marked one at once, and waits a while for them to be gone. */
  private void killRun() {
    List<ProcessHandle> all = new ArrayList<>(marked());
    all.add(process.toHandle());
    for (ProcessHandle h : all) {
      h.destroyForcibly();
    }
    long until = System.nanoTime() + REAP.toNanos();
    for (ProcessHandle h : all) {
      try {
        h.onExit().get(Math.max(1, until - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException | TimeoutException e) {
        LOG.log(System.Logger.Level.WARNING, "process " + h.pid() + " of a client run outlived its kill");
      }
    }
  }

  /** After the first process ended: kills what it left, deletes the folder, and ends the run. */
  private void finish() {
    try {
      deadline.cancel(false);
      if (!marked().isEmpty()) {
        killRun();
      }
      if (folder.isPresent()) {
        Path dir = folder.get();
        for (int i = 0; i < 20 && !Programs.deleteTree(dir); i++) {
          Thread.sleep(50);
        }
        if (Files.exists(dir)) {
          LOG.log(System.Logger.Level.WARNING, "could not delete " + dir);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      LOG.log(System.Logger.Level.WARNING, "cleaning up after a client run failed", e);
    } finally {
      over.complete(this);
    }
  }

  @Override
  public OutputStream getOutputStream() {
    return process.getOutputStream();
  }

  /**
   * The client's standard output and standard error, merged; read it (or close it), since a chatty client
   * whose output nobody reads stops when the pipe is full.
   *
   * @return the stream
   */
  @Override
  public InputStream getInputStream() {
    return process.getInputStream();
  }

  @Override
  public InputStream getErrorStream() {
    return process.getErrorStream();
  }

  @Override
  public int waitFor() throws InterruptedException {
    try {
      over.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
    return process.exitValue();
  }

  @Override
  public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
    try {
      over.get(timeout, unit);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public int exitValue() {
    if (!over.isDone()) {
      throw new IllegalThreadStateException("the client run has not ended");
    }
    return process.exitValue();
  }

  @Override
  public boolean isAlive() {
    return !over.isDone();
  }

  /** Kills the run: the client and every process it started. */
  @Override
  public void destroy() {
    WORKERS.execute(this::killRun);
  }

  @Override
  public Process destroyForcibly() {
    destroy();
    return this;
  }

  @Override
  public boolean supportsNormalTermination() {
    return false;
  }

  @Override
  public long pid() {
    return process.pid();
  }

  @Override
  public CompletableFuture<Process> onExit() {
    return over.thenApply(p -> p);
  }

  @Override
  public ProcessHandle toHandle() {
    return process.toHandle();
  }

  @Override
  public String toString() {
    return "client run " + process.pid() + (timedOut() ? " (killed at its deadline)" : "");
  }

  private static ScheduledExecutorService scheduler() {
    ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "realclients-deadlines");
      t.setDaemon(true);
      return t;
    });
    s.setRemoveOnCancelPolicy(true);
    return s;
  }
}
