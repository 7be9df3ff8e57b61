package io.github.connectbylist.engine;

import java.util.Objects;

/**
 * Where a connect runs: a driver (clock, timers, thread), a transport (the attempts) and a delivery (what
 * the caller gets). {@code ConnectByList.connectAsync(addresses, engine)} runs its strategies, deadline,
 * listener and sources on any engine: core's own sockets, the lab's simulated network, or an adapter's
 * event loop.
 *
 * @param driver the clock, timers and thread
 * @param transport opens and watches attempts
 * @param delivery makes the caller's result from the winner
 * @param <C> what a connected attempt yields
 * @param <R> what the caller gets
 */
public record Engine<C, R>(Driver driver, Transport<C> transport, Delivery<C, R> delivery) {

  /**
   * Checks that no part is null.
   *
   * @param driver the clock, timers and thread
   * @param transport opens and watches attempts
   * @param delivery makes the caller's result
   */
  public Engine {
    Objects.requireNonNull(driver, "driver");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(delivery, "delivery");
  }
}
