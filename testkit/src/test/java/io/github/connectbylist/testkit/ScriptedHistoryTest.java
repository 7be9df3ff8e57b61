package io.github.connectbylist.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.PathRecord;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** A history written by hand answers exactly what was written, with core's notion of a prefix. */
class ScriptedHistoryTest {

  private static InetAddress ip(String literal) throws UnknownHostException {
    return InetAddress.getByName(literal);
  }

  @Test
  void aPrefixAnswersForEveryAddressInItsSlash64OrSlash24AndNoOther() throws Exception {
    PathRecord r = ScriptedHistory.lostAfter(250_000_000, 0);
    ScriptedHistory h = ScriptedHistory.at(0).prefix(ip("2001:db8::1"), r).prefix(ip("192.0.2.77"), r);
    assertTrue(h.prefix(ip("2001:db8::ffff:1")).isPresent());
    assertTrue(h.prefix(ip("2001:db8:0:1::1")).isEmpty(), "the next /64");
    assertTrue(h.prefix(ip("192.0.2.1")).isPresent());
    assertTrue(h.prefix(ip("192.0.3.1")).isEmpty(), "the next /24");
  }

  @Test
  void pairsAndDestinationsAreLookedUpExactly() throws Exception {
    InetSocketAddress d = new InetSocketAddress(ip("192.0.2.1"), 443);
    AddressPair p = AddressPair.toDestination(d);
    ScriptedHistory h = ScriptedHistory.at(5).afterConnects(3)
        .pair(p, ScriptedHistory.connectedIn(20_000_000, 4))
        .destination(d, ScriptedHistory.failed(FailureKind.REFUSED, 4));
    assertEquals(20_000_000, h.pair(p).orElseThrow().smoothedRttNanos());
    assertEquals(10_000_000, h.pair(p).orElseThrow().rttVariationNanos(), "RFC 6298: RTTVAR = R/2 at first");
    assertEquals(PathRecord.Outcome.FAILED, h.destination(d).orElseThrow().lastOutcome());
    assertTrue(h.destination(new InetSocketAddress(ip("192.0.2.1"), 80)).isEmpty(), "another port");
    assertEquals(3, h.connects());
    assertEquals(5, h.nowNanos());
    assertEquals(9, h.viewAt(9).nowNanos());
    assertThrows(IllegalArgumentException.class, () -> h.afterConnects(-1));
  }
}
