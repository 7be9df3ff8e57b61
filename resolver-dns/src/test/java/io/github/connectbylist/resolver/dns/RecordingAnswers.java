package io.github.connectbylist.resolver.dns;

import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.NameResolver;
import io.github.connectbylist.api.Query;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** What a resolver reported for one name, with when each report came, for tests. */
class RecordingAnswers implements NameResolver.Answers {
  /** One report: addresses, or a failure with its kind and error; {@code millis} after the recording began. */
  record Report(Query query, List<InetAddress> addresses, FailureKind failure, Exception error, long millis) {
    List<String> literals() {
      return addresses.stream().map(InetAddress::getHostAddress).toList();
    }
  }

  private final long start = System.nanoTime();
  private final Map<Query, Report> reports = new ConcurrentHashMap<>();
  private final CountDownLatch done = new CountDownLatch(1);
  private final List<String> overlaps = new ArrayList<>();
  private volatile long doneMillis = -1;

  @Override
  public void answered(Query query, List<InetAddress> addresses) {
    put(new Report(query, List.copyOf(addresses), null, null, millis()));
  }

  @Override
  public void failed(Query query, FailureKind kind, Exception error) {
    put(new Report(query, List.of(), kind, error, millis()));
  }

  @Override
  public void done() {
    doneMillis = millis();
    done.countDown();
  }

  private void put(Report r) {
    if (reports.putIfAbsent(r.query(), r) != null) {
      synchronized (overlaps) {
        overlaps.add("reported twice: " + r);
      }
    }
  }

  private long millis() {
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** Waits for {@code done}, at most {@code seconds}; true when it came. */
  boolean awaitDone(long seconds) throws InterruptedException {
    return done.await(seconds, TimeUnit.SECONDS);
  }

  long doneMillis() {
    return doneMillis;
  }

  Report report(Query query) {
    return reports.get(query);
  }

  List<String> problems() {
    synchronized (overlaps) {
      return List.copyOf(overlaps);
    }
  }

  @Override
  public String toString() {
    return reports.values() + (doneMillis >= 0 ? " done at " + doneMillis + " ms" : " not done");
  }
}
