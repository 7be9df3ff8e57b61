package io.github.connectbylist.simulation;

import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.NameResolver;
import io.github.connectbylist.api.Query;
import io.github.connectbylist.engine.Driver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A resolver whose answers are scripted per name, each at a given time on a driver's clock: with a {@link
 * VirtualDriver}, name resolution without a network, for the lab's scenarios and for exact tests of
 * strategies that race answers (RFC 8305 section 3). A name without a script does not exist.
 */
public final class SimulatedResolver implements NameResolver {
  private final Driver driver;
  private final Map<String, List<Reply>> replies;

  /**
   * @param driver whose clock times the answers
   * @param replies for each name, its replies; each query once
   */
  public SimulatedResolver(Driver driver, Map<String, List<Reply>> replies) {
    this.driver = Objects.requireNonNull(driver, "driver");
    this.replies = Map.copyOf(replies);
  }

  /**
   * What one query of a name does.
   *
   * @param query what was asked
   * @param afterNanos when the reply comes, after resolution starts
   * @param addresses the addresses of an answer; empty for an empty answer or a failure
   * @param failure {@code null} for an answer, else {@link FailureKind#NO_SUCH_NAME} or {@link
   *     FailureKind#RESOLUTION_FAILED} (a lost query is one that fails when the resolver gives up on it)
   */
  public record Reply(Query query, long afterNanos, List<InetAddress> addresses, FailureKind failure) {

    /**
     * Copies the addresses and checks the rest.
     *
     * @param query what was asked
     * @param afterNanos when it comes
     * @param addresses the addresses
     * @param failure why it failed, or {@code null}
     */
    public Reply {
      Objects.requireNonNull(query, "query");
      addresses = List.copyOf(addresses);
      if (afterNanos < 0) {
        throw new IllegalArgumentException("afterNanos must not be negative, was " + afterNanos);
      }
      if (failure != null && !addresses.isEmpty()) {
        throw new IllegalArgumentException("a failed reply has no addresses");
      }
    }

    /**
     * An answer.
     *
     * @param query what was asked
     * @param afterNanos when it comes
     * @param addresses its addresses; none for an empty answer
     * @return the reply
     */
    public static Reply answer(Query query, long afterNanos, InetAddress... addresses) {
      return new Reply(query, afterNanos, List.of(addresses), null);
    }

    /**
     * A failure.
     *
     * @param query what was asked
     * @param afterNanos when it comes
     * @param kind {@link FailureKind#NO_SUCH_NAME} or {@link FailureKind#RESOLUTION_FAILED}
     * @return the reply
     */
    public static Reply failure(Query query, long afterNanos, FailureKind kind) {
      return new Reply(query, afterNanos, List.of(), Objects.requireNonNull(kind, "kind"));
    }
  }

  @Override
  public Lookup resolve(String host, Answers answers) {
    List<Reply> script = replies.get(host);
    if (script == null) {
      answers.failed(Query.AAAA, FailureKind.NO_SUCH_NAME, new UnknownHostException(host + ": no such name"));
      answers.failed(Query.A, FailureKind.NO_SUCH_NAME, new UnknownHostException(host + ": no such name"));
      answers.done();
      return Lookup.DONE;
    }
    List<Reply> inOrder = new ArrayList<>(script);
    inOrder.sort(Comparator.comparingLong(Reply::afterNanos)); // stable: replies at one time keep their order
    long start = driver.nanoTime();
    List<Driver.Cancellable> timers = new ArrayList<>(inOrder.size());
    for (int i = 0; i < inOrder.size(); i++) {
      Reply r = inOrder.get(i);
      boolean last = i == inOrder.size() - 1;
      timers.add(driver.schedule(start + r.afterNanos(), () -> {
        if (r.failure() == null) {
          answers.answered(r.query(), r.addresses());
        } else {
          answers.failed(r.query(), r.failure(), new UnknownHostException(host + ": " + r.failure()));
        }
        if (last) {
          answers.done();
        }
      }));
    }
    if (inOrder.isEmpty()) {
      answers.done();
    }
    return new Lookup() {
      @Override
      public void cancel() {
        for (Driver.Cancellable t : timers) {
          t.cancel();
        }
      }
    };
  }

  @Override
  public String toString() {
    return "simulated resolver of " + replies.keySet();
  }
}
