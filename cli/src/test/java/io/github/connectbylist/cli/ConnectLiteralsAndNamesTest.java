package io.github.connectbylist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.testbed.DnsReply;
import io.github.connectbylist.testbed.DnsServer;
import io.github.connectbylist.testbed.DnsServer.RecordType;
import io.github.connectbylist.testbed.Endpoint;
import io.github.connectbylist.testbed.Testbed;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * Review of issue 17: {@code connect} follows the library's literal rules ({@code Addresses.looksLiteral} and
 * {@code parseLiteral}, as {@code ConnectByList.connect(host, port)} does). Only ASCII is a literal; digits and
 * dots alone are an IPv4 literal of four numbers 0 to 255 without leading zeros, else bad input (what {@code
 * inet_aton} would read as {@code 127.0.0.1} is never connected); brackets hold IPv6 only; anything else is a
 * name for the configured resolver ({@code --resolver}), never {@code InetAddress.getAllByName}. Loopback only.
 */
class ConnectLiteralsAndNamesTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  /** Exit status 2, exactly {@code line} on standard error, nothing on standard output: nothing was tried. */
  private void assertBadInput(String line, String... args) {
    int status = run(args);
    assertEquals(2, status, "exit status of " + String.join(" ", args) + ": " + err + out);
    assertEquals(line, err.toString().strip());
    assertEquals(1, err.toString().lines().count(), err.toString());
    assertEquals("", out.toString(), "nothing was connected or printed");
  }

  private static String notFourNumbers(String literal) {
    return "connectbylist connect: '" + literal + "' is not an IP address literal: it must be four numbers 0 to "
        + "255, written without leading zeros, between dots";
  }

  @Test
  void connect127Dot1IsABadLiteralNotTheLoopbackAddress() {
    assertBadInput(notFourNumbers("127.1"), "connect", "127.1:1");
  }

  @Test
  void connect2130706433IsABadLiteralNot127001() {
    assertBadInput(notFourNumbers("2130706433"), "connect", "2130706433:1");
  }

  /**
   * The review's case was {@code 0177.0.0.1:80}, which the JDK read as the public {@code 177.0.0.1}: a test
   * must not reach off this machine even when the code regresses, so this one uses {@code 0127.0.0.1}, which
   * the JDK reads as {@code 127.0.0.1} and {@code inet_aton} as {@code 87.0.0.1}: the same rule, on loopback.
   */
  @Test
  void aLeadingZeroMakesABadLiteralNeitherOctalNorDecimal() {
    assertBadInput(notFourNumbers("0127.0.0.1"), "connect", "0127.0.0.1:9");
  }

  @Test
  void aBadLiteralAmongSeveralDestinationsIsBadInputBeforeAnyIsTried() throws Exception {
    try (Testbed testbed = new Testbed()) {
      Endpoint good = testbed.accepting("127.0.0.1");
      assertBadInput(notFourNumbers("127.1"), "connect", "127.0.0.1:" + good.address().getPort(), "127.1:1");
      assertEquals(0, testbed.acceptedCount(), "not even the good destination was connected");
    }
  }

  @Test
  void bracketsHoldAnIpv6LiteralOnly() {
    assertBadInput("connectbylist connect: '[127.0.0.1]:80': brackets hold an IPv6 address only", "connect",
        "[127.0.0.1]:80");
    assertBadInput("connectbylist connect: '[named.test]:80': brackets hold an IPv6 address only", "connect",
        "127.0.0.1:9", "[named.test]:80");
  }

  @Test
  void literalsStillConnectAlone() throws Exception {
    try (Testbed testbed = new Testbed()) {
      Endpoint good = testbed.accepting("127.0.0.1");
      assertEquals(0, run("connect", "127.0.0.1:" + good.address().getPort()), err.toString());
      assertTrue(out.toString().contains("-> 127.0.0.1:" + good.address().getPort() + " in "), out.toString());
      assertFalse(out.toString().contains("resolver:"), "a literal is not resolved: " + out);
      if (Testbed.ipv6LoopbackAvailable()) {
        Endpoint six = testbed.accepting("::1");
        assertEquals(0, run("connect", "[::1]:" + six.address().getPort()), err.toString());
        assertTrue(out.toString().contains("-> [::1]:" + six.address().getPort() + " in "), out.toString());
      }
    }
  }

  @Test
  void aNameAmongSeveralDestinationsIsResolvedByTheConfiguredResolver() throws Exception {
    try (Testbed testbed = new Testbed(); DnsServer dns = DnsServer.start()) {
      Endpoint refused = testbed.refusing("127.0.0.2");
      Endpoint good = testbed.accepting("127.0.0.1");
      dns.reply("named.test", RecordType.A, DnsReply.addresses("127.0.0.1"));
      String resolver = "dns(servers=" + dns.serverSpec() + ", hosts=none, timeout=1s)";
      assertEquals(0, run("connect", "--strategy", "sequential", "--resolver", resolver,
          "127.0.0.2:" + refused.address().getPort(), "named.test:" + good.address().getPort()), err.toString());
      String text = out.toString();
      assertTrue(text.contains("resolver: dns(servers=" + dns.serverSpec()), text);
      assertTrue(text.contains("named.test: 127.0.0.1"), text);
      assertTrue(text.contains("-> 127.0.0.1:" + good.address().getPort() + " in "), text);
      assertEquals(1, dns.queries("named.test", RecordType.A), "asked of the configured resolver's server");
    }
  }

  @Test
  void aNonAsciiNameAmongSeveralGoesToTheConfiguredResolverNotTheJdks() throws Exception {
    try (DnsServer dns = DnsServer.start()) {
      String resolver = "dns(servers=" + dns.serverSpec() + ", hosts=none, timeout=1s)";
      assertBadInput("connectbylist connect: 'ex\u00e4mple.test:80': no address found for ex\u00e4mple.test (AAAA: "
          + "NO_SUCH_NAME, A: NO_SUCH_NAME)", "connect", "--resolver", resolver, "127.0.0.1:9", "ex\u00e4mple.test:80");
      assertBadInput("connectbylist connect: '\uff11\uff12\uff17.0.0.1:80': no address found for "
          + "\uff11\uff12\uff17.0.0.1 (AAAA: NO_SUCH_NAME, A: NO_SUCH_NAME)", "connect", "--resolver", resolver,
          "127.0.0.1:9", "\uff11\uff12\uff17.0.0.1:80");
      assertEquals(0, dns.queriesReceived(), "resolver dns refuses a name that is not ASCII without a query");
    }
  }
}
