package io.github.connectbylist.resolver.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Addresses, numbers and host names are read in ASCII only, strictly, and never looked up. */
class LiteralsAndNamesTest {

  @Test
  void addressLiteralsAreStrictAndAscii() {
    assertEquals("127.0.0.1", AddressLiteral.parse("127.0.0.1").getHostAddress());
    assertEquals("0:0:0:0:0:0:0:1", AddressLiteral.parse("::1").getHostAddress());
    assertEquals("127.0.0.1", AddressLiteral.parse("::ffff:127.0.0.1").getHostAddress(), "IPv4-mapped is IPv4");
    for (String bad : List.of("", "127.1", "127.0.0.01", "127.0.0.256", "1.2.3.4.5", "1..2.3", "１２７.0.0.1",
        "::１", "fe80::1%lo", "1::2::3", "localhost", "+1.2.3.4", " 1.2.3.4", "1.2.3.4 ", "0x7f.0.0.1")) {
      assertNull(AddressLiteral.parse(bad), "'" + bad + "'");
    }
  }

  @Test
  void numbersAreAsciiDigitsWithinBounds() {
    assertEquals(53, AsciiNumber.parse("53", 1, 65535));
    assertEquals(53, AsciiNumber.parse("053", 1, 65535));
    for (String bad : List.of("", "５３", "+53", "-1", "0", "65536", "5 3", "9999999999", "٥٣")) {
      assertEquals(-1, AsciiNumber.parse(bad, 1, 65535), "'" + bad + "'");
    }
  }

  @Test
  void hostNamesAreAsciiLabelsOfOneTo63() {
    for (String good : List.of("x.test", "X.Test.", "a-b.test", "_dmarc.test", "xn--exmple-cua.test", "1.test",
        "a".repeat(63) + ".test")) {
      assertTrue(HostName.isValid(good), good);
    }
    for (String bad : List.of("", ".", "a..test", ".a.test", "-a.test", "a-.test", "exämple.test", "a b.test",
        "a\u0000.test", "ｘ.test", "a".repeat(64) + ".test", ("a".repeat(60) + ".").repeat(5) + "test", "a\\.test",
        "a.test..")) {
      assertFalse(HostName.isValid(bad), bad);
    }
    assertEquals("x.test", HostName.key("X.Test."));
    assertEquals("x.test.", HostName.parse("X.TEST").toString(), "absolute, lower case");
  }
}
