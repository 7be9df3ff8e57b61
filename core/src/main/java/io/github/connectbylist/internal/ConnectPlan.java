package io.github.connectbylist.internal;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.api.LocalAddress;
import io.github.connectbylist.api.RankingContext;
import io.github.connectbylist.engine.Host;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a connect will do before it opens anything: the pairs in ranked order, which sources to bind, and
 * the schedule. Made the same way on real sockets and in the lab.
 *
 * @param pairs the ranked pairs
 * @param bindSource for each pair, whether its source is bound before connecting
 * @param schedule the scheduler's state machine for this connect
 */
// Plain loops rather than lambdas here and in the rest of a connect's first path: see ConnectCall.Step.
public record ConnectPlan(
    List<AddressPair> pairs, boolean[] bindSource, AttemptScheduler.Schedule schedule, PathTable.View history) {

  /** A plan that records no history, for tests of the orchestrator. */
  public ConnectPlan(List<AddressPair> pairs, boolean[] bindSource, AttemptScheduler.Schedule schedule) {
    this(pairs, bindSource, schedule, PathTable.NONE.begin(null, 0));
  }


  /**
   * @param destinations checked destinations, see {@link Destinations#check}
   * @param host the host's addresses and the OS's choice of source, asked only where it can change the order
   * @param bindEverySource bind every pair's source (the caller gave them); else only where the OS might
   *     pick another
   * @param osPicksSource one pair per destination, source left to the operating system
   * @param history where the connect's strategies read, and its attempts write, what connects learn
   * @param nowNanos when the connect is planned, on the driver's clock
   */
  public static ConnectPlan make(
      List<InetSocketAddress> destinations,
      Host host,
      boolean bindEverySource,
      boolean osPicksSource,
      AddressPairRanker ranker,
      AttemptScheduler scheduler,
      Optional<Duration> deadline,
      PathTable history,
      long nowNanos) {
    List<LocalAddress> locals = host.localAddresses();
    PathTable.View view = history.begin(Network.of(locals), nowNanos);
    List<AddressPair> pairs = osPicksSource ? Pairs.osChoosesSource(destinations) : Pairs.build(destinations, locals);
    Map<InetAddress, Integer> pairsPerDestination = new HashMap<>();
    for (AddressPair p : pairs) {
      Integer count = pairsPerDestination.get(p.destinationAddress());
      pairsPerDestination.put(p.destinationAddress(), count == null ? 1 : count + 1);
    }
    Map<InetAddress, InetAddress> osSources = new HashMap<>();
    for (Map.Entry<InetAddress, Integer> e : pairsPerDestination.entrySet()) {
      if (e.getValue() > 1) { // a single candidate needs no look-up: the ranker cannot choose among one
        Optional<InetAddress> source = host.osPreferredSource(e.getKey());
        if (source.isPresent()) {
          osSources.put(e.getKey(), source.get());
        }
      }
    }
    List<AddressPair> ranked = rank(ranker, pairs, new RankingContext(locals, osSources, view));
    boolean[] bind = new boolean[ranked.size()];
    for (int i = 0; i < bind.length; i++) {
      AddressPair p = ranked.get(i);
      // A discovered source that is the only one for its destination is what the OS would pick anyway;
      // not binding it spares a syscall and the bind-time port search.
      bind[i] = p.source() != null && (bindEverySource || pairsPerDestination.get(p.destinationAddress()) > 1);
    }
    return new ConnectPlan(ranked, bind, schedule(scheduler, ranked, deadline, view), view);
  }

  /** The scheduler's schedule, or one attempt at a time when it throws or gives none. */
  private static AttemptScheduler.Schedule schedule(
      AttemptScheduler scheduler, List<AddressPair> ranked, Optional<Duration> deadline, PathTable.View history) {
    try {
      AttemptScheduler.Schedule schedule = scheduler.newSchedule(ranked, deadline, history);
      if (schedule != null) {
        return schedule;
      }
      Log.warning("scheduler " + scheduler + " gave no schedule; going one at a time");
    } catch (RuntimeException e) {
      Log.warning("scheduler " + scheduler + " threw; going one at a time", e);
    }
    return new FallbackSchedule(ranked.size(), 0, 0);
  }

  /** The ranker's order, or the input order when it throws or does not return the pairs it was given. */
  private static List<AddressPair> rank(AddressPairRanker ranker, List<AddressPair> pairs, RankingContext context) {
    if (pairs.size() == 1) {
      return pairs;
    }
    try {
      List<AddressPair> ranked = ranker.rank(List.copyOf(pairs), context);
      if (ranked != null && ranked.size() == pairs.size() && new HashSet<>(ranked).equals(new HashSet<>(pairs))) {
        return List.copyOf(ranked);
      }
      Log.warning("ranker " + ranker + " did not return the pairs it was given; "
          + "using their input order");
    } catch (RuntimeException e) {
      Log.warning("ranker " + ranker + " threw; using the input order", e);
    }
    return pairs;
  }
}
