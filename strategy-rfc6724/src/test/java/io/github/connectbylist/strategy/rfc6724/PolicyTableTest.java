package io.github.connectbylist.strategy.rfc6724;

import static io.github.connectbylist.strategy.rfc6724.Fixtures.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyTableTest {
  private final PolicyTable table = PolicyTable.rfc6724();

  @ParameterizedTest(name = "{0}: precedence {1}, label {2}")
  @CsvSource({
      "::1, 50, 0",
      "2001:db8::1, 40, 1",
      "192.0.2.1, 35, 4",
      "2002:c633:6401::1, 30, 2",
      "2001:0:4136:e378::1, 5, 5",
      "fd00::2, 3, 13",
      "::c000:201, 1, 3",
      "fec0::1, 1, 11",
      "3ffe::1, 1, 12",
      "fe80::1, 40, 1",
  })
  void looksUpTheLongestMatchingPrefixOfSection2_1(String address, int precedence, int label) {
    assertEquals(precedence, table.precedence(ip(address)));
    assertEquals(label, table.label(ip(address)));
  }

  @Test
  void ipv4ScopesFollowSection3_2() {
    assertEquals(Scope.LINK_LOCAL, Scope.of(ip("127.0.0.1"), table));
    assertEquals(Scope.LINK_LOCAL, Scope.of(ip("169.254.13.78"), table));
    assertEquals(Scope.GLOBAL, Scope.of(ip("10.1.2.3"), table), "private IPv4 is global, not site-local");
    assertEquals(Scope.GLOBAL, Scope.of(ip("198.51.100.1"), table));
    assertEquals(Scope.LINK_LOCAL, Scope.of(ip("::1"), table));
    assertEquals(Scope.LINK_LOCAL, Scope.of(ip("fe80::1"), table));
    assertEquals(Scope.SITE_LOCAL, Scope.of(ip("fec0::1"), table));
    assertEquals(Scope.SITE_LOCAL, Scope.of(ip("ff05::1"), table), "multicast scope field");
  }

  @Test
  void theDefaultTableRoundTripsThroughGaiConf() {
    String text = table.toGaiConf();
    assertTrue(text.contains("precedence ::ffff:0.0.0.0/96 35"), text);
    assertEquals(table, PolicyTable.parseGaiConf(text, "round-trip"));
  }

  @Test
  void aKindWithLinesReplacesItsDefaultAndTheOthersStay() {
    PolicyTable preferIpv4 = PolicyTable.parseGaiConf("""
        # prefer IPv4, as the comment in glibc's gai.conf shows
        reload no
        precedence  ::1/128       50
        precedence  ::/0          40
        precedence  ::ffff:0:0/96 100   # was 35
        scopev4 10.0.0.0/8 5
        """, "test");
    assertEquals(100, preferIpv4.precedence(ip("192.0.2.1")));
    assertEquals(40, preferIpv4.precedence(ip("2002::1")), "the default 2002::/16 row is gone");
    assertEquals(table.labelEntries(), preferIpv4.labelEntries(), "no label lines: default labels");
    assertEquals(5, Scope.of(ip("10.1.2.3"), preferIpv4));
    assertEquals(Scope.GLOBAL, Scope.of(ip("127.0.0.1"), preferIpv4), "scopev4 lines replace the defaults");
    assertNotEquals(table, preferIpv4);
    assertEquals(preferIpv4, PolicyTable.parseGaiConf(preferIpv4.toGaiConf(), "again"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "frobnicate ::/0 1 | unknown keyword",
      "label ::/0 | takes a prefix and a number",
      "label ::/0 1 2 | takes a prefix and a number",
      "precedence ::/129 1 | prefix length outside",
      "precedence example.com/8 1 | not an address prefix",
      "precedence ::/0 many | not a whole number",
      "precedence ::/0 -1 | must not be negative",
      "scopev4 2001:db8::/32 2 | scopev4 takes an IPv4 prefix",
      "reload maybe | reload takes yes or no",
  })
  void rejectsAMalformedLineNamingItsNumber(String line, String why) {
    GaiConfException e = assertThrows(GaiConfException.class,
        () -> PolicyTable.parseGaiConf("# fine\nlabel ::1/128 0\n" + line + "\n", "gai.conf"));
    assertEquals(3, e.lineNumber());
    assertTrue(e.getMessage().startsWith("gai.conf line 3: "), e.getMessage());
    assertTrue(e.getMessage().contains(why), e.getMessage());
  }

  @Test
  void readsAFileAndFallsBackToTheDefaultWithoutLines(@TempDir Path dir) throws Exception {
    Path commentsOnly = dir.resolve("gai.conf");
    Files.writeString(commentsOnly, "# nothing but comments\n#label ::1/128 0\n");
    assertEquals(table, PolicyTable.fromGaiConf(commentsOnly));
    PolicyTable host = PolicyTable.host();
    assertEquals(host, PolicyTable.parseGaiConf(host.toGaiConf(), "host"));
  }

  @Test
  void prefixesReadIpv4AsMapped() {
    assertEquals(Prefix.parse("::ffff:10.0.0.0/104"), Prefix.parse("10.0.0.0/8"));
    assertTrue(Prefix.parse("10.0.0.0/8").isIpv4Mapped());
    assertTrue(Prefix.parse("2002::/16").contains(ip("2002:c633:6401::1")));
    assertEquals("2002::/16", Prefix.parse("2002:ffff::/16").toString(), "host bits are cleared");
  }
}
