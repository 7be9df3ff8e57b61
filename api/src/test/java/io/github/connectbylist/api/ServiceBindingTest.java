package io.github.connectbylist.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 9460's rules a TCP client applies to one ServiceMode record (sections 7.1, 7.2 and 8). */
class ServiceBindingTest {

  private static ServiceBinding record(List<String> alpn, boolean noDefault, int port, byte[] ech, List<String> mandatory) {
    return new ServiceBinding(1, "svc.test.", alpn, noDefault, port, List.of(), List.of(), ech, mandatory);
  }

  @Test
  void theAlpnSetIsTheRecordsIdsThenHttpsDefaultAndTcpDropsQuic() {
    ServiceBinding h3 = record(List.of("h3", "h2"), false, -1, null, List.of());
    assertEquals(List.of("h3", "h2", "http/1.1"), h3.protocols());
    assertEquals(List.of("h2", "http/1.1"), h3.tcpProtocols());
    assertTrue(h3.usableOverTcp());
    assertFalse(record(List.of("h3"), true, -1, null, List.of()).usableOverTcp(), "h3 alone, no default: UDP only");
    assertTrue(record(List.of("h3"), false, -1, null, List.of()).usableOverTcp(), "the default http/1.1 over TCP");
  }

  @Test
  void aRecordThatMakesMandatoryAKeyItLacksIsNotUsable() {
    assertTrue(record(List.of("h2"), false, 8443, null, List.of("alpn", "port")).usableOverTcp());
    assertFalse(record(List.of("h2"), false, -1, null, List.of("port")).usableOverTcp(), "port is mandatory but absent");
    assertFalse(record(List.of("h2"), false, -1, null, List.of("key65001")).usableOverTcp(), "a key we do not know");
  }

  @Test
  void thePortIsTheRecordsOrTheOrigins() {
    assertEquals(8443, record(List.of(), false, 8443, null, List.of()).portOr(443));
    assertEquals(443, record(List.of(), false, -1, null, List.of()).portOr(443));
  }

  @Test
  void theEchBytesAreCopiedInAndOutAndCompareByContent() {
    byte[] ech = {0, 3, 1, 2, 3};
    ServiceBinding b = record(List.of(), false, -1, ech, List.of());
    ech[0] = 9;
    assertArrayEquals(new byte[] {0, 3, 1, 2, 3}, b.ech());
    b.ech()[1] = 9;
    assertEquals(b, record(List.of(), false, -1, new byte[] {0, 3, 1, 2, 3}, List.of()));
    assertEquals("svc.test", b.target(), "lower case, no final dot");
  }

  @Test
  void badValuesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> ServiceBinding.of(0, "alias.test"), "0 is AliasMode");
    assertThrows(IllegalArgumentException.class, () -> record(List.of(), false, 70000, null, List.of()));
    assertThrows(IllegalArgumentException.class, () -> new ServiceBinding(1, "x", List.of(), false, -1,
        List.of(Addresses.parseLiteral("::1")), List.of(), null, List.of()), "an IPv6 ipv4hint");
  }
}
