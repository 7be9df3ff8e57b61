package io.github.connectbylist.testbed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A {@link ServiceRecord} holds only what RFC 9460 lets a record carry, refuses the rest when it is built, and
 * is a value: arrays compared by content and copied in and out.
 */
class ServiceRecordTest {

  @Test
  void theWithersSetEachKeyAndNamesBecomeAbsolute() {
    ServiceRecord r = ServiceRecord.service(2, "svc.x.test").alpn("h3", "h2").noDefaultAlpn(true).port(8443)
        .ipv4Hints("127.0.0.1", "192.0.2.1").ipv6Hints("::1", "::ffff:192.0.2.1").ech(new byte[] {1, 2, 3})
        .mandatory("port", "key65001", "alpn").otherKey(65001, new byte[] {9});
    assertEquals(2, r.priority());
    assertEquals("svc.x.test.", r.target(), "absolute, with its trailing dot");
    assertEquals(List.of("h3", "h2"), r.alpn());
    assertTrue(r.noDefaultAlpn());
    assertEquals(8443, r.port());
    assertEquals("192.0.2.1", r.ipv4Hints().get(1).getHostAddress());
    assertTrue(r.ipv6Hints().get(1) instanceof Inet6Address, "a mapped literal stays IPv6: " + r.ipv6Hints());
    assertArrayEquals(new byte[] {1, 2, 3}, r.ech());
    assertEquals(List.of("port", "key65001", "alpn"), r.mandatory(), "as given");
    assertEquals(List.of(1, 3, 65001), r.mandatoryKeys(), "as the wire carries them");
    assertArrayEquals(new byte[] {9}, r.otherKeys().get(65001));
    assertEquals("2 svc.x.test. mandatory=alpn,port,key65001 alpn=h3,h2 no-default-alpn port=8443"
        + " ipv4hint=127.0.0.1,192.0.2.1 ech=AQID ipv6hint=0:0:0:0:0:0:0:1,0:0:0:0:0:ffff:c000:201 key65001=\"\\009\"",
        r.toString());
    assertEquals(".", ServiceRecord.service(1, ".").target());
    assertEquals("svc.x.test.", ServiceRecord.alias("svc.x.test.").target());
    assertFalse(ServiceRecord.service(1, ".").alpn("h2").noDefaultAlpn(true).noDefaultAlpn(false).noDefaultAlpn());
  }

  @Test
  void anAliasTakesNoSvcParams() {
    ServiceRecord alias = ServiceRecord.alias("svc.x.test");
    assertEquals(0, alias.priority());
    assertThrows(IllegalArgumentException.class, () -> alias.alpn("h2"));
    assertThrows(IllegalArgumentException.class, () -> alias.noDefaultAlpn(true));
    assertThrows(IllegalArgumentException.class, () -> alias.port(443));
    assertThrows(IllegalArgumentException.class, () -> alias.ipv4Hints("127.0.0.1"));
    assertThrows(IllegalArgumentException.class, () -> alias.ipv6Hints("::1"));
    assertThrows(IllegalArgumentException.class, () -> alias.ech(new byte[] {1}));
    assertThrows(IllegalArgumentException.class, () -> alias.mandatory("alpn"));
    assertThrows(IllegalArgumentException.class, () -> alias.otherKey(65001, new byte[0]));
    assertEquals(alias, alias.alpn(new String[0]).ech(null).noDefaultAlpn(false), "setting nothing is no SvcParam");
  }

