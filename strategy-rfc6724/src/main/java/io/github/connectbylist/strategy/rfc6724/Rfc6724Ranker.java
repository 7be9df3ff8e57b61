package io.github.connectbylist.strategy.rfc6724;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.LocalAddress;
import io.github.connectbylist.api.RankingContext;
import io.github.connectbylist.api.StrategyOption;
import io.github.connectbylist.api.StrategyOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
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
  /**
   * The policy table (RFC 6724 section 2.1): {@code none} for the RFC's default, {@code host} for {@code
   * /etc/gai.conf} when present, or the path of a file in gai.conf's format.
   */
  public static final StrategyOption<String> GAI_CONF = StrategyOption.text("gai-conf", "none",
      "policy table: none (RFC 6724 default), host (/etc/gai.conf when present), or a gai.conf path");
  /** Section 5 rule 7: prefer temporary (privacy) addresses as sources, as the RFC recommends. */
  public static final StrategyOption<Boolean> PREFER_TEMPORARY = StrategyOption.flag("prefer-temporary",
      Rfc6724.standard().prefersTemporaryAddresses(),
      "section 5 rule 7: prefer temporary (privacy) addresses");
  /** Every option of ranker {@code rfc6724}, which rankers built on it (happy-eyeballs) take too. */
  public static final List<StrategyOption<?>> OPTIONS = List.of(GAI_CONF, PREFER_TEMPORARY);

  private final Rfc6724 selection;

  /**
   * A ranker over these rules.
   *
   * @param selection the rules and their table
   */
  public Rfc6724Ranker(Rfc6724 selection) {
    this.selection = Objects.requireNonNull(selection, "selection");
  }

  /**
   * The ranker over the RFC 6724 default policy table.
   *
   * @return the ranker
   */
  public static Rfc6724Ranker standard() {
    return new Rfc6724Ranker(Rfc6724.standard());
  }

  /**
   * The ranker its text options describe.
   *
   * @param options values of {@link #OPTIONS}, and possibly others, which it leaves alone
   * @return the ranker
   * @throws IllegalArgumentException naming {@code gai-conf} when its file cannot be read or is not a gai.conf
   */
  public static Rfc6724Ranker fromOptions(StrategyOptions options) {
    return new Rfc6724Ranker(Rfc6724.with(table(options.get(GAI_CONF)))
        .preferringTemporaryAddresses(options.get(PREFER_TEMPORARY)));
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
        } catch (InvalidPathException e) {
          throw new IllegalArgumentException("option " + GAI_CONF.name() + "=" + value + " is not a path: give none, "
              + "host or the path of a gai.conf file", e);
        }
        try {
          return PolicyTable.fromGaiConf(file);
        } catch (IOException e) {
          // One line, PATH: what is wrong (no such file, not a regular file, larger than the limit, ...).
          throw new IllegalArgumentException("option " + GAI_CONF.name() + ": " + e.getMessage(), e);
        }
    }
  }

  /**
   * The rules this ranker uses.
   *
   * @return the rules
   */
  public Rfc6724 selection() {
    return selection;
  }

  @Override
  public List<AddressPair> rank(List<AddressPair> pairs, RankingContext context) {
    Map<InetSocketAddress, List<AddressPair>> byDestination = new LinkedHashMap<>();
    for (AddressPair pair : pairs) {
      List<AddressPair> group = byDestination.get(pair.destination());
      if (group == null) {
        group = new ArrayList<>(4);
        byDestination.put(pair.destination(), group);
      }
      group.add(pair);
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
          AddressFacts facts = sourceFacts.get(p.source());
          if (facts == null) {
            facts = AddressFacts.of(p.source(), selection.table());
            sourceFacts.put(p.source(), facts);
          }
          candidates.add(facts);
        }
      }
      List<AddressFacts> judgedAmong = candidates;
      if (candidates.isEmpty()) {
        // The OS picks the source of these pairs: judge them by what it would pick.
        if (hostSources == null) {
          hostSources = selection.facts(context.localAddresses());
        }
        judgedAmong = hostSources;
      }
      Optional<InetAddress> osChoice = context.osPreferredSource(destination);
      AddressFacts source = osChoice.isPresent() ? find(judgedAmong, osChoice.get()) : null;
      if (source == null) {
        source = selection.best(d, judgedAmong, null);
      }
      groups[i] = new Group(new Rfc6724.Judged(d, source, i), group, candidates);
      i++;
    }

    StableSort.sort(groups, BY_DESTINATION_ORDER);

    List<AddressPair> ranked = new ArrayList<>(pairs.size());
    List<List<AddressPair>> rest = new ArrayList<>(n);
    for (Group g : groups) {
      List<AddressPair> ordered = g.inSourceOrder(selection);
      ranked.add(ordered.get(0));
      rest.add(ordered.subList(1, ordered.size()));
    }
    for (List<AddressPair> others : rest) {
      ranked.addAll(others);
    }
    return ranked;
  }

  /** Section 6 order of the groups' judged destinations; the table does not matter to the comparison. */
  private static final java.util.Comparator<Group> BY_DESTINATION_ORDER = new java.util.Comparator<>() {
    @Override
    public int compare(Group x, Group y) {
      return Rfc6724.compareDestinations(x.judged().destination(), x.judged().source(), y.judged().destination(),
          y.judged().source());
    }
  };

  /** The facts of {@code address} among {@code facts}, or {@code null}. */
  private static AddressFacts find(List<AddressFacts> facts, InetAddress address) {
    for (AddressFacts f : facts) {
      if (f.address().equals(address)) {
        return f;
      }
    }
    return null;
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
