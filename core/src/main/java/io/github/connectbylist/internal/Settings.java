package io.github.connectbylist.internal;

import io.github.connectbylist.DestinationPolicy;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.api.ConnectListener;
import java.util.Objects;

/**
 * What an instance gives every one of its connects, made once when it is built: its strategies, listener,
 * memory of earlier connects, destination policy, and whether the operating system picks the sources.
 *
 * @param ranker orders the pairs
 * @param scheduler paces the attempts
 * @param listener hears every step (guarded: what it throws is reported and ignored)
 * @param history where connects read and write what they learn
 * @param policy which destinations may be connected
 * @param osPicksSource one pair per destination, the source left to the operating system
 * @param service the URI scheme whose service records a connect by name asks for, or {@code null} for none
 * @param nat64 the NAT64 prefixes found on each network, or {@code null} when connects do not synthesize
 */
public record Settings(AddressPairRanker ranker, AttemptScheduler scheduler, ConnectListener listener, PathTable history,
    DestinationPolicy policy, boolean osPicksSource, String service, Nat64Prefixes nat64) {

  /**
   * Checks that no part is null.
   *
   * @param ranker orders the pairs
   * @param scheduler paces the attempts
   * @param listener hears every step
   * @param history what connects learn
   * @param policy which destinations may be connected
   * @param osPicksSource one pair per destination
   * @param service the scheme, or {@code null}
   * @param nat64 the NAT64 prefixes, or {@code null}
   */
  public Settings {
    Objects.requireNonNull(ranker, "ranker");
    Objects.requireNonNull(scheduler, "scheduler");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(policy, "policy");
  }

  /**
   * Settings that ask for no service records.
   *
   * @param ranker orders the pairs
   * @param scheduler paces the attempts
   * @param listener hears every step
   * @param history what connects learn
   * @param policy which destinations may be connected
   * @param osPicksSource one pair per destination
   */
  public Settings(AddressPairRanker ranker, AttemptScheduler scheduler, ConnectListener listener, PathTable history,
      DestinationPolicy policy, boolean osPicksSource) {
    this(ranker, scheduler, listener, history, policy, osPicksSource, null, new Nat64Prefixes());
  }
}
