package io.github.connectbylist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.testbed.LeakCheck;
import io.github.connectbylist.testbed.Testbed;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which destinations a connect may reach: rules by prefix, the deny-private preset, and the check itself. */
class DestinationPolicyTest {

  private static InetAddress ip(String literal) throws UnknownHostException {
    return InetAddress.getByName(literal);
  }

  @Test
  void thePresetDeniesEveryRangeThatIsNotGloballyReachable() throws Exception {
    DestinationPolicy p = DestinationPolicy.denyPrivate();
    for (String denied : new String[] {"127.0.0.1", "127.255.0.9", "10.1.2.3", "172.16.0.1", "172.31.255.255",
        "192.168.1.1", "100.64.0.1", "169.254.169.254", "0.0.0.0", "224.0.0.1", "255.255.255.255", "240.0.0.1",
        "192.0.2.1", "198.51.100.7", "203.0.113.9", "198.18.0.1", "192.0.0.8", "::1", "::", "fe80::1",
        "fc00::1", "fd12:3456::1", "ff02::1", "2001:db8::1", "fec0::1", "100::1", "2001::1",
        "::ffff:127.0.0.1", "64:ff9b::a00:1", "64:ff9b:1::7f00:1"}) {
      assertTrue(p.denial(ip(denied)).isPresent(), denied + " is not globally reachable");
    }
    for (String allowed : new String[] {"8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700::1111",
        "2a00:1450::1", "64:ff9b::808:808"}) {
      assertFalse(p.denial(ip(allowed)).isPresent(), allowed + " is public");
    }
    assertEquals("127.0.0.0/8 (loopback) is denied", p.denial(ip("127.0.0.1")).orElseThrow());
    assertTrue(p.denial(ip("64:ff9b::a00:1")).orElseThrow().contains("reaches 10.0.0.1 through NAT64"),
        "a private IPv4 address behind the NAT64 prefix is denied as that address");
  }

  @Test
  void denyPrivateDeniesEmbeddedAndLegacyForms() throws Exception {
    DestinationPolicy p = DestinationPolicy.denyPrivate();
    for (String denied : new String[] {"::127.0.0.1", "::10.0.0.1", "::ffff:0:10.0.0.1", "::ffff:0:127.0.0.1", "::2",
        "::1:0:0:0", "2002:7f00:1::1", "2002:a00:1::", "2002:c0a8:101::1", "fec0::1", "fed0::9", "100::1", "100::ffff",
        "2001:0:a00:1::1", "2001:0:4136:e378:8000:63bf:f5ff:fffe"}) {
      assertTrue(p.denial(ip(denied)).isPresent(), denied + " reaches private or local space");
    }
    for (String allowed : new String[] {"2002:808:808::1", "64:ff9b::808:808", "2606:4700::1111",
        "192.0.0.9", "192.0.0.10", "2001:1::1", "2001:1::2", "2001:1::3", "2001:3::1", "2001:4:112::1", "2001:20::1",
        "2001:30::1"}) {
      assertFalse(p.denial(ip(allowed)).isPresent(), allowed + " is globally reachable (IANA)");
    }
    assertEquals("it reaches 127.0.0.1 through 6to4, and 127.0.0.0/8 (loopback) is denied",
        p.denial(ip("2002:7f00:1::1")).orElseThrow());
  }

  @Test
  void anIpv6AddressIsDeniedWhenTheIpv4AddressItCarriesIsDenied() throws Exception {
    DestinationPolicy ipv4Rules = DestinationPolicy.builder().deny("10.0.0.0/8").build();
    String[][] cases = {
        {"::10.0.0.1", "an IPv4-compatible address"},
        {"::ffff:0:10.0.0.1", "an IPv4-translated address (SIIT)"},
        {"64:ff9b::10.0.0.1", "NAT64"},
        {"64:ff9b:1:a00:0:100::", "local-use NAT64"}, // behind a /48: bytes 6, 7, 9, 10 (RFC 6052 section 2.2)
        {"64:ff9b:1::10.0.0.1", "local-use NAT64"}, // behind a /96
        {"2002:a00:1::1", "6to4"},
        {"2001:0:a00:1::1", "Teredo (its server)"},
        {"2001:0:4136:e378:8000:63bf:f5ff:fffe", "Teredo (its client)"}, // ~f5fffffe = 10.0.0.1
        {"2620::5efe:a00:1", "ISATAP"}, // interface identifier 0:5efe:10.0.0.1, any prefix
        {"2620::200:5efe:a00:1", "ISATAP"},
    };
    for (String[] c : cases) {
      assertEquals("it reaches 10.0.0.1 through " + c[1] + ", and 10.0.0.0/8 is denied",
          ipv4Rules.denial(ip(c[0])).orElse("allowed"), c[0]);
    }
    for (String allowed : new String[] {"2002:808:808::1", "64:ff9b::8.8.8.8", "2001:0:808:808::1", "::8.8.8.8"}) {
      assertTrue(ipv4Rules.allows(ip(allowed)), allowed);
    }
  }

