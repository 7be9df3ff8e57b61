package io.github.connectbylist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.testbed.LeakCheck;
import io.github.connectbylist.support.Recorder;
import io.github.connectbylist.testbed.Endpoint;
import io.github.connectbylist.testbed.Testbed;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The orchestrator on real loopback sockets, through the testbed, with the sequential strategy. */
class ConnectOnLoopbackTest {
  /** Generous enough for a loaded two-core machine; the point is "no waiting", not a speed. */
  private static final Duration NO_WAIT = Duration.ofMillis(500);

  private Testbed testbed;
  private LeakCheck leaks;
  private final Recorder recorder = new Recorder();

  @BeforeEach
  void start() {
    leaks = LeakCheck.start();
    testbed = new Testbed();
  }

  @AfterEach
  void stop() throws InterruptedException {
    testbed.close();
    leaks.assertNoneOpen();
  }

  private ConnectByList.Builder sequential(String scheduler) {
    return ConnectByList.builder().ranker("test-sequential").scheduler(scheduler).listener(recorder);
  }

  @Test
  void goodFirstConnectsWithOneAttempt() throws Exception {
    Endpoint good = testbed.accepting("127.0.0.1");
    try (ConnectByList cbl = sequential("test-sequential").build();
        Connection c = cbl.connect(List.of(good.address()))) {
      assertEquals(good.address(), c.remoteAddress());
      assertEquals(InetAddress.getByName("127.0.0.1"), c.localAddress().getAddress());
      assertTrue(c.channel().isConnected());
      assertTrue(c.channel().isBlocking(), "handed over in blocking mode");
      assertEquals(1, c.attempts().size());
      assertTrue(c.winner().connected());
    }
  }

  @Test
  void refusedThenGoodStartsTheNextAttemptWithoutWaiting() throws Exception {
    Endpoint refused = testbed.refusing("127.0.0.2");
    Endpoint good = testbed.accepting("127.0.0.1");
    try (ConnectByList cbl = sequential("test-sequential").build();
        Connection c = cbl.connect(List.of(refused.address(), good.address()))) {
      assertEquals(good.address(), c.remoteAddress());
      List<Attempt> attempts = c.attempts();
      assertEquals(2, attempts.size());
      assertEquals(FailureKind.REFUSED, attempts.get(0).failure());
      Duration gap = attempts.get(1).startedAt().minus(attempts.get(0).endedAt());
      assertTrue(gap.compareTo(NO_WAIT) < 0, "next attempt started " + gap + " after the refusal");
      assertTrue(c.elapsed().compareTo(NO_WAIT) < 0, "took " + c.elapsed());
    }
  }

  @Test
  void blackHoledThenGoodMovesOnAfterTheAttemptTimeout() throws Exception {
    Endpoint hole = testbed.blackHoled("127.0.0.3");
    Endpoint good = testbed.accepting("127.0.0.1");
    try (ConnectByList cbl = sequential("test-sequential(attempt-timeout=200ms)").build();
        Connection c = cbl.connect(List.of(hole.address(), good.address()))) {
      assertEquals(good.address(), c.remoteAddress());
      Attempt first = c.attempts().get(0);
      assertEquals(FailureKind.TIMED_OUT, first.failure());
      assertInstanceOf(SocketTimeoutException.class, first.error());
      assertTrue(first.duration().compareTo(Duration.ofMillis(200)) >= 0, "ended early: " + first);
      assertTrue(c.elapsed().compareTo(Duration.ofMillis(200).plus(NO_WAIT)) < 0, "took " + c.elapsed());
      assertTrue(c.channel().isBlocking(), "the winner came through the event loop and is blocking again");
    }
  }

  @Test
  void allFailingThrowsWithEveryAttemptAndTheKind() throws Exception {
    Endpoint a = testbed.refusing("127.0.0.1");
    Endpoint b = testbed.refusing("127.0.0.2");
    try (ConnectByList cbl = sequential("test-sequential").build()) {
      ConnectFailedException e = assertThrows(ConnectFailedException.class,
          () -> cbl.connect(List.of(a.address(), b.address())));
      assertEquals(FailureKind.REFUSED, e.kind());
      assertEquals(2, e.attempts().size());
      assertEquals(a.address(), e.attempts().get(0).pair().destination());
      assertEquals(b.address(), e.attempts().get(1).pair().destination());
      assertTrue(e.attempts().stream().allMatch(t -> t.failure() == FailureKind.REFUSED));
      assertEquals(e.attempts().get(1).error(), e.getCause(), "the last attempt's error is the cause");
      assertEquals(1, e.getSuppressed().length, "the other attempt's error is suppressed");
    }
  }

