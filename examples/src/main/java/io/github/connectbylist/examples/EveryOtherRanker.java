package io.github.connectbylist.examples;

// snippet:start ranker
import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.RankingContext;
// snippet:end ranker
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

// snippet:start ranker
/** The families in turn, starting with the first pair's, each family's pairs in the given order. */
public final class EveryOtherRanker implements AddressPairRanker {
  @Override public List<AddressPair> rank(List<AddressPair> pairs, RankingContext context) {
    Deque<AddressPair> ipv6 = new ArrayDeque<>();
    Deque<AddressPair> ipv4 = new ArrayDeque<>();
    pairs.forEach(p -> (p.isIpv6() ? ipv6 : ipv4).add(p));
    List<AddressPair> ranked = new ArrayList<>(pairs.size());
    boolean six = !pairs.isEmpty() && pairs.get(0).isIpv6();
    while (!ipv6.isEmpty() || !ipv4.isEmpty()) {
      Deque<AddressPair> turn = six && !ipv6.isEmpty() || ipv4.isEmpty() ? ipv6 : ipv4;
      ranked.add(turn.poll());
      six = turn == ipv4;
    }
    return ranked;
  }
}
// snippet:end ranker
