package io.github.connectbylist.strategy.happyeyeballs;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.FamilyInterleaving;
import io.github.connectbylist.api.RankingContext;
import io.github.connectbylist.api.StrategyOption;
import io.github.connectbylist.api.StrategyOptions;
import io.github.connectbylist.strategy.rfc6724.Rfc6724Ranker;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Ranker {@code happy-eyeballs}: RFC 6724 order (the {@code rfc6724} ranker), then the address families
 * interleaved as RFC 8305 section 4 says. Only each destination's first pair (the one with its preferred
 * source) is interleaved; the pairs with other sources keep their place after them.
 */
public final class HappyEyeballsRanker implements AddressPairRanker {
  /** RFC 8305 section 4's First Address Family Count: addresses of the first family before the other's first. */
  public static final StrategyOption<Integer> FIRST_ADDRESS_FAMILY_COUNT = StrategyOption.whole(
      "first-address-family-count", 1, 1, Integer.MAX_VALUE,
      "addresses of the first family before the other family gets a turn");
  /** Every option of ranker {@code happy-eyeballs}: its own, then those of the {@code rfc6724} ranker it sorts with. */
  public static final List<StrategyOption<?>> OPTIONS = options();

  private static List<StrategyOption<?>> options() {
    List<StrategyOption<?>> all = new ArrayList<>();
    all.add(FIRST_ADDRESS_FAMILY_COUNT);
    all.addAll(Rfc6724Ranker.OPTIONS);
    return List.copyOf(all);
  }

  private final Rfc6724Ranker sorting;
  private final int firstAddressFamilyCount;

  /**
   * A ranker that interleaves what {@code sorting} orders.
   *
   * @param sorting the RFC 6724 ranker that orders first
   * @param firstAddressFamilyCount addresses of the first family before the other family gets a turn, at least 1
   */
  public HappyEyeballsRanker(Rfc6724Ranker sorting, int firstAddressFamilyCount) {
    this.sorting = Objects.requireNonNull(sorting, "sorting");
    this.firstAddressFamilyCount = FIRST_ADDRESS_FAMILY_COUNT.check(firstAddressFamilyCount);
  }

  /**
   * RFC 6724's default table, and every option at its default (see {@link #OPTIONS}).
   *
   * @return the ranker
   */
  public static HappyEyeballsRanker standard() {
    return new HappyEyeballsRanker(Rfc6724Ranker.standard(), FIRST_ADDRESS_FAMILY_COUNT.defaultValue());
  }

  /**
   * The ranker its text options describe.
   *
   * @param options values of {@link #OPTIONS}, and possibly others, which it leaves alone
   * @return the ranker
   */
  public static HappyEyeballsRanker fromOptions(StrategyOptions options) {
    return new HappyEyeballsRanker(Rfc6724Ranker.fromOptions(options), options.get(FIRST_ADDRESS_FAMILY_COUNT));
  }

  /**
   * The First Address Family Count of RFC 8305 section 4.
   *
   * @return the count
   */
  public int firstAddressFamilyCount() {
    return firstAddressFamilyCount;
  }

  @Override
  public List<AddressPair> rank(List<AddressPair> pairs, RankingContext context) {
    return interleave(sorting.rank(pairs, context));
  }

  /**
   * RFC 8305 section 4 on a sorted list: each destination's first pair interleaved by family, the pairs with
   * other sources after them in their order.
   */
  List<AddressPair> interleave(List<AddressPair> sorted) {
    Set<InetSocketAddress> seen = new HashSet<>();
    List<AddressPair> firsts = new ArrayList<>();
    List<AddressPair> rest = new ArrayList<>();
    for (AddressPair p : sorted) {
      (seen.add(p.destination()) ? firsts : rest).add(p);
    }
    List<AddressPair> ranked = new ArrayList<>(FamilyInterleaving.interleave(firsts, firstAddressFamilyCount));
    ranked.addAll(rest);
    return ranked;
  }

  @Override
  public String toString() {
    return "happy-eyeballs(first-address-family-count=" + firstAddressFamilyCount + ")";
  }
}
