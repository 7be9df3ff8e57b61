package io.github.connectbylist.resolver.dns;

import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.NameResolver;
import io.github.connectbylist.api.NameResolver.Answers;
import io.github.connectbylist.api.Query;
import io.github.connectbylist.api.ServiceBinding;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The queries of one lookup: the host's AAAA and A, its service query when asked, and the addresses of the
 * service records' targets once they are known. Reports each once, in the order they end, then {@code done}
 * when none is left; calls never overlap, and nothing is reported after a cancel. A cancelled lookup's queries
 * still run to their answer or their timeout, so that an answer that comes after the connect ended is cached
 * for the next one. A callback that throws is logged, never passed on.
 */
final class PendingLookup implements NameResolver.Lookup {
  private final String host;
  private final Answers answers;
  private final Set<String> expected = new LinkedHashSet<>(); // guarded by this
  private final Set<String> reported = new LinkedHashSet<>(); // guarded by this
  private boolean doneReported; // guarded by this
  private volatile boolean cancelled;

  /**
   * @param service the service query to expect beside AAAA and A, or {@code null}
   */
  PendingLookup(String host, Query service, Answers answers) {
    this.host = host;
    this.answers = answers;
    expected.add(Query.AAAA.name());
    expected.add(Query.A.name());
    if (service != null) {
      expected.add(service.name());
    }
  }

  synchronized void answered(Query query, List<InetAddress> addresses) {
    if (mark(query.name()) && !cancelled) {
      try {
        answers.answered(query, addresses);
      } catch (Throwable e) {
        callbackThrew(e);
      }
    }
    ended();
  }

  synchronized void failed(Query query, FailureKind kind, Exception error) {
    if (mark(query.name()) && !cancelled) {
      try {
        answers.failed(query, kind, error);
      } catch (Throwable e) {
        callbackThrew(e);
      }
    }
    ended();
  }

  /**
   * The service query's records; the targets' address queries, already counted with {@link #expectTarget}, are
   * reported later.
   */
  synchronized void servicesAnswered(Query query, List<ServiceBinding> records) {
    if (mark(query.name()) && !cancelled) {
      try {
        answers.servicesAnswered(query, records);
      } catch (Throwable e) {
        callbackThrew(e);
      }
    }
    ended();
  }

  /** Counts the AAAA and A queries of a target name, before the services answer that names it is reported. */
  synchronized void expectTarget(String target) {
    expected.add(targetKey(target, Query.AAAA));
    expected.add(targetKey(target, Query.A));
  }

  synchronized void targetAnswered(String target, Query query, List<InetAddress> addresses) {
    if (mark(targetKey(target, query)) && !cancelled) {
      try {
        answers.targetAnswered(target, query, addresses);
      } catch (Throwable e) {
        callbackThrew(e);
      }
    }
    ended();
  }

  synchronized void targetFailed(String target, Query query, FailureKind kind, Exception error) {
    if (mark(targetKey(target, query)) && !cancelled) {
      try {
        answers.targetFailed(target, query, kind, error);
      } catch (Throwable e) {
        callbackThrew(e);
      }
    }
    ended();
  }

  /** Fails each query not reported yet with {@code cause}, an {@link Error} included, wrapped, and logs it. */
  synchronized void failRemaining(Throwable cause) {
    IOException error = cause instanceof IOException io ? io
        : new IOException("resolving " + host + " failed: " + cause, cause);
    failRemaining(FailureKind.RESOLUTION_FAILED, error);
    Log.logger().log(Level.WARNING, "resolving " + host + " failed", cause);
  }

  /** Fails each query not reported yet as {@code kind}. */
  synchronized void failRemaining(FailureKind kind, Exception error) {
    for (String key : List.copyOf(expected)) {
      if (reported.contains(key)) {
        continue;
      }
      int slash = key.indexOf('/');
      if (slash < 0) {
        failed(Query.valueOf(key), kind, error);
      } else {
        targetFailed(key.substring(0, slash), Query.valueOf(key.substring(slash + 1)), kind, error);
      }
    }
  }

  /** Marks {@code key} reported; false when it already was, or was never expected. */
  private boolean mark(String key) {
    return expected.contains(key) && reported.add(key);
  }

  private void ended() {
    if (reported.size() == expected.size() && !doneReported) {
      doneReported = true;
      if (!cancelled) {
        try {
          answers.done();
        } catch (Throwable e) {
          callbackThrew(e);
        }
      }
    }
  }

  private static String targetKey(String target, Query query) {
    return target + "/" + query.name();
  }

  /** The caller's callback threw: logged, and the lookup goes on to done. A try per call, not a lambda: first connects. */
  private void callbackThrew(Throwable e) {
    Log.logger().log(Level.WARNING, "an answer callback of " + this + " threw", e);
  }

  @Override
  public void cancel() {
    cancelled = true;
  }

  @Override
  public String toString() {
    return "lookup of " + host;
  }
}
