package io.github.connectbylist.strategy.happyeyeballs;

import io.github.connectbylist.api.AddressPair;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 8305 section 4: after sorting, the address families alternate, starting with the family of the first
 * address, which gets {@code firstAddressFamilyCount} places before the first of the other family; when one
 * family runs out, the rest of the other follows in order.
 */
final class FamilyInterleaving {
  private FamilyInterleaving() {}

  static List<AddressPair> interleave(List<AddressPair> sorted, int firstAddressFamilyCount) {
    if (sorted.size() < 2) {
      return sorted;
    }
    boolean firstIsIpv6 = sorted.get(0).isIpv6();
    List<AddressPair> first = new ArrayList<>(sorted.size());
    List<AddressPair> other = new ArrayList<>(sorted.size());
    for (AddressPair p : sorted) {
      (p.isIpv6() == firstIsIpv6 ? first : other).add(p);
    }
    List<AddressPair> result = new ArrayList<>(sorted.size());
    int f = 0;
    int o = 0;
    while (f < first.size() && f < firstAddressFamilyCount) {
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
