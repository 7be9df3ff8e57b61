package io.github.connectbylist.internal;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.Addresses;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.api.Deadline;
import io.github.connectbylist.api.LocalAddress;
import io.github.connectbylist.api.RankingContext;
import io.github.connectbylist.api.ServiceBinding;
import io.github.connectbylist.engine.Host;
import java.net.Inet4Address;
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
  private Network network;
  private boolean ipv6Only;
  private Nat64Prefix nat64;
  private boolean nat64Known;
  private boolean rankAgain;
  private PathTable.View view = PathTable.NO_VIEW;
  // made on first use: a list of one destination (the common warm connect) never needs them
  private Map<InetAddress, Integer> pairsPerDestination = Map.of();
  private Map<InetAddress, InetAddress> osSources = Map.of();
  private Set<InetSocketAddress> seen = Set.of();

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
    network = Network.of(locals);
    view = settings.history().begin(network, nowNanos);
    ipv6Only = settings.nat64() != null && Nat64Prefixes.ipv6Only(locals);
    if (ipv6Only) {
      Optional<Optional<Nat64Prefix>> known = settings.nat64().of(network, nowNanos);
      nat64Known = known.isPresent();
      nat64 = known.flatMap(p -> p).orElse(null);
    }
    List<ConnectPlan.Denied> denied = new ArrayList<>();
    List<AddressPair> pairs = pairsOf(allowed(synthesized(destinations), denied));
    List<AddressPair> ranked = rank(pairs);
    AttemptScheduler.Schedule schedule = byName && !startsBeforeResolution() ? null : schedule(ranked);
    return new ConnectPlan(planned(ranked), schedule, view, denied);
  }

  @Override
  public boolean discoversNat64() {
    return ipv6Only && !nat64Known;
  }

  @Override
  public Nat64Prefix nat64() {
    return nat64;
  }

  @Override
  public void nat64Discovered(List<InetAddress> answer, long nowNanos) {
    Optional<Nat64Prefix> found = answer == null ? Optional.empty() : Nat64Prefix.discover(answer);
    if (answer != null) {
      settings.nat64().found(network, found, nowNanos);
    } else {
      settings.nat64().failed(network, nowNanos); // asked again soon, not by every connect
    }
    nat64Known = true;
    nat64 = found.orElse(null);
    rankAgain = nat64 != null; // addresses already known may be synthesized ones, to be sorted as IPv4
  }

  /** IPv4 literals behind the NAT64 prefix, on a host with IPv6 only that knows one (the draft's section 8.3). */
  private List<InetSocketAddress> synthesized(List<InetSocketAddress> given) {
    if (nat64 == null) {
      return given;
    }
    List<InetSocketAddress> out = new ArrayList<>(given.size());
    for (InetSocketAddress d : given) {
      out.add(d.getAddress() instanceof Inet4Address v4 && !Nat64Prefix.exempt(v4)
          ? new InetSocketAddress(nat64.synthesize(v4), d.getPort()) : d);
    }
    return out;
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
  public ConnectPlan.Addition update(List<Endpoints.Endpoint> endpoints, List<AddressPair> started,
      List<AddressPair> notStarted) {
    List<ConnectPlan.Denied> denied = new ArrayList<>();
    Map<InetSocketAddress, ServiceBinding> wanted = new HashMap<>(); // each destination's record, null for none
    List<InetSocketAddress> fresh = new ArrayList<>();
    for (Endpoints.Endpoint e : endpoints) {
      InetSocketAddress d = e.destination();
      d = new InetSocketAddress(Addresses.unmapped(d.getAddress()), d.getPort());
      String unusable = Destinations.unusable(d.getAddress());
      if (unusable != null) {
        if (seen().add(d)) {
          denied.add(new ConnectPlan.Denied(d, Addresses.format(d.getAddress(), d.getPort()) + " " + unusable));
        }
        continue;
      }
      if (wanted.containsKey(d)) {
        continue; // the first endpoint of a destination gives its record
      }
      wanted.put(d, e.service());
      if (!seen.contains(d)) {
        fresh.add(d);
      }
    }
    boolean rejudge = rankAgain; // a prefix just learned: a DNS64's answers that came before it are judged again
    boolean changed = !fresh.isEmpty() || rankAgain;
    rankAgain = false;
    List<AddressPair> all = new ArrayList<>(notStarted.size() + fresh.size());
    for (AddressPair p : notStarted) {
      boolean kept = wanted.containsKey(p.destination());
      Optional<String> denial = kept && rejudge ? synthesizedDenial(p.destination().getAddress()) : Optional.empty();
      if (denial.isPresent()) {
        changed = true;
        InetSocketAddress d = p.destination();
        denied.add(new ConnectPlan.Denied(d, Addresses.format(d.getAddress(), d.getPort()) + ": " + denial.get()));
        continue; // stays seen: never tried
      }
      AddressPair now = kept ? p.withService(wanted.get(p.destination())) : null;
      changed |= now != p;
      if (now != null) {
        all.add(now);
      } else {
        seen().remove(p.destination()); // dropped before its turn (a hint the answer lacked): it may come back
      }
    }
    if (!changed) {
      return new ConnectPlan.Addition(planned(notStarted), denied);
    }
    for (AddressPair p : pairsOf(allowed(fresh, denied))) {
      all.add(p.withService(wanted.get(p.destination())));
    }
    return new ConnectPlan.Addition(planned(rankAfter(started, all)), denied);
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
    List<InetSocketAddress> allowed = null; // made at the first one left out: until then, the candidates' first ones
    int n = candidates.size();
    boolean mayRepeat = byName || n > 1; // a list of one has nothing to repeat
    for (int i = 0; i < n; i++) {
      InetSocketAddress d = candidates.get(i);
      boolean out = mayRepeat && !seen().add(d); // the same address in two answers, or in one twice: tried once
      if (!out) {
        Optional<String> denial = settings.policy().denial(d.getAddress());
        if (denial.isEmpty()) {
          denial = synthesizedDenial(d.getAddress());
        }
        if (denial.isPresent()) {
          out = true;
          denied.add(new ConnectPlan.Denied(d, Addresses.format(d.getAddress(), d.getPort()) + ": " + denial.get()));
        }
      }
      if (out && allowed == null) {
        allowed = new ArrayList<>(candidates.subList(0, i));
      } else if (!out && allowed != null) {
        allowed.add(d);
      }
    }
    return allowed == null ? candidates : allowed;
  }

  /** Why the IPv4 address a synthesized {@code address} reaches is denied; empty when it is not synthesized or allowed. */
  private Optional<String> synthesizedDenial(InetAddress address) {
    if (nat64 == null) {
      return Optional.empty();
    }
    Optional<Inet4Address> v4 = nat64.extract(address);
    return v4.isEmpty() ? Optional.empty()
        : settings.policy().denial(v4.get()).map(why -> "behind the NAT64 prefix " + nat64 + ": " + why);
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
    if (!(pairsPerDestination instanceof HashMap)) {
      pairsPerDestination = new HashMap<>();
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
          if (!(osSources instanceof HashMap)) {
            osSources = new HashMap<>();
          }
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
    if (ranked.size() == 1) {
      AddressPair p = ranked.get(0);
      return List.of(new PlannedPair(p, p.source() != null && (bindEverySource || sharesDestination(p))));
    }
    PlannedPair[] planned = new PlannedPair[ranked.size()];
    for (int i = 0; i < planned.length; i++) {
      AddressPair p = ranked.get(i);
      planned[i] = new PlannedPair(p, p.source() != null && (bindEverySource || sharesDestination(p)));
    }
    return List.of(planned); // immutable: the plan keeps it as it is
  }

  /** {@code ranked}'s order with the pairs given: a ranker that rebuilt a pair does not lose its service record. */
  private static List<AddressPair> originals(List<AddressPair> ranked, List<AddressPair> given) {
    boolean anyService = false;
    for (AddressPair p : given) {
      anyService |= p.service() != null;
    }
    if (!anyService) {
      return List.copyOf(ranked);
    }
    Map<AddressPair, AddressPair> byIdentity = new HashMap<>();
    for (AddressPair p : given) {
      byIdentity.put(p, p);
    }
    List<AddressPair> out = new ArrayList<>(ranked.size());
    for (AddressPair p : ranked) {
      out.add(byIdentity.get(p));
    }
    return out;
  }

  /** The destinations seen so far, a set made at the first one. */
  private Set<InetSocketAddress> seen() {
    if (!(seen instanceof HashSet)) {
      seen = new HashSet<>();
    }
    return seen;
  }

  /** Whether another pair has {@code p}'s destination (never counted when the connect has one pair). */
  private boolean sharesDestination(AddressPair p) {
    Integer pairs = pairsPerDestination.get(p.destinationAddress());
    return pairs != null && pairs > 1;
  }

  /**
   * {@code rest} in the order the whole list would have had if every pair had been there from the start, the
   * pairs already started left out: a late IPv4 answer puts IPv4 next, "as if it had been available initially"
   * (the Happy Eyeballs v3 draft's section 7), rather than after the IPv6 pairs still waiting.
   */
  private List<AddressPair> rankAfter(List<AddressPair> started, List<AddressPair> rest) {
    if (started.isEmpty()) {
      return rank(rest);
    }
    List<AddressPair> whole = new ArrayList<>(started.size() + rest.size());
    whole.addAll(started);
    whole.addAll(rest);
    Set<AddressPair> begun = new HashSet<>(started);
    List<AddressPair> ranked = new ArrayList<>(rest.size());
    for (AddressPair p : rank(whole)) {
      if (!begun.contains(p)) {
        ranked.add(p);
      }
    }
    return ranked;
  }

  /**
   * The pairs in groups, one per service record, by the record's priority, records of equal priority in the
   * order the resolver shuffled them (the Happy Eyeballs v3 draft's section 5.2); those of no record last, as
   * RFC 9460 section 3's fallback; each group in the ranker's order (section 5.3).
   */
  private List<AddressPair> rank(List<AddressPair> pairs) {
    boolean anyService = false;
    for (AddressPair p : pairs) {
      anyService |= p.service() != null;
    }
    if (!anyService) {
      return rankGroup(pairs);
    }
    Map<ServiceBinding, List<AddressPair>> groups = new java.util.LinkedHashMap<>(); // the null key: no record
    for (AddressPair p : pairs) {
      List<AddressPair> group = groups.get(p.service());
      if (group == null) {
        group = new ArrayList<>();
        groups.put(p.service(), group);
      }
      group.add(p);
    }
    List<ServiceBinding> order = new ArrayList<>(groups.keySet());
    order.sort(java.util.Comparator.comparingInt(b -> b == null ? Integer.MAX_VALUE : b.priority())); // stable
    List<AddressPair> ranked = new ArrayList<>(pairs.size());
    for (ServiceBinding b : order) {
      ranked.addAll(rankGroup(groups.get(b)));
    }
    return ranked;
  }

  /**
   * The ranker's order; with a NAT64 prefix, synthesized destinations are ranked as the IPv4 addresses they
   * carry (the draft's section 8.2: de-synthesized "before being used ... for grouping and sorting"), so that
   * RFC 6724 and family interleaving see them as IPv4, then mapped back.
   */
  private List<AddressPair> rankGroup(List<AddressPair> pairs) {
    if (nat64 == null) {
      return rankAsGiven(pairs);
    }
    Map<AddressPair, List<AddressPair>> back = new java.util.LinkedHashMap<>();
    for (AddressPair p : pairs) {
      Optional<Inet4Address> v4 = nat64.extract(p.destinationAddress());
      AddressPair view = v4.isEmpty() ? p
          : new AddressPair(null, new InetSocketAddress(v4.get(), p.destination().getPort()), p.service());
      List<AddressPair> real = back.get(view);
      if (real == null) {
        real = new ArrayList<>(1);
        back.put(view, real);
      }
      real.add(p);
    }
    if (back.size() == pairs.size() && back.keySet().containsAll(pairs)) {
      return rankAsGiven(pairs); // nothing synthesized
    }
    List<AddressPair> ranked = new ArrayList<>(pairs.size());
    for (AddressPair view : rankAsGiven(new ArrayList<>(back.keySet()))) {
      ranked.addAll(back.get(view));
    }
    return ranked;
  }

  /** The ranker's order, or the input order when it throws or does not return the pairs it was given. */
  private List<AddressPair> rankAsGiven(List<AddressPair> pairs) {
    if (pairs.size() <= 1) {
      return pairs;
    }
    AddressPairRanker ranker = settings.ranker();
    try {
      List<AddressPair> ranked = ranker.rank(List.copyOf(pairs), new RankingContext(locals, osSources, view));
      if (ranked != null && ranked.size() == pairs.size() && new HashSet<>(ranked).equals(new HashSet<>(pairs))) {
        return originals(ranked, pairs);
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
