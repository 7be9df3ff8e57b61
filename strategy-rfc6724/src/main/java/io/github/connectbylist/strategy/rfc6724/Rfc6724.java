package io.github.connectbylist.strategy.rfc6724;

import io.github.connectbylist.api.LocalAddress;
import io.github.connectbylist.api.LocalAddress.Flag;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * RFC 6724 default address selection: source selection (section 5, rules 1 to 8) and destination
 * ordering (section 6, rules 1 to 10), over a {@link PolicyTable}. Usable on its own by anyone who needs
 * RFC 6724; the {@code rfc6724} ranker is built on it.
 *
 * <p>Where Java cannot know something, the rule is skipped: rule 5 (outgoing interface) applies only when
 * the caller names the interface, rule 5.5 (next-hop prefix) never. Rule 9 of section 6 compares only two
 * IPv6 destinations, as Go does since its issues 13283 and 18518: among IPv4 addresses the longest
 * matching prefix says little about distance and defeats DNS round robin.
 */
public final class Rfc6724 {
  private static final Rfc6724 STANDARD = new Rfc6724(PolicyTable.rfc6724(), true);

  private final PolicyTable table;
  private final boolean preferTemporary;

  private Rfc6724(PolicyTable table, boolean preferTemporary) {
    this.table = table;
    this.preferTemporary = preferTemporary;
  }

  /**
   * The default policy table, temporary addresses preferred (section 5, rule 7).
   *
   * @return the rules over the default table
   */
  public static Rfc6724 standard() {
    return STANDARD;
  }

  /**
   * Selection over {@code table}, temporary addresses preferred.
   *
   * @param table the policy table
   * @return the rules over {@code table}
   */
  public static Rfc6724 with(PolicyTable table) {
    return new Rfc6724(Objects.requireNonNull(table, "table"), true);
  }

  /**
   * The same selection with rule 7 reversed when {@code prefer} is false, as section 5 requires be possible.
   *
   * @param prefer whether rule 7 prefers temporary addresses
   * @return the rules with that preference
   */
  public Rfc6724 preferringTemporaryAddresses(boolean prefer) {
    return new Rfc6724(table, prefer);
  }

  /**
   * The policy table the rules use.
   *
   * @return the table
   */
  public PolicyTable table() {
    return table;
  }

  /**
   * Whether rule 7 prefers temporary addresses.
   *
   * @return the preference
   */
  public boolean prefersTemporaryAddresses() {
    return preferTemporary;
  }

  /**
   * The source the rules of section 5 pick for {@code destination} among {@code candidates}: only those of
   * the destination's family, loopback only for loopback. Empty when none fits.
   *
   * @param destination the destination
   * @param candidates the candidate sources
   * @return the best source, or empty when none is usable
   */
  public Optional<LocalAddress> selectSource(InetAddress destination, List<LocalAddress> candidates) {
    return selectSource(destination, candidates, Optional.empty());
  }

  /**
   * As {@link #selectSource(InetAddress, List)}, with rule 5 preferring sources on {@code outgoingInterface}.
   *
   * @param destination the destination
   * @param candidates the candidate sources
   * @param outgoingInterface the interface the route uses, for rule 5, if known
   * @return the best source, or empty when none is usable
   */
  public Optional<LocalAddress> selectSource(
      InetAddress destination, List<LocalAddress> candidates, Optional<String> outgoingInterface) {
    AddressFacts d = AddressFacts.of(destination, table);
    AddressFacts best = best(d, facts(candidates), outgoingInterface.orElse(null));
    return best == null ? Optional.empty() : Optional.of(best.local());
  }

