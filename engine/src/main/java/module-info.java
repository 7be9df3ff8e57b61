/**
 * The engine seam of ConnectByList: a connect runs on a {@code Driver} (clock, timers, thread), a
 * {@code Transport} (its attempts, each failure with its kind), a {@code Delivery} (the caller's result),
 * a resolver and a {@code Host} (the sources). Core's event loop and sockets are one engine; the simulation's
 * virtual clock and network another; an adapter's event loop a third.
 */
module io.github.connectbylist.engine {
  requires transitive io.github.connectbylist.api;

  exports io.github.connectbylist.engine;
}
