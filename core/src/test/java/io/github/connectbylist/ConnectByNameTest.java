package io.github.connectbylist;

import static io.github.connectbylist.simulation.SimulatedResolver.Reply.answer;
import static io.github.connectbylist.simulation.SimulatedResolver.Reply.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.Answer;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.ConnectListener;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.NameResolver;
import io.github.connectbylist.api.Query;
import io.github.connectbylist.engine.Delivery;
import io.github.connectbylist.engine.Engine;
import io.github.connectbylist.engine.Host;
import io.github.connectbylist.simulation.SimulatedResolver;
import io.github.connectbylist.simulation.SimulatedTransport;
import io.github.connectbylist.simulation.SimulatedTransport.Fate;
import io.github.connectbylist.simulation.VirtualDriver;
import io.github.connectbylist.testbed.Testbed;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Connects by name through the orchestrator under a virtual clock, with scripted answers: what the
 * orchestrator owes every scheduler (here core's test-only {@code test-sequential}, which waits for
 * resolution to end, as WSAConnectByName does). The racing of answers is the Happy Eyeballs module's, tested
 * there.
 */
class ConnectByNameTest {
  private static final long MS = 1_000_000;

  private final VirtualDriver driver = new VirtualDriver();
  private final List<InetAddress> tried = new ArrayList<>();
  private final SimulatedTransport network = new SimulatedTransport(driver, pair -> {
    tried.add(pair.destinationAddress());
    return Fate.connectsAfter(10 * MS);
  });

  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private ConnectByList.Builder builder(NameResolver resolver) {
    return ConnectByList.builder().strategy("test-sequential").host(Host.of(List.of(), Map.of())).osPicksSource(true)
        .resolver(resolver);
  }

  /** A connect by name on the virtual engine, with the instance's resolver and host. */
  private CompletableFuture<List<Attempt>> connect(ConnectByList cbl, String host) {
    return cbl.connectAsync(ConnectRequest.to(host, 443), cbl.engine(driver, network, Delivery.<AddressPair>attemptsOnly()));
  }

  private static ConnectFailedException failed(CompletableFuture<?> done) {
    CompletionException e = assertThrows(CompletionException.class, done::join);
    return assertInstanceOf(ConnectFailedException.class, e.getCause());
  }

  @Test
  void aSchedulerThatDoesNotRaceIsMadeWhenTheLastAnswerComesWithEveryAddress() {
    SimulatedResolver dns = new SimulatedResolver(driver, Map.of("two.test", List.of(
        answer(Query.AAAA, 300 * MS, ip("2001:db8::1")), answer(Query.A, 5 * MS, ip("192.0.2.1")))));
    List<Answer> heard = new ArrayList<>();
    try (ConnectByList cbl = builder(dns).listener(new ConnectListener() {
      @Override
      public void answered(Answer answer, List<AddressPair> rankedPairs) {
        heard.add(answer);
      }
    }).build()) {
      CompletableFuture<List<Attempt>> done = connect(cbl, "two.test");
      driver.runUntil(done::isDone);
      List<Attempt> attempts = done.join();
      assertEquals(Duration.ofMillis(300), attempts.get(0).startedAt(), "after the last answer");
      assertEquals(List.of(ip("192.0.2.1")), tried, "in the order of the list, A's address first");
    }
    assertEquals(List.of(Query.A, Query.AAAA), heard.stream().map(Answer::query).toList());
    assertEquals(Duration.ofMillis(5), heard.get(0).at());
  }

  @Test
  void theDeadlineCoversResolutionAndEndsTheLookup() {
    AtomicInteger cancelled = new AtomicInteger();
    NameResolver never = (host, answers) -> cancelled::incrementAndGet;
    try (ConnectByList cbl = builder(never).timeout(Duration.ofMillis(100)).build()) {
      CompletableFuture<List<Attempt>> done = connect(cbl, "slow.test");
      driver.runUntil(done::isDone);
      ConnectFailedException e = failed(done);
      assertEquals(FailureKind.TIMED_OUT, e.kind());
      assertEquals(100 * MS, driver.nanoTime());
      assertEquals(List.of(), e.attempts());
    }
    assertEquals(1, cancelled.get(), "the pending lookup was cancelled");
  }

  @Test
  void cancellingTheFutureEndsTheLookup() {
    AtomicInteger cancelled = new AtomicInteger();
    NameResolver never = (host, answers) -> cancelled::incrementAndGet;
    try (ConnectByList cbl = builder(never).build()) {
      CompletableFuture<List<Attempt>> done = connect(cbl, "slow.test");
      driver.runUntil(() -> driver.nanoTime() > 0 || cancelled.get() > 0); // let it start
      done.cancel(false);
      driver.runUntil(() -> cancelled.get() > 0);
    }
    assertEquals(1, cancelled.get());
  }

