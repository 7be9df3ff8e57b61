package io.github.connectbylist.internal;

import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.NameResolver;
import io.github.connectbylist.api.Query;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Resolver {@code system}: the JDK's {@link InetAddress#getAllByName}, which honours {@code /etc/hosts},
 * {@code nsswitch.conf} and any installed {@code InetAddressResolverProvider}. It blocks until both families
 * have answered, so it answers {@link Query#BOTH} once, on a thread of its own (at most {@value #THREADS} at a
 * time; idle ones end after {@value #IDLE_SECONDS} s, and all of them on {@link #close()}).
 */
public final class SystemResolver implements NameResolver {
  static final int THREADS = 4;
  static final int IDLE_SECONDS = 10;
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final ThreadPoolExecutor threads;

  public SystemResolver() {
    String prefix = "connectbylist-resolver-" + INSTANCES.incrementAndGet() + "-";
    ThreadFactory daemons = new ThreadFactory() {
      private final AtomicInteger count = new AtomicInteger();

      @Override
      public Thread newThread(Runnable r) {
        Thread t = new Thread(r, prefix + count.incrementAndGet());
        t.setDaemon(true);
        return t;
      }
    };
    threads = new ThreadPoolExecutor(THREADS, THREADS, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        daemons);
    threads.allowCoreThreadTimeOut(true);
  }

  @Override
  public Lookup resolve(String host, Answers answers) {
    Future<?> task;
    try {
      task = threads.submit(new Runnable() {
        @Override
        public void run() {
          try {
            answers.answered(Query.BOTH, List.of(InetAddress.getAllByName(host)));
          } catch (UnknownHostException e) {
            answers.failed(Query.BOTH, kindOf(e), e);
          } catch (Throwable e) { // an InetAddressResolverProvider's bug: this name fails, the pool goes on
            Fatal.rethrowIfFatal(e);
            answers.failed(Query.BOTH, FailureKind.RESOLUTION_FAILED, e instanceof Exception x ? x : new IOException(e));
          } finally {
            answers.done();
          }
        }
      });
    } catch (RejectedExecutionException e) {
      answers.failed(Query.BOTH, FailureKind.RESOLUTION_FAILED, new IllegalStateException("the resolver is closed"));
      answers.done();
      return Lookup.DONE;
    }
    return new Lookup() {
      @Override
      public void cancel() {
        task.cancel(false); // a lookup not begun does not begin; getAllByName itself cannot be interrupted
      }
    };
  }

  /**
   * {@code getaddrinfo}'s temporary failure ({@code EAI_AGAIN}, "Temporary failure in name resolution")
   * means no server answered; anything else means the name has no address.
   */
  static FailureKind kindOf(UnknownHostException e) {
    String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    return m.contains("temporary failure") || m.contains("try again") ? FailureKind.RESOLUTION_FAILED
        : FailureKind.NO_SUCH_NAME;
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }

  @Override
  public String toString() {
    return "system";
  }
}