  @Test
  void outOfRangeValuesAndBadLiteralsAreRefused() {
    ServiceRecord s = ServiceRecord.service(1, "svc.x.test");
    assertThrows(IllegalArgumentException.class, () -> ServiceRecord.service(0, "svc.x.test"), "0 is AliasMode");
    assertThrows(IllegalArgumentException.class, () -> ServiceRecord.service(65_536, "svc.x.test"));
    assertThrows(IllegalArgumentException.class, () -> ServiceRecord.alias("a..test"));
    assertThrows(IllegalArgumentException.class, () -> s.port(65_536));
    assertThrows(IllegalArgumentException.class, () -> s.port(-1));
    assertEquals(65_535, s.port(65_535).port());
    assertEquals(0, s.port(0).port());
    assertThrows(IllegalArgumentException.class, () -> s.ipv4Hints("::1"));
    assertThrows(IllegalArgumentException.class, () -> s.ipv4Hints("localhost"), "never looked up");
    assertThrows(IllegalArgumentException.class, () -> s.ipv4Hints("127.0.0"));
    assertThrows(IllegalArgumentException.class, () -> s.ipv6Hints("127.0.0.1"));
    assertThrows(IllegalArgumentException.class, () -> s.ipv6Hints("fe80::1%eth0"));
    assertThrows(IllegalArgumentException.class, () -> s.alpn(""));
    assertThrows(IllegalArgumentException.class, () -> s.alpn("x".repeat(256)));
    assertEquals(255, s.alpn("x".repeat(255)).alpn().get(0).length());
    assertThrows(IllegalArgumentException.class, () -> s.mandatory("mandatory"), "not in its own list");
    assertThrows(IllegalArgumentException.class, () -> s.mandatory("key0"), "not in its own list");
    assertThrows(IllegalArgumentException.class, () -> s.mandatory("alpn", "key1"), "the same key twice");
    assertThrows(IllegalArgumentException.class, () -> s.mandatory("dohpath"), "not a name this record knows");
    assertThrows(IllegalArgumentException.class, () -> s.mandatory("key065001"), "no leading zeros");
    assertThrows(IllegalArgumentException.class, () -> s.mandatory("key65536"));
    assertThrows(IllegalArgumentException.class, () -> s.otherKey(1, new byte[] {2, 'h', '2'}), "alpn has alpn()");
    assertThrows(IllegalArgumentException.class, () -> s.otherKey(65_536, new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> s.otherKey(7, new byte[65_536]));
    assertEquals(List.of(7, 65_535), List.copyOf(s.otherKey(65_535, new byte[0]).otherKey(7, new byte[0])
        .otherKeys().keySet()), "in increasing order");
  }

  @Test
  void aMandatoryKeyMustBeCarriedByTheTimeTheReplyIsMade() {
    ServiceRecord listed = ServiceRecord.service(1, ".").mandatory("key65001");
    assertThrows(IllegalArgumentException.class, () -> DnsReply.services(listed));
    assertThrows(IllegalArgumentException.class, () -> DnsReply.services(ServiceRecord.service(1, ".")
        .mandatory("ech")));
    assertThrows(IllegalArgumentException.class, () -> DnsReply.services(new ServiceRecord[0]));
    DnsReply reply = DnsReply.services(listed.otherKey(65001, new byte[0]));
    assertEquals(DnsReply.Kind.SERVICES, reply.kind());
    assertEquals(List.of(), DnsReply.addresses("127.0.0.1").services());
  }

  @Test
  void arraysAreComparedByContentAndCopiedInAndOut() {
    byte[] config = {1, 2, 3};
    byte[] value = {4};
    ServiceRecord a = ServiceRecord.service(1, ".").ech(config).otherKey(65001, value);
    config[0] = 9;
    value[0] = 9;
    a.ech()[1] = 9;
    a.otherKeys().get(65001)[0] = 9;
    ServiceRecord b = ServiceRecord.service(1, ".").ech(new byte[] {1, 2, 3}).otherKey(65001, new byte[] {4});
    assertEquals(b, a);
    assertEquals(b.hashCode(), a.hashCode());
    assertNotEquals(b, b.ech(new byte[] {1, 2}));
    assertNotEquals(b, b.otherKey(65001, new byte[] {5}));
    assertThrows(UnsupportedOperationException.class, () -> a.otherKeys().put(65002, new byte[0]));
    assertNull(ServiceRecord.service(1, ".").ech());
    assertEquals(Map.of(), ServiceRecord.service(1, ".").otherKeys());
  }
}
