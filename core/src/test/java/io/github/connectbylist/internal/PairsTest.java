package io.github.connectbylist.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.LocalAddress;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pairing rules; addresses here are data, never connected. */
class PairsTest {
  private static final LocalAddress LO4 = LocalAddress.of(ip("127.0.0.1"), 8, "lo");
  private static final LocalAddress LO6 = LocalAddress.of(ip("::1"), 128, "lo");
  private static final LocalAddress V4 = LocalAddress.of(ip("192.0.2.2"), 24, "eth0");
  private static final LocalAddress V6 = LocalAddress.of(ip("2001:db8::2"), 64, "eth0");
  private static final LocalAddress ULA = LocalAddress.of(ip("fd00::2"), 64, "eth0");
  private static final List<LocalAddress> HOST = List.of(LO4, LO6, V4, V6, ULA, linkLocal(2), linkLocal(3));

  @Test
  void eachDestinationGetsTheSourcesOfItsFamilyAndScope() {
    assertEquals(List.of(V4), sourcesFor("198.51.100.7"));
    assertEquals(List.of(V6, ULA), sourcesFor("2001:db8:1::7"));
    assertEquals(List.of(LO4), sourcesFor("127.0.0.2"));
    assertEquals(List.of(LO6), sourcesFor("::1"));
  }

  @Test
  void aLinkLocalDestinationPairsOnlyWithTheLinkLocalSourceOfItsInterface() throws Exception {
    Inet6Address scoped = Inet6Address.getByAddress(null, ip("fe80::9").getAddress(), 3);
    List<AddressPair> pairs = Pairs.build(List.of(new InetSocketAddress(scoped, 80)), HOST);
    assertEquals(1, pairs.size());
    assertEquals(3, ((Inet6Address) pairs.get(0).source().address()).getScopeId());
  }

  @Test
  void aLinkLocalDestinationWithoutAZoneIsPairedWithEachInterfacesLinkLocalSourceAndScopedToIt() throws Exception {
    InetSocketAddress unzoned = new InetSocketAddress(ip("fe80::9"), 80);
    assertEquals(0, ((Inet6Address) unzoned.getAddress()).getScopeId(), "the input has no zone");
    List<AddressPair> pairs = Pairs.build(List.of(unzoned), HOST);
    assertEquals(2, pairs.size(), "one pair per interface with a link-local address: " + pairs);
    for (AddressPair pair : pairs) {
      Inet6Address destination = (Inet6Address) pair.destination().getAddress();
      assertEquals(((Inet6Address) pair.source().address()).getScopeId(), destination.getScopeId(),
          "connected in the zone of its source: " + pair);
      assertEquals(ip("fe80::9"), destination, "the same address");
      assertEquals(80, pair.destination().getPort());
    }
    assertEquals(List.of(2, 3), pairs.stream().map(p -> ((Inet6Address) p.destination().getAddress()).getScopeId()).toList());
  }

  @Test
  void aSourceWithoutAScopeTakesTheIndexOfItsInterfaceByName() throws Exception {
    java.net.NetworkInterface lo = java.net.NetworkInterface.getByName("lo");
    org.junit.jupiter.api.Assumptions.assumeTrue(lo != null, "no interface named lo here");
    LocalAddress unscoped = LocalAddress.of(ip("fe80::1"), 64, "lo");
    InetSocketAddress scoped = Pairs.inZoneOf(unscoped, new InetSocketAddress(ip("fe80::9"), 80));
    assertEquals(lo.getIndex(), ((Inet6Address) scoped.getAddress()).getScopeId());
  }

  @Test
  void aZonedLinkLocalDestinationKeepsItsZoneAndOtherDestinationsAreUntouched() throws Exception {
    Inet6Address zoned = Inet6Address.getByAddress(null, ip("fe80::9").getAddress(), 3);
    InetSocketAddress global = new InetSocketAddress(ip("2001:db8::9"), 80);
    assertEquals(zoned, Pairs.inZoneOf(linkLocal(2), new InetSocketAddress(zoned, 80)).getAddress());
    assertEquals(3, ((Inet6Address) Pairs.inZoneOf(linkLocal(2), new InetSocketAddress(zoned, 80)).getAddress()).getScopeId());
    assertEquals(global, Pairs.inZoneOf(V6, global));
  }

  @Test
  void aDestinationNoSourceFitsGetsOnePairForTheOsToTry() {
    List<AddressPair> pairs = Pairs.build(List.of(new InetSocketAddress(ip("2001:db8::9"), 80)), List.of(LO4, V4));
    assertEquals(1, pairs.size());
    assertNull(pairs.get(0).source());
  }

  @Test
  void osChoosesSourceMakesOnePairPerDestinationInOrder() {
    List<InetSocketAddress> destinations = List.of(new InetSocketAddress(ip("::1"), 1), new InetSocketAddress(ip("127.0.0.1"), 2));
    List<AddressPair> pairs = Pairs.osChoosesSource(destinations);
    assertEquals(destinations, pairs.stream().map(AddressPair::destination).toList());
  }

  private static List<LocalAddress> sourcesFor(String destination) {
    return Pairs.build(List.of(new InetSocketAddress(ip(destination), 80)), HOST).stream()
        .map(AddressPair::source).toList();
  }

  private static LocalAddress linkLocal(int scope) {
    try {
      return LocalAddress.of(Inet6Address.getByAddress(null, ip("fe80::1").getAddress(), scope), 64, "eth" + scope);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
