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
 * with {@link ScenarioFormat}. With a {@link Resolution}, the destinations are connected to by name, and
 * the answers come as the resolution says.
 *
 * @param name a short name, used in reports
 * @param description one line for humans
 * @param destinations in resolver order
 * @param sources the host's addresses
 * @param osSources the source the OS would pick, for the destinations where it matters
 * @param network how each pair behaves
 * @param resolution how the name resolves, or {@code null} for a connect to the list of destinations
 */
public record Scenario(
    String name,
    String description,
    List<InetSocketAddress> destinations,
    List<LocalAddress> sources,
    Map<InetAddress, InetAddress> osSources,
    SimulatedNetwork network,
    Resolution resolution) {

  /**
   * A scenario connected to as a list, without resolution.
   *
   * @param name a short name
   * @param description one line
   * @param destinations in resolver order
   * @param sources the host's addresses
   * @param osSources the source the OS would pick, where it matters
   * @param network how each pair behaves
   */
  public Scenario(
      String name, String description, List<InetSocketAddress> destinations, List<LocalAddress> sources,
      Map<InetAddress, InetAddress> osSources, SimulatedNetwork network) {
    this(name, description, destinations, sources, osSources, network, null);
  }

  /**
   * Copies the lists and checks that no part but the resolution is null.
   *
   * @param name a short name
   * @param description one line
   * @param destinations in resolver order
   * @param sources the host's addresses
   * @param osSources the source the OS would pick, where it matters
   * @param network how each pair behaves
   * @param resolution how the name resolves, or {@code null}
   * @throws IllegalArgumentException when a scenario with a resolution has destinations on several ports
   */
  public Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    destinations = List.copyOf(destinations);
    if (resolution != null) {
      for (InetSocketAddress d : destinations) {
        if (d.getPort() != destinations.get(0).getPort()) {
          throw new IllegalArgumentException(name + ": the addresses of a name share one port: " + destinations);
        }
      }
    }
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

  /**
   * The port of a connect by name: that of every destination.
   *
   * @return the port
   */
  public int port() {
    return destinations.isEmpty() ? 443 : destinations.get(0).getPort();
  }
}
