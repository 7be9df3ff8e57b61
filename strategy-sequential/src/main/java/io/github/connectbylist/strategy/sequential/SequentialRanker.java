package io.github.connectbylist.strategy.sequential;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.RankingContext;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the caller's order of destinations; for each destination the pair with the source the operating
 * system would pick comes first and the other sources follow in their given order. This is what a
 * hand-written loop over {@code getaddrinfo} results does, plus WSAConnectByList's local-address pairing.
 */
public final class SequentialRanker implements AddressPairRanker {
  /** A ranker; it keeps no state, so one serves every connect. */
  public SequentialRanker() {
  }

  @Override
  public List<AddressPair> rank(List<AddressPair> pairs, RankingContext context) {
    Map<InetAddress, List<AddressPair>> byDestination = new LinkedHashMap<>();
    for (AddressPair pair : pairs) {
      byDestination.computeIfAbsent(pair.destinationAddress(), d -> new ArrayList<>(2)).add(pair);
    }
    List<AddressPair> ranked = new ArrayList<>(pairs.size());
    for (Map.Entry<InetAddress, List<AddressPair>> e : byDestination.entrySet()) {
      Optional<InetAddress> preferred = context.osPreferredSource(e.getKey());
      List<AddressPair> group = e.getValue();
      int first = preferred.map(p -> indexOfSource(group, p)).orElse(-1);
      if (first >= 0) {
        ranked.add(group.get(first));
      }
      for (int i = 0; i < group.size(); i++) {
        if (i != first) {
          ranked.add(group.get(i));
        }
      }
    }
    return ranked;
  }

  private static int indexOfSource(List<AddressPair> group, InetAddress source) {
    for (int i = 0; i < group.size(); i++) {
      AddressPair pair = group.get(i);
      if (pair.source() != null && pair.source().address().equals(source)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return "sequential";
  }
}
