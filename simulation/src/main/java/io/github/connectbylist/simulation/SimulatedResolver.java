package io.github.connectbylist.simulation;

import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.NameResolver;
import io.github.connectbylist.api.Origin;
import io.github.connectbylist.api.Query;
import io.github.connectbylist.api.ServiceBinding;
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
 * strategies that race answers (RFC 8305 section 3). A name without a script does not exist. A script may hold
 * an HTTPS (or SVCB) answer and its targets' address answers (RFC 9460 section 3): a connect that asks for
 * service records hears them; one that does not never does.
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
   * @param services the ServiceMode records of an {@link Query#HTTPS} or {@link Query#SVCB} answer
   * @param target the target name whose addresses an A or AAAA reply gives, or {@code null} for the host's
   */
  public record Reply(Query query, long afterNanos, List<InetAddress> addresses, FailureKind failure,
      List<ServiceBinding> services, String target) {

    /**
     * Copies the addresses and checks the rest.
     *
     * @param query what was asked
     * @param afterNanos when it comes
     * @param addresses the addresses
     * @param failure why it failed, or {@code null}
     * @param services the service records
     * @param target the target name, or {@code null}
     */
    public Reply {
      Objects.requireNonNull(query, "query");
      addresses = List.copyOf(addresses);
      services = List.copyOf(services);
      if (!services.isEmpty() && !query.isService()) {
        throw new IllegalArgumentException("only an HTTPS or SVCB reply has service records");
      }
      if (afterNanos < 0) {
        throw new IllegalArgumentException("afterNanos must not be negative, was " + afterNanos);
      }
      if (failure != null && !addresses.isEmpty()) {
        throw new IllegalArgumentException("a failed reply has no addresses");
      }
    }

    /**
     * A reply for the host.
     *
     * @param query what was asked
     * @param afterNanos when it comes
     * @param addresses the addresses
     * @param failure why it failed, or {@code null}
     */
    public Reply(Query query, long afterNanos, List<InetAddress> addresses, FailureKind failure) {
      this(query, afterNanos, addresses, failure, List.of(), null);
    }

    /**
     * This reply, for a service's target name instead of the host.
     *
     * @param name the target name
     * @return the reply
     */
    public Reply withTarget(String name) {
      return new Reply(query, afterNanos, addresses, failure, services, Objects.requireNonNull(name, "name"));
    }

    /**
     * An HTTPS answer: the records, in the order to try them; none for NODATA.
     *
     * @param afterNanos when it comes
     * @param records the ServiceMode records
     * @return the reply
     */
    public static Reply services(long afterNanos, ServiceBinding... records) {
      return new Reply(Query.HTTPS, afterNanos, List.of(), null, List.of(records), null);
    }

    /**
     * An answer for a service's target name.
     *
     * @param target the target name
     * @param query {@link Query#AAAA} or {@link Query#A}
     * @param afterNanos when it comes
     * @param addresses its addresses; none for an empty answer
     * @return the reply
     */
    public static Reply target(String target, Query query, long afterNanos, InetAddress... addresses) {
      return new Reply(query, afterNanos, List.of(addresses), null, List.of(), Objects.requireNonNull(target, "target"));
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
    return resolve(host, false, answers);
  }

  @Override
  public Lookup resolve(Origin origin, Answers answers) {
    return resolve(origin.host(), true, answers);
  }

  /** Whether any script holds a service reply. */
  @Override
  public boolean resolvesServices() {
    for (List<Reply> script : replies.values()) {
      for (Reply r : script) {
        if (r.query().isService()) {
          return true;
        }
      }
    }
    return false;
  }

  private Lookup resolve(String host, boolean withServices, Answers answers) {
    List<Reply> script = replies.get(host);
    if (script == null) {
      answers.failed(Query.AAAA, FailureKind.NO_SUCH_NAME, new UnknownHostException(host + ": no such name"));
      answers.failed(Query.A, FailureKind.NO_SUCH_NAME, new UnknownHostException(host + ": no such name"));
      answers.done();
      return Lookup.DONE;
    }
    List<Reply> inOrder = new ArrayList<>(script.size());
    for (Reply r : script) {
      if (withServices || !r.query().isService() && r.target() == null) {
        inOrder.add(r);
      }
    }
    inOrder.sort(Comparator.comparingLong(Reply::afterNanos)); // stable: replies at one time keep their order
    long start = driver.nanoTime();
    List<Driver.Cancellable> timers = new ArrayList<>(inOrder.size());
    for (int i = 0; i < inOrder.size(); i++) {
      Reply r = inOrder.get(i);
      boolean last = i == inOrder.size() - 1;
      timers.add(driver.schedule(start + r.afterNanos(), () -> {
        deliver(host, r, answers);
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

  private static void deliver(String host, Reply r, Answers answers) {
    String name = r.target() != null ? r.target() : host;
    UnknownHostException error = new UnknownHostException(name + ": " + r.failure());
    if (r.target() != null) {
      if (r.failure() == null) {
        answers.targetAnswered(r.target(), r.query(), r.addresses());
      } else {
        answers.targetFailed(r.target(), r.query(), r.failure(), error);
      }
    } else if (r.failure() != null) {
      answers.failed(r.query(), r.failure(), error);
    } else if (r.query().isService()) {
      answers.servicesAnswered(r.query(), r.services());
    } else {
      answers.answered(r.query(), r.addresses());
    }
  }

  @Override
  public String toString() {
    return "simulated resolver of " + replies.keySet();
  }
}
