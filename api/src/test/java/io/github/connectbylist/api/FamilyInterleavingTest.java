package io.github.connectbylist.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 8305 section 4's order, as Happy Eyeballs and the client models share it. */
class FamilyInterleavingTest {

  @Test
  void familiesInterleaveFromTheFirstOrFromIpv6() {
    AddressPair v6a = pair("2001:db8::1");
    AddressPair v6b = pair("2001:db8::2");
    AddressPair v4a = pair("192.0.2.1");
    AddressPair v4b = pair("192.0.2.2");
    assertEquals(List.of(v6a, v4a, v6b, v4b), FamilyInterleaving.interleave(List.of(v6a, v6b, v4a, v4b), 1));
    assertEquals(List.of(v6a, v6b, v4a, v4b), FamilyInterleaving.interleave(List.of(v6a, v6b, v4a, v4b), 2));
    assertEquals(List.of(v6a, v4a, v4b), FamilyInterleaving.interleave(List.of(v4a, v4b, v6a), 1, true));
    assertEquals(List.of(v4a, v4b), FamilyInterleaving.interleave(List.of(v4a, v4b), 1, true));
  }

  private static AddressPair pair(String literal) {
    return AddressPair.toDestination(new java.net.InetSocketAddress(Addresses.parseLiteral(literal), 443));
  }
}