  /**
   * Orders {@code destinations} by the rules of section 6, each judged with the source that {@link
   * #selectSource} picks for it from {@code sources}; a destination with no usable source goes last (rule 1).
   * The sort is stable (rule 10).
   *
   * @param destinations the destinations, in resolver order
   * @param sources the host's addresses
   * @return the destinations in the order to try them
   */
  public List<InetAddress> sortDestinations(List<InetAddress> destinations, List<LocalAddress> sources) {
    List<AddressFacts> sourceFacts = facts(sources);
    Judged[] judged = new Judged[destinations.size()];
    for (int i = 0; i < judged.length; i++) {
      AddressFacts d = AddressFacts.of(destinations.get(i), table);
      judged[i] = new Judged(d, best(d, sourceFacts, null), i);
    }
    StableSort.sort(judged, destinationOrder());
    List<InetAddress> sorted = new ArrayList<>(judged.length);
    for (Judged j : judged) {
      sorted.add(destinations.get(j.index()));
    }
    return sorted;
  }

  /** A destination and the source it would use, the unit that section 6 sorts. */
  record Judged(AddressFacts destination, AddressFacts source, int index) {}

  List<AddressFacts> facts(List<LocalAddress> sources) {
    List<AddressFacts> facts = new ArrayList<>(sources.size());
    for (LocalAddress s : sources) {
      facts.add(AddressFacts.of(s, table));
    }
    return facts;
  }

  AddressFacts describe(InetAddress address) {
    return AddressFacts.of(address, table);
  }

  /** The preferred usable source for {@code d} by section 5, or {@code null}. */
  AddressFacts best(AddressFacts d, List<AddressFacts> candidates, String outgoingInterface) {
    AddressFacts best = null;
    for (AddressFacts c : candidates) {
      if (usable(c, d) && (best == null || compareSources(c, best, d, outgoingInterface) < 0)) {
        best = c;
      }
    }
    return best;
  }

  /** Sources usable for {@code d}, most preferred first, by repeated selection (the rules are pairwise). */
  List<AddressFacts> sourcesInOrder(AddressFacts d, List<AddressFacts> candidates) {
    List<AddressFacts> left = new ArrayList<>();
    for (AddressFacts c : candidates) {
      if (usable(c, d)) {
        left.add(c);
      }
    }
    List<AddressFacts> ordered = new ArrayList<>(left.size());
    while (!left.isEmpty()) {
      AddressFacts best = best(d, left, null);
      ordered.add(best);
      left.remove(best);
    }
    return ordered;
  }

  static boolean usable(AddressFacts source, AddressFacts destination) {
    return source.ipv4() == destination.ipv4() && source.isLoopback() == destination.isLoopback();
  }

  /** Section 5: negative when {@code a} is the better source for {@code d}. */
  int compareSources(AddressFacts a, AddressFacts b, AddressFacts d, String outgoingInterface) {
    // Rule 1: prefer same address.
    boolean aSame = a.sameAddress(d);
    if (aSame != b.sameAddress(d)) {
      return aSame ? -1 : 1;
    }
    // Rule 2: prefer appropriate scope.
    if (a.scope() < b.scope()) {
      return a.scope() < d.scope() ? 1 : -1;
    }
    if (b.scope() < a.scope()) {
      return b.scope() < d.scope() ? -1 : 1;
    }
    // Rule 3: avoid deprecated addresses.
    boolean aDeprecated = a.has(Flag.DEPRECATED);
    if (aDeprecated != b.has(Flag.DEPRECATED)) {
      return aDeprecated ? 1 : -1;
    }
    // Rule 4: prefer home addresses.
    int home = compareHome(a, b);
    if (home != 0) {
      return home;
    }
    // Rule 5: prefer outgoing interface, when it is known.
    if (outgoingInterface != null) {
      boolean aOut = outgoingInterface.equals(a.local().interfaceName());
      if (aOut != outgoingInterface.equals(b.local().interfaceName())) {
        return aOut ? -1 : 1;
      }
    }
    // Rule 5.5 (prefer addresses in a prefix advertised by the next-hop): Java cannot know; skipped.
    // Rule 6: prefer matching label.
    boolean aLabel = a.label() == d.label();
    if (aLabel != (b.label() == d.label())) {
      return aLabel ? -1 : 1;
    }
    // Rule 7: prefer temporary addresses (or public ones, when reversed).
    boolean aTemporary = a.has(Flag.TEMPORARY);
    if (aTemporary != b.has(Flag.TEMPORARY)) {
      return aTemporary == preferTemporary ? -1 : 1;
    }
    // Rule 8: use longest matching prefix.
    return Integer.compare(b.commonPrefixLength(d), a.commonPrefixLength(d));
  }

