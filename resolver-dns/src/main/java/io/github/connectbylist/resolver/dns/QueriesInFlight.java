package io.github.connectbylist.resolver.dns;

import io.github.connectbylist.api.FailureKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Name;

/**
 * The queries being asked, by name and type, in front of the cache: a lookup of what is cached gets the
 * cached answer, one of what is being asked joins that query (Go's resolver does the same with its
 * singleflight group), and only otherwise is a query sent. Looking, joining and caching an answer are one
 * step under one lock, so two connects in a row never send the same query twice however their answers
 * interleave: the second gets the first one's answer, from the cache or when it comes. A lookup that joins
 * gets the query's answer or failure, by the query's own timer.
 */
final class QueriesInFlight {
  /** What a lookup that asked is told, once; on the transport's thread. */
  interface Waiter {
    /**
     * The query was answered.
     *
     * @param values the addresses (A, AAAA) or {@link ServiceRecords.Record}s (HTTPS, SVCB), possibly none
     */
    void answered(List<?> values);

    /**
     * The query failed.
     *
     * @param kind {@link FailureKind#NO_SUCH_NAME} or {@link FailureKind#RESOLUTION_FAILED}
     * @param error why
     */
    void failed(FailureKind kind, Exception error);
  }

  /** One query being asked and who waits for its answer. */
  static final class Flight {
    private final Name name;
    private final int type;
    private final List<Waiter> waiters = new ArrayList<>(2); // guarded by the QueriesInFlight

    private Flight(Name name, int type, Waiter first) {
      this.name = name;
      this.type = type;
      waiters.add(first);
    }
  }

  /**
   * What {@link #join} found.
   *
   * @param cached the cached addresses, or {@code null}
   * @param toSend the query the caller must send and report the end of here, or {@code null} when the
   *     answer was cached or the waiter joined a query already asked
   */
  record Joined(List<?> cached, Flight toSend) {}

  private final TtlCache cache;
  private final Map<String, Flight> flying = new HashMap<>(); // guarded by this

  QueriesInFlight(TtlCache cache) {
    this.cache = cache;
  }

  /**
   * The cached answer of {@code name} and {@code type}, or else {@code waiter} joins the query that asks it,
   * the first to join sending it. With a cache of 0 nothing is shared: every lookup sends its own query.
   *
   * @param name the name
   * @param type the query type
   * @param waiter what is told the answer when it comes
   * @param nowNanos the time, for the cache
   * @return what was found
   */
  synchronized Joined join(Name name, int type, Waiter waiter, long nowNanos) {
    if (cache.capacity() == 0) {
      return new Joined(null, new Flight(name, type, waiter));
    }
    List<?> cached = cache.get(name, type, nowNanos).orElse(null);
    if (cached != null) {
      return new Joined(cached, null);
    }
    String key = TtlCache.key(name, type);
    Flight flight = flying.get(key);
    if (flight != null) {
      flight.waiters.add(waiter);
      return new Joined(null, null);
    }
    flight = new Flight(name, type, waiter);
    flying.put(key, flight);
    return new Joined(null, flight);
  }

  /**
   * The query was answered: keeps the answer for its TTL and returns who is to be told.
   *
   * @param flight the query
   * @param answer the addresses and their TTL
   * @param nowNanos the time, for the cache
   * @return the waiters, no longer waiting
   */
  synchronized List<Waiter> answered(Flight flight, AcceptedAnswer answer, long nowNanos) {
    if (!answer.values().isEmpty()) {
      cache.put(flight.name, flight.type, answer.values(), answer.ttlSeconds(), nowNanos);
    }
    return ended(flight);
  }

  /**
   * The query ended without an answer to keep: returns who is to be told.
   *
   * @param flight the query
   * @return the waiters, no longer waiting; empty when it was reported already
   */
  synchronized List<Waiter> ended(Flight flight) {
    flying.remove(TtlCache.key(flight.name, flight.type), flight);
    List<Waiter> waiters = List.copyOf(flight.waiters);
    flight.waiters.clear();
    return waiters;
  }
}
