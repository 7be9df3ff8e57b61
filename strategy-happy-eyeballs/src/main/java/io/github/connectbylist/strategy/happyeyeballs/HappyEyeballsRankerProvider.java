package io.github.connectbylist.strategy.happyeyeballs;

import com.google.auto.service.AutoService;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.BaseStrategyProvider;
import io.github.connectbylist.api.StrategyOption;
import io.github.connectbylist.api.StrategyOptions;
import io.github.connectbylist.strategy.rfc6724.Rfc6724Ranker;
import io.github.connectbylist.strategy.rfc6724.Rfc6724RankerProvider;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Registers ranker {@code happy-eyeballs}; it takes the {@code rfc6724} ranker's options too. */
@AutoService(AddressPairRanker.Provider.class)
public final class HappyEyeballsRankerProvider extends BaseStrategyProvider<AddressPairRanker>
    implements AddressPairRanker.Provider {
  static final String FIRST_FAMILY_COUNT = "first-address-family-count";
  private final Rfc6724RankerProvider rfc6724 = new Rfc6724RankerProvider();

  public HappyEyeballsRankerProvider() {
    super("happy-eyeballs", "RFC 6724 order, then address families interleaved (RFC 8305 section 4)", 200,
        Stream.concat(
            Stream.of(new StrategyOption(FIRST_FAMILY_COUNT, "1",
                "addresses of the first family before the other family gets a turn")),
            Rfc6724RankerProvider.OPTIONS.stream()).toList());
  }

  @Override
  public AddressPairRanker create(StrategyOptions options) {
    int count = options.integer(FIRST_FAMILY_COUNT).orElse(1);
    Map<String, String> forRfc6724 = options.asMap().entrySet().stream()
        .filter(e -> !e.getKey().equals(FIRST_FAMILY_COUNT))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    Rfc6724Ranker sorting = (Rfc6724Ranker) rfc6724.create(StrategyOptions.of(forRfc6724));
    return new HappyEyeballsRanker(sorting, count);
  }
}