  @Test
  void aRuleIsAsciiOnly() {
    for (String fullWidth : new String[] {"\uff11::1", "\uff11" + "27.0.0.1", "127.0.0.\uff11/32", "10.0.0.0/\uff18"}) {
      assertThrows(IllegalArgumentException.class, () -> DestinationPolicy.builder().deny(fullWidth), fullWidth);
    }
  }

  @Test
  void theLongestPrefixDecidesAndAnUncoveredAddressIsAllowed() throws Exception {
    DestinationPolicy p = DestinationPolicy.denyPrivate().toBuilder().allow("10.1.2.0/24").deny("8.8.8.8").build();
    assertTrue(p.allows(ip("10.1.2.3")), "the /24 allow inside the /8 deny");
    assertFalse(p.allows(ip("10.1.3.3")));
    assertFalse(p.allows(ip("8.8.8.8")), "a bare address is a /32");
    assertTrue(p.allows(ip("8.8.4.4")));
    assertTrue(DestinationPolicy.allowAll().allows(ip("127.0.0.1")));
    DestinationPolicy v6 = DestinationPolicy.builder().deny("2001:db8::/32").allow("2001:db8:1::/48").build();
    assertTrue(v6.allows(ip("2001:db8:1::5")));
    assertFalse(v6.allows(ip("2001:db8:2::5")));
  }

  @Test
  void aBadPrefixIsAnErrorThatNamesIt() {
    for (String bad : new String[] {"10.0.0.0/33", "example.com/8", "10.0.0.0/x", "::/129"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> DestinationPolicy.builder().deny(bad));
      assertTrue(e.getMessage().contains(bad), e.getMessage());
    }
  }

  @Test
  void aListConnectToADeniedLiteralFailsWithoutOpeningASocket() throws Exception {
    LeakCheck leaks = LeakCheck.start();
    try (Testbed testbed = new Testbed()) {
      InetSocketAddress good = testbed.accepting("127.0.0.1").address();
      try (ConnectByList cbl = ConnectByList.builder().strategy("test-sequential")
          .destinations(DestinationPolicy.denyPrivate()).build()) {
        ConnectFailedException e = assertThrows(ConnectFailedException.class, () -> cbl.connect(List.of(good)));
        assertEquals(FailureKind.DENIED, e.kind(), e.getMessage());
        Attempt denied = e.attempts().get(0);
        assertEquals(Attempt.NOT_STARTED, denied.index());
        assertEquals(FailureKind.DENIED, denied.failure());
        assertEquals(denied.startedAt(), denied.endedAt());
        ConnectFailedException literal = assertThrows(ConnectFailedException.class,
            () -> cbl.connect("127.0.0.1", good.getPort()));
        assertEquals(FailureKind.DENIED, literal.kind(), "a literal by name is checked the same way");
      }
      assertEquals(0, testbed.acceptedCount(), "nothing reached the endpoint");
    }
    leaks.assertNoneOpen();
  }

  @Test
  void onlyTheDeniedDestinationsOfAListAreLeftOut() throws Exception {
    try (Testbed testbed = new Testbed()) {
      InetSocketAddress good = testbed.accepting("127.0.0.1").address();
      InetSocketAddress other = testbed.accepting("127.0.0.2").address();
      DestinationPolicy no2 = DestinationPolicy.builder().deny("127.0.0.2").build();
      try (ConnectByList cbl = ConnectByList.builder().strategy("test-sequential").destinations(no2).build();
          Connection c = cbl.connect(List.of(other, good))) {
        assertEquals(good, c.remoteAddress());
        assertEquals(2, c.attempts().size(), "the denied one is in the trace: " + c.attempts());
        assertEquals(FailureKind.DENIED, c.attempts().get(0).failure());
        assertEquals(0, c.winner().index(), "start order counts started attempts only");
      }
    }
  }
}
