package io.github.connectbylist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.api.Decision;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.engine.Delivery;
import io.github.connectbylist.engine.Engine;
import io.github.connectbylist.engine.Host;
import io.github.connectbylist.simulation.SimulatedTransport;
import io.github.connectbylist.simulation.SimulatedTransport.Fate;
import io.github.connectbylist.simulation.VirtualDriver;
import io.github.connectbylist.support.Schedules;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A schedule that answers without anything happening is bounded, at exact virtual times: the same rules
 * hold in the lab's simulator as on the event loop, where such a schedule would spin the clock in place.
 */
class NoProgressTest {
  private static final long MS = 1_000_000;

  private final VirtualDriver driver = new VirtualDriver();
  private final SimulatedTransport network = new SimulatedTransport(driver, pair -> Fate.hangs());

  private ConnectFailedException fails(AttemptScheduler scheduler) {
    try (ConnectByList cbl = ConnectByList.builder().ranker("test-sequential").scheduler(scheduler)
        .host(Host.of(List.of(), Map.of())).osPicksSource(true).build()) {
      CompletableFuture<List<Attempt>> done = cbl.connectAsync(ConnectRequest.to(List.of(new InetSocketAddress("192.0.2.1", 443))), cbl.engine(driver, network, Delivery.<AddressPair>attemptsOnly()));
      driver.runUntil(done::isDone);
      assertTrue(done.isDone(), "the simulation ran out of events with the connect still pending");
      CompletionException e = assertThrows(CompletionException.class, done::join);
      return assertInstanceOf(ConnectFailedException.class, e.getCause());
    }
  }

  @Test
  void aWakeUpInThePastCountsAsADecisionAndTheVirtualClockDoesNotSpinInPlace() {
    AtomicInteger calls = new AtomicInteger();
    ConnectFailedException e = fails(Schedules.scripted("past-waker", (call, now) -> {
      calls.incrementAndGet();
      return call == 0 ? Decision.startNext() : Decision.wakeAt(now - 1);
    }));
    assertEquals(FailureKind.OTHER, e.kind());
    assertEquals("the scheduler past-waker made no progress: 20 decisions in a row without waiting",
        e.getMessage().substring(0, e.getMessage().indexOf(':', e.getMessage().indexOf("waiting"))));
    assertEquals(20, calls.get(), "16 + 4 per pair, then no more");
    assertEquals(0, driver.nanoTime(), "at the time it started: the clock never moved");
  }

  @Test
  void aThousandWakeUpsInARowLessThanAMillisecondApartWithoutAnAttemptEndIsASpin() {
    AtomicInteger calls = new AtomicInteger();
    ConnectFailedException e = fails(Schedules.scripted("nanosecond-waker", (call, now) -> {
      calls.incrementAndGet();
      return call == 0 ? Decision.startNext() : Decision.wakeAt(now + 1);
    }));
    assertTrue(e.getMessage().startsWith("the scheduler nanosecond-waker made no progress: 1000 wake-ups in a row "
        + "less than 1 ms apart without starting or ending an attempt"), e.getMessage());
    assertEquals(1 + 1 + 1_001, calls.get(), "the start, the wake-up it asked right after, then 1,001 wake-ups");
    assertEquals(1_001, driver.nanoTime(), "one nanosecond a wake-up");
  }

  @Test
  void aScheduleThatPollsEveryMillisecondIsNotASpin() {
    AtomicInteger calls = new AtomicInteger();
    ConnectFailedException e = fails(Schedules.scripted("poller", (call, now) -> {
      calls.incrementAndGet();
      if (call == 0) {
        return Decision.startNext();
      }
      return now >= 5_000 * MS ? Decision.endAttempt(0) : Decision.wakeAt(now + MS);
    }));
    assertEquals(FailureKind.TIMED_OUT, e.kind(), "its own attempt timeout, at 5 s, after 5,000 polls: " + e);
    assertEquals(5_000 * MS, driver.nanoTime());
  }
}