  @Test
  void theResolversFailureKindsBecomeTheConnects() {
    SimulatedResolver dns = new SimulatedResolver(driver, Map.of(
        "gone.test", List.of(failure(Query.AAAA, MS, FailureKind.NO_SUCH_NAME), failure(Query.A, MS, FailureKind.NO_SUCH_NAME)),
        "down.test", List.of(failure(Query.AAAA, MS, FailureKind.RESOLUTION_FAILED), answer(Query.A, MS)),
        "mixed.test", List.of(failure(Query.AAAA, MS, FailureKind.RESOLUTION_FAILED),
            failure(Query.A, MS, FailureKind.NO_SUCH_NAME)),
        "empty.test", List.of(answer(Query.AAAA, MS), answer(Query.A, MS))));
    try (ConnectByList cbl = builder(dns).build()) {
      for (Object[] c : new Object[][] {{"gone.test", FailureKind.NO_SUCH_NAME}, {"down.test", FailureKind.RESOLUTION_FAILED},
          {"mixed.test", FailureKind.NO_SUCH_NAME}, {"empty.test", FailureKind.NO_SUCH_NAME},
          {"unknown.test", FailureKind.NO_SUCH_NAME}}) {
        CompletableFuture<List<Attempt>> done = connect(cbl, (String) c[0]);
        driver.runUntil(done::isDone);
        ConnectFailedException e = failed(done);
        assertEquals(c[1], e.kind(), c[0] + ": " + e.getMessage());
        assertTrue(e.getMessage().contains((String) c[0]), e.getMessage());
        assertEquals(2, e.answers().size());
      }
    }
    assertEquals(List.of(), tried, "no attempt anywhere");
  }

  @Test
  void answersThatCannotBeDestinationsAreDeniedAndTheRestConnect() {
    SimulatedResolver dns = new SimulatedResolver(driver, Map.of("odd.test", List.of(
        answer(Query.AAAA, MS, ip("::"), ip("ff02::1")), answer(Query.A, 2 * MS, ip("192.0.2.9"), ip("192.0.2.9")))));
    try (ConnectByList cbl = builder(dns).build()) {
      CompletableFuture<List<Attempt>> done = connect(cbl, "odd.test");
      driver.runUntil(done::isDone);
      List<Attempt> trace = done.join();
      assertEquals(3, trace.size(), "two denied, one tried once though answered twice: " + trace);
      assertEquals(FailureKind.DENIED, trace.get(0).failure());
      assertTrue(trace.get(0).error().getMessage().contains("unspecified"), trace.get(0).error().getMessage());
      assertTrue(trace.get(1).error().getMessage().contains("multicast"));
      assertTrue(trace.get(2).connected());
    }
  }

  @Test
  void aResolverThatThrowsFailsTheConnectAsAResolutionFailure() {
    NameResolver broken = (host, answers) -> {
      throw new IllegalStateException("broken");
    };
    try (ConnectByList cbl = builder(broken).build()) {
      CompletableFuture<List<Attempt>> done = connect(cbl, "x.test");
      driver.runUntil(done::isDone);
      assertEquals(FailureKind.RESOLUTION_FAILED, failed(done).kind());
    }
  }

  @Test
  void badNamesAndPortsAreRejectedBeforeAnything() {
    try (ConnectByList cbl = builder((h, a) -> NameResolver.Lookup.DONE).build()) {
      assertThrows(NullPointerException.class, () -> cbl.connect((String) null, 80));
      assertTrue(assertThrows(IllegalArgumentException.class, () -> cbl.connect(" ", 80)).getMessage().contains("empty"));
      assertTrue(assertThrows(IllegalArgumentException.class, () -> cbl.connect("a.test", 0)).getMessage().contains("1 to 65535"));
      assertTrue(assertThrows(IllegalArgumentException.class, () -> cbl.connect("a.test", 65536)).getMessage().contains("a.test"));
    }
  }

  @Test
  void theSystemPropertyNamesTheDefaultResolver() {
    String before = System.getProperty(Strategies.RESOLVER_PROPERTY);
    try {
      System.setProperty(Strategies.RESOLVER_PROPERTY, "system");
      try (NameResolver r = Strategies.discovered().defaultResolver()) {
        assertEquals("system", r.toString());
      }
      System.setProperty(Strategies.RESOLVER_PROPERTY, "nope");
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Strategies.discovered().defaultResolver());
      assertTrue(e.getMessage().contains("connectbylist.resolver=nope") && e.getMessage().contains("system"),
          e.getMessage());
    } finally {
      if (before == null) {
        System.clearProperty(Strategies.RESOLVER_PROPERTY);
      } else {
        System.setProperty(Strategies.RESOLVER_PROPERTY, before);
      }
    }
  }

  @Test
  void theSystemResolverIsAlwaysThereAndResolvesLocalhost() throws Exception {
    assertEquals("system", Strategies.discovered().resolvers().get(Strategies.discovered().resolvers().size() - 1).name());
    InetAddress[] local;
    try {
      local = InetAddress.getAllByName("localhost");
    } catch (java.net.UnknownHostException e) {
      org.junit.jupiter.api.Assumptions.assumeTrue(false, "localhost does not resolve on this host");
      return;
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(java.util.Arrays.stream(local).allMatch(InetAddress::isLoopbackAddress),
        "localhost is not loopback here");
    try (Testbed testbed = new Testbed()) {
      int port = testbed.accepting("127.0.0.1").address().getPort();
      if (Testbed.ipv6LoopbackAvailable()) {
        try {
          testbed.accepting("::1", port);
        } catch (java.net.BindException taken) {
          // IPv6 refuses then; the connect goes on to IPv4
        }
      }
      try (ConnectByList cbl = ConnectByList.builder().strategy("test-sequential").resolver("system").build();
          Connection c = cbl.connect("localhost", port)) {
        assertTrue(c.remoteAddress().getAddress().isLoopbackAddress());
        assertEquals(List.of(Query.BOTH), c.answers().stream().map(Answer::query).toList());
        assertFalse(c.answers().get(0).addresses().isEmpty());
      }
    }
  }
}
