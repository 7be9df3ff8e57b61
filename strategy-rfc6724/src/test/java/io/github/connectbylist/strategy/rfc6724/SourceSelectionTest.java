package io.github.connectbylist.strategy.rfc6724;

import static io.github.connectbylist.strategy.rfc6724.Fixtures.ip;
import static io.github.connectbylist.strategy.rfc6724.Fixtures.on;
import static io.github.connectbylist.strategy.rfc6724.Fixtures.src;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.connectbylist.api.LocalAddress;
import io.github.connectbylist.api.LocalAddress.Flag;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Section 5, rule by rule. Each case is built so that the rule under test decides and a later rule would
 * decide the other way: removing or inverting the rule fails the test. Candidates are given in both orders.
 */
class SourceSelectionTest {
  private final Rfc6724 rfc = Rfc6724.standard();

  private void assertPicks(LocalAddress expected, String destination, LocalAddress a, LocalAddress b) {
    assertPicks(rfc, expected, destination, a, b);
  }

  private static void assertPicks(Rfc6724 rfc, LocalAddress expected, String destination, LocalAddress a, LocalAddress b) {
    assertEquals(Optional.of(expected), rfc.selectSource(ip(destination), List.of(a, b)), "order a, b");
    assertEquals(Optional.of(expected), rfc.selectSource(ip(destination), List.of(b, a)), "order b, a");
  }

  @Test
  void rule1PreferSameAddress() {
    LocalAddress same = src("2001:db8:1::1", Flag.DEPRECATED);
    assertPicks(same, "2001:db8:1::1", same, src("2001:db8:1::2"));
  }

  @Test
  void rule2PreferAppropriateScopeWhenTheSmallerIsTooSmall() {
    LocalAddress global = src("2001:db8:3::1", Flag.DEPRECATED);
    assertPicks(global, "2001:db8:1::1", src("fe80::1"), global);
  }

  @Test
  void rule2PreferTheSmallerScopeWhenItIsEnough() {
    LocalAddress linkLocal = src("fe80::2", Flag.DEPRECATED);
    assertPicks(linkLocal, "fe80::1", linkLocal, src("2001:db8:1::1"));
  }

  @Test
  void rule3AvoidDeprecatedAddresses() {
    LocalAddress fresh = src("2001:db8:3::2");
    assertPicks(fresh, "2001:db8:1::1", src("2001:db8:1::2", Flag.DEPRECATED), fresh);
  }

  @Test
  void rule4PreferHomeAddresses() {
    LocalAddress home = src("2001:db8:3::2", Flag.HOME);
    assertPicks(home, "2001:db8:1::1", src("2001:db8:1::2", Flag.CARE_OF), home);
    LocalAddress both = src("2001:db8:3::3", Flag.HOME, Flag.CARE_OF);
    assertPicks(both, "2001:db8:1::1", src("2001:db8:1::2", Flag.HOME), both);
  }

  @Test
  void rule5PreferTheOutgoingInterfaceWhenItIsKnown() {
    LocalAddress eth1 = on("eth1", "2001:db8:3::2");
    LocalAddress eth0 = on("eth0", "2001:db8:1::2");
    assertEquals(Optional.of(eth1), rfc.selectSource(ip("2001:db8:1::1"), List.of(eth0, eth1), Optional.of("eth1")));
    assertEquals(Optional.of(eth1), rfc.selectSource(ip("2001:db8:1::1"), List.of(eth1, eth0), Optional.of("eth1")));
    assertEquals(Optional.of(eth0), rfc.selectSource(ip("2001:db8:1::1"), List.of(eth1, eth0)), "unknown: rule 8");
  }

  @Test
  void rule6PreferMatchingLabel() {
    LocalAddress sixToFour = src("2002:c633:6401::2");
    assertPicks(sixToFour, "2002:c633:6401::1", sixToFour, src("2001:db8:1::2", Flag.TEMPORARY));
  }

  @Test
  void rule7PreferTemporaryAddressesUnlessReversed() {
    LocalAddress temporary = src("2001:db8:1:0:d5e3:7953:13eb:22e8", 128, Flag.TEMPORARY);
    LocalAddress close = src("2001:db8:1::2", 128);
    assertPicks(temporary, "2001:db8:1::1", close, temporary);
    assertPicks(rfc.preferringTemporaryAddresses(false), close, "2001:db8:1::1", close, temporary);
  }

  @Test
  void rule8UseLongestMatchingPrefix() {
    LocalAddress near = src("2001:db8:1::2");
    assertPicks(near, "2001:db8:1::1", src("2001:db8:3::2"), near);
  }

  @Test
  void rule8CountsOnlyUpToTheSourcesPrefixLength() {
    LocalAddress longPrefix = src("2001:db8:1:0:8000::2", 64);
    LocalAddress shortPrefix = src("2001:db8:1::ff", 48); // shares 120 bits, but its prefix is /48
    assertPicks(longPrefix, "2001:db8:1::1", shortPrefix, longPrefix);
  }

  @Test
  void onlySourcesOfTheDestinationsFamilyAndLoopbackForLoopbackAreCandidates() {
    LocalAddress v4 = src("192.0.2.2");
    LocalAddress loopback = src("127.0.0.1", 8);
    assertEquals(Optional.of(v4), rfc.selectSource(ip("198.51.100.1"), List.of(src("2001:db8::2"), loopback, v4)));
    assertEquals(Optional.of(loopback), rfc.selectSource(ip("127.0.0.2"), List.of(v4, loopback)));
    assertEquals(Optional.empty(), rfc.selectSource(ip("2001:db8::1"), List.of(v4, loopback)));
  }

  /** Section 10.1, every example as written there. */
  @Test
  void section10_1Examples() {
    assertPicks(src("2001:db8:3::1"), "2001:db8:1::1", src("2001:db8:3::1"), src("fe80::1"));
    assertPicks(src("2001:db8:3::1"), "ff05::1", src("2001:db8:3::1"), src("fe80::1"));
    assertPicks(src("2001:db8:1::1", Flag.DEPRECATED), "2001:db8:1::1", src("2001:db8:1::1", Flag.DEPRECATED),
        src("2001:db8:2::1"));
    assertPicks(src("fe80::2", Flag.DEPRECATED), "fe80::1", src("fe80::2", Flag.DEPRECATED), src("2001:db8:1::1"));
    assertPicks(src("2001:db8:1::2"), "2001:db8:1::1", src("2001:db8:1::2"), src("2001:db8:3::2"));
    assertPicks(src("2001:db8:3::2", Flag.HOME), "2001:db8:1::1", src("2001:db8:1::2", Flag.CARE_OF),
        src("2001:db8:3::2", Flag.HOME));
    assertPicks(src("2002:c633:6401::d5e3:7953:13eb:22e8", Flag.TEMPORARY), "2002:c633:6401::1",
        src("2002:c633:6401::d5e3:7953:13eb:22e8", Flag.TEMPORARY), src("2001:db8:1::2"));
    assertPicks(src("2001:db8:1::d5e3:7953:13eb:22e8", Flag.TEMPORARY), "2001:db8:1::d5e3:0:0:1",
        src("2001:db8:1::2"), src("2001:db8:1::d5e3:7953:13eb:22e8", Flag.TEMPORARY));
  }
}
