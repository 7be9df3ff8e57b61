package io.github.connectbylist.internal;

import io.github.connectbylist.api.Answer;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.NameResolver;
import io.github.connectbylist.api.Origin;
import io.github.connectbylist.api.Query;
import io.github.connectbylist.api.ServiceBinding;
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
import java.util.function.Consumer;

/**
 * The name resolution of one connect by name. The resolver reports on its own threads; each report waits
 * here in the order the resolver made it (its calls never overlap), and one task on the driver hands every
 * report that is there to the connect, then says so once, so that answers that arrive together (two cached
 * ones) are ranked together before anything starts. A blocking connect asks on the caller's thread and takes
 * the answers the resolver gave at once there (a hosts file's, a cache's); the driver takes the rest once the
 * connect has moved to it. Keeps every answer, with the time it came, for the trace.
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

  /** A report waiting for the driver: an answer's parts (the name is the host's, or a target's), or the end. */
  private record Report(String name, Query query, List<InetAddress> addresses, List<ServiceBinding> services,
      FailureKind failure, Exception error) {
    static final Report DONE = new Report(null, null, List.of(), List.of(), null, null);
  }

  private final NameResolver resolver;
  private final String host;
  private final Origin origin;
  private final Driver driver;
  private final long startNanos;
  private final Runnable drainOnDriver;
  private final News news;
  private final Queue<Report> inbox = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean posted = new AtomicBoolean();
  private final List<Answer> answers = new ArrayList<>();
  private NameResolver.Lookup lookup = NameResolver.Lookup.DONE;
  private NameResolver.Lookup discovery = NameResolver.Lookup.DONE;
  private int lookupsLeft;
  private boolean pending;
  private boolean held;
  private volatile boolean over; // read by the resolver's threads for a late discovery answer
  private Consumer<List<InetAddress>> lateDiscovery;

  /**
   * @param origin the scheme, host and port to ask service records for, or {@code null} for the addresses only
   * @param drainOnDriver the connect's step that calls {@link #drain()} on the driver
   */
  Resolution(NameResolver resolver, String host, Origin origin, Driver driver, long startNanos, Runnable drainOnDriver,
      News news) {
    this.resolver = resolver;
    this.host = host;
    this.origin = origin;
    this.driver = driver;
    this.startNanos = startNanos;
    this.drainOnDriver = drainOnDriver;
    this.news = news;
  }

  /**
   * Asks the resolver; what it throws reaches the caller, which fails the connect with it.
   *
   * @param discoverNat64 whether to send RFC 7050's discovery query ({@value Answer#NAT64_DISCOVERY_NAME}) beside
   *     the connect's own: its AAAA answer is reported like the others, and resolution ends when both have
   * @param lateDiscovery where the discovery's AAAA answer goes when it comes after the connect ended (the
   *     discovery is not cancelled with the connect, so that its answer is kept for the next), on the
   *     resolver's thread; {@code null} when not discovering
   * @param held whether the connect runs on the caller's thread: reports then wait, the driver is not asked to
   *     drain them, and the caller takes those that came at once ({@link #deliverHeld}), then the driver the rest
   *     ({@link #drain}, once the connect moved there)
   */
  void start(boolean discoverNat64, Consumer<List<InetAddress>> lateDiscovery, boolean held) {
    pending = true;
    this.held = held;
    if (held) {
      posted.set(true); // reports wait in the inbox for the caller's thread, then for the driver's first drain
    }
    this.lateDiscovery = lateDiscovery;
    lookupsLeft = discoverNat64 ? 2 : 1;
    lookup = origin != null ? resolver.resolve(origin, new Reports(host)) : resolver.resolve(host, new Reports(host));
    if (discoverNat64) {
      discovery = resolver.resolve(Answer.NAT64_DISCOVERY_NAME, new Reports(Answer.NAT64_DISCOVERY_NAME));
    }
  }

  /** Whether a service answer will come: service records were asked of a resolver that reports them. */
  boolean awaitsServices() {
    return origin != null && resolver.resolvesServices();
  }

  /** Whether answers may still come. */
  boolean pending() {
    return pending;
  }

  /** Every answer so far, in the order they came. */
  List<Answer> answers() {
    return List.copyOf(answers);
  }

  /** Whether reports wait for the connect's move to the driver, which then drains them. */
  boolean held() {
    return held;
  }

  /**
   * On the caller's thread, before the connect moves to the driver: hands in the reports that came while the
   * resolver was asked (a hosts file's, a cache's), so that a connect whose answers are at hand needs no thread.
   */
  void deliverHeld() {
    deliver();
  }

  /**
   * On the driver: hands every report that has come to the connect, then says they are in, once; when none had
   * come (the move of a held connect that got everything at once), nothing is said, so the schedule is asked
   * nothing because of it.
   */
  void drain() {
    held = false;
    posted.set(false);
    deliver();
  }

  private void deliver() {
    boolean any = false;
    Report r;
    while ((r = inbox.poll()) != null) {
      if (over) {
        inbox.clear();
        return;
      }
      any = true;
      if (r == Report.DONE) {
        if (--lookupsLeft > 0) {
          continue;
        }
        pending = false;
        lookup = NameResolver.Lookup.DONE;
        discovery = NameResolver.Lookup.DONE;
        news.resolved();
      } else {
        Answer a = new Answer(r.name(), r.query(), Duration.ofNanos(driver.nanoTime() - startNanos), r.addresses(),
            r.failure(), r.error(), r.services());
        answers.add(a);
        news.answered(a);
      }
    }
    if (any && !over) {
      news.drained();
    }
  }

  /** The connect is over: what is still pending is cancelled, and what still comes is dropped. */
  void end() {
    over = true;
    pending = false;
    for (NameResolver.Lookup l : new NameResolver.Lookup[] {lookup, lateDiscovery == null ? discovery : null}) {
      if (l == null) {
        continue; // the discovery runs on: its answer outlives the connect
      }
      try {
        l.cancel();
      } catch (Throwable e) {
        Fatal.rethrowIfFatal(e);
        Log.warning("the resolver " + resolver + " threw on cancel; ignored", e);
      }
    }
  }

  /** Where the resolver's calls about one name arrive, on its threads. */
  private final class Reports implements NameResolver.Answers {
    private final String host;

    Reports(String host) {
      this.host = host;
    }

    @Override
    public void answered(Query query, List<InetAddress> addresses) {
      if (!lateDiscovery(query, addresses)) {
        post(new Report(host, query, List.copyOf(addresses), List.of(), null, null));
      }
    }

    @Override
    public void failed(Query query, FailureKind kind, Exception error) {
      if (!lateDiscovery(query, null)) {
        failedFor(host, query, kind, error);
      }
    }

    /**
     * The discovery's AAAA answer after the connect ended goes to be kept ({@code null} for a failure, which is
     * not); nothing else of it matters then.
     */
    private boolean lateDiscovery(Query query, List<InetAddress> addresses) {
      if (!over || lateDiscovery == null || !host.equals(Answer.NAT64_DISCOVERY_NAME)) {
        return false;
      }
      if (query.coversIpv6()) {
        try {
          lateDiscovery.accept(addresses);
        } catch (RuntimeException e) {
          Log.warning("keeping a late NAT64 discovery failed", e);
        }
      }
      return true;
    }

    @Override
    public void servicesAnswered(Query query, List<ServiceBinding> records) {
      post(new Report(host, query, List.of(), List.copyOf(records), null, null));
    }

    @Override
    public void targetAnswered(String target, Query query, List<InetAddress> addresses) {
      post(new Report(target, query, List.copyOf(addresses), List.of(), null, null));
    }

    @Override
    public void targetFailed(String target, Query query, FailureKind kind, Exception error) {
      failedFor(target, query, kind, error);
    }

    private void failedFor(String name, Query query, FailureKind kind, Exception error) {
      FailureKind k = kind == FailureKind.NO_SUCH_NAME ? kind : FailureKind.RESOLUTION_FAILED;
      post(new Report(name, query, List.of(), List.of(), k, error != null ? error : new IOException(k.toString())));
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
