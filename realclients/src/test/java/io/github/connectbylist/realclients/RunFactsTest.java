package io.github.connectbylist.realclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.api.Answer;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.Query;
import io.github.connectbylist.emulator.Family;
import io.github.connectbylist.emulator.Fate;
import io.github.connectbylist.emulator.LoggedPacket;
import io.github.connectbylist.emulator.capture.DnsMessage;
import io.github.connectbylist.emulator.capture.PacketRecord;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a run did, read from its packets alone: hand-made packet logs with exact times. */
class RunFactsTest {
  private static final InetAddress C6 = StudyNetwork.CLIENT_V6;
  private static final InetAddress C4 = StudyNetwork.CLIENT_V4;
  private static final InetAddress S6 = StudyNetwork.serverV6(1);
  private static final InetAddress S4 = StudyNetwork.serverV4(1);
  private static final InetAddress DNS = StudyNetwork.DNS;

  private final List<LoggedPacket> log = new ArrayList<>();

  private void tcp(double ms, InetAddress from, int fromPort, InetAddress to, int toPort, int flags) {
    log.add(new LoggedPacket(new PacketRecord(Math.round(ms * 1e6), Family.of(from), 6, from, to, fromPort, toPort,
        flags, 60, null), "a", "b", Fate.FORWARDED));
  }

  /** A query for the study's name, or its answer: the server's address of the type asked. */
  private void dns(double ms, boolean answer, int type) {
    List<InetAddress> addresses = !answer ? List.of() : List.of(type == PacketRecord.TYPE_AAAA ? S6 : S4);
    dns(ms, new DnsMessage(7, answer, 0, StudyNetwork.NAME, type, addresses));
  }

  private void dns(double ms, DnsMessage m) {
    InetAddress from = m.response() ? DNS : C4;
    InetAddress to = m.response() ? C4 : DNS;
    log.add(new LoggedPacket(new PacketRecord(Math.round(ms * 1e6), Family.IPV4, 17, from, to,
        m.response() ? 53 : 40000, m.response() ? 40000 : 53, -1, 60, m), "a", "b", Fate.FORWARDED));
  }

  private RunFacts facts() {
    return RunFacts.of(log, Set.of(C6, C4), DNS, StudyNetwork.NAME, 80);
  }

  @Test
  void theConnectionAttemptDelayIsFromTheFirstIpv6SynToTheFirstIpv4Syn() {
    dns(0, false, 28);
    dns(0.1, false, 1);
    dns(1, true, 28);
    dns(1.2, true, 1);
    tcp(3, C6, 50000, S6, 80, 0x02);
    tcp(253.5, C4, 50001, S4, 80, 0x02);
    tcp(253.6, S4, 80, C4, 50001, 0x12);
    tcp(253.7, C4, 50001, S4, 80, 0x10);
    RunFacts f = facts();
    assertEquals(250.5, f.connectionAttemptDelayMs(), 1e-9);
    assertEquals(Family.IPV6, f.firstFamily());
    assertEquals(-1, f.resolutionDelayMs(), "IPv6 went first: no resolution delay to see");
    assertEquals(253.7, f.connectedMs(), 1e-9);
    assertEquals(Set.of(S6), f.ipv6Tried());
    assertEquals(Set.of(S4), f.ipv4Tried());
    assertEquals(2, f.trace().attempts().size());
    assertEquals(true, f.trace().attempts().get(1).connected());
  }

  @Test
  void theResolutionDelayIsFromTheAAnswerToAnIpv4SynBeforeTheAaaaAnswer() {
    dns(0, false, 28);
    dns(0.1, false, 1);
    dns(1, true, 1);
    tcp(51, C4, 50001, S4, 80, 0x02);
    dns(1000, true, 28);
    assertEquals(50, facts().resolutionDelayMs(), 1e-9);
    log.clear();
    dns(0, false, 28);
    dns(1, true, 1);
    dns(1000, true, 28);
    tcp(1001, C6, 50000, S6, 80, 0x02);
    assertEquals(-1, facts().resolutionDelayMs(), "it waited for AAAA");
  }

  @Test
  void addressesTriedAreThoseBeforeTheFirstHandshakeCompletes() {
    for (int i = 1; i <= 3; i++) {
      tcp(i * 250, C6, 50000 + i, StudyNetwork.serverV6(i), 80, 0x02);
    }
    tcp(30_000, StudyNetwork.serverV6(1), 80, C6, 50001, 0x12);
    tcp(30_001, C6, 50001, StudyNetwork.serverV6(1), 80, 0x10);
    tcp(30_500, C4, 50100, StudyNetwork.serverV4(5), 80, 0x02);
    RunFacts f = facts();
    assertEquals(3, f.ipv6Tried().size());
    assertEquals(0, f.ipv4Tried().size(), "a SYN after the first connected is not counted");
  }

  @Test
  void aRetransmittedSynIsOneAttemptAndTheServersSynAckIsNotAnAttempt() {
    dns(0, false, 28);
    dns(1, true, 28);
    dns(1.5, true, 1);
    tcp(2, C6, 50000, S6, 80, 0x02);
    tcp(1002, C6, 50000, S6, 80, 0x02);
    tcp(1202, S6, 80, C6, 50000, 0x12);
    tcp(1203, C6, 50000, S6, 80, 0x10);
    RunFacts f = facts();
    assertEquals(1, f.trace().attempts().size(), "the kernel's second SYN on the same 4-tuple");
    assertEquals(2, f.firstSynMs(), 1e-9);
    assertEquals(1203, f.connectedMs(), 1e-9);
    assertEquals(0.5, f.answerToFirstSynMs(), 1e-9, "from the later of the two answers before it");
  }

