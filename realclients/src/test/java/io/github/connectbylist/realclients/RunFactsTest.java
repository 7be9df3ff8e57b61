package io.github.connectbylist.realclients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.connectbylist.emulator.Family;
import io.github.connectbylist.emulator.Fate;
import io.github.connectbylist.emulator.LoggedPacket;
import io.github.connectbylist.emulator.capture.PacketRecord;
import java.net.InetAddress;
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
        flags, 60, -1, false, -1), "a", "b", Fate.FORWARDED));
  }

  private void dns(double ms, boolean answer, int type) {
    InetAddress from = answer ? DNS : C4;
    InetAddress to = answer ? C4 : DNS;
    log.add(new LoggedPacket(new PacketRecord(Math.round(ms * 1e6), Family.IPV4, 17, from, to, answer ? 53 : 40000,
        answer ? 40000 : 53, -1, 60, 7, answer, type), "a", "b", Fate.FORWARDED));
  }

  private RunFacts facts() {
    return RunFacts.of(log, Set.of(C6, C4), DNS, 80);
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
    assertEquals(io.github.connectbylist.api.FailureKind.CANCELLED, attempts.get(0).failure(),
        "curl closed its IPv6 connect when IPv4 won: nothing on the wire says so");
    assertEquals(220, attempts.get(0).endedAt().toNanos() / 1e6, 1e-9);
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
