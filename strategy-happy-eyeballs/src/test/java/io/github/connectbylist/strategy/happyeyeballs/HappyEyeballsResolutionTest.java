package io.github.connectbylist.strategy.happyeyeballs;

import static io.github.connectbylist.simulation.SimulatedResolver.Reply.answer;
import static io.github.connectbylist.simulation.SimulatedResolver.Reply.failure;
import static io.github.connectbylist.testkit.Script.connectsAfter;
import static io.github.connectbylist.testkit.Script.hangs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.PathHistory;
import io.github.connectbylist.api.Deadline;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.Query;
import io.github.connectbylist.testkit.ScheduleRun;
import io.github.connectbylist.testkit.ScheduleRun.Result;
import io.github.connectbylist.testkit.Span;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * RFC 8305 section 3 through the real orchestrator under a virtual clock: a connect by name whose AAAA and
 * A answers come at scripted times. Exact times, no sockets, no DNS.
 */
class HappyEyeballsResolutionTest {
  private static final long MS = 1_000_000;
  private static final InetAddress V6 = ip("2001:db8::1");
  private static final InetAddress V6B = ip("2001:db8::2");
  private static final InetAddress V4 = ip("192.0.2.1");

  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private static ScheduleRun he() {
    return ScheduleRun.of(HappyEyeballsScheduler.standard()).ranker(HappyEyeballsRanker.standard())
        .deadline(Duration.ofSeconds(10));
  }

  @Test
  void aSlowAaaaCostsTheResolutionDelayNotItsOwnTime() {
    Result r = he().resolving(answer(Query.AAAA, 300 * MS, V6), answer(Query.A, 0, V4)).run(connectsAfter(10));
    assertEquals(List.of(new Span(0, 50, 60, "CONNECTED")), r.spans(), "A at 0, waited 50 ms for AAAA, connected");
    assertEquals(1, r.answers().size(), "the AAAA answer had not come when it connected");
    assertEquals(Query.A, r.answers().get(0).query());
  }

  @Test
  void anAaaaAnswerFirstStartsAtOnce() {
    Result r = he().resolving(answer(Query.AAAA, 0, V6), answer(Query.A, 1000 * MS, V4)).run(connectsAfter(10));
    assertEquals(List.of(new Span(0, 0, 10, "CONNECTED")), r.spans());
    assertTrue(r.attempts().get(0).pair().isIpv6());
  }

  @Test
  void anAaaaArrivingWithinTheResolutionDelayGoesFirst() {
    Result r = he().resolving(answer(Query.AAAA, 30 * MS, V6), answer(Query.A, 0, V4)).run(connectsAfter(10));
    assertEquals(List.of(new Span(0, 30, 40, "CONNECTED")), r.spans(), "AAAA at 30 ms ends the wait");
    assertTrue(r.attempts().get(0).pair().isIpv6(), "ranked first once it is there");
  }

  @Test
  void aLostAaaaDoesNotHoldTheConnectUntilTheQueryTimesOut() {
    Result r = he().resolving(failure(Query.AAAA, 5000 * MS, FailureKind.RESOLUTION_FAILED), answer(Query.A, 0, V4))
        .run(connectsAfter(10));
    assertEquals(List.of(new Span(0, 50, 60, "CONNECTED")), r.spans());
  }

  @Test
  void anEmptyAaaaAnswerEndsTheWaitAtOnce() {
    Result r = he().resolving(answer(Query.AAAA, 20 * MS), answer(Query.A, 10 * MS, V4)).run(connectsAfter(10));
    assertEquals(List.of(new Span(0, 20, 30, "CONNECTED")), r.spans(), "AAAA settled (empty) at 20 ms");
  }

  @Test
  void behindABlackHoledIpv4ALateAaaaStartsWhenItArrives() {
    Result r = he().resolving(answer(Query.AAAA, 150 * MS, V6), answer(Query.A, 0, V4)).run(hangs(), connectsAfter(10));
    assertEquals(List.of(new Span(0, 50, 160, "CANCELLED"), new Span(1, 150, 160, "CONNECTED")), r.spans(),
        "IPv6 starts on its answer, not a connection attempt delay after IPv4's start (300 ms)");
    assertTrue(r.attempts().get(1).pair().isIpv6());
  }

