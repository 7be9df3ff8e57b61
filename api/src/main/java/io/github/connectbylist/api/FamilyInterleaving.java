package io.github.connectbylist.api;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 8305 section 4's interleaving of address families, for rankers: after sorting, the families alternate,
 * the first family getting {@code firstFamilyCount} places before the first of the other; when one family runs
 * out, the rest of the other follows in order. Happy Eyeballs, Node.js's {@code autoSelectFamily}, Python's
 * {@code interleave} and OkHttp's {@code reorderForHappyEyeballs} all order this way and differ only in which
 * family goes first and how many of it.
 */
public final class FamilyInterleaving {
  private FamilyInterleaving() {}

  /**
   * The families interleaved, starting with the family of the first pair.
   *
   * @param sorted the pairs, in the order to keep within each family
   * @param firstFamilyCount pairs of the first family before the other family gets a turn, at least 1
   * @return the pairs interleaved; {@code sorted} itself when it has fewer than two
   */
  public static List<AddressPair> interleave(List<AddressPair> sorted, int firstFamilyCount) {
    return sorted.isEmpty() ? sorted : interleave(sorted, firstFamilyCount, sorted.get(0).isIpv6());
  }

  /**
   * The families interleaved, starting with the one named.
   *
   * @param sorted the pairs, in the order to keep within each family
   * @param firstFamilyCount pairs of the first family before the other family gets a turn, at least 1
   * @param ipv6First whether IPv6 goes first (when there is any)
   * @return the pairs interleaved; {@code sorted} itself when it has fewer than two
   */
  public static List<AddressPair> interleave(List<AddressPair> sorted, int firstFamilyCount, boolean ipv6First) {
    if (firstFamilyCount < 1) {
      throw new IllegalArgumentException("the first family's count must be at least 1, was " + firstFamilyCount);
    }
    if (sorted.size() < 2) {
      return sorted;
    }
    List<AddressPair> first = new ArrayList<>(sorted.size());
    List<AddressPair> other = new ArrayList<>(sorted.size());
    for (AddressPair p : sorted) {
      (p.isIpv6() == ipv6First ? first : other).add(p);
    }
    List<AddressPair> result = new ArrayList<>(sorted.size());
    int f = 0;
    int o = 0;
    while (f < first.size() && f < firstFamilyCount) {
      result.add(first.get(f++));
    }
    while (f < first.size() || o < other.size()) {
      if (o < other.size()) {
        result.add(other.get(o++));
      }
      if (f < first.size()) {
        result.add(first.get(f++));
      }
    }
    return result;
  }
}