  @Test
  void deadlinePassingWhileAnAttemptHangsFailsOnTimeAndClosesIt() throws Exception {
    Endpoint hole = testbed.blackHoled("127.0.0.1");
    try (ConnectByList cbl = sequential("test-sequential").timeout(Duration.ofMillis(300)).build()) {
      long start = System.nanoTime();
      ConnectFailedException e = assertThrows(ConnectFailedException.class, () -> cbl.connect(List.of(hole.address())));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertEquals(FailureKind.TIMED_OUT, e.kind());
      assertTrue(took.compareTo(Duration.ofMillis(300)) >= 0, "failed before the deadline: " + took);
      assertTrue(took.compareTo(Duration.ofMillis(300).plus(NO_WAIT)) < 0, "deadline overrun: " + took);
      assertEquals(FailureKind.TIMED_OUT, e.attempts().get(0).failure());
    }
  }

  @Test
  void cancellingTheFutureEndsTheConnectAndClosesItsSockets() throws Exception {
    Endpoint hole = testbed.blackHoled("127.0.0.1");
    try (ConnectByList cbl = sequential("test-all-at-once").build()) {
      CompletableFuture<Connection> f = cbl.connectAsync(List.of(hole.address(), testbed.blackHoled("127.0.0.2").address()));
      awaitStarted(2);
      assertTrue(f.cancel(true));
      assertThrows(CancellationException.class, f::join);
      awaitEnded(2);
      assertTrue(recorder.ended.stream().allMatch(a -> a.failure() == FailureKind.CANCELLED), recorder.ended.toString());
    }
  }

  @Test
  void interruptingABlockingConnectEndsItAndClosesItsSockets() throws Exception {
    Endpoint hole = testbed.blackHoled("127.0.0.1");
    try (ConnectByList cbl = sequential("test-sequential").build()) {
      Thread caller = Thread.currentThread();
      Thread interrupter = new Thread(() -> {
        try {
          awaitStarted(1);
          Thread.sleep(50);
        } catch (InterruptedException ignored) {
          return;
        }
        caller.interrupt();
      });
      interrupter.start();
      ConnectFailedException e = assertThrows(ConnectFailedException.class, () -> cbl.connect(List.of(hole.address())));
      assertTrue(Thread.interrupted(), "the interrupt flag stays set (and is cleared here)");
      interrupter.join();
      assertEquals(FailureKind.CANCELLED, e.kind());
      assertEquals(FailureKind.CANCELLED, e.attempts().get(0).failure());
    }
  }

  @Test
  void mixesIpv6AndIpv4() throws Exception {
    assumeTrue(Testbed.ipv6LoopbackAvailable(), "::1 cannot be bound here; skipping the IPv6 test");
    Endpoint refused6 = testbed.refusing("::1");
    Endpoint good4 = testbed.accepting("127.0.0.1");
    Endpoint good6 = testbed.accepting("::1");
    try (ConnectByList cbl = sequential("test-sequential").build()) {
      try (Connection c = cbl.connect(List.of(refused6.address(), good4.address()))) {
        assertEquals(good4.address(), c.remoteAddress());
        assertEquals(FailureKind.REFUSED, c.attempts().get(0).failure());
      }
      try (Connection c = cbl.connect(List.of(good6.address(), good4.address()))) {
        assertInstanceOf(Inet6Address.class, c.remoteAddress().getAddress());
        assertInstanceOf(Inet6Address.class, c.localAddress().getAddress());
      }
    }
  }