  @Test
  void aLateAAnswerKeepsThePacing() {
    Result r = he().resolving(answer(Query.AAAA, 0, V6), answer(Query.A, 100 * MS, V4)).run(hangs(), connectsAfter(10));
    assertEquals(List.of(new Span(0, 0, 260, "CANCELLED"), new Span(1, 250, 260, "CONNECTED")), r.spans(),
        "IPv6 went first as it should; IPv4 a connection attempt delay later, not when its answer came");
    Result close = he().resolving(answer(Query.AAAA, 0, V6), answer(Query.A, MS, V4)).run(hangs(), connectsAfter(10));
    assertEquals(250.0, close.spans().get(1).startMs(), "answers a millisecond apart do not start both families at once");
  }

  @Test
  void aLateAnswerOfAFamilyAlreadyWaitingKeepsThePacing() {
    Result r = he().resolving(answer(Query.BOTH, 0, V6, V4, V6B)).run(hangs(), hangs(), connectsAfter(10));
    assertEquals(List.of(new Span(0, 0, 510, "CANCELLED"), new Span(1, 250, 510, "CANCELLED"),
        new Span(2, 500, 510, "CONNECTED")), r.spans(), "one answer with both families: plain RFC 8305 pacing");
  }

  @Test
  void noSuchNameFailsWithItsOwnKindAndNoAttempt() {
    Result r = he().resolving(failure(Query.AAAA, 5 * MS, FailureKind.NO_SUCH_NAME),
        failure(Query.A, 6 * MS, FailureKind.NO_SUCH_NAME)).run();
    assertEquals("NO_SUCH_NAME", r.end());
    assertEquals(List.of(), r.spans());
    assertEquals(6.0, r.endMs(), "fails when the last answer says so");
  }

  @Test
  void aServerFailureIsAResolutionFailure() {
    Result r = he().resolving(failure(Query.AAAA, 5 * MS, FailureKind.RESOLUTION_FAILED), answer(Query.A, 6 * MS))
        .run();
    assertEquals("RESOLUTION_FAILED", r.end());
  }

  @Test
  void everyPairFailedButResolutionGoesOnSoTheConnectWaitsForTheOtherFamily() {
    Result r = he().resolving(answer(Query.AAAA, 600 * MS, V6, V6B), answer(Query.A, 0, V4))
        .run(io.github.connectbylist.testkit.Script.failsAfter(5), connectsAfter(10));
    assertEquals(List.of(new Span(0, 50, 55, "REFUSED"), new Span(1, 600, 610, "CONNECTED")), r.spans(),
        "IPv4 refused at 55 ms; the connect waited for AAAA instead of failing");
  }

  @Test
  void aSchedulerThatDoesNotRaceWaitsForEveryAnswerAsWsaConnectByNameDoes() {
    AttemptScheduler waits = new AttemptScheduler() { // Happy Eyeballs' pacing, without racing resolution
      @Override
      public Schedule newSchedule(List<AddressPair> pairs, Deadline deadline, PathHistory history) {
        return HappyEyeballsScheduler.standard().newSchedule(pairs, deadline, history);
      }
    };
    Result r = ScheduleRun.of(waits).ranker(HappyEyeballsRanker.standard())
        .resolving(answer(Query.AAAA, 300 * MS, V6), answer(Query.A, 0, V4)).run(connectsAfter(10));
    assertEquals(List.of(new Span(0, 300, 310, "CONNECTED")), r.spans(), "planned when the AAAA answer came");
    assertTrue(r.attempts().get(0).pair().isIpv6(), "with both families known, IPv6 first");
  }

  @Test
  void theResolutionDelayIsAnOption() {
    HappyEyeballsScheduler s = HappyEyeballsScheduler.builder().resolutionDelay(Duration.ofMillis(20)).build();
    Result r = ScheduleRun.of(s).resolving(answer(Query.AAAA, 300 * MS, V6), answer(Query.A, 0, V4))
        .run(connectsAfter(10));
    assertEquals(List.of(new Span(0, 20, 30, "CONNECTED")), r.spans());
    assertEquals(Duration.ofMillis(20), HappyEyeballsScheduler
        .fromOptions(io.github.connectbylist.api.StrategyOptions.of(java.util.Map.of("resolution-delay", "20ms")))
        .resolutionDelay());
  }
}
