package io.github.connectbylist.strategy.happyeyeballs;

import static io.github.connectbylist.simulation.SimulatedResolver.Reply.answer;
import static io.github.connectbylist.simulation.SimulatedResolver.Reply.failure;
import static io.github.connectbylist.testkit.Script.connectsAfter;
import static io.github.connectbylist.testkit.Script.hangs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.connectbylist.api.Addresses;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.LocalAddress;
import io.github.connectbylist.api.Query;
import io.github.connectbylist.simulation.SimulatedResolver.Reply;
import io.github.connectbylist.testkit.ScheduleRun;
import io.github.connectbylist.testkit.ScheduleRun.Result;
import io.github.connectbylist.testkit.Script;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A host with IPv6 only behind NAT64 (the Happy Eyeballs v3 editor's copy, "Handling NAT64 Networks"; RFC 7050
 * and RFC 6052) under a virtual clock: the prefix is discovered beside the connect's own queries, IPv4 answers
 * are synthesized behind it, and synthesized addresses are sorted as the IPv4 addresses they carry.
 */
class Nat64Test {
  private static final long MS = 1_000_000;
  private static final List<LocalAddress> IPV6_ONLY =
      List.of(LocalAddress.of(Addresses.parseLiteral("2001:db8:1::2"), 64, "eth0"));
  private static final List<LocalAddress> DUAL_STACK = List.of(
      LocalAddress.of(Addresses.parseLiteral("2001:db8:1::2"), 64, "eth0"),
      LocalAddress.of(Addresses.parseLiteral("192.0.2.2"), 24, "eth0"));
  /** The well-known prefix 64:ff9b::/96 (RFC 6052 section 2.1), as a DNS64 answers {@code ipv4only.arpa}. */
  private static final Reply DISCOVERY = answer(Query.AAAA, 5 * MS, ip("64:ff9b::c000:aa"), ip("64:ff9b::c000:ab"));

  private static InetAddress ip(String literal) {
    return Addresses.parseLiteral(literal);
  }

  private static ScheduleRun he(List<LocalAddress> locals) {
    return ScheduleRun.of(HappyEyeballsScheduler.standard()).ranker(HappyEyeballsRanker.standard())
        .deadline(Duration.ofSeconds(2)).localAddresses(locals);
  }

  private static List<String> tried(Result r) {
    List<String> tried = new ArrayList<>();
    for (Attempt a : r.attempts()) {
      tried.add(Addresses.text(a.pair().destinationAddress()));
    }
    return tried;
  }

  @Test
  void anIpv4OnlyNameIsReachedThroughTheDiscoveredPrefix() {
    Result r = he(IPV6_ONLY).alsoResolving("ipv4only.arpa", DISCOVERY, answer(Query.A, 5 * MS, ip("192.0.0.170")))
        .resolving(answer(Query.AAAA, 0), answer(Query.A, 1 * MS, ip("192.0.2.1"))).run(connectsAfter(10));
    assertEquals(List.of("64:ff9b::c000:201"), tried(r), "192.0.2.1 behind 64:ff9b::/96 (RFC 6052 section 2.4)");
    assertEquals(5, r.attempts().get(0).startedAt().toMillis(), "started when the prefix was known");
  }

  @Test
  void synthesizedAddressesAreSortedAsIpv4AndInterleaved() {
    Result r = he(IPV6_ONLY).alsoResolving("ipv4only.arpa", DISCOVERY)
        .resolving(answer(Query.AAAA, 0, ip("2001:db8:2::1"), ip("2001:db8:2::2"), ip("64:ff9b::c000:201")),
            answer(Query.A, 0, ip("192.0.2.1")))
        .run(hangs(), hangs(), connectsAfter(10));
    assertEquals(List.of("2001:db8:2::1", "64:ff9b::c000:201", "2001:db8:2::2"), tried(r),
        "the DNS64 answer and the synthesized A answer are one endpoint, sorted as IPv4: second, interleaved");
  }

  @Test
  void withoutDns64TheAddressesAreTriedAsTheyAre() {
    Result r = he(IPV6_ONLY).alsoResolving("ipv4only.arpa", failure(Query.AAAA, 5 * MS, FailureKind.NO_SUCH_NAME))
        .resolving(answer(Query.AAAA, 0, ip("2001:db8:2::1")), answer(Query.A, 0, ip("192.0.2.1")))
        .run(hangs(), connectsAfter(10));
    assertEquals(List.of("2001:db8:2::1", "192.0.2.1"), tried(r), "no prefix: nothing is synthesized");
  }

