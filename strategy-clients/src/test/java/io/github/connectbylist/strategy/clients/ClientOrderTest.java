package io.github.connectbylist.strategy.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.RankingContext;
import io.github.connectbylist.api.StrategyOptions;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each client's address order, on the resolver orders that tell them apart. */
class ClientOrderTest {

  static AddressPair pair(String literal) {
    return AddressPair.toDestination(new InetSocketAddress(literal, 443));
  }

  private static List<String> rank(Client client, Map<String, String> options, String... literals) {
    List<AddressPair> pairs = new ArrayList<>();
    for (String l : literals) {
      pairs.add(pair(l));
    }
    List<String> out = new ArrayList<>();
    for (AddressPair p : client.ranker(StrategyOptions.of(options)).rank(pairs, RankingContext.empty())) {
      out.add(p.destinationAddress().getHostAddress());
    }
    return out;
  }

  @Test
  void okHttpAndCurlPutIpv6FirstWhateverTheResolverSaid() {
    for (Client c : List.of(Client.OKHTTP5, Client.CURL)) {
      assertEquals(List.of("2001:db8:0:0:0:0:0:1", "192.0.2.1", "192.0.2.2"),
          rank(c, Map.of(), "192.0.2.1", "192.0.2.2", "2001:db8::1"), c.name());
    }
  }

  @Test
  void nodeAlternatesFromTheFirstAddresssFamily() {
    assertEquals(List.of("192.0.2.1", "2001:db8:0:0:0:0:0:1", "192.0.2.2", "2001:db8:0:0:0:0:0:2"),
        rank(Client.NODE, Map.of(), "192.0.2.1", "192.0.2.2", "2001:db8::1", "2001:db8::2"));
  }

  @Test
  void asyncioKeepsTheOrderWithoutADelayAndInterleavesWithOne() {
    String[] given = {"2001:db8::1", "2001:db8::2", "2001:db8::3", "192.0.2.1"};
    assertEquals(List.of("2001:db8:0:0:0:0:0:1", "2001:db8:0:0:0:0:0:2", "2001:db8:0:0:0:0:0:3", "192.0.2.1"),
        rank(Client.ASYNCIO, Map.of(), given));
    assertEquals(List.of("2001:db8:0:0:0:0:0:1", "192.0.2.1", "2001:db8:0:0:0:0:0:2", "2001:db8:0:0:0:0:0:3"),
        rank(Client.ASYNCIO, Map.of("happy-eyeballs-delay", "250ms"), given));
    assertEquals(List.of("2001:db8:0:0:0:0:0:1", "2001:db8:0:0:0:0:0:2", "192.0.2.1", "2001:db8:0:0:0:0:0:3"),
        rank(Client.ASYNCIO, Map.of("interleave", "2"), given), "_interleave_addrinfos(first_address_family_count=2)");
    assertThrows(IllegalArgumentException.class, () -> rank(Client.ASYNCIO, Map.of("interleave", "-1"), given));
  }

  @Test
  void goCurl7ChromeAndFirefoxKeepTheResolversOrder() {
    for (Client c : List.of(Client.GO, Client.CURL_7_88, Client.CHROME, Client.FIREFOX)) {
      assertEquals(List.of("192.0.2.1", "2001:db8:0:0:0:0:0:1", "192.0.2.2"),
          rank(c, Map.of(), "192.0.2.1", "2001:db8::1", "192.0.2.2"), c.name());
    }
  }
}
