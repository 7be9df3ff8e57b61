package io.github.connectbylist.api;

import java.time.Duration;
import java.util.List;

/**
 * Hears every step of a connect, for tracing and for research. Methods are called on the thread that drives
 * the connect, often the event loop shared by all connects of an instance, so they must return quickly.
 * Whatever is thrown here, an {@link Error} included, is reported and otherwise ignored: a listener observes,
 * and the connect's outcome never depends on it. Only a fatal error ({@link OutOfMemoryError}) stops the event
 * loop. A listener that blocks holds the loop as a blocking schedule does (see {@link AttemptScheduler.Schedule}).
 */
public interface ConnectListener {

  /**
   * A connect was planned.
   *
   * @param rankedPairs its pairs, in the order the ranker chose; for a connect by name, those known before
   *     any answer (often none)
   */
  default void connectStarted(List<AddressPair> rankedPairs) {}

  /**
   * For a connect by name: an answer of the resolution arrived, and its addresses (those the destination
   * policy allows) became pairs.
   *
   * @param answer the answer
   * @param rankedPairs every pair now, those started first in start order, then the rest as ranked
   */
  default void answered(Answer answer, List<AddressPair> rankedPairs) {}

  /**
   * An attempt started.
   *
   * @param index its place in start order
   * @param pair what it connects
   * @param at since the connect started
   */
  default void attemptStarted(int index, AddressPair pair, Duration at) {}

  /**
   * An attempt ended, connected or not.
   *
   * @param attempt how it went
   */
  default void attemptEnded(Attempt attempt) {}

  /**
   * The connect ended.
   *
   * @param attempts every attempt, in start order; unmodifiable
   * @param winner the attempt that connected, or {@code null} when the connect failed
   * @param elapsed from the start of the connect to its end
   */
  default void connectEnded(List<Attempt> attempts, Attempt winner, Duration elapsed) {}

  /** A listener that hears nothing. */
  ConnectListener NONE = new ConnectListener() {};
}
