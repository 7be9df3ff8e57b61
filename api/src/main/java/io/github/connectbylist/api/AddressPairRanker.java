package io.github.connectbylist.api;

import java.util.List;

/**
 * Decides the order in which address pairs are tried: WSAConnectByList's "pairs with the highest chance
 * of success first". A ranker is pure: it opens no sockets, starts no threads and reads no clock, so the
 * same code runs on real sockets and in a simulation.
 *
 * <p>{@link #rank} is called concurrently, by every thread that calls a blocking {@code connect} and by
 * the event loop for asynchronous ones, so a ranker must be thread-safe. The simplest is to keep no state
 * across calls; a ranker that does (a cache, statistics) must guard it, and must not block while it does.
 *
 * <p>What the orchestrator does with a ranker that misbehaves: one that throws a {@link RuntimeException}
 * or returns other pairs is reported and the input order is used; one that throws an {@link Error} (a
 * {@link StackOverflowError}, an {@link AssertionError}, a {@link LinkageError}) fails the connect it ranked
 * for, with the error as the cause and the ranker named, and every other connect goes on. One that blocks
 * holds the thread that called it: the caller's, for a blocking connect, which then fails as timed out if
 * its deadline passed meanwhile; or the event loop's, whose other connects then fail at their deadlines
 * as the {@link AttemptScheduler} comment says.
 */
public interface AddressPairRanker {

  /**
   * Returns {@code pairs} in the order to try them. The result must hold exactly the given pairs; the
   * caller falls back to the input order, and reports it, when it does not or when this method throws.
   * Called concurrently from several threads; see the class comment.
   *
   * @param pairs the candidate pairs, in the order the caller gave the destinations
   * @param context what is known of this host: its addresses and the OS's choice of source
   * @return the same pairs, in the order to try them
   */
  List<AddressPair> rank(List<AddressPair> pairs, RankingContext context);
}
