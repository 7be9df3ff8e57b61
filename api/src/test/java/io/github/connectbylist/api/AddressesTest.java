package io.github.connectbylist.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  void onlyAsciiIsALiteral() {
    // Character.digit('\uff11', 16) is 1: such text passed the form check, and InetAddress then asked DNS.
    for (String name : new String[] {"\uff11::1", "[\uff11::1]", "\uff11" + "27.0.0.1", "127.0.0.\u0661", "::\uff41",
        "2001:db8::\uff21", "\u0661::1"}) {
      assertFalse(Addresses.looksLiteral(name), name + " is a name for the resolver");
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Addresses.parseLiteral(name));
      assertEquals(null, e.getCause(), "refused by its form, before InetAddress: " + name);
    }
    assertTrue(Addresses.looksLiteral("[::1]"));
    assertTrue(Addresses.looksLiteral("fe80::1%eth0"));
    assertTrue(Addresses.looksLiteral("192.0.2.1"));
  }

  @Test
  void aDottedQuadIsFourDecimalNumbersWithoutLeadingZerosAndNeverALookup() throws Exception {
    for (String ambiguous : new String[] {"0177.0.0.1", "127.0.0.01", "00.0.0.0", "999.1.1.1", "256.0.0.1",
        "2130706433", "127.1", "1.2.3.4.5", "1..2.3"}) {
      assertTrue(Addresses.looksLiteral(ambiguous), ambiguous + ": digits and dots are never a host name");
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Addresses.parseLiteral(ambiguous));
      assertTrue(e.getMessage().contains("four numbers 0 to 255, written without leading zeros"), e.getMessage());
    }
    for (String notIpv6 : new String[] {"1:2:3", "::1::2", "12345::1", "::1%", "::ffff:0177.0.0.1", "::ffff:1.2.3.04",
        "::ffff:1.2.3"}) {
      assertThrows(IllegalArgumentException.class, () -> Addresses.parseLiteral(notIpv6), notIpv6);
    }
    assertEquals(InetAddress.getByName("10.0.0.1"), Addresses.parseLiteral("10.0.0.1"));
    assertEquals(InetAddress.getByName("0.0.0.0"), Addresses.parseLiteral("0.0.0.0"));
    assertEquals(InetAddress.getByName("::ffff:1.2.3.4"), Addresses.parseLiteral("::ffff:1.2.3.4"));
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
