package io.github.connectbylist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.testbed.LeakCheck;
import io.github.connectbylist.support.Recorder;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad input of DESIGN.md's table gets its error, naming the element, before any socket opens. */
class BadInputTest {
  private static final InetSocketAddress GOOD = new InetSocketAddress("127.0.0.1", 9);

  static Stream<Arguments> badAddresses() throws Exception {
    return Stream.of(
        Arguments.of("unresolved", InetSocketAddress.createUnresolved("example.invalid", 80), "unresolved"),
        Arguments.of("port 0", new InetSocketAddress("127.0.0.1", 0), "port 0"),
        Arguments.of("0.0.0.0", new InetSocketAddress("0.0.0.0", 80), "unspecified"),
        Arguments.of("::", new InetSocketAddress("::", 80), "unspecified"),
        Arguments.of("IPv4 multicast", new InetSocketAddress("224.0.0.1", 80), "multicast"),
        Arguments.of("IPv6 multicast", new InetSocketAddress("ff02::1", 80), "multicast"),
        Arguments.of("broadcast", new InetSocketAddress("255.255.255.255", 80), "broadcast"),
        Arguments.of("mapped 0.0.0.0", new InetSocketAddress(Inet6Address.getByAddress(null,
            new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0}, -1), 80), "unspecified"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badAddresses")
  void aBadDestinationIsRejectedBeforeAnySocketOpens(String name, InetSocketAddress bad, String why) throws Exception {
    LeakCheck leaks = LeakCheck.start();
    Recorder recorder = new Recorder();
    try (ConnectByList cbl = ConnectByList.builder().strategy("test-sequential").listener(recorder).build()) {
      for (boolean async : new boolean[] {false, true}) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> connect(cbl, async, List.of(GOOD, bad)));
        assertTrue(e.getMessage().contains("addresses[1]"), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
      }
      assertTrue(recorder.rankings.isEmpty(), "nothing started");
    }
    leaks.assertNoneOpen();
  }

  @Test
  void nullAndEmptyListsAndNullElementsAreNamed() {
    try (ConnectByList cbl = ConnectByList.builder().strategy("test-sequential").build()) {
      assertEquals("addresses", assertThrows(NullPointerException.class, () -> cbl.connect((List<InetSocketAddress>) null)).getMessage());
      assertTrue(assertThrows(IllegalArgumentException.class, () -> cbl.connect(List.of())).getMessage()
          .contains("empty"));
      List<InetSocketAddress> withNull = new ArrayList<>(Arrays.asList(GOOD, GOOD, null));
      assertEquals("addresses[2] is null",
          assertThrows(NullPointerException.class, () -> cbl.connectAsync(withNull)).getMessage());
    }
  }

  @Test
  void badTimeoutsAreRejected() {
    ConnectByList.Builder b = ConnectByList.builder();
    assertThrows(IllegalArgumentException.class, () -> b.timeout(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> b.timeout(Duration.ofMillis(-1)));
    assertThrows(NullPointerException.class, () -> b.timeout(null));
    IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
        () -> b.timeout(Duration.ofMinutes(1).multipliedBy(1_000_000_000_000L))); // toNanos would overflow
    assertTrue(tooLong.getMessage().contains("at most 36500 days"), tooLong.getMessage());
    assertEquals("timeout must be positive and at most 36500 days (leave it unset for none), was 0s",
        assertThrows(IllegalArgumentException.class, () -> b.timeout(Duration.ZERO)).getMessage(),
        "as the project writes durations, not PT0S");
    try (ConnectByList cbl = ConnectByList.builder().strategy("test-sequential").build()) {
      assertThrows(IllegalArgumentException.class,
          () -> cbl.connect(ConnectRequest.to(List.of(GOOD)).timeout(Duration.ofMillis(10).negated())));
    }
  }

  @Test
  void aSocketOptionOfTheWrongTypeOrUnsupportedIsRejected() {
    @SuppressWarnings({"unchecked", "rawtypes"})
    java.net.SocketOption<Object> raw = (java.net.SocketOption) java.net.StandardSocketOptions.SO_RCVBUF;
    assertThrows(IllegalArgumentException.class, () -> ConnectByList.builder().socketOption(raw, "big"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConnectByList.builder()
        .strategy("test-sequential").socketOption(java.net.StandardSocketOptions.IP_MULTICAST_LOOP, true).build());
    assertTrue(e.getMessage().contains("IP_MULTICAST_LOOP"), e.getMessage());
  }

  @Test
  void loopbackLocalAddressHelpersRejectBadPrefixes() throws Exception {
    InetAddress lo = InetAddress.getByName("127.0.0.1");
    assertThrows(IllegalArgumentException.class, () -> io.github.connectbylist.api.LocalAddress.of(lo, 33, "lo"));
  }

  @Test
  void aFullWidthDigitMakesANameForTheConfiguredResolverNeverALiteral() throws Exception {
    List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
    io.github.connectbylist.api.NameResolver none = (host, answers) -> {
      asked.add(host);
      answers.failed(io.github.connectbylist.api.Query.BOTH, io.github.connectbylist.api.FailureKind.NO_SUCH_NAME,
          new java.net.UnknownHostException(host));
      answers.done();
      return io.github.connectbylist.api.NameResolver.Lookup.DONE;
    };
    try (ConnectByList cbl = ConnectByList.builder().strategy("test-sequential").resolver(none).build()) {
      String fullWidth = "\uff11::1";
      ConnectFailedException e = assertThrows(ConnectFailedException.class, () -> cbl.connect(fullWidth, 80));
      assertEquals(io.github.connectbylist.api.FailureKind.NO_SUCH_NAME, e.kind());
      assertEquals(List.of(fullWidth), asked, "the configured resolver was asked; nothing else resolved it");
      for (String notALiteral : new String[] {"[\uff11::1]", "0177.0.0.1", "999.1.1.1", "[127.0.0.1]", "[::1"}) {
        assertThrows(IllegalArgumentException.class, () -> cbl.connect(notALiteral, 80), notALiteral);
      }
      assertEquals(List.of(fullWidth), asked);
    }
  }

  private static void connect(ConnectByList cbl, boolean async, List<InetSocketAddress> addresses) throws Exception {
    if (async) {
      cbl.connectAsync(addresses);
    } else {
      cbl.connect(addresses);
    }
  }
}