  /** Rule 4 of sections 5 and 6: home and care-of at once beats either alone; home alone beats care-of alone. */
  private static int compareHome(AddressFacts a, AddressFacts b) {
    boolean aHome = a.has(Flag.HOME);
    boolean aCareOf = a.has(Flag.CARE_OF);
    boolean bHome = b.has(Flag.HOME);
    boolean bCareOf = b.has(Flag.CARE_OF);
    boolean aBoth = aHome && aCareOf;
    boolean bBoth = bHome && bCareOf;
    if (aBoth != bBoth) {
      return aBoth ? -1 : 1;
    }
    if (aHome && !aCareOf && bCareOf && !bHome) {
      return -1;
    }
    if (bHome && !bCareOf && aCareOf && !aHome) {
      return 1;
    }
    return 0;
  }

  /** Section 6: negative when destination {@code a} should be tried before {@code b}. */
  Comparator<Judged> destinationOrder() {
    return DESTINATION_ORDER;
  }

  /** Section 6 over judged destinations (a class rather than a lambda: rankers run in a JVM's first connect). */
  private static final Comparator<Judged> DESTINATION_ORDER = new Comparator<>() {
    @Override
    public int compare(Judged x, Judged y) {
      return compareDestinations(x.destination(), x.source(), y.destination(), y.source());
    }
  };

  static int compareDestinations(AddressFacts da, AddressFacts sa, AddressFacts db, AddressFacts sb) {
    // Rule 1: avoid unusable destinations.
    if ((sa == null) != (sb == null)) {
      return sa == null ? 1 : -1;
    }
    boolean sources = sa != null;
    if (sources) {
      // Rule 2: prefer matching scope.
      boolean aScope = da.scope() == sa.scope();
      if (aScope != (db.scope() == sb.scope())) {
        return aScope ? -1 : 1;
      }
      // Rule 3: avoid deprecated addresses.
      boolean aDeprecated = sa.has(Flag.DEPRECATED);
      if (aDeprecated != sb.has(Flag.DEPRECATED)) {
        return aDeprecated ? 1 : -1;
      }
      // Rule 4: prefer home addresses.
      int home = compareHome(sa, sb);
      if (home != 0) {
        return home;
      }
      // Rule 5: prefer matching label.
      boolean aLabel = sa.label() == da.label();
      if (aLabel != (sb.label() == db.label())) {
        return aLabel ? -1 : 1;
      }
    }
    // Rule 6: prefer higher precedence.
    if (da.precedence() != db.precedence()) {
      return da.precedence() > db.precedence() ? -1 : 1;
    }
    // Rule 7: prefer native transport.
    if (sources && sa.isEncapsulated() != sb.isEncapsulated()) {
      return sa.isEncapsulated() ? 1 : -1;
    }
    // Rule 8: prefer smaller scope.
    if (da.scope() != db.scope()) {
      return da.scope() < db.scope() ? -1 : 1;
    }
    // Rule 9: use longest matching prefix, between two IPv6 destinations only.
    if (sources && !da.ipv4() && !db.ipv4()) {
      int c = Integer.compare(sb.commonPrefixLength(db), sa.commonPrefixLength(da));
      if (c != 0) {
        return c;
      }
    }
    // Rule 10: otherwise, leave the order unchanged.
    return 0;
  }

  @Override
  public String toString() {
    return "Rfc6724[" + table + (preferTemporary ? "" : ", public addresses preferred") + "]";
  }
}
