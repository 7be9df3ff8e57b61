package io.github.connectbylist.strategy.rfc6724;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.LocalAddress;
import io.github.connectbylist.api.RankingContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Ranker {@code rfc6724}: WSAConnectByList's "highest chance of success first", done as RFC 6724 says.
 * For each destination the pair with the source the operating system would pick comes first (known from
 * the ranking context; else section 5's choice); those first pairs are in section 6 order; the pairs with
 * other sources follow, destination by destination in that order, each destination's sources in section 5
 * order.
 */
public final class Rfc6724Ranker implements AddressPairRanker {
  private final Rfc6724 selection;

  public Rfc6724Ranker(Rfc6724 selection) {
    this.selection = Objects.requireNonNull(selection, "selection");
  }

  /** The ranker over the RFC 6724 default policy table. */
  public static Rfc6724Ranker standard() {
    return new Rfc6724Ranker(Rfc6724.standard());
  }

  public Rfc6724 selection() {
    return selection;
  }

  @Override
  public List<AddressPair> rank(List<AddressPair> pairs, RankingContext context) {
    Map<InetSocketAddress, List<AddressPair>> byDestination = new LinkedHashMap<>();
    for (AddressPair pair : pairs) {
      byDestination.computeIfAbsent(pair.destination(), d -> new ArrayList<>(4)).add(pair);
    }
    Map<LocalAddress, AddressFacts> sourceFacts = new IdentityHashMap<>();
    List<AddressFacts> hostSources = null;

    int n = byDestination.size();
    Group[] groups = new Group[n];
    int i = 0;
    for (Map.Entry<InetSocketAddress, List<AddressPair>> e : byDestination.entrySet()) {
      InetAddress destination = e.getKey().getAddress();
      AddressFacts d = selection.describe(destination);
      List<AddressPair> group = e.getValue();
      List<AddressFacts> candidates = new ArrayList<>(group.size());
      for (AddressPair p : group) {
        if (p.source() != null) {
          candidates.add(sourceFacts.computeIfAbsent(p.source(), s -> AddressFacts.of(s, selection.table())));
        }
      }
      Optional<InetAddress> osChoice = context.osPreferredSource(destination);
      AddressFacts source;
      if (!candidates.isEmpty()) {
        source = osChoice.flatMap(o -> find(candidates, o)).orElseGet(() -> selection.best(d, candidates, null));
      } else {
        // The OS picks the source of these pairs: judge them by what it would pick.
        if (hostSources == null) {
          hostSources = selection.facts(context.localAddresses());
        }
        List<AddressFacts> host = hostSources;
        source = osChoice.flatMap(o -> find(host, o)).orElseGet(() -> selection.best(d, host, null));
      }
      groups[i] = new Group(new Rfc6724.Judged(d, source, i), group, candidates);
      i++;
    }

    StableSort.sort(groups, (x, y) -> selection.destinationOrder().compare(x.judged(), y.judged()));

    List<AddressPair> ranked = new ArrayList<>(pairs.size());
    List<List<AddressPair>> rest = new ArrayList<>(n);
    for (Group g : groups) {
      List<AddressPair> ordered = g.inSourceOrder(selection);
      ranked.add(ordered.get(0));
      rest.add(ordered.subList(1, ordered.size()));
    }
    rest.forEach(ranked::addAll);
    return ranked;
  }

  private static Optional<AddressFacts> find(List<AddressFacts> facts, InetAddress address) {
    for (AddressFacts f : facts) {
      if (f.address().equals(address)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** The pairs of one destination and the source it is judged by. */
  private record Group(Rfc6724.Judged judged, List<AddressPair> pairs, List<AddressFacts> candidates) {

    /** The pair with the judging source first, then the others by section 5; pairs without source last. */
    List<AddressPair> inSourceOrder(Rfc6724 selection) {
      if (pairs.size() == 1) {
        return pairs;
      }
      List<AddressPair> ordered = new ArrayList<>(pairs.size());
      AddressFacts first = judged.source();
      if (first != null && first.local() != null) {
        add(ordered, first.local());
      }
      for (AddressFacts s : selection.sourcesInOrder(judged.destination(), candidates)) {
        add(ordered, s.local());
      }
      for (AddressPair p : pairs) {
        if (!ordered.contains(p)) {
          ordered.add(p); // no source, or a source no rule finds usable: keep it, last
        }
      }
      return ordered;
    }

    private void add(List<AddressPair> ordered, LocalAddress source) {
      for (AddressPair p : pairs) {
        if (p.source() == source && !ordered.contains(p)) {
          ordered.add(p);
          return;
        }
      }
    }
  }

  @Override
  public String toString() {
    return "rfc6724";
  }
}
