package io.github.connectbylist.emulator;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One emulated host: a network namespace of its own with these interfaces (and loopback).
 *
 * @param name the host's name in the topology, also its name in its own {@code /etc/hosts}: 1 to 20 of
 *     {@code a-z 0-9 -}
 * @param interfaces its interfaces, at least one
 */
public record HostSpec(String name, List<InterfaceSpec> interfaces) {

  /**
   * Checks the name and the interfaces.
   *
   * @param name the name
   * @param interfaces the interfaces
   */
  public HostSpec {
    Objects.requireNonNull(name, "name");
    interfaces = List.copyOf(interfaces);
    if (name.isEmpty() || name.length() > 20 || !name.chars().allMatch(c -> c >= 'a' && c <= 'z'
        || c >= '0' && c <= '9' || c == '-')) {
      throw new IllegalArgumentException("host '" + name + "': a name is 1 to 20 of a-z 0-9 -");
    }
    if (interfaces.isEmpty()) {
      throw new IllegalArgumentException("host " + name + " has no interface");
    }
    for (int i = 0; i < interfaces.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (interfaces.get(i).name().equals(interfaces.get(j).name())) {
          throw new IllegalArgumentException("host " + name + " has two interfaces named " + interfaces.get(i).name());
        }
      }
    }
  }

  /**
   * The interface that carries {@code family}'s default route in the host's main routing table: its first
   * interface with an address of that family.
   *
   * @param family the family
   * @return the interface, or empty when no interface of the host has an address of {@code family}
   */
  public Optional<InterfaceSpec> defaultInterface(Family family) {
    for (InterfaceSpec i : interfaces) {
      if (i.has(family)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }
}
