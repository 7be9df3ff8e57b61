package io.github.connectbylist.support;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.StrategyOption;
import io.github.connectbylist.api.StrategyOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Test-only ranker {@code test-reverse}: tries the pairs last to first, so tests can see ranking happen. */
public final class ReversingRankerProvider implements AddressPairRanker.Provider {
  @Override
  public String name() {
    return "test-reverse";
  }

  @Override
  public String description() {
    return "test only: last pair first";
  }

  @Override
  public int priority() {
    return -100;
  }

  @Override
  public List<StrategyOption> options() {
    return List.of(new StrategyOption("unused", "0", "accepted and ignored, to test option routing"));
  }

  @Override
  public AddressPairRanker create(StrategyOptions options) {
    return (pairs, context) -> {
      List<AddressPair> reversed = new ArrayList<>(pairs);
      Collections.reverse(reversed);
      return reversed;
    };
  }
}
