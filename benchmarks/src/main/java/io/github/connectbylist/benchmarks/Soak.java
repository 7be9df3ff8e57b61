package io.github.connectbylist.benchmarks;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.ConnectByListSocketFactory;
import io.github.connectbylist.ConnectFailedException;
import io.github.connectbylist.Connection;
import io.github.connectbylist.ConnectRequest;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.testbed.DnsReply;
import io.github.connectbylist.testbed.DnsServer;
import io.github.connectbylist.testbed.DnsServer.RecordType;
import io.github.connectbylist.testbed.Testbed;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The soak of issue 17: mixed connects by name on one instance from several threads, through {@code
 * connectAsync} and through the socket factory, against the testbed's DNS server and endpoints: a good
 * name (AAAA and A), a refused one, a black-holed one (its connects end at a 100 ms deadline), and one whose
 * AAAA answer comes 300 ms late. It counts what ended wrong or did not end, and how late each black-holed
 * connect ended after its deadline: on the event loop for {@code connectAsync} (when the future completed),
 * on the calling thread for the socket factory (when {@code connect} threw), which adds the time the OS takes
 * to wake that thread.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.github.connectbylist.benchmarks.Soak
 * [--connects N] [--threads N] [--in-flight N] [--blocking-percent P]}. The test suite runs it whole
 * ({@code SoakTest}) with loose time bounds; the deadline's precision is measured here, by hand.
 */
public final class Soak {
  /** The deadline of each black-holed connect. */
  public static final Duration HOLE_DEADLINE = Duration.ofMillis(100);

  private enum Name {
    GOOD("good.test"), REFUSED("refused.test"), HOLE("hole.test"), LATE_AAAA("late-aaaa.test");

    final String host;

    Name(String host) {
      this.host = host;
    }
  }

  /**
   * The load.
   *
   * @param connects connects in all, spread evenly over the threads
   * @param threads threads that connect
   * @param inFlight connects each thread keeps in flight through {@code connectAsync}
   * @param blockingPercent of each thread's connects, how many in a hundred go through the socket factory,
   *     one blocking connect at a time
   */
  public record Options(int connects, int threads, int inFlight, int blockingPercent) {
    /** The soak: 20,000 connects on 8 threads, 32 in flight each, one in ten through the socket factory. */
    public static final Options DEFAULT = new Options(20_000, 8, 32, 10);
  }

