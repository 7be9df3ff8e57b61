package io.github.connectbylist.api;

import java.net.InetAddress;
import java.util.List;

/**
 * Turns a host name into addresses for a connect by name, delivering each query's answer as it arrives, so
 * that a connect can start on the first family to answer (RFC 8305 section 3) rather than wait for both, as
 * {@code InetAddress.getAllByName} does. Registered by a {@link StrategyProvider} and chosen by name like the
 * strategies; core's own is {@code system} (the JDK's resolver, both families in one answer).
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>{@link #resolve} returns at once, without blocking on the network; the answers come later, on any
 *       thread (or before it returns, for a cached or literal name).
 *   <li>Each query the resolver makes is reported once, to {@link Answers#answered} (possibly with no
 *       addresses) or to {@link Answers#failed}; then {@link Answers#done} is called exactly once. Calls to
 *       one {@code Answers} never overlap, and each happens-before the next.
 *   <li>After {@link Lookup#cancel()} the resolver may stop reporting; what it reports still is ignored.
 *   <li>{@link #close()} releases threads and sockets; the {@code ConnectByList} that made a resolver from
 *       a name closes it when it closes.
 * </ul>
 *
 * <h2>Service information</h2>
 *
 * <p>A resolver that {@linkplain #resolvesServices() resolves services} answers {@link #resolve(Origin,
 * Answers)} with the origin's HTTPS (or SVCB) records beside its addresses (RFC 9460 section 3, the Happy Eyeballs
 * v3 draft's section 4): it follows AliasMode records (a bounded chain), reports the ServiceMode records to
 * {@link Answers#servicesAnswered}, then asks the addresses of each target name other than the host and reports
 * them to {@link Answers#targetAnswered} or {@link Answers#targetFailed}. Every query is reported once, then
 * {@link Answers#done}. Others answer the addresses only, as for {@link #resolve(String, Answers)}.
 *
 * <p>{@link #resolve} runs on the thread that starts the connect: the caller's for a blocking connect (so that
 * answers at hand, a hosts file's or a cache's, are raced there without a thread hop), the event loop's for an
 * asynchronous one; it must return at once and may report before it returns. What it throws (an {@link Error}
 * included) fails that connect as {@link FailureKind#RESOLUTION_FAILED} with the throwable as the cause. A resolve
 * that blocks holds that thread: the caller's connect fails as {@link FailureKind#TIMED_OUT} when it returns
 * after the deadline, and on the event loop it holds the loop as a blocking schedule does (see {@link
 * AttemptScheduler.Schedule}).
 */
public interface NameResolver extends AutoCloseable {

  /**
   * Starts resolving {@code host}.
   *
   * @param host a host name, not an address literal
   * @param answers where the answers go
   * @return a handle to stop what is still pending
   */
  Lookup resolve(String host, Answers answers);

  /**
   * Starts resolving {@code origin}'s host, and its service records when this resolver {@linkplain
   * #resolvesServices() resolves services}. By default, the addresses only.
   *
   * @param origin the scheme, host and port the caller connects to
   * @param answers where the answers go
   * @return a handle to stop what is still pending
   */
  default Lookup resolve(Origin origin, Answers answers) {
    return resolve(origin.host(), answers);
  }

  /**
   * Whether {@link #resolve(Origin, Answers)} reports the origin's service records; a connect then waits for
   * them as the Happy Eyeballs v3 draft says (section 4.2), and otherwise does not.
   *
   * @return {@code true} when an {@link Query#HTTPS} or {@link Query#SVCB} answer will come
   */
  default boolean resolvesServices() {
    return false;
  }

  /** Releases what the resolver holds (threads, sockets, caches). By default, nothing. */
  @Override
  default void close() {}

  /** Where a resolver delivers the answers of one {@link #resolve} call; see the contract above. */
  interface Answers {

    /**
     * A query was answered.
     *
     * @param query what was asked
     * @param addresses the addresses, in the order to prefer them; empty when the name has none of the kind
     */
    void answered(Query query, List<InetAddress> addresses);

    /**
     * A query failed.
     *
     * @param query what was asked
     * @param kind {@link FailureKind#NO_SUCH_NAME} when the name does not exist, else {@link
     *     FailureKind#RESOLUTION_FAILED} (the server failed, no server answered in time)
     * @param error what went wrong, for the trace
     */
    void failed(Query query, FailureKind kind, Exception error);

    /**
     * The service query was answered: its ServiceMode records, after any AliasMode chain was followed.
     *
     * @param query {@link Query#HTTPS} or {@link Query#SVCB}
     * @param records the records, by priority, equal priorities shuffled (RFC 9460 section 2.4.1); empty when
     *     the name has none (NODATA) or the chain ended without one
     */
    default void servicesAnswered(Query query, List<ServiceBinding> records) {
      answered(query, List.of());
    }

    /**
     * An address query of a service's target name (one other than the host) was answered.
     *
     * @param target the target name
     * @param query {@link Query#AAAA} or {@link Query#A}
     * @param addresses the addresses, possibly none
     */
    default void targetAnswered(String target, Query query, List<InetAddress> addresses) {}

    /**
     * An address query of a service's target name failed.
     *
     * @param target the target name
     * @param query {@link Query#AAAA} or {@link Query#A}
     * @param kind {@link FailureKind#NO_SUCH_NAME} or {@link FailureKind#RESOLUTION_FAILED}
     * @param error what went wrong
     */
    default void targetFailed(String target, Query query, FailureKind kind, Exception error) {}

    /** Every query has been reported; nothing more comes. */
    void done();
  }

  /** A resolution under way. */
  interface Lookup {

    /** Stops what is still pending; answers that still come are ignored. Idempotent. */
    void cancel();

    /** A lookup with nothing to cancel (it answered at once). */
    Lookup DONE = new Lookup() {
      @Override
      public void cancel() {}
    };
  }
}
