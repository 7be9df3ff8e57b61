package io.github.connectbylist.lab;

import io.github.connectbylist.api.LocalAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A simulated host and network: the destinations a resolver returned, the host's source addresses, the
 * source the OS would pick for some destinations, and how the network treats each pair. Read from JSON
 * with {@link ScenarioFormat}.
 *
 * @param name a short name, used in reports
 * @param description one line for humans
 * @param destinations in resolver order
 * @param sources the host's addresses
 * @param osSources the source the OS would pick, for the destinations where it matters
 * @param network how each pair behaves
 */
public record Scenario(
    String name,
    String description,
    List<InetSocketAddress> destinations,
    List<LocalAddress> sources,
    Map<InetAddress, InetAddress> osSources,
    SimulatedNetwork network) {

  /**
   * Copies the lists and checks that no part is null.
   *
   * @param name a short name
   * @param description one line
   * @param destinations in resolver order
   * @param sources the host's addresses
   * @param osSources the source the OS would pick, where it matters
   * @param network how each pair behaves
   */
  public Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    destinations = List.copyOf(destinations);
    sources = List.copyOf(sources);
    osSources = Map.copyOf(osSources);
    Objects.requireNonNull(network, "network");
  }

  /**
   * The source the OS would pick for a destination, when the scenario says.
   *
   * @param destination a destination
   * @return the source, or empty
   */
  public Optional<InetAddress> osPreferredSource(InetAddress destination) {
    return Optional.ofNullable(osSources.get(destination));
  }
}
