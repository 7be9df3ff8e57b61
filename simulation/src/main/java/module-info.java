/**
 * The virtual engine of ConnectByList: {@code VirtualDriver} (a clock that moves from event to event),
 * {@code SimulatedTransport} (attempts whose fates are scripted) and {@code SimulatedResolver} (answers at
 * scripted times). A connect run on them is exact and takes microseconds.
 */
module io.github.connectbylist.simulation {
  requires transitive io.github.connectbylist.engine;

  exports io.github.connectbylist.simulation;
}
