package io.github.connectbylist.emulator;

import io.github.connectbylist.api.Addresses;
import io.github.connectbylist.emulator.capture.PacketLog;
import io.github.connectbylist.emulator.capture.PacketRecord;
import io.github.connectbylist.emulator.linux.Commands;
import io.github.connectbylist.emulator.linux.LibC;
import io.github.connectbylist.emulator.linux.Netns;
import io.github.connectbylist.emulator.linux.Tun;
import io.github.connectbylist.testbed.DnsReply;
import io.github.connectbylist.testbed.DnsServer;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An emulated network running on this machine's kernel: each host a network namespace of our own, each of its
 * interfaces a TUN device, and between them a {@link Relay} in this process that delays, loses, drops or
 * rejects packets as the topology's {@link PathRule}s say, changeable while it runs. Every packet is logged
 * ({@link #packets}, and a pcap file when asked). Nothing in the root namespace changes but this process's own
 * descriptors and the host's name files under {@code /etc/netns}; {@link #close} removes every namespace,
 * device and file it made, and a network left behind by a killed process is removed by the next {@link #up}.
 *
 * <pre>{@code
 * try (Network net = Network.up(TopologyFile.read(Path.of("docs/networks/dual-stack-slow-ipv6.json")))) {
 *   EmulatedHost client = net.host("client");
 *   long ms = client.call(() -> { ... a connect from inside the client ... });
 * }
 * }</pre>
 */
public final class Network implements AutoCloseable {
  /** Every namespace of ours starts with this, then the owner's process ID. */
  static final String PREFIX = "cbl-";
  private static final Path NETNS_ETC = Path.of("/etc/netns");
  private static final AtomicInteger NETWORKS = new AtomicInteger();
  private static final System.Logger LOG = System.getLogger(Network.class.getName());

  /**
   * How a network is run.
   *
   * @param pcap where to write every packet, if anywhere
   * @param seed the seed of the rules' loss and jitter
   */
  public record Options(Optional<Path> pcap, long seed) {
    /** No pcap file, seed 1. */
    public static final Options DEFAULT = new Options(Optional.empty(), 1);

    /**
     * Checks the parts.
     *
     * @param pcap the pcap file
     * @param seed the seed
     */
    public Options {
      java.util.Objects.requireNonNull(pcap, "pcap");
    }
  }

  private final Topology topology;
  private final Map<String, EmulatedHost> hosts = new LinkedHashMap<>();
  private final List<Tun> tuns = new ArrayList<>();
  private final List<Path> files = new ArrayList<>();
  private final List<PathRule> rules;
  private PacketRecorder recorder;
  private Relay relay;
  private DnsServer dns;
  private boolean closed;

  private Network(Topology topology) {
    this.topology = topology;
    this.rules = new ArrayList<>(topology.rules());
  }

  /**
   * Why networks cannot run here, if they cannot: not root, no {@code /dev/net/tun}, no {@code ip}.
   *
   * @return the reason, one line, or empty when they can
   */
  public static Optional<String> unavailable() {
    if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
      return Optional.of("an emulated network needs Linux (network namespaces, TUN)");
    }
    try {
      if (LibC.getuid() != 0) {
        return Optional.of("an emulated network needs root (network namespaces, TUN devices)");
      }
    } catch (LinkageError e) {
      return Optional.of("an emulated network needs JNA's native library: " + e.getMessage());
    }
    if (!Files.exists(Path.of("/dev/net/tun"))) {
      return Optional.of("an emulated network needs /dev/net/tun (modprobe tun, or a container with the device)");
    }
    try {
      Commands.run(List.of("ip", "-V"));
    } catch (IOException e) {
      return Optional.of("an emulated network needs iproute2's ip: " + e.getMessage());
    }
    return Optional.empty();
  }

  /**
   * Brings up {@code topology} with the default options.
   *
   * @param topology the network
   * @return the running network; close it
   * @throws IOException when it cannot be built here (nothing of it is left behind)
   */
  public static Network up(Topology topology) throws IOException {
    return up(topology, Options.DEFAULT);
  }

  /**
   * Brings up {@code topology}: namespaces, TUN devices, addresses, routes, rules, names, the relay, and the
   * name server.
   *
   * @param topology the network
   * @param options where to write the pcap, the seed
   * @return the running network; close it
   * @throws IOException when it cannot be built here (nothing of it is left behind)
   */
  public static Network up(Topology topology, Options options) throws IOException {
    Optional<String> why = unavailable();
    if (why.isPresent()) {
      throw new IOException(why.get());
    }
    removeLeftovers();
    Network net = new Network(topology);
    try {
      net.build(options);
      return net;
    } catch (IOException | RuntimeException | Error e) {
      net.close();
      throw e;
    }
  }

  private void build(Options options) throws IOException {
    String id = PREFIX + ProcessHandle.current().pid() + "-" + NETWORKS.incrementAndGet() + "-";
    List<Relay.Port> ports = new ArrayList<>();
    for (HostSpec spec : topology.hosts()) {
      Netns ns = Netns.create(id + spec.name());
      EmulatedHost host = new EmulatedHost(spec, ns);
      hosts.put(spec.name(), host);
      configure(host, ports);
      writeNameFiles(host);
    }
    recorder = new PacketRecorder(options.pcap(), ports);
    relay = new Relay(ports, rules, options.seed(), recorder);
    relay.start();
    if (topology.names().isPresent()) {
      startNameServer(topology.names().get());
    }
  }

  /** Interfaces, addresses, the per-source tables and the default routes of one host. */
  private void configure(EmulatedHost host, List<Relay.Port> ports) throws IOException {
    Netns ns = host.netns();
    ns.call(() -> {
      // Replies to a second interface's address come in by it while the main table routes by the first:
      // strict reverse-path filtering would drop them.
      Files.writeString(Path.of("/proc/sys/net/ipv4/conf/all/rp_filter"), "0");
      Files.writeString(Path.of("/proc/sys/net/ipv4/conf/default/rp_filter"), "0");
      return null;
    });
    boolean[] hasDefault = new boolean[2];
    List<InterfaceSpec> interfaces = host.spec().interfaces();
    for (int i = 0; i < interfaces.size(); i++) {
      InterfaceSpec spec = interfaces.get(i);
      Tun tun = Tun.open(ns, spec.name());
      tuns.add(tun);
      ns.ip("link", "set", "dev", spec.name(), "addrgenmode", "none"); // no link-local address, no router solicitations
      List<byte[]> own = new ArrayList<>();
      for (Prefix p : spec.addresses()) {
        if (p.family() == Family.IPV6) {
          ns.ip("-6", "addr", "add", p.toString(), "dev", spec.name(), "nodad");
        } else {
          ns.ip("-4", "addr", "add", p.toString(), "dev", spec.name());
        }
        own.add(p.address().getAddress());
      }
      ns.ip("link", "set", "dev", spec.name(), "up");
      String table = Integer.toString(100 + i);
      for (Family f : Family.values()) {
        if (!spec.has(f)) {
          continue;
        }
        String v = f == Family.IPV4 ? "-4" : "-6";
        ns.ip(v, "route", "add", "default", "dev", spec.name(), "table", table);
        for (Prefix p : spec.addresses()) {
          if (p.family() == f) {
            ns.ip(v, "rule", "add", "from", Addresses.text(p.address()), "table", table);
          }
        }
        if (!hasDefault[f.ordinal()]) {
          hasDefault[f.ordinal()] = true;
          ns.ip(v, "route", "add", "default", "dev", spec.name());
        }
      }
      ports.add(new Relay.Port(tun, host.name(), spec.name(), own.toArray(new byte[0][])));
    }
  }

  /** The host's {@code /etc/hosts} and {@code /etc/resolv.conf}, as {@code ip netns exec} lays them. */
  private void writeNameFiles(EmulatedHost host) throws IOException {
    Path dir = NETNS_ETC.resolve(host.namespace());
    Files.createDirectories(dir);
    files.add(dir);
    StringBuilder hostsFile = new StringBuilder("127.0.0.1 localhost\n::1 localhost\n");
    for (Family f : Family.values()) {
      for (InetAddress a : host.addresses(f)) {
        hostsFile.append(Addresses.text(a)).append(' ').append(host.name()).append('\n');
      }
    }
    Files.writeString(dir.resolve("hosts"), hostsFile.toString(), StandardCharsets.US_ASCII);
    String resolv = topology.names().map(n -> "nameserver " + Addresses.text(n.address())
        + "\noptions timeout:2 attempts:2\n").orElse("# this emulated network has no name server\n");
    Files.writeString(dir.resolve("resolv.conf"), resolv, StandardCharsets.US_ASCII);
  }

  private void startNameServer(NameService names) throws IOException {
    EmulatedHost host = hosts.get(names.host());
    dns = host.call(() -> DnsServer.start(new InetSocketAddress(names.address(), 53)));
    for (Map.Entry<String, List<InetAddress>> e : names.names().entrySet()) {
      List<String> v6 = new ArrayList<>();
      List<String> v4 = new ArrayList<>();
      for (InetAddress a : e.getValue()) {
        (a instanceof Inet6Address ? v6 : v4).add(Addresses.text(a));
      }
      dns.reply(e.getKey(), DnsServer.RecordType.AAAA, DnsReply.addresses(v6.toArray(new String[0])));
      dns.reply(e.getKey(), DnsServer.RecordType.A, DnsReply.addresses(v4.toArray(new String[0])));
    }
  }

  /**
   * The topology it was built from.
   *
   * @return the topology, with its rules as written
   */
  public Topology topology() {
    return topology;
  }

  /**
   * The host named {@code name}.
   *
   * @param name its name in the topology
   * @return the host
   * @throws IllegalArgumentException naming the hosts when there is none of that name
   */
  public EmulatedHost host(String name) {
    EmulatedHost h = hosts.get(name);
    if (h == null) {
      topology.host(name); // throws, naming the hosts
    }
    return h;
  }

  /**
   * The hosts, in the topology's order.
   *
   * @return the hosts
   */
  public List<EmulatedHost> hosts() {
    return List.copyOf(hosts.values());
  }

  /**
   * The rules now in force, first match first.
   *
   * @return a copy
   */
  public synchronized List<PathRule> rules() {
    return List.copyOf(rules);
  }

  /**
   * Puts {@code rule} in force at once: it replaces the rule of the same name where that stood, or else comes
   * last. A path that breaks at connect 10 and heals at connect 15 is two calls.
   *
   * @param rule the rule
   */
  public synchronized void rule(PathRule rule) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).name().equals(rule.name())) {
        rules.set(i, rule);
        relay.rules(rules);
        return;
      }
    }
    rules.add(rule);
    relay.rules(rules);
  }

  /**
   * Takes the rule named {@code name} out of force.
   *
   * @param name its name
   * @return whether there was one
   */
  public synchronized boolean removeRule(String name) {
    boolean removed = rules.removeIf(r -> r.name().equals(name));
    relay.rules(rules);
    return removed;
  }

  /**
   * The network's name server, to change its answers (delay AAAA, fail A) while the network runs.
   *
   * @return the server, if the topology has names
   */
  public Optional<DnsServer> nameServer() {
    return Optional.ofNullable(dns);
  }

  /**
   * Every packet that entered the network so far, in order, with where it went and its fate.
   *
   * @return a copy
   */
  public List<LoggedPacket> packets() {
    return recorder.records();
  }

  /**
   * The packets so far as a {@link PacketLog}: first SYN per family, DNS queries and answers.
   *
   * @return the log
   */
  public PacketLog packetLog() {
    List<PacketRecord> records = new ArrayList<>();
    for (LoggedPacket p : recorder.records()) {
      records.add(p.packet());
    }
    return PacketLog.of(records);
  }

  /**
   * One screen on what crossed the network: packets by fate, SYNs per family with their times, DNS queries
   * and answers, and the packets dropped, lost or rejected (the first of each), times in ms since the first
   * packet.
   *
   * @return the text, lines ending in a newline
   */
  public String summary() {
    List<LoggedPacket> all = recorder.records();
    StringBuilder s = new StringBuilder();
    s.append("packets:");
    for (Fate f : Fate.values()) {
      long n = count(f);
      if (n > 0) {
        s.append(' ').append(n).append(' ').append(f.toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
      }
    }
    s.append('\n').append(packetLog().summary());
    long start = all.isEmpty() ? 0 : all.get(0).packet().timeNanos();
    for (Fate f : List.of(Fate.DROPPED, Fate.LOST, Fate.REJECTED)) {
      List<LoggedPacket> these = all.stream().filter(p -> p.fate() == f).toList();
      if (these.isEmpty()) {
        continue;
      }
      s.append(f.toString().toLowerCase(java.util.Locale.ROOT)).append(" (").append(these.size()).append("):\n");
      for (LoggedPacket p : these.subList(0, Math.min(10, these.size()))) {
        s.append(String.format(java.util.Locale.ROOT, "  %10.3f ms  %s  %s -> %s%n",
            (p.packet().timeNanos() - start) / 1e6, p.packet().describe(), p.from(), p.to()));
      }
      if (these.size() > 10) {
        s.append("  ... and ").append(these.size() - 10).append(" more\n");
      }
    }
    return s.toString();
  }

  /**
   * How many packets met {@code fate} so far.
   *
   * @param fate the fate
   * @return the count
   */
  public long count(Fate fate) {
    return relay == null ? 0 : relay.count(fate);
  }

  /**
   * Removes every namespace, device and file it made, and stops the relay and the name server; waits for
   * none of the programs run in a host (their namespace goes, and their sockets fail).
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (dns != null) {
      dns.close();
    }
    if (relay != null) {
      relay.close();
    }
    for (Tun t : tuns) {
      t.close();
    }
    for (EmulatedHost h : hosts.values()) {
      h.netns().close();
    }
    for (Path dir : files) {
      deleteTree(dir);
    }
    if (recorder != null) {
      recorder.close();
    }
  }

  /**
   * Removes what a process that is gone left behind: namespaces named {@code cbl-PID-...} whose PID no
   * longer runs, and their {@code /etc/netns} folders.
   */
  static void removeLeftovers() {
    try {
      for (String name : Netns.list()) {
        if (isLeftover(name)) {
          LOG.log(System.Logger.Level.INFO, "removing namespace " + name + " left by a process that is gone");
          Netns.delete(name);
        }
      }
      if (Files.isDirectory(NETNS_ETC)) {
        try (var dirs = Files.list(NETNS_ETC)) {
          for (Path dir : (Iterable<Path>) dirs::iterator) {
            if (isLeftover(dir.getFileName().toString())) {
              deleteTree(dir);
            }
          }
        }
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "could not look for networks left behind", e);
    }
  }

  private static boolean isLeftover(String name) {
    if (!name.startsWith(PREFIX)) {
      return false;
    }
    int dash = name.indexOf('-', PREFIX.length());
    if (dash < 0) {
      return false;
    }
    try {
      long pid = Long.parseLong(name.substring(PREFIX.length(), dash));
      return ProcessHandle.of(pid).isEmpty();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static void deleteTree(Path dir) {
    try (var walk = Files.walk(dir)) {
      List<Path> all = new ArrayList<>(walk.toList());
      Collections.reverse(all);
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "could not remove " + dir, e);
    }
  }

  @Override
  public String toString() {
    return "network " + topology.name() + " " + hosts.values();
  }
}
