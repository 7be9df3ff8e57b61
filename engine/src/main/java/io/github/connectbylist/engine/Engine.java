package io.github.connectbylist.engine;

import io.github.connectbylist.api.NameResolver;
import java.util.Objects;

/**
 * Where a connect runs, whole: a driver (clock, timers, thread), a transport (the attempts), a delivery (what
 * the caller gets), the resolver of a connect by name, and the host whose addresses are the sources. A
 * {@code ConnectByList} runs its strategies, deadline, listener and policy on any engine: its own (the event
 * loop, sockets, its resolver, the system's addresses), the lab's simulated network (its clock, its answers,
 * its host), or an adapter's event loop and channels with the instance's resolver and host.
 *
 * @param driver the clock, timers and thread
 * @param transport opens and watches attempts
 * @param delivery makes the caller's result from the winner
 * @param resolver resolves the name of a connect by name
 * @param host the local addresses and the operating system's choice of source
 * @param <C> what a connected attempt yields
 * @param <R> what the caller gets
 */
public record Engine<C, R>(
    Driver driver, Transport<C> transport, Delivery<C, R> delivery, NameResolver resolver, Host host) {

  /**
   * Checks that no part is null.
   *
   * @param driver the clock, timers and thread
   * @param transport opens and watches attempts
   * @param delivery makes the caller's result
   * @param resolver resolves names
   * @param host the sources
   */
  public Engine {
    Objects.requireNonNull(driver, "driver");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(delivery, "delivery");
    Objects.requireNonNull(resolver, "resolver");
    Objects.requireNonNull(host, "host");
  }

  /**
   * This engine with another host, such as one whose sources a single call asked for.
   *
   * @param other the host
   * @return the engine with {@code other} as its host
   */
  public Engine<C, R> withHost(Host other) {
    return other == host ? this : new Engine<>(driver, transport, delivery, resolver, other);
  }
}
