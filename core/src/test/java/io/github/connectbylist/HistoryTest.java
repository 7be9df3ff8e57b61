package io.github.connectbylist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.Deadline;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.api.Decision;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.LocalAddress;
import io.github.connectbylist.api.PathHistory;
import io.github.connectbylist.api.PathRecord;
import io.github.connectbylist.engine.Delivery;
import io.github.connectbylist.engine.Engine;
import io.github.connectbylist.engine.Host;
import io.github.connectbylist.simulation.SimulatedTransport;
import io.github.connectbylist.simulation.SimulatedTransport.Fate;
import io.github.connectbylist.simulation.VirtualDriver;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Every attempt of every connect feeds the history, and the next connect's strategies read it. */
class HistoryTest {
  private static final long MS = 1_000_000;
  private static final InetSocketAddress V6 = address("2001:db8::1");
  private static final InetSocketAddress V4 = address("192.0.2.1");

  /**
   * Staggers attempts by 250 ms and keeps the history view of each connect (a scheduler sees every connect; a
   * ranker only those with more than one pair).
   */
  private static final class Watching implements AttemptScheduler {
    final List<Seen> seen = new ArrayList<>();
    private final AttemptScheduler stagger = stagger(250);

    @Override
    public Schedule newSchedule(List<AddressPair> pairs, Deadline deadline, PathHistory history) {
      seen.add(new Seen(history.connects(), history.pair(AddressPair.toDestination(V6)),
          history.pair(AddressPair.toDestination(V4))));
      return stagger.newSchedule(pairs, deadline, history);
    }
  }

  /** One attempt now, the next {@code staggerMs} later or at once after a failure; the RFC 8305 shape. */
  private static AttemptScheduler stagger(long staggerMs) {
    return (pairs, deadline, history) -> new AttemptScheduler.Schedule() {
      int started;
      long last;
      boolean failed;

      @Override
      public Decision next(long now) {
        if (started == pairs.size()) {
          return Decision.awaitAttemptEnd();
        }
        if (started == 0 || failed || now >= last + staggerMs * MS) {
          failed = false;
          started++;
          last = now;
          return Decision.startNext();
        }
        return Decision.wakeAt(last + staggerMs * MS);
      }

      @Override
      public void attemptFailed(int index, FailureKind kind, long now) {
        failed = true;
      }
    };
  }

  /** What a connect's scheduler saw of the two destinations, when it was planned. */
  private record Seen(long connects, Optional<PathRecord> v6, Optional<PathRecord> v4) {}

  /** A host whose addresses the test can change, as a laptop changes networks. */
  private static final class MovingHost implements Host {
    List<LocalAddress> addresses = List.of(local("192.0.2.7", "eth0"), local("2001:db8::7", "eth0"));

    @Override
    public List<LocalAddress> localAddresses() {
      return addresses;
    }

    @Override
    public Optional<InetAddress> osPreferredSource(InetAddress destination) {
      return Optional.empty();
    }
  }

  private static List<Attempt> connect(ConnectByList cbl, Function<AddressPair, Fate> network, InetSocketAddress... to) {
    VirtualDriver driver = new VirtualDriver();
    CompletableFuture<List<Attempt>> done = cbl.connectAsync(ConnectRequest.to(List.of(to)), cbl.engine(driver, new SimulatedTransport(driver, network), Delivery.<AddressPair>attemptsOnly()));
    driver.runUntil(done::isDone);
    return done.exceptionally(e -> List.of()).join();
  }

  private static ConnectByList.Builder builder(Watching scheduler, History history, MovingHost host) {
    AddressPairRanker inputOrder = (pairs, context) -> pairs;
    return ConnectByList.builder().ranker(inputOrder).scheduler(scheduler).history(history).host(host)
        .osPicksSource(true);
  }

  @Test
  void aBlackHoleLosesTheRaceAndTheWinnersConnectTimeIsItsRoundTrip() {
    Watching ranker = new Watching();
    MovingHost host = new MovingHost();
    try (ConnectByList cbl = builder(ranker, History.create(), host).build()) {
      connect(cbl, p -> p.isIpv6() ? Fate.hangs() : Fate.connectsAfter(20 * MS), V6, V4);
      connect(cbl, p -> Fate.connectsAfter(MS), V4);
    }
    Seen second = ranker.seen.get(1);
    PathRecord hole = second.v6().orElseThrow();
    assertEquals(PathRecord.Outcome.LOST, hole.lastOutcome());
    assertEquals(270 * MS, hole.slowerThanNanos(), "in flight from 0 to 270 ms, when IPv4 connected");
    PathRecord good = second.v4().orElseThrow();
    assertEquals(20 * MS, good.smoothedRttNanos(), "started at 250 ms, connected at 270 ms");
    assertEquals(1, second.connects(), "the second connect on this network");
    assertEquals(0, ranker.seen.get(0).connects());
  }

