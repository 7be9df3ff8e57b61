package io.github.connectbylist.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a rule matches: family, prefixes both ways or one, protocol, and the port on the {@code to} side. */
class PathRuleTest {
  private static final int TCP = 6;
  private static final int UDP = 17;

  private static byte[] ip(String literal) throws Exception {
    return InetAddress.getByName(literal).getAddress();
  }

  @Test
  void aRuleBothWaysMatchesTheRepliesWithThePortOnTheirSource() throws Exception {
    PathRule dns = PathRule.named("dns").from(Prefix.parse("192.0.2.0/24")).to(Prefix.parse("198.51.100.53"))
        .protocol(Protocol.UDP).port(53).delay(Duration.ofMillis(5));
    assertTrue(dns.matches(Family.IPV4, ip("192.0.2.2"), ip("198.51.100.53"), UDP, 40000, 53), "the query");
    assertTrue(dns.matches(Family.IPV4, ip("198.51.100.53"), ip("192.0.2.2"), UDP, 53, 40000), "its answer");
    assertFalse(dns.matches(Family.IPV4, ip("192.0.2.2"), ip("198.51.100.53"), TCP, 40000, 53), "not TCP");
    assertFalse(dns.matches(Family.IPV4, ip("192.0.2.2"), ip("198.51.100.53"), UDP, 40000, 54), "not port 54");
    assertFalse(dns.matches(Family.IPV4, ip("203.0.113.2"), ip("198.51.100.53"), UDP, 40000, 53), "not that source");
    assertFalse(dns.oneWay().matches(Family.IPV4, ip("198.51.100.53"), ip("192.0.2.2"), UDP, 53, 40000),
        "one way: not the answer");
  }

  @Test
  void aFamilyRuleMatchesEveryPacketOfItsFamilyOnly() throws Exception {
    PathRule six = PathRule.named("ipv6").family(Family.IPV6).delay(Duration.ofMillis(150));
    assertTrue(six.matches(Family.IPV6, ip("2001:db8:1::2"), ip("2001:db8:2::2"), TCP, 1, 2));
    assertFalse(six.matches(Family.IPV4, ip("192.0.2.2"), ip("198.51.100.2"), TCP, 1, 2));
    assertEquals(Duration.ofMillis(150), six.delay());
  }

  @Test
  void aRuleRefusesWhatCannotBeMet() {
    assertThrows(IllegalArgumentException.class, () -> PathRule.named("x").loss(1.5));
    assertThrows(IllegalArgumentException.class, () -> PathRule.named("x").delay(Duration.ofMinutes(2)));
    assertThrows(IllegalArgumentException.class, () -> PathRule.named("x").protocol(Protocol.ICMP).port(7));
    assertThrows(IllegalArgumentException.class, () -> PathRule.named("x").family(Family.IPV4)
        .to(Prefix.parse("2001:db8::/32")));
    assertThrows(IllegalArgumentException.class, () -> PathRule.named("x").from(Prefix.parse("192.0.2.0/24"))
        .to(Prefix.parse("2001:db8::/32")));
  }

  @Test
  void aPrefixMatchesItsLeadingBitsOnly() throws Exception {
    Prefix p = Prefix.parse("2001:db8:1::/48");
    assertTrue(p.contains(InetAddress.getByName("2001:db8:1:ffff::1")));
    assertFalse(p.contains(InetAddress.getByName("2001:db8:2::1")));
    assertFalse(p.contains(InetAddress.getByName("192.0.2.1")), "another family");
    assertTrue(Prefix.parse("198.51.100.0/23").contains(InetAddress.getByName("198.51.101.7")), "odd lengths");
    assertThrows(IllegalArgumentException.class, () -> Prefix.parse("192.0.2.0/33"));
    assertThrows(IllegalArgumentException.class, () -> Prefix.parse("192.0.2.0/x"));
  }
}
