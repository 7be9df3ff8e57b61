package io.github.connectbylist.emulator;

import io.github.connectbylist.api.Addresses;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An emulated network as written: hosts with their interfaces, the path rules between them, and
 * optionally a name service. Every address is from the documentation prefixes ({@code 2001:db8::/32},
 * {@code 192.0.2.0/24}, {@code 198.51.100.0/24}, {@code 203.0.113.0/24}), so that nothing built from a topology
 * can stand for a real host; a packet to any address no interface has is dropped, so nothing leaves the
 * network. Read from JSON by {@code TopologyFile}.
 *
 * @param name the network's name, for messages and reports
 * @param hosts its hosts, at least one; the first is where {@code emulate} runs a command by default
 * @param rules the path rules, the first that matches a packet applying
 * @param names the name service, if any
 */
public record Topology(String name, List<HostSpec> hosts, List<PathRule> rules, Optional<NameService> names) {

  private static final List<Prefix> DOCUMENTATION = List.of(Prefix.parse("2001:db8::/32"),
      Prefix.parse("192.0.2.0/24"), Prefix.parse("198.51.100.0/24"), Prefix.parse("203.0.113.0/24"));

  /**
   * Checks that names are unique, that no address is on two interfaces, that rule names are unique and that
   * the name service's address is its host's.
   *
   * @param name the name
   * @param hosts the hosts
   * @param rules the rules
   * @param names the name service
   */
  public Topology {
    Objects.requireNonNull(name, "name");
    hosts = List.copyOf(hosts);
    rules = List.copyOf(rules);
    Objects.requireNonNull(names, "names");
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("network " + name + " has no host");
    }
    List<String> hostNames = new ArrayList<>();
    List<InetAddress> addresses = new ArrayList<>();
    for (HostSpec h : hosts) {
      if (hostNames.contains(h.name())) {
        throw new IllegalArgumentException("two hosts are named " + h.name());
      }
      hostNames.add(h.name());
      for (InterfaceSpec i : h.interfaces()) {
        for (Prefix p : i.addresses()) {
          if (addresses.contains(p.address())) {
            throw new IllegalArgumentException("address " + Addresses.text(p.address()) + " is on two interfaces");
          }
          addresses.add(p.address());
        }
      }
    }
    List<String> ruleNames = new ArrayList<>();
    for (PathRule r : rules) {
      if (ruleNames.contains(r.name())) {
        throw new IllegalArgumentException("two rules are named " + r.name());
      }
      ruleNames.add(r.name());
    }
    if (names.isPresent()) {
      NameService dns = names.get();
      HostSpec host = hosts.stream().filter(h -> h.name().equals(dns.host())).findFirst().orElseThrow(
          () -> new IllegalArgumentException("the name service's host " + dns.host() + " is not a host of the network"));
      boolean has = host.interfaces().stream().flatMap(i -> i.addresses().stream())
          .anyMatch(p -> p.address().equals(dns.address()));
      if (!has) {
        throw new IllegalArgumentException("the name service's address " + Addresses.text(dns.address())
            + " is not an address of host " + dns.host());
      }
    }
  }

  /**
   * The host named {@code hostName}.
   *
   * @param hostName its name
   * @return the host
   * @throws IllegalArgumentException naming the hosts when there is none of that name
   */
  public HostSpec host(String hostName) {
    for (HostSpec h : hosts) {
      if (h.name().equals(hostName)) {
        return h;
      }
    }
    throw new IllegalArgumentException("no host " + hostName + " in network " + name + "; the hosts are "
        + String.join(", ", hosts.stream().map(HostSpec::name).toList()));
  }

  /** Refuses an address outside the documentation prefixes, naming where it was given. */
  static void checkDocumentation(InetAddress address, String where) {
    for (Prefix p : DOCUMENTATION) {
      if (p.contains(address)) {
        return;
      }
    }
    throw new IllegalArgumentException(where + ": " + Addresses.text(address) + " is not in a documentation prefix "
        + "(2001:db8::/32, 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24): an emulated network uses no other");
  }
}
