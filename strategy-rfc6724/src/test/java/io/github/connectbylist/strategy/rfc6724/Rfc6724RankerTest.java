package io.github.connectbylist.strategy.rfc6724;

import static io.github.connectbylist.strategy.rfc6724.Fixtures.ip;
import static io.github.connectbylist.strategy.rfc6724.Fixtures.src;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.LocalAddress;
import io.github.connectbylist.api.RankingContext;
import io.github.connectbylist.api.NamedStrategy;
import io.github.connectbylist.api.StrategyOptions;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ranker on pairs; documentation addresses as data only. */
class Rfc6724RankerTest {
  private static final LocalAddress V4 = src("192.0.2.2");
  private static final LocalAddress V6_NEAR = src("2001:db8:1::2");
  private static final LocalAddress V6_FAR = src("2001:db8:3::2");
  private static final InetSocketAddress D4 = new InetSocketAddress(ip("198.51.100.1"), 443);
  private static final InetSocketAddress D6 = new InetSocketAddress(ip("2001:db8:1::1"), 443);
  private static final InetSocketAddress D6B = new InetSocketAddress(ip("2001:db8:3::1"), 443);

  private final Rfc6724Ranker ranker = Rfc6724Ranker.standard();

  private static List<AddressPair> pairsOf(InetSocketAddress destination, LocalAddress... sources) {
    List<AddressPair> pairs = new ArrayList<>();
    for (LocalAddress s : sources) {
      pairs.add(new AddressPair(s, destination));
    }
    return pairs;
  }

  @Test
  void ordersDestinationsBySection6AndPutsEachOnesBestSourceFirst() {
    List<AddressPair> pairs = new ArrayList<>(pairsOf(D4, V4));
    pairs.addAll(pairsOf(D6, V6_FAR, V6_NEAR));
    List<AddressPair> ranked = ranker.rank(pairs, RankingContext.empty());
    assertEquals(List.of(new AddressPair(V6_NEAR, D6), new AddressPair(V4, D4), new AddressPair(V6_FAR, D6)), ranked,
        "IPv6 first (precedence), its longest-prefix source first, the other source after every first pair");
  }

  @Test
  void theSourceTheOsWouldPickComesFirstAndJudgesTheDestination() {
    List<AddressPair> pairs = new ArrayList<>(pairsOf(D6, V6_NEAR, V6_FAR));
    pairs.addAll(pairsOf(D6B, V6_NEAR, V6_FAR));
    RankingContext context = new RankingContext(List.of(V6_NEAR, V6_FAR),
        Map.of(D6.getAddress(), V6_FAR.address(), D6B.getAddress(), V6_FAR.address()));
    List<AddressPair> ranked = ranker.rank(pairs, context);
    // With the OS's choice (far) for both, rule 9 prefers D6B, whose prefix the source shares.
    assertEquals(List.of(new AddressPair(V6_FAR, D6B), new AddressPair(V6_FAR, D6),
        new AddressPair(V6_NEAR, D6B), new AddressPair(V6_NEAR, D6)), ranked);
  }

  @Test
  void pairsWhoseSourceTheOsPicksAreJudgedByTheHostsAddresses() {
    List<AddressPair> pairs = List.of(AddressPair.toDestination(D4), AddressPair.toDestination(D6));
    RankingContext ipv4Only = new RankingContext(List.of(V4), Map.of());
    assertEquals(List.of(AddressPair.toDestination(D4), AddressPair.toDestination(D6)), ranker.rank(pairs, ipv4Only),
        "no IPv6 source: the IPv6 destination is unusable (rule 1)");
    RankingContext dualStack = new RankingContext(List.of(V4, V6_NEAR), Map.of());
    assertEquals(List.of(AddressPair.toDestination(D6), AddressPair.toDestination(D4)), ranker.rank(pairs, dualStack));
  }

  @Test
  void theSameAddressOnTwoPortsStaysTwoDestinations() {
    InetSocketAddress otherPort = new InetSocketAddress(D6.getAddress(), 8443);
    List<AddressPair> pairs = List.of(new AddressPair(V6_NEAR, D6), new AddressPair(V6_NEAR, otherPort));
    assertEquals(pairs, ranker.rank(pairs, RankingContext.empty()));
  }

  @Test
  void rankingIsAPermutation() {
    List<AddressPair> pairs = new ArrayList<>();
    for (int i = 1; i <= 50; i++) {
      pairs.addAll(pairsOf(new InetSocketAddress(ip("2001:db8:" + Integer.toHexString(i) + "::1"), 443), V6_NEAR, V6_FAR));
      pairs.addAll(pairsOf(new InetSocketAddress(ip("198.51.100." + i), 443), V4));
    }
    List<AddressPair> ranked = ranker.rank(pairs, RankingContext.empty());
    assertEquals(pairs.size(), ranked.size());
    assertEquals(new java.util.HashSet<>(pairs), new java.util.HashSet<>(ranked));
  }

  @Test
  void theProviderReadsItsOptions(@TempDir Path dir) throws Exception {
    NamedStrategy<?> provider = new Rfc6724Provider().strategies().get(0);
    Path conf = dir.resolve("gai.conf");
    Files.writeString(conf, "precedence ::ffff:0:0/96 100\nprecedence ::/0 40\n");
    Rfc6724Ranker preferIpv4 = (Rfc6724Ranker) provider.create(StrategyOptions.of(Map.of("gai-conf", conf.toString())), null);
    List<AddressPair> pairs = List.of(new AddressPair(V6_NEAR, D6), new AddressPair(V4, D4));
    assertEquals(D4, preferIpv4.rank(pairs, RankingContext.empty()).get(0).destination());
    Rfc6724Ranker publicFirst = (Rfc6724Ranker) provider.create(StrategyOptions.of(Map.of("prefer-temporary", "false")), null);
    assertTrue(!publicFirst.selection().prefersTemporaryAddresses());
    assertEquals(PolicyTable.host(), ((Rfc6724Ranker) provider.create(StrategyOptions.of(Map.of("gai-conf", "host")), null))
        .selection().table());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> provider.create(StrategyOptions.of(Map.of("gai-conf", dir.resolve("absent").toString())), null));
    assertTrue(e.getMessage().contains("gai-conf"), e.getMessage());
  }
}
