package io.github.connectbylist.strategy.happyeyeballs;

import static io.github.connectbylist.simulation.SimulatedResolver.Reply.answer;
import static io.github.connectbylist.simulation.SimulatedResolver.Reply.failure;
import static io.github.connectbylist.simulation.SimulatedResolver.Reply.services;
import static io.github.connectbylist.simulation.SimulatedResolver.Reply.target;
import static io.github.connectbylist.testkit.Script.connectsAfter;
import static io.github.connectbylist.testkit.Script.hangs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
 * Connecting with service information (RFC 9460, the Happy Eyeballs v3 draft's sections 4 to 7) under a virtual
 * clock: which endpoints are tried, in which order, at which port, and what a record a TCP client cannot use
 * changes. Exact times.
 */
class ServiceEndpointsTest {
  private static final long MS = 1_000_000;
  private static final InetAddress V6 = Addresses.parseLiteral("2001:db8::1");
  private static final InetAddress V4 = Addresses.parseLiteral("192.0.2.1");
  private static final InetAddress HINT6 = Addresses.parseLiteral("2001:db8::5");
  private static final InetAddress HINT6_GONE = Addresses.parseLiteral("2001:db8::6");
  private static final InetAddress HINT4 = Addresses.parseLiteral("192.0.2.5");

  private static ServiceBinding record(int priority, String target, List<String> alpn, boolean noDefaultAlpn, int port,
      List<InetAddress> v4, List<InetAddress> v6, List<String> mandatory) {
    return new ServiceBinding(priority, target, alpn, noDefaultAlpn, port, v4, v6, null, mandatory);
  }

  private static Result run(Script[] scripts, Reply... replies) {
    return ScheduleRun.of(HappyEyeballsScheduler.standard()).ranker(HappyEyeballsRanker.standard())
        .deadline(Duration.ofMillis(2000)).service("https").resolving(replies).run(scripts);
  }

  private static Script[] hanging(int n) {
    Script[] s = new Script[n];
    Arrays.fill(s, hangs());
    return s;
  }

  private static List<String> tried(Result r) {
    List<String> tried = new ArrayList<>();
    for (Attempt a : r.attempts()) {
      tried.add(Addresses.format(a.pair().destinationAddress(), a.pair().destination().getPort()));
    }
    return tried;
  }

  @Test
  void endpointsGoByRecordPriorityThenByAddressThenTheHostsOwnAddressesLast() {
    ServiceBinding second = record(2, "b.test", List.of(), false, -1, List.of(), List.of(HINT6_GONE), List.of());
    ServiceBinding first = record(1, "a.test", List.of(), false, -1, List.of(HINT4), List.of(HINT6), List.of());
    Result r = run(hanging(5), services(0, second, first), answer(Query.AAAA, 0, V6), answer(Query.A, 0, V4));
    assertEquals(List.of("[2001:db8::5]:443", "192.0.2.5:443", "[2001:db8::6]:443", "[2001:db8::1]:443",
        "192.0.2.1:443"), tried(r), "priority 1's two families interleaved, then priority 2, then the host's own");
    assertEquals(first, r.attempts().get(0).pair().service());
    assertNull(r.attempts().get(3).pair().service(), "the host's own addresses come from no record");
  }

  @Test
  void thePortKeyMovesTheConnectToItsPort() {
    ServiceBinding moved = record(1, ScheduleRun.NAME, List.of("h2"), false, 8443, List.of(), List.of(), List.of());
    Result r = run(new Script[] {connectsAfter(5)}, services(0, moved), answer(Query.AAAA, 0, V6),
        answer(Query.A, 0, V4));
    assertEquals(List.of("[2001:db8::1]:8443"), tried(r), "the record's port, the host's addresses (target '.')");
    assertEquals(List.of("h2", "http/1.1"), r.attempts().get(0).pair().service().tcpProtocols());
  }

  @Test
  void aRecordForHttp3OnlyIsNeverConnectedByATcpClient() {
    ServiceBinding h3 = record(1, "quic.test", List.of("h3"), true, -1, List.of(HINT4), List.of(HINT6), List.of());
    Result r = run(new Script[] {connectsAfter(5)}, services(0, h3), answer(Query.AAAA, 0, V6), answer(Query.A, 0, V4));
    assertEquals(List.of("[2001:db8::1]:443"), tried(r), "the record is skipped (draft section 6.2); A/AAAA are used");
    assertNull(r.attempts().get(0).pair().service());
  }

  @Test
  void aRecordWithAnUnknownMandatoryKeyIsSkipped() {
    ServiceBinding unknown = record(1, "new.test", List.of(), false, -1, List.of(), List.of(HINT6),
        List.of("key65001"));
    Result r = run(new Script[] {connectsAfter(5)}, services(0, unknown), answer(Query.AAAA, 0, V6));
    assertEquals(List.of("[2001:db8::1]:443"), tried(r), "RFC 9460 section 8: incompatible, as if absent");
  }

  @Test
  void aHintTheTargetsAnswerDoesNotHoldIsDroppedIfNotYetTried() {
    ServiceBinding hinted = record(1, "svc.test", List.of(), false, -1, List.of(), List.of(HINT6, HINT6_GONE),
        List.of());
    Result r = run(hanging(4), services(0, hinted), answer(Query.AAAA, 0), answer(Query.A, 0),
        target("svc.test", Query.AAAA, 100 * MS, HINT6, V6), target("svc.test", Query.A, 100 * MS));
    assertEquals(List.of("[2001:db8::5]:443", "[2001:db8::1]:443"), tried(r),
        "::6 was only a hint: the AAAA answer at 100 ms drops it before its turn and adds ::1");
    assertEquals(2000, r.attempts().get(0).endedAt().toMillis(), "the hint the answer kept runs on to the deadline");
  }

  @Test
  void aHintAlreadyTriedRunsOnWhenTheAnswerDropsIt() {
    ServiceBinding hinted = record(1, "svc.test", List.of(), false, -1, List.of(), List.of(HINT6_GONE), List.of());
    Result r = run(new Script[] {connectsAfter(150), connectsAfter(500)}, services(0, hinted), answer(Query.AAAA, 0),
        answer(Query.A, 0), target("svc.test", Query.AAAA, 100 * MS, V6), target("svc.test", Query.A, 100 * MS));
    assertEquals("[2001:db8::6]:443", tried(r).get(0));
    assertEquals(150, r.attempts().get(0).endedAt().toMillis(), "draft section 7: a started attempt is not cancelled");
    assertEquals("CONNECTED", r.end());
  }

  @Test
  void noHttpsAnswerCostsAtMostTheResolutionDelay() {
    for (Reply none : List.of(failure(Query.HTTPS, 3000 * MS, FailureKind.NO_SUCH_NAME), services(3000 * MS),
        failure(Query.HTTPS, 3000 * MS, FailureKind.RESOLUTION_FAILED))) {
      Result r = run(new Script[] {connectsAfter(5)}, none, answer(Query.AAAA, 10 * MS, V6), answer(Query.A, 10 * MS, V4));
      assertEquals(60, r.attempts().get(0).startedAt().toMillis(), "addresses at 10 ms, the delay of 50 ms: " + none);
    }
    Result nodataAtOnce = run(new Script[] {connectsAfter(5)}, services(12 * MS), answer(Query.AAAA, 10 * MS, V6));
    assertEquals(12, nodataAtOnce.attempts().get(0).startedAt().toMillis(), "an empty HTTPS answer ends the wait");
  }

  @Test
  void withoutServiceRecordsNothingWaitsForThem() {
    Result r = ScheduleRun.of(HappyEyeballsScheduler.standard()).ranker(HappyEyeballsRanker.standard())
        .resolving(answer(Query.AAAA, 10 * MS, V6), answer(Query.A, 10 * MS, V4), services(500 * MS))
        .run(connectsAfter(5));
    assertEquals(10, r.attempts().get(0).startedAt().toMillis(), "a connect that did not ask hears no HTTPS answer");
  }

  @Test
  void theHostsAddressesComeBackWhenALateRecordsTargetFails() {
    ServiceBinding elsewhere = record(1, "gone.test", List.of(), false, -1, List.of(), List.of(), List.of());
    Result r = run(new Script[] {connectsAfter(5)}, answer(Query.AAAA, 0), answer(Query.A, 0, V4),
        services(10 * MS, elsewhere), failure(Query.AAAA, 20 * MS, FailureKind.NO_SUCH_NAME).withTarget("gone.test"),
        failure(Query.A, 20 * MS, FailureKind.NO_SUCH_NAME).withTarget("gone.test"));
    assertEquals(List.of("192.0.2.1:443"), tried(r), "held back for the record's target, then the fallback");
    assertEquals(20, r.attempts().get(0).startedAt().toMillis(), "when the target's failure came");
  }

  @Test
  void aLostTargetHoldsTheFallbackBackForAConnectionAttemptDelayOnly() {
    ServiceBinding elsewhere = record(1, "lost.test", List.of(), false, -1, List.of(), List.of(), List.of());
    Result r = run(new Script[] {connectsAfter(5)}, services(0, elsewhere), answer(Query.AAAA, 0),
        answer(Query.A, 0, V4), failure(Query.AAAA, 5000 * MS, FailureKind.RESOLUTION_FAILED).withTarget("lost.test"),
        failure(Query.A, 5000 * MS, FailureKind.RESOLUTION_FAILED).withTarget("lost.test"));
    assertEquals(List.of("192.0.2.1:443"), tried(r));
    assertEquals(250, r.attempts().get(0).startedAt().toMillis(), "not the target query's own 5 s");
  }

  @Test
  void aFailedServiceQueryDoesNotMakeTheNameNonexistent() {
    Result r = run(new Script[0], failure(Query.HTTPS, 0, FailureKind.NO_SUCH_NAME),
        failure(Query.AAAA, 10 * MS, FailureKind.RESOLUTION_FAILED), failure(Query.A, 10 * MS, FailureKind.RESOLUTION_FAILED));
    assertEquals("RESOLUTION_FAILED", r.end(), "NXDOMAIN for _443._https says nothing of the name's addresses");
  }

  @Test
  void aRecordForTheHostItselfLeavesTheWaitForItsAnswersToTheResolutionDelay() {
    Result r = run(new Script[] {connectsAfter(5)}, services(0, ServiceBinding.of(1, ScheduleRun.NAME)),
        answer(Query.A, 300 * MS, V4), answer(Query.AAAA, 320 * MS, V6));
    assertEquals(List.of("[2001:db8::1]:443"), tried(r),
        "A at 300 ms waits the Resolution Delay for AAAA, which comes at 320 ms: no AAAA failure made up at 250 ms");
    assertEquals(320, r.attempts().get(0).startedAt().toMillis());
  }
}
