package io.github.connectbylist.strategy.happyeyeballs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.LocalAddress;
import io.github.connectbylist.api.RankingContext;
import io.github.connectbylist.api.NamedStrategy;
import io.github.connectbylist.api.StrategyOptions;
import io.github.connectbylist.strategy.rfc6724.Rfc6724Ranker;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 8305 section 4 interleaving on top of RFC 6724; documentation addresses as data only. */
class HappyEyeballsRankerTest {
  private static final LocalAddress SRC6 = LocalAddress.of(ip("2001:db8:1::2"), 64, "eth0");
  private static final LocalAddress SRC6B = LocalAddress.of(ip("2001:db8:9::2"), 64, "eth1");
  private static final LocalAddress SRC4 = LocalAddress.of(ip("192.0.2.2"), 24, "eth0");
  private static final RankingContext HOST = new RankingContext(List.of(SRC6, SRC6B, SRC4), Map.of());

  private static final AddressPair A6 = pair(SRC6, "2001:db8:1::a");
  private static final AddressPair B6 = pair(SRC6, "2001:db8:1::b");
  private static final AddressPair C6 = pair(SRC6, "2001:db8:1::c");
  private static final AddressPair A4 = pair(SRC4, "198.51.100.1");
  private static final AddressPair B4 = pair(SRC4, "198.51.100.2");

  @Test
  void withCountOneTheFamiliesAlternateFromTheFirst() {
    assertEquals(List.of(A6, A4, B6, B4, C6),
        HappyEyeballsRanker.standard().rank(List.of(A4, B4, A6, B6, C6), HOST));
  }

  @Test
  void withCountTwoTheFirstFamilyGetsTwoPlacesFirst() {
    HappyEyeballsRanker two = new HappyEyeballsRanker(Rfc6724Ranker.standard(), 2);
    assertEquals(List.of(A6, B6, A4, C6, B4), two.rank(List.of(A4, B4, A6, B6, C6), HOST));
  }

  @Test
  void theFirstFamilyIsWhateverRfc6724PutsFirst() {
    RankingContext ipv4Only = new RankingContext(List.of(SRC4), Map.of());
    List<AddressPair> noSource = List.of(AddressPair.toDestination(A6.destination()),
        AddressPair.toDestination(B6.destination()), AddressPair.toDestination(A4.destination()),
        AddressPair.toDestination(B4.destination()));
    List<InetSocketAddress> order = HappyEyeballsRanker.standard().rank(noSource, ipv4Only).stream()
        .map(AddressPair::destination).toList();
    assertEquals(List.of(A4.destination(), A6.destination(), B4.destination(), B6.destination()), order);
  }

  @Test
  void pairsWithOtherSourcesKeepTheirPlaceAfterThePreferredOnes() {
    AddressPair a6other = pair(SRC6B, "2001:db8:1::a");
    AddressPair b6other = pair(SRC6B, "2001:db8:1::b");
    List<AddressPair> ranked = HappyEyeballsRanker.standard().rank(List.of(a6other, A6, b6other, B6, A4), HOST);
    assertEquals(List.of(A6, A4, B6, a6other, b6other), ranked);
  }

  @Test
  void oneFamilyOnlyKeepsTheRfc6724Order() {
    assertEquals(List.of(A4, B4), HappyEyeballsRanker.standard().rank(List.of(A4, B4), HOST));
  }

  @Test
  void theProviderPassesRfc6724OptionsThrough() {
    NamedStrategy<?> provider = registered(NamedStrategy.Kind.RANKER, "happy-eyeballs");
    HappyEyeballsRanker r = (HappyEyeballsRanker) provider.create(StrategyOptions.of(
        Map.of("first-address-family-count", "2", "prefer-temporary", "false")), null);
    assertEquals(2, r.firstAddressFamilyCount());
    assertThrows(IllegalArgumentException.class,
        () -> provider.create(StrategyOptions.of(Map.of("first-address-family-count", "0")), null));
  }

  private static AddressPair pair(LocalAddress source, String destination) {
    return new AddressPair(source, new InetSocketAddress(ip(destination), 443));
  }

  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }


  /** A strategy as this module registers it. */
  private static NamedStrategy<?> registered(NamedStrategy.Kind kind, String name) {
    for (NamedStrategy<?> s : new HappyEyeballsProvider().strategies()) {
      if (s.kind() == kind && s.name().equals(name)) {
        return s;
      }
    }
    throw new AssertionError(kind + " " + name + " is not registered");
  }
}
