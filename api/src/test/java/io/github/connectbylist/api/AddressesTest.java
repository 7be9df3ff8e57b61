package io.github.connectbylist.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AddressesTest {
  @Test
  void writesIpv6AsRfc5952Says() throws Exception {
    assertEquals("::1", Addresses.text(InetAddress.getByName("::1")));
    assertEquals("::", Addresses.text(InetAddress.getByName("::")));
    assertEquals("2001:db8::1", Addresses.text(InetAddress.getByName("2001:db8:0:0:0:0:0:1")));
    assertEquals("2001:db8:0:1:1:1:1:1", Addresses.text(InetAddress.getByName("2001:db8:0:1:1:1:1:1")));
    assertEquals("2001:0:0:1::1", Addresses.text(InetAddress.getByName("2001:0:0:1:0:0:0:1")));
    assertEquals("2001:db8::1:0:0:1", Addresses.text(InetAddress.getByName("2001:db8:0:0:1:0:0:1")));
    assertEquals("fe80::1%3", Addresses.text(Inet6Address.getByAddress(null, InetAddress.getByName("fe80::1").getAddress(), 3)));
    assertEquals("::ffff:192.0.2.1", Addresses.text(Inet6Address.getByAddress(null,
        new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 192, 0, 2, 1}, -1)));
    assertEquals("[::1]:443", Addresses.format(InetAddress.getByName("::1"), 443));
    assertEquals("127.0.0.1:80", Addresses.format(InetAddress.getByName("127.0.0.1"), 80));
  }

  @Test
  void parsesLiteralsAndRefusesNamesWithoutALookup() throws Exception {
    assertEquals(InetAddress.getByName("2001:db8::1"), Addresses.parseLiteral("2001:db8::1"));
    assertEquals(InetAddress.getByName("192.0.2.1"), Addresses.parseLiteral("192.0.2.1"));
    for (String bad : new String[] {"example.com", "", "1.2.3.4%eth0", "localhost", "beef", "1.2",
        "1.2.3.4.5", "1..2.3", "1234.1.2.3", ".1.2.3", "1.2.3.", "1.2.3.x"}) {
      org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Addresses.parseLiteral(bad), bad);
    }
  }

  @Test
  void fullWidthHexDigitsAreNotALiteralAndAreNeverLookedUp() {
    // Character.digit('\uff11', 16) is 1: such text passed the form check, and InetAddress then asked DNS.
    for (String bad : new String[] {"\uff11::1", "2001:db8::\uff21", "\u0661::1"}) {
      org.junit.jupiter.api.Assertions.assertFalse(Addresses.looksLiteral(bad), bad);
      IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
          () -> Addresses.parseLiteral(bad), bad);
      assertEquals("'" + bad + "' is not an IP address literal", e.getMessage());
      assertEquals(null, e.getCause(), "refused by its form, before InetAddress: " + bad);
    }
  }

  @Test
  void unmapsIpv4MappedAddresses() throws Exception {
    InetAddress mapped = Inet6Address.getByAddress(null,
        new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 192, 0, 2, 1}, -1);
    assertInstanceOf(Inet6Address.class, mapped);
    assertEquals(InetAddress.getByName("192.0.2.1"), Addresses.unmapped(mapped));
    assertInstanceOf(Inet4Address.class, Addresses.unmapped(mapped));
    InetAddress compatible = InetAddress.getByName("::c000:201");
    assertEquals(compatible, Addresses.unmapped(compatible), "IPv4-compatible is not IPv4-mapped");
  }
}
