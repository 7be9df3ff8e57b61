package io.github.connectbylist.internal;

import io.github.connectbylist.api.Answer;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.NameResolver;
import io.github.connectbylist.api.Query;
import io.github.connectbylist.engine.Driver;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The name resolution of one connect by name. The resolver reports on its own threads; each report waits
 * here in the order the resolver made it (its calls never overlap), and one task on the driver hands every
 * report that is there to the connect, then says so once, so that answers that arrive together (two cached
 * ones) are ranked together before anything starts. Keeps every answer, with the time it came, for the trace.
 */
final class Resolution {

  /** What the connect does with the resolution's news, on the driver. */
  interface News {

    /** An answer came: addresses, none, or a failure. */
    void answered(Answer answer);

    /** Every answer is in; no pair comes after this. */
    void resolved();

    /** Every report that had come is handed over: the connect decides what next, once. */
    void drained();
  }

  /** A report waiting for the driver: an answer's parts, or the end. */
  private record Report(Query query, List<InetAddress> addresses, FailureKind failure, Exception error) {
    static final Report DONE = new Report(null, List.of(), null, null);
  }

  private final NameResolver resolver;
  private final String host;
  private final Driver driver;
  private final long startNanos;
  private final Runnable drainOnDriver;
  private final News news;
  private final Queue<Report> inbox = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean posted = new AtomicBoolean();
  private final List<Answer> answers = new ArrayList<>();
  private NameResolver.Lookup lookup = NameResolver.Lookup.DONE;
  private boolean pending;
  private boolean over;

  /**
   * @param drainOnDriver the connect's step that calls {@link #drain()} on the driver
   */
  Resolution(NameResolver resolver, String host, Driver driver, long startNanos, Runnable drainOnDriver, News news) {
    this.resolver = resolver;
    this.host = host;
    this.driver = driver;
    this.startNanos = startNanos;
    this.drainOnDriver = drainOnDriver;
    this.news = news;
  }

  /** Asks the resolver; what it throws reaches the caller, which fails the connect with it. */
  void start() {
    pending = true;
    lookup = resolver.resolve(host, new Reports());
  }

  /** Whether answers may still come. */
  boolean pending() {
    return pending;
  }

  /** Every answer so far, in the order they came. */
  List<Answer> answers() {
    return List.copyOf(answers);
  }

  /** On the driver: hands every report that has come to the connect, then says they are in. */
  void drain() {
    posted.set(false);
    Report r;
    while ((r = inbox.poll()) != null) {
      if (over) {
        inbox.clear();
        return;
      }
      if (r == Report.DONE) {
        pending = false;
        lookup = NameResolver.Lookup.DONE;
        news.resolved();
      } else {
        Answer a = new Answer(host, r.query(), Duration.ofNanos(driver.nanoTime() - startNanos), r.addresses(),
            r.failure(), r.error());
        answers.add(a);
        news.answered(a);
      }
    }
    if (!over) {
      news.drained();
    }
  }

  /** The connect is over: what is still pending is cancelled, and what still comes is dropped. */
  void end() {
    over = true;
    pending = false;
    try {
      lookup.cancel();
    } catch (Throwable e) {
      Fatal.rethrowIfFatal(e);
      Log.warning("the resolver " + resolver + " threw on cancel; ignored", e);
    }
  }

  /** Where the resolver's calls arrive, on its threads. */
  private final class Reports implements NameResolver.Answers {
    @Override
    public void answered(Query query, List<InetAddress> addresses) {
      post(new Report(query, List.copyOf(addresses), null, null));
    }

    @Override
    public void failed(Query query, FailureKind kind, Exception error) {
      FailureKind k = kind == FailureKind.NO_SUCH_NAME ? kind : FailureKind.RESOLUTION_FAILED;
      post(new Report(query, List.of(), k, error != null ? error : new IOException(k.toString())));
    }

    @Override
    public void done() {
      post(Report.DONE);
    }

    private void post(Report report) {
      inbox.add(report);
      if (posted.compareAndSet(false, true)) {
        try {
          driver.execute(drainOnDriver);
        } catch (RejectedExecutionException closing) {
          // the driver is closing: its close hook ends the connect
        }
      }
    }
  }
}