  @Test
  void ipv4MappedInputIsTreatedAsIpv4AndDuplicatesAreTriedOnce() throws Exception {
    Endpoint good = testbed.accepting("127.0.0.1");
    Endpoint refused = testbed.refusing("127.0.0.2");
    InetAddress mapped = Inet6Address.getByAddress(null,
        new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 2}, -1);
    assertInstanceOf(Inet6Address.class, mapped, "the input really is an IPv6 object");
    try (ConnectByList cbl = sequential("test-sequential").build();
        Connection c = cbl.connect(List.of(
            new InetSocketAddress(mapped, refused.address().getPort()), refused.address(), good.address()))) {
      assertEquals(2, c.attempts().size(), "the mapped and the plain 127.0.0.2 are one destination");
      assertEquals(refused.address(), c.attempts().get(0).pair().destination());
      assertEquals(good.address(), c.remoteAddress());
    }
  }

  @Test
  void theFirstToConnectWinsAndEveryOtherSocketIsClosed() throws Exception {
    Endpoint a = testbed.accepting("127.0.0.1");
    Endpoint b = testbed.accepting("127.0.0.2");
    Endpoint c = testbed.accepting("127.0.0.3");
    try (ConnectByList cbl = sequential("test-all-at-once").build()) {
      for (int i = 0; i < 50; i++) {
        try (Connection won = cbl.connect(List.of(a.address(), b.address(), c.address()))) {
          long winners = won.attempts().stream().filter(Attempt::connected).count();
          assertEquals(1, winners, won.attempts().toString());
          assertTrue(won.attempts().stream().filter(t -> !t.connected())
              .allMatch(t -> t.failure() == FailureKind.CANCELLED));
        }
      }
    }
  }

  @Test
  void asyncConnectCompletesOnTheEventLoop() throws Exception {
    Endpoint refused = testbed.refusing("127.0.0.2");
    Endpoint good = testbed.accepting("127.0.0.1");
    try (ConnectByList cbl = sequential("test-sequential").build()) {
      try (Connection c = cbl.connectAsync(List.of(refused.address(), good.address())).get()) {
        assertEquals(good.address(), c.remoteAddress());
      }
      assertEquals(2, recorder.threads.size());
      assertTrue(recorder.threads.stream().allMatch(t -> t.startsWith("connectbylist-loop-")), recorder.threads.toString());
    }
  }

  @Test
  void aFailedAsyncConnectCompletesExceptionally() throws Exception {
    Endpoint refused = testbed.refusing("127.0.0.2");
    try (ConnectByList cbl = sequential("test-sequential").build()) {
      ExecutionException e = assertThrows(ExecutionException.class, () -> cbl.connectAsync(List.of(refused.address())).get());
      ConnectFailedException failure = assertInstanceOf(ConnectFailedException.class, e.getCause());
      assertEquals(FailureKind.REFUSED, failure.kind());
    }
  }

  @Test
  void closingTheInstanceEndsConnectsInProgress() throws Exception {
    Endpoint hole = testbed.blackHoled("127.0.0.1");
    ConnectByList cbl = sequential("test-sequential").build();
    CompletableFuture<Connection> f = cbl.connectAsync(List.of(hole.address()));
    awaitStarted(1);
    cbl.close();
    ExecutionException e = assertThrows(ExecutionException.class, f::get);
    assertEquals(FailureKind.CANCELLED, ((ConnectFailedException) e.getCause()).kind());
    assertThrows(IllegalStateException.class, () -> cbl.connectAsync(List.of(hole.address())));
    assertThrows(IllegalStateException.class, () -> cbl.connect(List.of(hole.address())));
  }

  @Test
  void aListenerThatThrowsDoesNotBreakTheConnect() throws Exception {
    Endpoint good = testbed.accepting("127.0.0.1");
    io.github.connectbylist.api.ConnectListener throwing = new io.github.connectbylist.api.ConnectListener() {
      @Override
      public void attemptStarted(int index, io.github.connectbylist.api.AddressPair pair, Duration at) {
        throw new IllegalStateException("listener bug");
      }
    };
    try (ConnectByList cbl = sequential("test-sequential").listener(throwing).build();
        Connection c = cbl.connect(List.of(good.address()))) {
      assertTrue(c.channel().isConnected());
    }
  }

  @Test
  void socketOptionsAreAppliedAndTheChannelCanStayNonBlocking() throws Exception {
    Endpoint good = testbed.accepting("127.0.0.1");
    try (ConnectByList cbl = sequential("test-sequential")
            .socketOption(java.net.StandardSocketOptions.TCP_NODELAY, true)
            .socketOption(java.net.StandardSocketOptions.SO_KEEPALIVE, true)
            .blocking(false)
            .build();
        Connection c = cbl.connect(List.of(good.address()))) {
      assertTrue(c.channel().getOption(java.net.StandardSocketOptions.TCP_NODELAY));
      assertTrue(c.channel().getOption(java.net.StandardSocketOptions.SO_KEEPALIVE));
      assertFalse(c.channel().isBlocking());
    }
  }

  @ParameterizedTest(name = "blocking={0}")
  @ValueSource(booleans = {true, false})
  void aConnectThatCompletesLateThroughTheSelectorIsHandedOverUnregistered(boolean blocking) throws Exception {
    Endpoint late = testbed.blackHoled("127.0.0.3");
    try (ConnectByList cbl = sequential("test-sequential").blocking(blocking).timeout(Duration.ofSeconds(10)).build()) {
      CompletableFuture<Connection> f = cbl.connectAsync(List.of(late.address()));
      awaitStarted(1);
      Thread.sleep(100); // the listener hears of the attempt just before its SYN goes out: let it go and be dropped
      testbed.release(late); // the SYN sent again after about 1 s now gets through
      try (Connection c = f.get(8, java.util.concurrent.TimeUnit.SECONDS)) {
        assertTrue(c.channel().isConnected());
        assertEquals(blocking, c.channel().isBlocking());
        assertTrue(c.elapsed().compareTo(Duration.ofMillis(500)) > 0, "completed late: " + c.elapsed());
        assertUnregisteredSoon(c);
      }
    }
  }

  @Test
  void aNonBlockingWinnerFromTheEventLoopIsNoLongerRegisteredWithIt() throws Exception {
    Endpoint hole = testbed.blackHoled("127.0.0.3");
    Endpoint good = testbed.accepting("127.0.0.1");
    try (ConnectByList cbl = sequential("test-sequential(attempt-timeout=50ms)").blocking(false).build();
        Connection c = cbl.connect(List.of(hole.address(), good.address()))) {
      assertEquals(2, c.attempts().size(), "the winner was connected by the event loop");
      assertUnregisteredSoon(c);
    }
  }

  @Test
  void osPicksSourceMakesOnePairPerDestination() throws Exception {
    Endpoint good = testbed.accepting("127.0.0.1");
    try (ConnectByList cbl = sequential("test-sequential").osPicksSource(true).build();
        Connection c = cbl.connect(List.of(good.address()))) {
      assertNull(c.winner().pair().source());
    }
  }

  @Test
  void givenLocalAddressesAreBound() throws Exception {
    Endpoint good = testbed.accepting("127.0.0.1");
    InetAddress source = InetAddress.getByName("127.0.0.5");
    try (ConnectByList cbl = sequential("test-sequential")
            .localAddresses(List.of(io.github.connectbylist.api.LocalAddress.of(source, 8, "lo")))
            .build();
        Connection c = cbl.connect(List.of(good.address()))) {
      assertEquals(source, c.localAddress().getAddress());
    }
  }

  /** A cancelled key leaves the selector at its next select; a channel still registered after that would spin it. */
  private static void assertUnregisteredSoon(Connection c) throws InterruptedException {
    long until = System.nanoTime() + 2_000_000_000L;
    while (c.channel().isRegistered() && System.nanoTime() < until) {
      Thread.sleep(5);
    }
    assertFalse(c.channel().isRegistered(), "still registered: the loop would spin on it");
  }

  private void awaitStarted(int count) throws InterruptedException {
    long until = System.nanoTime() + 5_000_000_000L;
    while (recorder.started.size() < count && System.nanoTime() < until) {
      Thread.sleep(5);
    }
  }

  private void awaitEnded(int count) throws InterruptedException {
    long until = System.nanoTime() + 5_000_000_000L;
    while (recorder.ended.size() < count && System.nanoTime() < until) {
      Thread.sleep(5);
    }
    assertEquals(count, recorder.ended.size(), recorder.ended.toString());
  }
}
