package io.github.connectbylist.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.api.Addresses;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 6052 section 2.4's examples, and RFC 7050 section 3's discovery of the prefix. */
class Nat64PrefixTest {
  private static final Inet4Address V4 = (Inet4Address) Addresses.parseLiteral("192.0.2.33");

  private static Nat64Prefix prefix(String literal, int length) {
    return new Nat64Prefix(Addresses.parseLiteral(literal).getAddress(), length);
  }

  @Test
  void everyPrefixLengthWritesTheAddressWhereRfc6052SectionTwoFourShowsIt() {
    String[][] table = { // RFC 6052 section 2.4, Table 2: 192.0.2.33 behind 2001:db8:122:344::/n
      {"2001:db8::", "32", "2001:db8:c000:221::"},
      {"2001:db8:100::", "40", "2001:db8:1c0:2:21::"},
      {"2001:db8:122::", "48", "2001:db8:122:c000:2:2100::"},
      {"2001:db8:122:300::", "56", "2001:db8:122:3c0:0:221::"},
      {"2001:db8:122:344::", "64", "2001:db8:122:344:c0:2:2100:0"},
      {"2001:db8:122:344::", "96", "2001:db8:122:344::c000:221"},
      {"64:ff9b::", "96", "64:ff9b::c000:221"}};
    for (String[] row : table) {
      Nat64Prefix p = prefix(row[0], Integer.parseInt(row[1]));
      InetAddress synthesized = p.synthesize(V4);
      assertEquals(Addresses.parseLiteral(row[2]), synthesized, "/" + row[1]);
      assertEquals(Optional.of(V4), p.extract(synthesized), "and back, /" + row[1]);
    }
  }

  @Test
  void theDiscoveryAnswerShowsThePrefixAndItsLength() {
    for (int length : new int[] {32, 40, 48, 56, 64, 96}) {
      Nat64Prefix p = prefix("2001:db8:122:344::", length);
      InetAddress wellKnown = p.synthesize((Inet4Address) Addresses.parseLiteral("192.0.0.170"));
      assertEquals(Optional.of(p), Nat64Prefix.discover(List.of(wellKnown)), "/" + length);
    }
    assertEquals(Optional.empty(), Nat64Prefix.discover(List.of(Addresses.parseLiteral("2001:db8::1"))),
        "an address without a well-known IPv4 address shows no prefix");
    assertEquals(Optional.empty(), Nat64Prefix.discover(List.of()), "no answer: no DNS64");
  }

  @Test
  void anAddressOutsideThePrefixCarriesNothing() {
    assertEquals(Optional.empty(), prefix("64:ff9b::", 96).extract(Addresses.parseLiteral("2001:db8::c000:221")));
    assertEquals(Optional.empty(), prefix("64:ff9b::", 96).extract(V4));
  }

  @Test
  void addressesThatNeedNoTranslatorAreExempt() {
    for (String exempt : List.of("0.1.2.3", "127.0.0.1", "169.254.1.1", "255.255.255.255")) {
      assertTrue(Nat64Prefix.exempt((Inet4Address) Addresses.parseLiteral(exempt)), exempt);
    }
    assertEquals(false, Nat64Prefix.exempt(V4));
  }

  @Test
  void aNetworksPrefixIsKeptTenMinutesNoDns64AMinuteAFailureTenSeconds() {
    Network net = Network.of(List.of(io.github.connectbylist.api.LocalAddress.of(
        Addresses.parseLiteral("2001:db8:1::2"), 64, "eth0")));
    long s = 1_000_000_000L;
    Nat64Prefixes kept = new Nat64Prefixes();
    assertEquals(Optional.empty(), kept.of(net, 0), "nothing known: discover");
    Nat64Prefix p = prefix("64:ff9b::", 96);
    kept.found(net, Optional.of(p), 0);
    assertEquals(Optional.of(Optional.of(p)), kept.of(net, 599 * s));
    assertEquals(Optional.empty(), kept.of(net, 600 * s), "expired: discover again");
    kept.found(net, Optional.empty(), 0);
    assertEquals(Optional.of(Optional.empty()), kept.of(net, 59 * s), "no DNS64 here");
    assertEquals(Optional.empty(), kept.of(net, 60 * s));
    kept.failed(net, 0);
    assertEquals(Optional.of(Optional.empty()), kept.of(net, 9 * s), "a failure: not asked by every connect");
    assertEquals(Optional.empty(), kept.of(net, 10 * s), "but soon again");
  }
}
