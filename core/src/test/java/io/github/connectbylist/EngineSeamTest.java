package io.github.connectbylist;

import io.github.connectbylist.api.FailureKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.LocalAddress;
import io.github.connectbylist.engine.Delivery;
import io.github.connectbylist.engine.Engine;
import io.github.connectbylist.engine.Host;
import io.github.connectbylist.simulation.SimulatedTransport;
import io.github.connectbylist.simulation.SimulatedTransport.Fate;
import io.github.connectbylist.simulation.VirtualDriver;
import io.github.connectbylist.testbed.Testbed;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A {@link ConnectByList} run on other engines, and where the work of a connect happens. */
class EngineSeamTest {

  @Test
  void aLinkLocalDestinationWithoutAZoneReachesTheTransportScopedToEachSourcesInterface() throws Exception {
    byte[] fe80 = InetAddress.getByName("fe80::9").getAddress();
    LocalAddress eth2 = LocalAddress.of(Inet6Address.getByAddress(null, InetAddress.getByName("fe80::2").getAddress(), 2), 64, "eth2");
    LocalAddress eth3 = LocalAddress.of(Inet6Address.getByAddress(null, InetAddress.getByName("fe80::3").getAddress(), 3), 64, "eth3");
    List<InetSocketAddress> tried = new ArrayList<>();
    VirtualDriver driver = new VirtualDriver();
    SimulatedTransport network = new SimulatedTransport(driver, pair -> {
      tried.add(pair.destination());
      return tried.size() == 1 ? Fate.failsAfter(1_000_000, FailureKind.REFUSED)
          : Fate.connectsAfter(1_000_000);
    });
    try (ConnectByList cbl = ConnectByList.builder().strategy("test-sequential")
        .host(Host.of(List.of(eth2, eth3), Map.of())).build()) {
      CompletableFuture<List<Attempt>> done = cbl.connectAsync(ConnectRequest.to(List.of(new InetSocketAddress(InetAddress.getByAddress(fe80), 8080))), cbl.engine(driver, network, Delivery.<AddressPair>attemptsOnly()));
      driver.runUntil(done::isDone);
      assertEquals(2, done.join().size());
    }
    assertEquals(List.of(2, 3), tried.stream().map(a -> ((Inet6Address) a.getAddress()).getScopeId()).toList(),
        "one attempt per interface, each in its own zone: " + tried);
    assertTrue(tried.stream().allMatch(a -> a.getPort() == 8080 && java.util.Arrays.equals(a.getAddress().getAddress(), fe80)));
  }

  @Test
  void anAsyncConnectIsPlannedOnTheEventLoopAndABlockingOneOnTheCaller() throws Exception {
    List<String> plannedOn = new CopyOnWriteArrayList<>();
    Host watched = new Host() {
      @Override
      public List<LocalAddress> localAddresses() {
        plannedOn.add(Thread.currentThread().getName());
        return List.of(LocalAddress.of(InetAddress.getLoopbackAddress(), 8, "lo"));
      }

      @Override
      public Optional<InetAddress> osPreferredSource(InetAddress destination) {
        plannedOn.add(Thread.currentThread().getName());
        return Optional.empty();
      }
    };
    try (Testbed testbed = new Testbed();
        ConnectByList cbl = ConnectByList.builder().strategy("test-sequential").host(watched).build()) {
      InetSocketAddress good = testbed.accepting("127.0.0.1").address();
      cbl.connectAsync(List.of(good)).get().close();
      assertTrue(plannedOn.stream().allMatch(t -> t.startsWith("connectbylist-loop-")),
          "the host (interfaces, /proc, UDP look-ups) is read on the event loop: " + plannedOn);
      plannedOn.clear();
      cbl.connect(List.of(good)).close();
      assertEquals(List.of(Thread.currentThread().getName()), plannedOn);
    }
  }
}
