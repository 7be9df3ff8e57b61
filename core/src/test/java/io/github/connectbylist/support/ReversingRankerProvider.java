package io.github.connectbylist.support;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.BaseStrategyProvider;
import io.github.connectbylist.api.StrategyOption;
import io.github.connectbylist.api.StrategyOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Test-only ranker {@code test-reverse}: tries the pairs last to first, so tests can see ranking happen. */
public final class ReversingRankerProvider extends BaseStrategyProvider<AddressPairRanker>
    implements AddressPairRanker.Provider {
  public ReversingRankerProvider() {
    super("test-reverse", "test only: last pair first", -100,
        List.of(new StrategyOption("unused", "0", "accepted and ignored, to test option routing")));
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
