package io.github.connectbylist.cli;

import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.NameResolver;
import io.github.connectbylist.api.Query;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The addresses of a name given among several destinations, from the configured resolver ({@code
 * --resolver}), as a connect by name would have them: never {@code InetAddress.getAllByName}, which asks the
 * host's resolver instead of the chosen one, with names the chosen one refuses (a name that is not ASCII goes
 * to {@code getaddrinfo} as it is). The AAAA addresses come first, then the A ones, the order the queries are
 * sent in (RFC 8305 section 3); the connect's ranker orders them.
 */
final class NameAddresses implements NameResolver.Answers {
  private final Map<Query, List<InetAddress>> answered = new EnumMap<>(Query.class); // guarded by this
  private final Map<Query, FailureKind> failed = new EnumMap<>(Query.class); // guarded by this
  private final CountDownLatch done = new CountDownLatch(1);

  private NameAddresses() {}

  /**
   * Resolves {@code destination}'s name and waits for every answer, at most {@code timeoutNanos}.
   *
   * @param resolver the configured resolver
   * @param destination a name and port
   * @param timeoutNanos how long to wait, positive
   * @return the addresses, at least one
   * @throws BadInput naming the destination when the name has no address, the resolver failed, or the answers
   *     did not come in time
   */
  static List<InetAddress> resolve(NameResolver resolver, HostPort destination, long timeoutNanos) {
    NameAddresses answers = new NameAddresses();
    String none = "'" + destination.text() + "': no address found for " + destination.host();
    NameResolver.Lookup lookup;
    try {
      lookup = resolver.resolve(destination.host(), answers);
    } catch (RuntimeException e) {
      throw new BadInput(none + ": the resolver failed: " + OneLineErrors.describe(e), e);
    }
    try {
      if (!answers.done.await(timeoutNanos, TimeUnit.NANOSECONDS)) {
        lookup.cancel();
        throw new BadInput(none + " within the timeout");
      }
    } catch (InterruptedException e) {
      lookup.cancel();
      Thread.currentThread().interrupt();
      throw new BadInput(none + ": interrupted", e);
    }
    return answers.addresses(none);
  }

  private synchronized List<InetAddress> addresses(String none) {
    List<InetAddress> all = new ArrayList<>();
    for (Query q : Query.values()) { // AAAA, A, and BOTH from a resolver that asks for both at once
      all.addAll(answered.getOrDefault(q, List.of()));
    }
    if (all.isEmpty()) {
      StringBuilder why = new StringBuilder(none).append(" (");
      String comma = "";
      for (Query q : Query.values()) {
        if (answered.containsKey(q) || failed.containsKey(q)) {
          why.append(comma).append(q).append(": ").append(failed.containsKey(q) ? failed.get(q) : "no addresses");
          comma = ", ";
        }
      }
      throw new BadInput(why.append(')').toString());
    }
    return all;
  }

  @Override
  public synchronized void answered(Query query, List<InetAddress> addresses) {
    answered.put(query, List.copyOf(addresses));
  }

  @Override
  public synchronized void failed(Query query, FailureKind kind, Exception error) {
    failed.put(query, kind);
  }

  @Override
  public void done() {
    done.countDown();
  }
}
