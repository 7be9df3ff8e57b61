package io.github.connectbylist.internal;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.Addresses;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.api.Deadline;
import io.github.connectbylist.api.LocalAddress;
import io.github.connectbylist.api.RankingContext;
import io.github.connectbylist.engine.Host;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plans one connect: pairs every allowed destination with the sources that can reach it, asks the host
 * which source the OS would pick only where that can change the order, ranks, decides which sources to
 * bind, and makes the schedule. For a connect by name it keeps what it learned (the host's addresses, the
 * history view, the OS's choices) and plans each answer's addresses the same way, ranked with the pairs not
 * yet started. Made the same way on real sockets and in the lab; used by one connect, on one thread at a
 * time.
 */
// Plain loops rather than lambdas here and in the rest of a connect's first path: see ConnectCall.Step.
public final class PairPlanner implements ConnectPlanner {
  private final List<InetSocketAddress> destinations;
  private final boolean byName;
  private final Host host;
  private final Settings settings;
  private final Deadline deadline;

  private List<LocalAddress> locals = List.of();
  private PathTable.View view = PathTable.NONE.begin(null, 0);
  private final Map<InetAddress, Integer> pairsPerDestination = new HashMap<>();
  private final Map<InetAddress, InetAddress> osSources = new HashMap<>();
  private final Set<InetSocketAddress> seen = new HashSet<>();

  /**
   * @param call the connect to plan: its destinations (none yet by name), deadline, engine's host and settings
   */
  public PairPlanner(Call<?, ?> call) {
    this.destinations = call.request().addresses();
    this.byName = call.byName();
    this.host = call.engine().host();
    this.settings = call.settings();
    this.deadline = call.deadline();
  }

  /**
   * {@inheritDoc}
   *
   * @throws StrategyFailure when a strategy or the host throws an {@link Error}, naming it
   */
  @Override
  public ConnectPlan plan(long nowNanos) {
    try {
      locals = host.localAddresses();
    } catch (Error e) {
      throw StrategyFailure.of("the host " + host, "localAddresses()", e);
    }
    view = settings.history().begin(Network.of(locals), nowNanos);
    List<ConnectPlan.Denied> denied = new ArrayList<>();
    List<AddressPair> pairs = pairsOf(allowed(destinations, denied));
    List<AddressPair> ranked = rank(pairs);
    AttemptScheduler.Schedule schedule = byName && !startsBeforeResolution() ? null : schedule(ranked);
    return new ConnectPlan(planned(ranked), schedule, view, denied);
  }

  private boolean startsBeforeResolution() {
    AttemptScheduler scheduler = settings.scheduler();
    try {
      return scheduler.startsBeforeResolution();
    } catch (RuntimeException e) {
      Log.warning("scheduler " + scheduler + " threw; its connects by name wait for resolution to end", e);
      return false;
    } catch (Error e) {
      throw StrategyFailure.of("the scheduler " + scheduler, "startsBeforeResolution()", e);
    }
  }

  @Override
  public ConnectPlan.Addition add(List<InetSocketAddress> arrived, List<AddressPair> notStarted) {
    List<ConnectPlan.Denied> denied = new ArrayList<>();
    List<InetSocketAddress> fresh = new ArrayList<>();
    for (InetSocketAddress a : arrived) {
      InetSocketAddress d = new InetSocketAddress(Addresses.unmapped(a.getAddress()), a.getPort());
      String unusable = Destinations.unusable(d.getAddress());
      if (unusable != null) {
        if (seen.add(d)) {
          denied.add(new ConnectPlan.Denied(d, Addresses.format(d.getAddress(), d.getPort()) + " " + unusable));
        }
      } else {
        fresh.add(d);
      }
    }
    List<AddressPair> all = new ArrayList<>(notStarted);
    all.addAll(pairsOf(allowed(fresh, denied)));
    List<AddressPair> ranked = all.size() == notStarted.size() ? notStarted : rank(all);
    return new ConnectPlan.Addition(planned(ranked), denied);
  }

  @Override
  public AttemptScheduler.Schedule schedule(List<AddressPair> ranked) {
    AttemptScheduler scheduler = settings.scheduler();
    try {
      AttemptScheduler.Schedule schedule = scheduler.newSchedule(ranked, deadline, view);
      if (schedule != null) {
        return schedule;
      }
      Log.warning("scheduler " + scheduler + " gave no schedule; going one at a time");
    } catch (RuntimeException e) {
      Log.warning("scheduler " + scheduler + " threw; going one at a time", e);
    } catch (Error e) {
      throw StrategyFailure.of("the scheduler " + scheduler, "newSchedule()", e);
    }
    return new FallbackSchedule(ranked.size(), 0, 0);
  }

  /** The destinations not seen before that the policy allows; the others go to {@code denied}. */
  private List<InetSocketAddress> allowed(List<InetSocketAddress> candidates, List<ConnectPlan.Denied> denied) {
    List<InetSocketAddress> allowed = new ArrayList<>(candidates.size());
    boolean mayRepeat = byName || candidates.size() > 1; // a list of one has nothing to repeat
    for (InetSocketAddress d : candidates) {
      if (mayRepeat && !seen.add(d)) {
        continue; // the same address in two answers, or in one twice: tried once
      }
      Optional<String> denial = settings.policy().denial(d.getAddress());
      if (denial.isPresent()) {
        denied.add(new ConnectPlan.Denied(d, Addresses.format(d.getAddress(), d.getPort()) + ": " + denial.get()));
      } else {
        allowed.add(d);
      }
    }
    return allowed;
  }

  /** Pairs for new destinations, after asking the OS its choice of source where there is a choice. */
  private List<AddressPair> pairsOf(List<InetSocketAddress> fresh) {
    if (fresh.isEmpty()) {
      return List.of();
    }
    List<AddressPair> pairs = settings.osPicksSource() ? Pairs.osChoosesSource(fresh) : Pairs.build(fresh, locals);
    if (!byName && pairs.size() == 1) {
      return pairs; // the one pair of the connect: no other shares its destination, so the OS has no choice to tell
    }
    Set<InetAddress> news = new HashSet<>();
    for (AddressPair p : pairs) {
      Integer count = pairsPerDestination.get(p.destinationAddress());
      pairsPerDestination.put(p.destinationAddress(), count == null ? 1 : count + 1);
      news.add(p.destinationAddress());
    }
    for (InetAddress d : news) {
      if (pairsPerDestination.get(d) > 1) { // a single candidate needs no look-up: the ranker cannot choose among one
        Optional<InetAddress> source;
        try {
          source = host.osPreferredSource(d);
        } catch (Error e) {
          throw StrategyFailure.of("the host " + host, "osPreferredSource()", e);
        }
        if (source.isPresent()) {
          osSources.put(d, source.get());
        }
      }
    }
    return pairs;
  }

  /**
   * The pairs with their binds: the host's say ({@link Host#bindsEverySource}), else a source that is the
   * only one for its destination is what the OS would pick anyway, and not binding it spares a syscall and the
   * bind-time port search.
   */
  private List<PlannedPair> planned(List<AddressPair> ranked) {
    boolean bindEverySource = host.bindsEverySource();
    List<PlannedPair> planned = new ArrayList<>(ranked.size());
    for (AddressPair p : ranked) {
      planned.add(new PlannedPair(p,
          p.source() != null && (bindEverySource || sharesDestination(p))));
    }
    return planned;
  }

  /** Whether another pair has {@code p}'s destination (never counted when the connect has one pair). */
  private boolean sharesDestination(AddressPair p) {
    Integer pairs = pairsPerDestination.get(p.destinationAddress());
    return pairs != null && pairs > 1;
  }

  /** The ranker's order, or the input order when it throws or does not return the pairs it was given. */
  private List<AddressPair> rank(List<AddressPair> pairs) {
    if (pairs.size() <= 1) {
      return pairs;
    }
    AddressPairRanker ranker = settings.ranker();
    try {
      List<AddressPair> ranked = ranker.rank(List.copyOf(pairs), new RankingContext(locals, osSources, view));
      if (ranked != null && ranked.size() == pairs.size() && new HashSet<>(ranked).equals(new HashSet<>(pairs))) {
        return List.copyOf(ranked);
      }
      Log.warning("ranker " + ranker + " did not return the pairs it was given; using their input order");
    } catch (RuntimeException e) {
      Log.warning("ranker " + ranker + " threw; using the input order", e);
    } catch (Error e) {
      throw StrategyFailure.of("the ranker " + ranker, "rank()", e);
    }
    return pairs;
  }
}
