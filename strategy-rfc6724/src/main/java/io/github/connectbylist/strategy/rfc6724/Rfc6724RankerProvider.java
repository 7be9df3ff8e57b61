package io.github.connectbylist.strategy.rfc6724;

import com.google.auto.service.AutoService;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.BaseStrategyProvider;
import io.github.connectbylist.api.StrategyOption;
import io.github.connectbylist.api.StrategyOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Registers ranker {@code rfc6724}. */
@AutoService(AddressPairRanker.Provider.class)
public final class Rfc6724RankerProvider extends BaseStrategyProvider<AddressPairRanker>
    implements AddressPairRanker.Provider {
  static final String GAI_CONF = "gai-conf";
  static final String PREFER_TEMPORARY = "prefer-temporary";

  /** The options of this ranker, which rankers built on it (happy-eyeballs) accept too. */
  public static final List<StrategyOption> OPTIONS = List.of(
      new StrategyOption(GAI_CONF, "none",
          "policy table: none (RFC 6724 default), host (/etc/gai.conf when present), or a gai.conf path"),
      new StrategyOption(PREFER_TEMPORARY, "true", "section 5 rule 7: prefer temporary (privacy) addresses"));

  /**
   * For {@link java.util.ServiceLoader}.
   */
  public Rfc6724RankerProvider() {
    super("rfc6724", "RFC 6724 destination order, each destination's OS-preferred source first", 100, OPTIONS);
  }

  @Override
  public AddressPairRanker create(StrategyOptions options) {
    Optional<String> gaiConf = options.text(GAI_CONF);
    PolicyTable table = gaiConf.isPresent() ? table(gaiConf.get()) : PolicyTable.rfc6724();
    boolean temporary = options.flag(PREFER_TEMPORARY).orElse(true);
    return new Rfc6724Ranker(Rfc6724.with(table).preferringTemporaryAddresses(temporary));
  }

  private static PolicyTable table(String value) {
    switch (value) {
      case "none":
        return PolicyTable.rfc6724();
      case "host":
        return PolicyTable.host();
      default:
        Path file;
        try {
          file = Path.of(value);
        } catch (java.nio.file.InvalidPathException e) {
          throw new IllegalArgumentException("option " + GAI_CONF + "=" + value + " is not a path: give none, host or "
              + "the path of a gai.conf file", e);
        }
        try {
          return PolicyTable.fromGaiConf(file);
        } catch (IOException e) {
          // One line, PATH: what is wrong (no such file, not a regular file, larger than the limit, ...).
          throw new IllegalArgumentException("option " + GAI_CONF + ": " + e.getMessage(), e);
        }
    }
  }
}
