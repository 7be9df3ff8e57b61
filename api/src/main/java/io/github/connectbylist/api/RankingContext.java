package io.github.connectbylist.api;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a ranker may know of this host when it orders pairs: its local addresses, for some destinations
 * the source address the operating system would pick (found by connecting a UDP socket, which sends
 * nothing), and what earlier connects on this network learned of the paths. A destination is missing from
 * {@code osPreferredSources} when the lookup was skipped because only one source could serve it, or when
 * it failed.
 *
 * @param localAddresses the host's addresses
 * @param osPreferredSources destinations to the source the operating system would pick
 * @param history what earlier connects learned, at the time the connect is planned
 */
public record RankingContext(
    List<LocalAddress> localAddresses, Map<InetAddress, InetAddress> osPreferredSources, PathHistory history) {

  /**
   * Copies both collections.
   *
   * @param localAddresses the host's addresses
   * @param osPreferredSources destinations to the source the operating system would pick
   * @param history what earlier connects learned
   */
  public RankingContext {
    localAddresses = List.copyOf(localAddresses);
    osPreferredSources = Map.copyOf(osPreferredSources);
    Objects.requireNonNull(history, "history");
  }

  /**
   * A context without history.
   *
   * @param localAddresses the host's addresses
   * @param osPreferredSources destinations to the source the operating system would pick
   */
  public RankingContext(List<LocalAddress> localAddresses, Map<InetAddress, InetAddress> osPreferredSources) {
    this(localAddresses, osPreferredSources, PathHistory.none(0));
  }

  /**
   * A context that knows nothing: every ranker must cope with it.
   *
   * @return the empty context
   */
  public static RankingContext empty() {
    return new RankingContext(List.of(), Map.of());
  }

  /**
   * The source address the operating system would use to reach {@code destination}, when known.
   *
   * @param destination the destination; an IPv4-mapped address counts as its IPv4 address
   * @return the source, or empty when it was not looked up or could not be
   */
  public Optional<InetAddress> osPreferredSource(InetAddress destination) {
    Objects.requireNonNull(destination, "destination");
    return Optional.ofNullable(osPreferredSources.get(Addresses.unmapped(destination)));
  }
}
