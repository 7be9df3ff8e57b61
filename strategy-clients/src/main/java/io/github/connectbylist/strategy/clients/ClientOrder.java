package io.github.connectbylist.strategy.clients;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.FamilyInterleaving;
import io.github.connectbylist.api.RankingContext;
import java.util.List;

/**
 * How a client orders the addresses its resolver gave: as given (Go, curl, Chrome and Firefox keep the
 * resolver's order, which {@code getaddrinfo} has sorted by RFC 6724, and split it by family in their
 * schedules), or interleaved by family: from the first address's family (Node.js {@code autoSelectFamily},
 * Python asyncio's {@code interleave}, that many of the first family first), or IPv6 first (OkHttp 5's
 * {@code reorderForHappyEyeballs}).
 */
public final class ClientOrder implements AddressPairRanker {
  private final String name;
  private final boolean interleave;
  private final boolean ipv6First;
  private final int firstFamilyCount;

  private ClientOrder(String name, boolean interleave, boolean ipv6First, int firstFamilyCount) {
    this.name = name;
    this.interleave = interleave;
    this.ipv6First = ipv6First;
    this.firstFamilyCount = firstFamilyCount;
  }

  /**
   * The resolver's order, unchanged.
   *
   * @param name the client, for {@link #toString()}
   * @return the ranker
   */
  public static ClientOrder asGiven(String name) {
    return new ClientOrder(name, false, false, 1);
  }

  /**
   * Families alternating, starting with {@code firstFamilyCount} addresses of the first address's family.
   *
   * @param name the client
   * @param firstFamilyCount at least 1
   * @return the ranker
   */
  public static ClientOrder interleavedFromFirst(String name, int firstFamilyCount) {
    if (firstFamilyCount < 1) {
      throw new IllegalArgumentException("interleave must be at least 1, was " + firstFamilyCount);
    }
    return new ClientOrder(name, true, false, firstFamilyCount);
  }

  /**
   * Families alternating, IPv6 first whatever the resolver's order (OkHttp 5).
   *
   * @param name the client
   * @return the ranker
   */
  public static ClientOrder interleavedIpv6First(String name) {
    return new ClientOrder(name, true, true, 1);
  }

  @Override
  public List<AddressPair> rank(List<AddressPair> pairs, RankingContext context) {
    if (!interleave || pairs.isEmpty()) {
      return pairs;
    }
    return FamilyInterleaving.interleave(pairs, firstFamilyCount, ipv6First || pairs.get(0).isIpv6());
  }

  @Override
  public String toString() {
    return name + "(" + (!interleave ? "resolver order" : ipv6First ? "IPv6 first, families alternating"
        : "families alternating from the first address's, " + firstFamilyCount + " of it first") + ")";
  }
}
