package io.github.connectbylist.strategy.happyeyeballs;

import static io.github.connectbylist.simulation.SimulatedResolver.Reply.answer;
import static io.github.connectbylist.simulation.SimulatedResolver.Reply.failure;
import static io.github.connectbylist.simulation.SimulatedResolver.Reply.services;
import static io.github.connectbylist.simulation.SimulatedResolver.Reply.target;
import static io.github.connectbylist.testkit.Script.hangs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.connectbylist.api.Addresses;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.Query;
import io.github.connectbylist.api.ServiceBinding;
import io.github.connectbylist.simulation.SimulatedResolver.Reply;
import io.github.connectbylist.testkit.ScheduleRun;
import io.github.connectbylist.testkit.ScheduleRun.Result;
import io.github.connectbylist.testkit.Script;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The DNS answer ordering examples of the Happy Eyeballs v3 draft (section 4.2.2 of the editor's copy, E1 to E8
 * in docs/hev3-conformance.md), run through the real orchestrator, ranker and scheduler under a virtual clock.
 * Each asserts when the first attempt starts and in which order the endpoints are tried. Every attempt hangs,
 * so that the whole order shows; the deadline ends the run.
 */
class DraftDnsExamplesTest {
  private static final long MS = 1_000_000;
  private static final InetAddress V6A = Addresses.parseLiteral("2001:db8::a");
  private static final InetAddress V6B = Addresses.parseLiteral("2001:db8::b");
  private static final InetAddress V4A = Addresses.parseLiteral("192.0.2.1");
  private static final InetAddress V4B = Addresses.parseLiteral("192.0.2.2");
  /** "HTTPS (no hints)": the origin itself, target ".". */
  private static final ServiceBinding ORIGIN = ServiceBinding.of(1, ScheduleRun.NAME);

  private static Result run(Reply... replies) {
    Script[] hang = new Script[8];
    Arrays.fill(hang, hangs());
    return ScheduleRun.of(HappyEyeballsScheduler.standard()).ranker(HappyEyeballsRanker.standard())
        .deadline(Duration.ofMillis(900)).service("https").resolving(replies).run(hang);
  }

  /** "start-ms address" of each attempt, in start order. */
  private static List<String> starts(Result r) {
    List<String> starts = new ArrayList<>();
    for (Attempt a : r.attempts()) {
      starts.add(a.startedAt().toMillis() + " " + Addresses.text(a.pair().destinationAddress()));
    }
    return starts;
  }

  @Test
  void e1AaaaSlightlyBeforeAStartsOnIpv6ThenInterleaves() {
    Result r = run(services(30 * MS, ORIGIN), answer(Query.AAAA, 30 * MS, V6A, V6B), answer(Query.A, 32 * MS, V4A, V4B));
    assertEquals(List.of("30 2001:db8::a", "280 192.0.2.1", "530 2001:db8::b", "780 192.0.2.2"), starts(r),
        "start with IPv6 at 30 ms; the A answer at 32 ms is sorted in, interleaved");
  }

  @Test
  void e2AaaaWithinTheResolutionDelayStartsWithBoth() {
    Result r = run(services(30 * MS, ORIGIN), answer(Query.A, 30 * MS, V4A, V4B), answer(Query.AAAA, 40 * MS, V6A, V6B));
    assertEquals(List.of("40 2001:db8::a", "290 192.0.2.1", "540 2001:db8::b", "790 192.0.2.2"), starts(r),
        "the 50 ms timer set at 30 ms; AAAA at 40 ms ends it, IPv6 first");
  }

  @Test
  void e3AaaaLongAfterAStartsOnIpv4AtTheTimerThenTakesIpv6() {
    Result r = run(services(30 * MS, ORIGIN), answer(Query.A, 30 * MS, V4A, V4B),
        answer(Query.AAAA, 180 * MS, V6A, V6B));
    assertEquals("80 192.0.2.1", starts(r).get(0), "start with IPv4 when the 50 ms timer fires");
    assertEquals("180 2001:db8::a", starts(r).get(1), "the late AAAA updates the list (and ours starts it at once)");
  }

  @Test
  void e4HttpsSlightlyDelayedIsWaitedFor() {
    Result r = run(answer(Query.AAAA, 30 * MS, V6A, V6B), answer(Query.A, 30 * MS, V4A, V4B),
        services(40 * MS, ORIGIN));
    assertEquals(List.of("40 2001:db8::a", "290 192.0.2.1", "540 2001:db8::b", "790 192.0.2.2"), starts(r),
        "addresses at 30 ms set the timer; the HTTPS answer at 40 ms starts the connect");
  }

  @Test
  void e5HttpsThatNeverComesCostsTheResolutionDelay() {
    Result r = run(answer(Query.AAAA, 30 * MS, V6A, V6B), answer(Query.A, 30 * MS, V4A, V4B),
        failure(Query.HTTPS, 5000 * MS, FailureKind.RESOLUTION_FAILED));
    assertEquals("80 2001:db8::a", starts(r).get(0), "started when the 50 ms timer fired");
  }

  @Test
  void e6HintsStartTheConnectBeforeTheAddresses() {
    ServiceBinding withHints = new ServiceBinding(1, ScheduleRun.NAME, List.of("h2"), false, -1, List.of(V4A),
        List.of(V6A), null, List.of());
    Result r = run(services(30 * MS, withHints), answer(Query.AAAA, 500 * MS, V6A), answer(Query.A, 500 * MS, V4A));
    assertEquals(List.of("30 2001:db8::a", "280 192.0.2.1"), starts(r).subList(0, 2),
        "the hints are positive answers of both families: start at 30 ms with IPv6, then IPv4");
  }

  @Test
  void e7AnAlternativeServiceNameIsResolvedWhileTheConnectRuns() {
    ServiceBinding alt = ServiceBinding.of(2, "alt.test");
    InetAddress altV6 = Addresses.parseLiteral("2001:db8::a17");
    InetAddress altV4 = Addresses.parseLiteral("192.0.2.17");
    Result r = run(services(30 * MS, ORIGIN, alt), answer(Query.AAAA, 30 * MS, V6A), answer(Query.A, 30 * MS, V4A),
        target("alt.test", Query.AAAA, 60 * MS, altV6), target("alt.test", Query.A, 60 * MS, altV4));
    assertEquals(List.of("30 2001:db8::a", "280 192.0.2.1", "530 2001:db8::a17", "780 192.0.2.17"), starts(r),
        "start at 30 ms on '.', whose priority 1 group goes first; alt's answers at 60 ms fill its own group");
    assertEquals(alt, r.attempts().get(2).pair().service());
  }

  @Test
  void e8OnAnIpv4OnlyNetworkTheHttpsAnswerIsWaitedFor() {
    Result r = run(answer(Query.AAAA, 0), answer(Query.A, 30 * MS, V4A, V4B), services(40 * MS, ORIGIN));
    assertEquals(List.of("40 192.0.2.1", "290 192.0.2.2"), starts(r));
  }
}
