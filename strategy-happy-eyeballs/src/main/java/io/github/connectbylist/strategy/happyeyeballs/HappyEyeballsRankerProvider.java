package io.github.connectbylist.strategy.happyeyeballs;

import com.google.auto.service.AutoService;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.BaseStrategyProvider;
import io.github.connectbylist.api.StrategyOption;
import io.github.connectbylist.api.StrategyOptions;
import io.github.connectbylist.strategy.rfc6724.Rfc6724Ranker;
import io.github.connectbylist.strategy.rfc6724.Rfc6724RankerProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Registers ranker {@code happy-eyeballs}; it takes the {@code rfc6724} ranker's options too. */
@AutoService(AddressPairRanker.Provider.class)
public final class HappyEyeballsRankerProvider extends BaseStrategyProvider<AddressPairRanker>
    implements AddressPairRanker.Provider {
  static final String FIRST_FAMILY_COUNT = "first-address-family-count";
  private final Rfc6724RankerProvider rfc6724 = new Rfc6724RankerProvider();

  /**
   * For {@link java.util.ServiceLoader}.
   */
  public HappyEyeballsRankerProvider() {
    super("happy-eyeballs", "RFC 6724 order, then address families interleaved (RFC 8305 section 4)", 200,
        optionsWithRfc6724s());
  }

  private static List<StrategyOption> optionsWithRfc6724s() {
    List<StrategyOption> options = new ArrayList<>();
    options.add(new StrategyOption(FIRST_FAMILY_COUNT, "1", "addresses of the first family before the other family gets a turn"));
    options.addAll(Rfc6724RankerProvider.OPTIONS);
    return options;
  }

  @Override
  public AddressPairRanker create(StrategyOptions options) {
    int count = options.integer(FIRST_FAMILY_COUNT).orElse(1);
    Map<String, String> forRfc6724 = new LinkedHashMap<>(options.asMap());
    forRfc6724.remove(FIRST_FAMILY_COUNT);
    Rfc6724Ranker sorting = (Rfc6724Ranker) rfc6724.create(StrategyOptions.of(forRfc6724));
    return new HappyEyeballsRanker(sorting, count);
  }
}
