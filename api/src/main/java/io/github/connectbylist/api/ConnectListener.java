package io.github.connectbylist.api;

import java.time.Duration;
import java.util.List;

/**
 * Hears every step of a connect, for tracing and for research. Methods are called on the thread that drives
 * the connect, often the event loop shared by all connects of an instance, so they must return quickly.
 * An exception thrown here is reported and otherwise ignored.
 */
public interface ConnectListener {

  /** The pairs of a connect, in the order the ranker chose. */
  default void connectStarted(List<AddressPair> rankedPairs) {}

  /** Attempt {@code index} started connecting {@code pair} at {@code at} since the connect started. */
  default void attemptStarted(int index, AddressPair pair, Duration at) {}

  /** An attempt ended, connected or not. */
  default void attemptEnded(Attempt attempt) {}

  /** The connect ended: {@code winner} is the attempt that connected, or {@code null} when it failed. */
  default void connectEnded(List<Attempt> attempts, Attempt winner, Duration elapsed) {}

  /** A listener that hears nothing. */
  ConnectListener NONE = new ConnectListener() {};
}
