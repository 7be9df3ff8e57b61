package io.github.connectbylist.emulator;

import java.util.List;
import java.util.Objects;

/**
 * One interface of an emulated host, such as a dual-stack {@code wifi} or an IPv4-only {@code cell}: its name
 * inside the host and its addresses, each with its subnet's length. Every interface gets its own routing table,
 * chosen by source address, so that a socket bound to one of its addresses leaves by it; the host's first
 * interface of each family also carries that family's default route.
 *
 * @param name the interface's name inside the host: 1 to 15 of {@code a-z 0-9 - _ .}
 * @param addresses its addresses with their prefix lengths, from the documentation prefixes
 */
public record InterfaceSpec(String name, List<Prefix> addresses) {

  /**
   * Checks the name and copies the list.
   *
   * @param name the name
   * @param addresses the addresses
   */
  public InterfaceSpec {
    Objects.requireNonNull(name, "name");
    addresses = List.copyOf(addresses);
    if (name.isEmpty() || name.length() > 15 || !name.chars().allMatch(InterfaceSpec::nameChar)) {
      throw new IllegalArgumentException("interface '" + name + "': a name is 1 to 15 of a-z 0-9 - _ .");
    }
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException("interface " + name + " has no address");
    }
    for (Prefix p : addresses) {
      Topology.checkDocumentation(p.address(), "interface " + name);
    }
  }

  private static boolean nameChar(int c) {
    return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.';
  }

  /**
   * Whether the interface has an address of {@code family}.
   *
   * @param family the family
   * @return {@code true} when it does
   */
  public boolean has(Family family) {
    for (Prefix p : addresses) {
      if (p.family() == family) {
        return true;
      }
    }
    return false;
  }
}
