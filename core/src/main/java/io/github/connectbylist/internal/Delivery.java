package io.github.connectbylist.internal;

import io.github.connectbylist.api.Attempt;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Turns the winning attempt's connection into what the caller gets ({@code Connection} for sockets, a
 * trace in the lab), and releases it when nobody will take it.
 *
 * @param <C> what the transport yields
 * @param <R> what the caller gets
 */
public interface Delivery<C, R> {

  R deliver(C connection, List<Attempt> attempts, Attempt winner, Duration elapsed) throws IOException;

  /** Releases a result the caller will not get, because the connect was cancelled as it won. */
  void discard(R result);

  /** Releases a connection that could not be delivered. */
  void discardConnection(C connection);
}