  @Test
  void oneLocalPortToTwoDestinationsIsTwoAttemptsAndOnlyTheOneAnsweredConnects() {
    tcp(0, C4, 50000, S4, 80, 0x02);
    tcp(250, C4, 50000, StudyNetwork.serverV4(2), 80, 0x02);
    tcp(260, StudyNetwork.serverV4(2), 80, C4, 50000, 0x12);
    tcp(261, C4, 50000, StudyNetwork.serverV4(2), 80, 0x10);
    RunFacts f = facts();
    assertEquals(2, f.trace().attempts().size());
    assertEquals(false, f.trace().attempts().get(0).connected(), "the first destination never answered");
    assertEquals(true, f.trace().attempts().get(1).connected());
    assertEquals(Family.IPV4, f.firstFamily());
    assertEquals(-1, f.connectionAttemptDelayMs(), "IPv4 went first: no IPv6 to fall back from");
  }

  @Test
  void anAAnswerAfterTheAaaaAnswerIsNoResolutionDelay() {
    dns(0, false, 28);
    dns(0.1, false, 1);
    dns(1, true, 28);
    dns(40, true, 1);
    tcp(41, C6, 50000, S6, 80, 0x02);
    RunFacts f = facts();
    assertEquals(-1, f.resolutionDelayMs(), "IPv6 went first, on the AAAA answer");
    assertEquals(1, f.answerToFirstSynMs(), 1e-9);
  }

  @Test
  void anAttemptStillOpenWhenAnotherConnectsWasGivenUpThen() {
    tcp(0, C6, 50000, S6, 80, 0x02);
    tcp(200, C4, 50001, S4, 80, 0x02);
    tcp(210, S4, 80, C4, 50001, 0x12);
    tcp(220, C4, 50001, S4, 80, 0x10);
    var attempts = facts().trace().attempts();
    assertEquals(FailureKind.CANCELLED, attempts.get(0).failure(),
        "curl closed its IPv6 connect when IPv4 won: nothing on the wire says so");
    assertEquals(220, attempts.get(0).endedAt().toNanos() / 1e6, 1e-9);
  }

  @Test
  void theStudyNamesAnswersAreAnswersWithTheirAddresses() {
    dns(0, false, 28);
    dns(0.1, false, 1);
    dns(1, true, 28);
    dns(1.2, true, 1);
    List<Answer> answers = facts().trace().answers();
    assertEquals(List.of(new Answer(StudyNetwork.NAME, Query.AAAA, Duration.ofMillis(1), List.of(S6), null, null),
        new Answer(StudyNetwork.NAME, Query.A, Duration.ofNanos(1_200_000), List.of(S4), null, null)), answers);
  }

  @Test
  void anotherNamesNxdomainIsLeftOutAndTheStudyNamesAnswerIsTheOneTimed() {
    dns(0, new DnsMessage(1, false, 0, "vm", 1, List.of()));
    dns(0, new DnsMessage(1, true, DnsMessage.NXDOMAIN, "vm", 1, List.of()));
    dns(0.5, new DnsMessage(2, true, DnsMessage.NXDOMAIN, "vm", 28, List.of()));
    dns(2, new DnsMessage(3, true, 0, "Lazy-Eye.test", 28, List.of(S6))); // as the study writes it, in any case
    dns(3, true, 1);
    tcp(4, C6, 50000, S6, 80, 0x02);
    RunFacts f = RunFacts.of(log, Set.of(C6, C4), DNS, "lazy-eye.test.", 80);
    assertEquals(2, f.aaaaAnswerMs(), 1e-9, "Firefox's vm. first: not the study's AAAA answer");
    assertEquals(3, f.aAnswerMs(), 1e-9);
    assertEquals(List.of("lazy-eye.test", "lazy-eye.test"),
        f.trace().answers().stream().map(Answer::host).map(h -> h.toLowerCase(java.util.Locale.ROOT)).toList());
    assertTrue(f.trace().answers().stream().noneMatch(Answer::failed));
  }

  @Test
  void aServfailForTheStudyNameIsAFailedAnswer() {
    dns(0, false, 28);
    dns(1, new DnsMessage(3, true, DnsMessage.SERVFAIL, StudyNetwork.NAME, 28, List.of()));
    dns(2, new DnsMessage(4, true, DnsMessage.NXDOMAIN, StudyNetwork.NAME, 1, List.of()));
    RunFacts f = facts();
    List<Answer> answers = f.trace().answers();
    assertEquals(2, answers.size());
    assertEquals(FailureKind.RESOLUTION_FAILED, answers.get(0).failure());
    assertEquals(Query.AAAA, answers.get(0).query());
    assertEquals(StudyNetwork.NAME + " AAAA: SERVFAIL", answers.get(0).error().getMessage());
    assertEquals(FailureKind.NO_SUCH_NAME, answers.get(1).failure());
    assertEquals(1, f.aaaaAnswerMs(), 1e-9, "a failed answer is still when the answer came");
  }

  @Test
  void statsAreTheMedianAndTheRangeOfWhatWasSeen() {
    assertEquals(List.of(250.0, 240.0, 300.0), toList(RealLazyEye.stats(List.of(240.0, 250.0, 300.0, -1.0))));
    assertEquals(List.of(-1.0, -1.0, -1.0), toList(RealLazyEye.stats(List.of(-1.0, -1.0))));
    assertEquals(List.of(-1.0, -1.0, -1.0), toList(RealLazyEye.stats(List.of(250.0, -1.0, -1.0))),
        "one run of three is not the client's delay");
  }

  private static List<Double> toList(double[] v) {
    return java.util.Arrays.stream(v).boxed().toList();
  }
}
