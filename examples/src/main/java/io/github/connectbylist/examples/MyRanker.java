package io.github.connectbylist.examples;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.RankingContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A ranker of one's own for {@code HistoryRanker} to change: the pairs in reverse order (a visible choice, not a good one). */
final class MyRanker implements AddressPairRanker {
  @Override
  public List<AddressPair> rank(List<AddressPair> pairs, RankingContext context) {
    List<AddressPair> reversed = new ArrayList<>(pairs);
    Collections.reverse(reversed);
    return reversed;
  }
}
