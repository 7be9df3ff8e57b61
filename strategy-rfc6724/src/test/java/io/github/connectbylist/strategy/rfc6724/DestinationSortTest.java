package io.github.connectbylist.strategy.rfc6724;

import static io.github.connectbylist.strategy.rfc6724.Fixtures.ips;
import static io.github.connectbylist.strategy.rfc6724.Fixtures.src;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.connectbylist.api.LocalAddress;
import io.github.connectbylist.api.LocalAddress.Flag;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Section 6, rule by rule, and the examples of section 10.2. Each rule's case is built so that a later rule
 * (or the input order) would decide the other way; both input orders are checked.
 */
class DestinationSortTest {
  private final Rfc6724 rfc = Rfc6724.standard();

  private static void assertSorted(Rfc6724 rfc, List<InetAddress> expected, List<LocalAddress> sources) {
    assertEquals(expected, rfc.sortDestinations(expected, sources), "given in the expected order");
    List<InetAddress> reversed = new ArrayList<>(expected);
    Collections.reverse(reversed);
    assertEquals(expected, rfc.sortDestinations(reversed, sources), "given in reverse");
  }

  private void assertSorted(List<InetAddress> expected, LocalAddress... sources) {
    assertSorted(rfc, expected, List.of(sources));
  }

  @Test
  void rule1AvoidUnusableDestinations() {
    assertSorted(ips("198.51.100.1", "2001:db8:1::1"), src("198.51.100.2"));
  }

  @Test
  void rule2PreferMatchingScope() {
    assertSorted(ips("198.51.100.121", "2001:db8:1::1"), src("fe80::1"), src("198.51.100.117"));
  }

  @Test
  void rule3AvoidDeprecatedSources() {
    assertSorted(ips("2001:db8:1::1", "fe80::1"), src("2001:db8:1::2"), src("fe80::2", Flag.DEPRECATED));
  }

  @Test
  void rule4PreferHomeSources() {
    assertSorted(ips("2001:db8:1::1", "fe80::1"),
        src("2001:db8:1::2", Flag.CARE_OF), src("2001:db8:3::1", Flag.HOME), src("fe80::2", Flag.CARE_OF));
  }

  @Test
  void rule5PreferMatchingLabel() {
    assertSorted(ips("2002:c633:6401::1", "2001:db8:1::1"), src("2002:c633:6401::2"), src("fe80::2"));
  }

  @Test
  void rule6PreferHigherPrecedence() {
    assertSorted(ips("2001:db8:1::1", "10.1.2.3"), src("2001:db8:1::2"), src("fe80::1"), src("10.1.2.4"));
  }

  @Test
  void rule7PreferNativeTransport() {
    // One label and one precedence for everything, so rules 5 and 6 cannot decide; rule 9 would prefer
    // the 6to4 destination, whose source shares 64 bits with it.
    PolicyTable flat = PolicyTable.of(List.of(PolicyTable.Entry.of("::/0", 40)),
        List.of(PolicyTable.Entry.of("::/0", 1)), PolicyTable.rfc6724().scopeV4Entries());
    assertSorted(Rfc6724.with(flat), ips("2001:db8:2::1", "2002:c633:6401::1"),
        List.of(src("2002:c633:6401::2"), src("2001:db8:3::2")));
  }

  @Test
  void rule8PreferSmallerScope() {
    assertSorted(ips("fe80::1", "2001:db8:1::1"), src("2001:db8:1::2"), src("fe80::2"));
  }

  @Test
  void rule9UseLongestMatchingPrefix() {
    assertSorted(ips("2001:db8:1::1", "2001:db8:3ffe::1"),
        src("2001:db8:1::2"), src("2001:db8:3f44::2"), src("fe80::2"));
  }

  @Test
  void rule9DoesNotCompareIpv4Destinations() {
    List<InetAddress> given = ips("198.51.100.1", "203.0.113.1");
    assertEquals(given, rfc.sortDestinations(given, List.of(src("203.0.113.2", 28), src("198.51.100.2", 24))),
        "round robin order kept");
  }

  @Test
  void rule10LeavesEqualDestinationsInTheirOrder() {
    List<InetAddress> given = ips("2001:db8:1::3", "2001:db8:1::1", "2001:db8:1::2");
    assertEquals(given, rfc.sortDestinations(given, List.of(src("2001:db8:1::9"))));
  }

  /** Section 10.2, every example as written there. */
  @Test
  void section10_2Examples() {
    assertSorted(ips("2001:db8:1::1", "198.51.100.121"), src("2001:db8:1::2"), src("fe80::1"), src("169.254.13.78", 16));
    assertSorted(ips("198.51.100.121", "2001:db8:1::1"), src("fe80::1"), src("198.51.100.117"));
    assertSorted(ips("2001:db8:1::1", "10.1.2.3"), src("2001:db8:1::2"), src("fe80::1"), src("10.1.2.4"));
    assertSorted(ips("fe80::1", "2001:db8:1::1"), src("2001:db8:1::2"), src("fe80::2"));
    assertSorted(ips("2001:db8:1::1", "fe80::1"),
        src("2001:db8:1::2", Flag.CARE_OF), src("2001:db8:3::1", Flag.HOME), src("fe80::2", Flag.CARE_OF));
    assertSorted(ips("2001:db8:1::1", "fe80::1"), src("2001:db8:1::2"), src("fe80::2", Flag.DEPRECATED));
    assertSorted(ips("2001:db8:1::1", "2001:db8:3ffe::1"), src("2001:db8:1::2"), src("2001:db8:3f44::2"), src("fe80::2"));
    assertSorted(ips("2002:c633:6401::1", "2001:db8:1::1"), src("2002:c633:6401::2"), src("fe80::2"));
    assertSorted(ips("2001:db8:1::1", "2002:c633:6401::1"),
        src("2002:c633:6401::2"), src("2001:db8:1::2"), src("fe80::2"));
  }
}
