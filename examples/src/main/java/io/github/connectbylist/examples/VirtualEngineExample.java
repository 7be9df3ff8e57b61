package io.github.connectbylist.examples;

// snippet:start engine
import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.ConnectRequest;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.engine.Delivery;
import io.github.connectbylist.engine.Host;
import io.github.connectbylist.simulation.SimulatedTransport;
import io.github.connectbylist.simulation.SimulatedTransport.Fate;
import io.github.connectbylist.simulation.VirtualDriver;
// snippet:end engine
import io.github.connectbylist.api.LocalAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A connect run on another engine: a virtual clock and a simulated network, no socket and no waiting. */
final class VirtualEngineExample {
  private VirtualEngineExample() {}

  /**
   * Connects from {@code sources} to {@code addresses} on a network where IPv6 is black-holed and IPv4 answers
   * in 20 ms, on virtual time.
   *
   * @return every attempt, with its virtual times
   */
  static List<Attempt> connect(List<LocalAddress> sources, List<InetSocketAddress> addresses) {
    // snippet:start engine
    VirtualDriver clock = new VirtualDriver();                                   // time moves only when events run
    SimulatedTransport network = new SimulatedTransport(clock, pair -> pair.isIpv6()
        ? Fate.hangs() : Fate.connectsAfter(20_000_000));                        // IPv6 black-holed, IPv4 in 20 ms
    try (ConnectByList cbl = ConnectByList.builder().host(Host.of(sources, Map.of())).build()) {
      CompletableFuture<List<Attempt>> trace = cbl.connectAsync(ConnectRequest.to(addresses),
          cbl.engine(clock, network, Delivery.attemptsOnly()));
      clock.runUntil(trace::isDone);                                             // a 270 ms connect, in microseconds
      return trace.join();
    }
    // snippet:end engine
  }
}