  @Test
  void aHostWithIpv4DoesNotDiscover() {
    Result r = he(DUAL_STACK).alsoResolving("ipv4only.arpa", DISCOVERY)
        .resolving(answer(Query.AAAA, 0), answer(Query.A, 0, ip("192.0.2.1"))).run(connectsAfter(10));
    assertEquals(List.of("192.0.2.1"), tried(r));
    assertEquals(0, r.attempts().get(0).startedAt().toMillis(), "no discovery query held anything back");
    assertEquals(List.of(false, false), r.answers().stream().map(a -> a.isNat64Discovery()).toList());
  }

  @Test
  void loopbackAndLinkLocalAreNeverSynthesized() {
    Result r = he(IPV6_ONLY).alsoResolving("ipv4only.arpa", DISCOVERY)
        .resolving(answer(Query.AAAA, 0), answer(Query.A, 0, ip("169.254.0.9"), ip("192.0.2.1")))
        .run(hangs(), connectsAfter(10));
    assertEquals(java.util.Set.of("64:ff9b::c000:201", "169.254.0.9"), java.util.Set.copyOf(tried(r)),
        "169.254.0.0/16 needs no translator (draft section 8.3); 192.0.2.1 is synthesized");
  }

  @Test
  void aSynthesizedAddressIsJudgedByThePolicyAsTheIpv4AddressItReaches() {
    io.github.connectbylist.DestinationPolicy noTen = io.github.connectbylist.DestinationPolicy.builder()
        .deny("10.0.0.0/8").build();
    Reply networkSpecific = answer(Query.AAAA, 5 * MS, ip("2001:db8:64::c000:aa")); // not 64:ff9b::/96
    Result r = he(IPV6_ONLY).destinations(noTen).alsoResolving("ipv4only.arpa", networkSpecific)
        .resolving(answer(Query.AAAA, 0), answer(Query.A, 0, ip("10.0.0.5"), ip("192.0.2.1"))).run(connectsAfter(10));
    Attempt denied = r.attempts().stream().filter(a -> a.index() == Attempt.NOT_STARTED).findFirst().orElseThrow();
    assertEquals("2001:db8:64::a00:5", Addresses.text(denied.pair().destinationAddress()));
    assertEquals(FailureKind.DENIED, denied.failure(), "it reaches 10.0.0.5: " + denied.error().getMessage());
    assertEquals(List.of("2001:db8:64::c000:201"), r.attempts().stream().filter(a -> a.index() >= 0)
        .map(a -> Addresses.text(a.pair().destinationAddress())).toList());
  }

  @Test
  void aDns64AnswerThatCameBeforeThePrefixIsJudgedAgainOnceItIsKnown() {
    io.github.connectbylist.DestinationPolicy noTen = io.github.connectbylist.DestinationPolicy.builder()
        .deny("10.0.0.0/8").build();
    Result r = he(IPV6_ONLY).destinations(noTen)
        .alsoResolving("ipv4only.arpa", answer(Query.AAAA, 5 * MS, ip("2001:db8:64::c000:aa")))
        .resolving(answer(Query.AAAA, 0, ip("2001:db8:2::1"), ip("2001:db8:64::a00:5")), answer(Query.A, 0))
        .run(hangs(), connectsAfter(10));
    assertEquals(List.of("2001:db8:2::1"), r.attempts().stream().filter(a -> a.index() >= 0)
        .map(a -> Addresses.text(a.pair().destinationAddress())).toList(),
        "2001:db8:64::a00:5 was a plain IPv6 address until the prefix showed it reaches 10.0.0.5");
    assertEquals(FailureKind.DENIED, r.attempts().stream().filter(a -> a.index() == Attempt.NOT_STARTED)
        .findFirst().orElseThrow().failure());
  }

  @Test
  void aConnectToTheDiscoveryNameItselfUsesItsAnswers() {
    Result r = he(IPV6_ONLY).resolving(answer(Query.AAAA, 0, ip("64:ff9b::c000:aa")), answer(Query.A, 0))
        .run(connectsAfter(10));
    assertEquals("CONNECTED", r.end(), "ipv4only.arpa is a name like any other when it is the one connected to");
  }
}
