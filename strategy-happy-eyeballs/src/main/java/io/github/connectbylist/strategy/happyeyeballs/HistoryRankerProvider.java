package io.github.connectbylist.strategy.happyeyeballs;

import com.google.auto.service.AutoService;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.BaseStrategyProvider;
import io.github.connectbylist.api.StrategyOption;
import io.github.connectbylist.api.StrategyOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Registers ranker {@code history}. Its base is {@code happy-eyeballs} (whose options it accepts too) or any
 * other ranker found on the class path, by name.
 */
@AutoService(AddressPairRanker.Provider.class)
public final class HistoryRankerProvider extends BaseStrategyProvider<AddressPairRanker>
    implements AddressPairRanker.Provider {
  static final String BASE = "base";
  static final String LEEWAY = "rtt-leeway";
  static final String SET_ASIDE = "set-aside-for";
  static final String EXPLORE = "explore-every";
  private static final List<String> OWN = List.of(BASE, LEEWAY, SET_ASIDE, EXPLORE);

  private final HappyEyeballsRankerProvider happyEyeballs = new HappyEyeballsRankerProvider();

  /** For {@link java.util.ServiceLoader}. */
  public HistoryRankerProvider() {
    super("history", "a base order (happy-eyeballs) changed by what earlier connects learned: HEv3's stateful rules",
        300, optionsWithHappyEyeballs());
  }

  private static List<StrategyOption> optionsWithHappyEyeballs() {
    List<StrategyOption> options = new ArrayList<>();
    options.add(new StrategyOption(BASE, "happy-eyeballs", "the ranker whose order history changes, by name"));
    options.add(new StrategyOption(LEEWAY, "25ms", "round-trip times closer than this count as equal"));
    options.add(new StrategyOption(SET_ASIDE, "10m", "how long a failure or a lost race puts a pair last"));
    options.add(new StrategyOption(EXPLORE, "16",
        "every this many connects, the base order's first pair goes first; 0 never"));
    options.addAll(new HappyEyeballsRankerProvider().options());
    return options;
  }

  @Override
  public AddressPairRanker create(StrategyOptions options) {
    Map<String, String> forBase = new LinkedHashMap<>(options.asMap());
    forBase.keySet().removeAll(OWN);
    String baseName = options.text(BASE).orElse("happy-eyeballs");
    AddressPairRanker base;
    if (baseName.equals(happyEyeballs.name())) {
      base = happyEyeballs.create(StrategyOptions.of(forBase));
    } else if (!forBase.isEmpty()) {
      throw new IllegalArgumentException("option " + BASE + "=" + baseName + ": the options " + forBase.keySet()
          + " are happy-eyeballs' and go only with base=happy-eyeballs");
    } else {
      base = discovered(baseName);
    }
    HistoryRanker.Builder b = HistoryRanker.builder().base(base);
    Optional<java.time.Duration> leeway = options.duration(LEEWAY);
    if (leeway.isPresent()) {
      b.rttLeeway(leeway.get());
    }
    Optional<java.time.Duration> setAside = options.duration(SET_ASIDE);
    if (setAside.isPresent()) {
      b.setAsideFor(setAside.get());
    }
    Optional<Integer> explore = options.integer(EXPLORE);
    if (explore.isPresent()) {
      b.exploreEvery(explore.get());
    }
    return b.build();
  }

  /** Another ranker on the class path, by name, with its defaults. */
  private static AddressPairRanker discovered(String name) {
    List<String> names = new ArrayList<>();
    for (AddressPairRanker.Provider p : ServiceLoader.load(AddressPairRanker.Provider.class,
        HistoryRankerProvider.class.getClassLoader())) {
      if (p.name().equals(name) && !name.equals("history")) {
        return p.create(StrategyOptions.empty());
      }
      names.add(p.name());
    }
    throw new IllegalArgumentException("option " + BASE + "=" + name + " names no ranker other than history; found: "
        + names);
  }
}
