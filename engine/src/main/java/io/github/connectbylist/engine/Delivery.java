package io.github.connectbylist.engine;

import io.github.connectbylist.api.Answer;
import io.github.connectbylist.api.Attempt;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Turns the winning attempt's connection into what the caller gets ({@code Connection} for core's sockets,
 * the attempts alone in the lab, a channel for an adapter), and releases it when nobody will take it. Runs
 * on the driver's thread.
 *
 * @param <C> what the transport yields
 * @param <R> what the caller gets
 */
public interface Delivery<C, R> {

  /**
   * Makes the caller's result.
   *
   * @param connection the winner's connection
   * @return the caller's result
   * @param attempts every attempt of the connect, in start order
   * @param winner the attempt that connected
   * @param elapsed from the start of the connect to the winner's connection
   * @throws IOException when the connection turns out to be unusable; it then counts as a failed attempt
   */
  R deliver(C connection, List<Attempt> attempts, Attempt winner, Duration elapsed) throws IOException;

  /**
   * Makes the caller's result of a connect by name; the orchestrator calls this one. By default it leaves
   * the answers out and calls {@link #deliver(Object, List, Attempt, Duration)}.
   *
   * @param connection the winner's connection
   * @param attempts every attempt of the connect, in start order, with the denied destinations
   * @param answers the answers of the connect's resolution so far; empty for a connect to a list
   * @param winner the attempt that connected
   * @param elapsed from the start of the connect to the winner's connection
   * @return the caller's result
   * @throws IOException when the connection turns out to be unusable; it then counts as a failed attempt
   */
  default R deliver(C connection, List<Attempt> attempts, List<Answer> answers, Attempt winner, Duration elapsed)
      throws IOException {
    return deliver(connection, attempts, winner, elapsed);
  }

  /**
   * Releases a result the caller will not get, because the connect was cancelled as it won.
   *
   * @param result the result nobody takes
   */
  void discard(R result);

  /**
   * Releases a connection that could not be delivered.
   *
   * @param connection the connection to release
   */
  void discardConnection(C connection);

  /**
   * A delivery whose result is the connect's trace alone, for connections that hold nothing to release:
   * the simulated ones of the lab and of tests.
   *
   * @param <C> what the transport yields
   * @return the delivery
   */
  static <C> Delivery<C, List<Attempt>> attemptsOnly() {
    return new Delivery<>() {
      @Override
      public List<Attempt> deliver(C connection, List<Attempt> attempts, Attempt winner, Duration elapsed) {
        return attempts;
      }

      @Override
      public void discard(List<Attempt> result) {}

      @Override
      public void discardConnection(C connection) {}
    };
  }
}
