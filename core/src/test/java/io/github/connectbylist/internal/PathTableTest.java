package io.github.connectbylist.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.LocalAddress;
import io.github.connectbylist.api.PathRecord;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The memory behind History, under times given by hand. */
class PathTableTest {
  private static final long MS = 1_000_000;
  private static final long HOUR = 3_600_000 * MS;
  private static final Network HOME = Network.of(List.of(local("192.0.2.7", 24, "eth0")));
  private static final AddressPair V4 = pair("192.0.2.1", 443);
  private static final AddressPair V4_SAME_PREFIX = pair("192.0.2.2", 443);
  private static final AddressPair V6 = pair("2001:db8::1", 443);

  @Test
  void connectTimesFeedRfc6298sEstimator() {
    PathTable table = new PathTable(100, HOUR);
    PathTable.View v = table.begin(HOME, 0);
    v.connected(V4, 0, 40 * MS);
    PathRecord r = v.pair(V4).orElseThrow();
    assertEquals(40 * MS, r.smoothedRttNanos(), "first sample: SRTT = R");
    assertEquals(20 * MS, r.rttVariationNanos(), "RTTVAR = R/2");
    v.connected(V4, 100 * MS, 180 * MS);
    r = v.pair(V4).orElseThrow();
    assertEquals(45 * MS, r.smoothedRttNanos(), "7/8 x 40 + 1/8 x 80");
    assertEquals(25 * MS, r.rttVariationNanos(), "3/4 x 20 + 1/4 x |40 - 80|");
    assertEquals(2, r.connected());
    assertEquals(180 * MS, r.lastUsedAtNanos());
    assertTrue(r.used());
  }

  @Test
  void aLostRaceIsALowerBoundOnTheRoundTripTimeUntilTheNextConnect() {
    PathTable table = new PathTable(100, HOUR);
    PathTable.View v = table.begin(HOME, 0);
    v.lost(V6, 0, 250 * MS);
    PathRecord r = v.pair(V6).orElseThrow();
    assertEquals(PathRecord.Outcome.LOST, r.lastOutcome());
    assertEquals(1, r.lost());
    assertEquals(250 * MS, r.slowerThanNanos());
    assertEquals(250 * MS, r.expectedRttNanos(), "no sample yet: the bound is what to expect");
    assertFalse(r.used());
    v.failed(V6, FailureKind.TIMED_OUT, 300 * MS, 800 * MS);
    assertEquals(500 * MS, v.pair(V6).orElseThrow().slowerThanNanos(), "a time-out raises the bound");
    v.connected(V6, 1_000 * MS, 1_030 * MS);
    r = v.pair(V6).orElseThrow();
    assertEquals(0, r.slowerThanNanos(), "a connect clears it");
    assertEquals(30 * MS, r.expectedRttNanos());
  }

  @Test
  void failuresCountByKindAndARefusalIsNoBoundOnTheRtt() {
    PathTable table = new PathTable(100, HOUR);
    PathTable.View v = table.begin(HOME, 0);
    v.failed(V4, FailureKind.REFUSED, 0, MS);
    v.failed(V4, FailureKind.REFUSED, 2 * MS, 3 * MS);
    v.failed(V4, FailureKind.NETWORK_UNREACHABLE, 4 * MS, 4 * MS);
    PathRecord r = v.pair(V4).orElseThrow();
    assertEquals(3, r.failed());
    assertEquals(Map.of(FailureKind.REFUSED, 2, FailureKind.NETWORK_UNREACHABLE, 1), r.failuresByKind());
    assertEquals(0, r.slowerThanNanos());
    assertEquals(4 * MS, r.lastOutcomeAtNanos());
    assertTrue(r.wentWrongWithin(10 * MS, 7 * MS) && !r.wentWrongWithin(20 * MS, 7 * MS));
  }

  @Test
  void destinationsAndPrefixesAddUpTheirPairs() {
    PathTable table = new PathTable(100, HOUR);
    PathTable.View v = table.begin(HOME, 0);
    v.connected(V4, 0, 10 * MS);
    v.failed(V4_SAME_PREFIX, FailureKind.REFUSED, 0, MS);
    assertEquals(1, v.destination(V4.destination()).orElseThrow().connected());
    assertTrue(v.destination(new InetSocketAddress(V4.destinationAddress(), 80)).isEmpty(), "another port");
    PathRecord prefix = v.prefix(V4.destinationAddress()).orElseThrow();
    assertEquals(1, prefix.connected());
    assertEquals(1, prefix.failed(), "192.0.2.2 is in the same /24");
    assertTrue(v.prefix(V6.destinationAddress()).isEmpty());
  }

  @Test
  void anEntryExpiresAfterItsLastUpdate() {
    PathTable table = new PathTable(100, HOUR);
    table.begin(HOME, 0).connected(V4, 0, 10 * MS);
    assertTrue(table.begin(HOME, HOUR).pair(V4).isPresent(), "exactly an hour later: still counts");
    assertTrue(table.begin(HOME, HOUR + 11 * MS).pair(V4).isEmpty(), "past the hour: forgotten");
    assertEquals(2, table.size(), "the pair's entry was dropped when looked at; its destination and prefix remain");
  }

  @Test
  void theLeastRecentlyUsedEntryGoesWhenTheTableIsFull() {
    PathTable table = new PathTable(6, HOUR);
    PathTable.View v = table.begin(HOME, 0);
    v.connected(V4, 0, MS); // 3 entries: pair, destination, prefix
    v.connected(V6, 0, MS); // 3 more: full
    v.pair(V4);             // V4's pair entry is now the most recently used
    v.connected(pair("198.51.100.1", 443), 0, MS);
    assertEquals(6, table.size());
    assertTrue(v.pair(V4).isPresent(), "recently read, kept");
    assertTrue(v.pair(V6).isEmpty(), "the oldest went");
  }

  @Test
  void whatWasLearnedOnOneNetworkIsNotUsedOnAnother() {
    PathTable table = new PathTable(100, HOUR);
    Network cafe = Network.of(List.of(local("203.0.113.9", 24, "wlan0")));
    table.begin(HOME, 0).connected(V4, 0, 10 * MS);
    assertTrue(table.begin(cafe, MS).pair(V4).isEmpty(), "another network knows nothing");
    assertTrue(table.begin(HOME, 2 * MS).pair(V4).isPresent(), "back home, it is there again");
    Network homeWithNewTemporaryAddress = Network.of(List.of(local("192.0.2.99", 24, "eth0")));
    assertEquals(HOME, homeWithNewTemporaryAddress, "another address in the same prefix is the same network");
  }

  @Test
  void connectsAreCountedPerNetwork() {
    PathTable table = new PathTable(100, HOUR);
    Network cafe = Network.of(List.of(local("203.0.113.9", 24, "wlan0")));
    assertEquals(0, table.begin(HOME, 0).connects());
    assertEquals(1, table.begin(HOME, 0).connects());
    assertEquals(0, table.begin(cafe, 0).connects());
    assertEquals(2, table.begin(HOME, 0).connects());
    assertEquals(0, PathTable.NONE.begin(HOME, 0).connects());
    PathTable.NONE.begin(HOME, 0).connected(V4, 0, MS);
    assertTrue(PathTable.NONE.begin(HOME, 0).pair(V4).isEmpty(), "NONE keeps nothing");
  }

  private static LocalAddress local(String address, int prefix, String name) {
    try {
      return LocalAddress.of(InetAddress.getByName(address), prefix, name);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private static AddressPair pair(String address, int port) {
    try {
      return AddressPair.toDestination(new InetSocketAddress(InetAddress.getByName(address), port));
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
