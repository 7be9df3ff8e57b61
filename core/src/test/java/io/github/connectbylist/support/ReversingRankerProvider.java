package io.github.connectbylist.support;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.NamedStrategy;
import io.github.connectbylist.api.StrategyOption;
import io.github.connectbylist.api.StrategyProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Test-only ranker {@code test-reverse}: tries the pairs last to first, so tests can see ranking happen. */
public final class ReversingRankerProvider implements StrategyProvider {
  private static final StrategyOption<String> UNUSED =
      StrategyOption.text("unused", "0", "accepted and ignored, to test option routing");

  @Override
  public List<NamedStrategy<?>> strategies() {
    return List.of(NamedStrategy.ranker("test-reverse", "test only: last pair first", -100, List.of(UNUSED),
        (options, lookup) -> (pairs, context) -> {
          List<AddressPair> reversed = new ArrayList<>(pairs);
          Collections.reverse(reversed);
          return reversed;
        }));
  }
}
