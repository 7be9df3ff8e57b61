package io.github.connectbylist.strategy.sequential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.LocalAddress;
import io.github.connectbylist.api.RankingContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ranking data only: documentation addresses, nothing is connected. */
class SequentialRankerTest {
  private static final LocalAddress A = local("192.0.2.10");
  private static final LocalAddress B = local("192.0.2.20");
  private static final InetSocketAddress X = new InetSocketAddress(ip("198.51.100.1"), 80);
  private static final InetSocketAddress Y = new InetSocketAddress(ip("203.0.113.1"), 80);

  @Test
  void keepsTheInputOrderWhenNothingIsKnown() {
    List<AddressPair> pairs = List.of(new AddressPair(A, X), new AddressPair(B, X), new AddressPair(A, Y));
    assertEquals(pairs, new SequentialRanker().rank(pairs, RankingContext.empty()));
  }

  @Test
  void putsTheSourceTheOsWouldPickFirstForEachDestination() {
    List<AddressPair> pairs = List.of(new AddressPair(A, X), new AddressPair(B, X), new AddressPair(A, Y),
        new AddressPair(B, Y));
    RankingContext context = new RankingContext(List.of(A, B), Map.of(X.getAddress(), B.address()));
    assertEquals(List.of(new AddressPair(B, X), new AddressPair(A, X), new AddressPair(A, Y), new AddressPair(B, Y)),
        new SequentialRanker().rank(pairs, context));
  }

  @Test
  void groupsPairsByDestinationInTheOrderDestinationsFirstAppear() {
    List<AddressPair> pairs = List.of(new AddressPair(A, X), new AddressPair(A, Y), new AddressPair(B, X));
    assertEquals(List.of(new AddressPair(A, X), new AddressPair(B, X), new AddressPair(A, Y)),
        new SequentialRanker().rank(pairs, RankingContext.empty()));
  }

  @Test
  void aPairWithoutSourceKeepsItsPlace() {
    List<AddressPair> pairs = List.of(AddressPair.toDestination(X), new AddressPair(A, Y));
    RankingContext context = new RankingContext(List.of(A), Map.of(X.getAddress(), A.address()));
    assertEquals(pairs, new SequentialRanker().rank(pairs, context));
  }

  private static LocalAddress local(String address) {
    return LocalAddress.of(ip(address), 24, "eth0");
  }

  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