  /**
   * What happened.
   *
   * @param connects connects started
   * @param ended connects that ended
   * @param wrong what ended otherwise than its name calls for, the first 20
   * @param wrongCount how many ended so
   * @param asyncOvershootNanos per black-holed {@code connectAsync}, sorted: when it ended after its deadline
   * @param blockingOvershootNanos the same through the socket factory, on the calling thread
   * @param seconds how long it all took
   */
  public record Result(int connects, int ended, List<String> wrong, int wrongCount, List<Long> asyncOvershootNanos,
      List<Long> blockingOvershootNanos, double seconds) {

    /** The {@code q}-quantile (0 to 1) of the overshoot of both paths, in milliseconds. */
    public double overshootMillis(double q) {
      List<Long> all = new ArrayList<>(asyncOvershootNanos);
      all.addAll(blockingOvershootNanos);
      Collections.sort(all);
      return quantile(all, q);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%d connects in %.1f s, %d ended, %d wrong; deadline overshoot in ms: "
              + "connectAsync (%d) median %.3f p99 %.3f max %.3f; socket factory (%d) median %.3f p99 %.3f max %.3f;"
              + " both p99 %.3f", connects, seconds, ended, wrongCount,
          asyncOvershootNanos.size(), quantile(asyncOvershootNanos, 0.5), quantile(asyncOvershootNanos, 0.99),
          quantile(asyncOvershootNanos, 1), blockingOvershootNanos.size(), quantile(blockingOvershootNanos, 0.5),
          quantile(blockingOvershootNanos, 0.99), quantile(blockingOvershootNanos, 1), overshootMillis(0.99));
    }
  }

  private Soak() {}

  public static void main(String[] args) throws Exception {
    Options o = Options.DEFAULT;
    for (int i = 0; i + 1 < args.length; i += 2) {
      int value = Integer.parseInt(args[i + 1]);
      o = switch (args[i]) {
        case "--connects" -> new Options(value, o.threads(), o.inFlight(), o.blockingPercent());
        case "--threads" -> new Options(o.connects(), value, o.inFlight(), o.blockingPercent());
        case "--in-flight" -> new Options(o.connects(), o.threads(), value, o.blockingPercent());
        case "--blocking-percent" -> new Options(o.connects(), o.threads(), o.inFlight(), value);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; known: --connects --threads --in-flight --blocking-percent");
      };
    }
    System.out.println(o);
    System.out.println(run(o));
  }

  /**
   * Runs the soak on the testbed's loopback endpoints and DNS server, both its own and closed after.
   *
   * @param o the load
   * @return what happened
   */
  public static Result run(Options o) throws Exception {
    try (Testbed testbed = new Testbed(); DnsServer dns = DnsServer.start()) {
      int port = testbed.acceptingOnBothFamilies();
      int refusedPort = testbed.refusing("127.0.0.2").address().getPort();
      int holePort = testbed.blackHoled("127.0.0.3").address().getPort();
      dns.reply("good.test", RecordType.AAAA, DnsReply.addresses("::1").ttl(3600));
      dns.reply("good.test", RecordType.A, DnsReply.addresses("127.0.0.1").ttl(3600));
      dns.reply("refused.test", RecordType.AAAA, DnsReply.empty());
      dns.reply("refused.test", RecordType.A, DnsReply.addresses("127.0.0.2").ttl(3600));
      dns.reply("hole.test", RecordType.AAAA, DnsReply.empty());
      dns.reply("hole.test", RecordType.A, DnsReply.addresses("127.0.0.3").ttl(3600));
      dns.reply("late-aaaa.test", RecordType.AAAA, DnsReply.addresses("::1").after(Duration.ofMillis(300)).ttl(0));
      dns.reply("late-aaaa.test", RecordType.A, DnsReply.addresses("127.0.0.1").ttl(0));
      Queue<String> wrong = new ConcurrentLinkedQueue<>();
      AtomicInteger wrongCount = new AtomicInteger();
      Queue<Long> asyncOvershoot = new ConcurrentLinkedQueue<>();
      Queue<Long> blockingOvershoot = new ConcurrentLinkedQueue<>();
      AtomicInteger ended = new AtomicInteger();
      int share = o.connects() / o.threads();
      long start = System.nanoTime();
      try (ConnectByList cbl = ConnectByList.builder().strategy("happy-eyeballs")
          .resolver("dns(servers=" + dns.serverSpec() + ", hosts=none, timeout=2s)").timeout(Duration.ofSeconds(10))
          .build()) {
        Check check = new Check(port, wrong, wrongCount);
        ConnectByListSocketFactory factory = new ConnectByListSocketFactory(cbl);
        ExecutorService threads = Executors.newFixedThreadPool(o.threads());
        try {
          List<Future<?>> work = new ArrayList<>();
          for (int t = 0; t < o.threads(); t++) {
            int first = t * share;
            work.add(threads.submit(() -> {
              Semaphore window = new Semaphore(o.inFlight());
              for (int i = first; i < first + share; i++) {
                Name name = Name.values()[i % Name.values().length];
                int to = name == Name.REFUSED ? refusedPort : name == Name.HOLE ? holePort : port;
                if (i % 100 < o.blockingPercent()) {
                  viaSocketFactory(factory, name, to, check, blockingOvershoot);
                  ended.incrementAndGet();
                } else {
                  window.acquireUninterruptibly();
                  viaConnectAsync(cbl, name, to, check, asyncOvershoot).whenComplete((c, e) -> {
                    ended.incrementAndGet();
                    window.release();
                  });
                }
              }
              // every connect of this thread has ended, or the soak reports those that did not
              window.tryAcquire(o.inFlight(), 1, TimeUnit.MINUTES);
              return null;
            }));
          }
          for (Future<?> f : work) {
            f.get(10, TimeUnit.MINUTES);
          }
        } catch (ExecutionException | TimeoutException e) {
          wrong.add("the soak itself failed: " + e);
          wrongCount.incrementAndGet();
        } finally {
          threads.shutdown();
          threads.awaitTermination(1, TimeUnit.MINUTES);
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Result(share * o.threads(), ended.get(), List.copyOf(wrong).subList(0, Math.min(20, wrong.size())),
          wrongCount.get(), sorted(asyncOvershoot), sorted(blockingOvershoot), seconds);
    }
  }

  private static CompletableFuture<Connection> viaConnectAsync(
      ConnectByList cbl, Name name, int to, Check check, Queue<Long> overshoot) {
    long started = System.nanoTime();
    ConnectRequest request = ConnectRequest.to(name.host, to);
    CompletableFuture<Connection> f = cbl.connectAsync(name == Name.HOLE ? request.timeout(HOLE_DEADLINE) : request);
    f.whenComplete((c, e) -> {
      long took = System.nanoTime() - started;
      if (c != null) {
        check.connected(name, c.remoteAddress());
        try {
          c.close();
        } catch (IOException closing) {
          check.wrong("close failed: " + closing);
        }
        return;
      }
      FailureKind kind = e instanceof ConnectFailedException x ? x.kind() : null;
      if (name == Name.HOLE && kind == FailureKind.TIMED_OUT) {
        overshoot.add(took - HOLE_DEADLINE.toNanos());
      } else if (!(name == Name.REFUSED && kind == FailureKind.REFUSED)) {
        check.wrong(name + " via connectAsync: " + e);
      }
    });
    return f;
  }

  private static void viaSocketFactory(
      ConnectByListSocketFactory factory, Name name, int to, Check check, Queue<Long> overshoot) {
    long started = System.nanoTime();
    try (Socket s = factory.createSocket()) {
      s.connect(InetSocketAddress.createUnresolved(name.host, to), name == Name.HOLE ? (int) HOLE_DEADLINE.toMillis() : 0);
      check.connected(name, (InetSocketAddress) s.getRemoteSocketAddress());
    } catch (SocketTimeoutException e) {
      if (name == Name.HOLE) {
        overshoot.add(System.nanoTime() - started - HOLE_DEADLINE.toNanos());
      } else {
        check.wrong(name + " via the socket factory: " + e);
      }
    } catch (ConnectFailedException e) {
      if (!(name == Name.REFUSED && e.kind() == FailureKind.REFUSED)) {
        check.wrong(name + " via the socket factory: " + e);
      }
    } catch (IOException | RuntimeException e) {
      check.wrong(name + " via the socket factory: " + e);
    }
  }

  /** What each name calls for: good and late-AAAA names connect to the good port on loopback; others never. */
  private record Check(int goodPort, Queue<String> wrong, AtomicInteger count) {
    void connected(Name name, InetSocketAddress remote) {
      boolean right = (name == Name.GOOD || name == Name.LATE_AAAA) // late AAAA: IPv4 after the resolution
          && remote.getPort() == goodPort && remote.getAddress().isLoopbackAddress(); // delay, or IPv6 if joined
      if (!right) {
        wrong(name + " connected to " + remote);
      }
    }

    void wrong(String what) {
      count.incrementAndGet();
      if (wrong.size() < 20) {
        wrong.add(what);
      }
    }
  }

  private static List<Long> sorted(Queue<Long> values) {
    List<Long> list = new ArrayList<>(values);
    Collections.sort(list);
    return List.copyOf(list);
  }

  private static double quantile(List<Long> sorted, double q) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int at = (int) Math.ceil(sorted.size() * q) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, at))) / 1e6;
  }
}