  @Test
  void anAttemptStartedAfterTheWinnerIsNoEvidenceAgainstItsPath() {
    Watching ranker = new Watching();
    try (ConnectByList cbl = builder(ranker, History.create(), new MovingHost()).build()) {
      connect(cbl, p -> p.isIpv6() ? Fate.connectsAfter(300 * MS) : Fate.hangs(), V6, V4); // V4 starts at 250
      connect(cbl, p -> Fate.connectsAfter(MS), V4);
    }
    assertTrue(ranker.seen.get(1).v4().isEmpty(),
        "IPv4 ran 50 ms against IPv6's 300: it says nothing of IPv4");
  }

  @Test
  void theDeadlineCountsAsATimeOutAndACancelledConnectTeachesNothing() {
    Watching ranker = new Watching();
    History history = History.create();
    try (ConnectByList cbl = builder(ranker, history, new MovingHost()).timeout(Duration.ofMillis(100)).build()) {
      connect(cbl, p -> Fate.hangs(), V4);
      connect(cbl, p -> Fate.connectsAfter(MS), V6);
    }
    PathRecord timedOut = ranker.seen.get(1).v4().orElseThrow();
    assertEquals(Map.of(FailureKind.TIMED_OUT, 1), timedOut.failuresByKind());
    assertEquals(100 * MS, timedOut.slowerThanNanos());

    Watching other = new Watching();
    History fresh = History.create();
    try (ConnectByList cbl = builder(other, fresh, new MovingHost()).build()) {
      VirtualDriver driver = new VirtualDriver();
      CompletableFuture<List<Attempt>> f = cbl.connectAsync(ConnectRequest.to(List.of(V4)), cbl.engine(driver, new SimulatedTransport(driver, p -> Fate.hangs()), Delivery.<AddressPair>attemptsOnly()));
      driver.runUntil(() -> !other.seen.isEmpty());
      f.cancel(false);
      driver.runUntil(f::isDone);
    }
    assertEquals(0, fresh.size(), "cancelled by the caller: no evidence either way");
  }

  @Test
  void onAnotherNetworkNothingIsKnownAndBackHomeItAllIs() {
    Watching ranker = new Watching();
    MovingHost host = new MovingHost();
    try (ConnectByList cbl = builder(ranker, History.create(), host).build()) {
      connect(cbl, p -> Fate.connectsAfter(5 * MS), V4);
      List<LocalAddress> home = host.addresses;
      host.addresses = List.of(local("203.0.113.9", "wlan0"));
      connect(cbl, p -> Fate.connectsAfter(5 * MS), V4);
      host.addresses = home;
      connect(cbl, p -> Fate.connectsAfter(5 * MS), V4);
    }
    assertTrue(ranker.seen.get(1).v4().isEmpty(), "the cafe's Wi-Fi");
    assertEquals(0, ranker.seen.get(1).connects());
    assertEquals(1, ranker.seen.get(2).v4().orElseThrow().connected(), "home again");
  }

  @Test
  void aHistoryCanBeSharedOrSwitchedOff() {
    History shared = History.create();
    Watching a = new Watching();
    Watching b = new Watching();
    try (ConnectByList first = builder(a, shared, new MovingHost()).build();
        ConnectByList second = builder(b, shared, new MovingHost()).build()) {
      assertSame(shared, first.history());
      connect(first, p -> Fate.connectsAfter(5 * MS), V4);
      connect(second, p -> Fate.connectsAfter(5 * MS), V4);
    }
    assertTrue(b.seen.get(0).v4().isPresent(), "the second instance sees the first's");
    Watching none = new Watching();
    try (ConnectByList off = builder(none, History.none(), new MovingHost()).build()) {
      connect(off, p -> Fate.connectsAfter(5 * MS), V4);
      connect(off, p -> Fate.connectsAfter(5 * MS), V4);
    }
    assertFalse(none.seen.get(1).v4().isPresent());
    assertEquals(0, History.none().size());
    try (ConnectByList own = ConnectByList.builder().strategy("test-sequential").build()) {
      assertTrue(own.history() != History.none(), "each instance has its own by default");
    }
    assertThrows(IllegalArgumentException.class, () -> History.builder().maxEntries(0));
    assertThrows(IllegalArgumentException.class, () -> History.builder().expiry(Duration.ZERO));
  }

  private static InetSocketAddress address(String literal) {
    try {
      return new InetSocketAddress(InetAddress.getByName(literal), 443);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private static LocalAddress local(String literal, String name) {
    try {
      InetAddress a = InetAddress.getByName(literal);
      return LocalAddress.of(a, a.getAddress().length == 4 ? 24 : 64, name);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
