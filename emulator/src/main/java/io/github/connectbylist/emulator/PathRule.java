package io.github.connectbylist.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * What the network does to the packets between two prefixes: a one-way delay with jitter, a loss rate, or
 * an {@link Action} that drops or rejects them. A rule matches a packet by family, source and destination
 * prefix, protocol and port; in both directions unless made {@linkplain #oneWay() one-way}, the port being
 * the destination port of a packet from {@code from} to {@code to} and the source port of a reply. The
 * network applies the first rule that matches, in order; a packet no rule matches passes at once.
 *
 * <p>A round trip of 300 ms is a rule with a delay of 150 ms both ways. Made with {@link #named} and the
 * methods that return a changed copy:
 * <pre>{@code
 * PathRule slowIpv6 = PathRule.named("ipv6").family(Family.IPV6).delay(Duration.ofMillis(150));
 * PathRule hole = PathRule.named("hole").to(Prefix.parse("2001:db8:2::/48")).action(Action.DROP);
 * }</pre>
 *
 * @param name the rule's name, by which a running network replaces it
 * @param from the prefix on one side; {@code null} for any address
 * @param to the prefix on the other side; {@code null} for any address
 * @param bothWays whether replies (from {@code to} to {@code from}) match too
 * @param family the family matched; {@code null} for both
 * @param protocol the protocol matched; {@code null} for any
 * @param port the port on the {@code to} side; 0 for any
 * @param delay the one-way delay of each packet passed
 * @param jitter each packet's delay varies uniformly by up to this much either way (never below zero, and
 *     never reordering packets between the same two interfaces)
 * @param loss the share of passed packets lost, 0 to 1
 * @param action what happens to a packet that matches
 */
public record PathRule(String name, Prefix from, Prefix to, boolean bothWays, Family family, Protocol protocol,
    int port, Duration delay, Duration jitter, double loss, Action action) {

  /** The longest delay or jitter a rule takes: longer would be a black hole, which {@link Action#DROP} says. */
  public static final Duration MAX_DELAY = Duration.ofSeconds(60);

  /**
   * Checks every part.
   *
   * @param name the name
   * @param from one side
   * @param to the other side
   * @param bothWays both directions
   * @param family the family
   * @param protocol the protocol
   * @param port the port
   * @param delay the delay
   * @param jitter the jitter
   * @param loss the loss
   * @param action the action
   */
  public PathRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(jitter, "jitter");
    Objects.requireNonNull(action, "action");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a rule needs a name");
    }
    checkDuration("delay", delay);
    checkDuration("jitter", jitter);
    if (!(loss >= 0 && loss <= 1)) {
      throw new IllegalArgumentException("rule " + name + ": loss " + loss + " is out of range: give 0 to 1");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("rule " + name + ": port " + port + " is out of range: give 1 to 65535, or 0 for any");
    }
    if (port != 0 && protocol == Protocol.ICMP) {
      throw new IllegalArgumentException("rule " + name + ": ICMP has no ports");
    }
    for (Prefix p : new Prefix[] {from, to}) {
      if (p != null && family != null && p.family() != family) {
        throw new IllegalArgumentException("rule " + name + ": prefix " + p + " is not " + family);
      }
    }
    if (from != null && to != null && from.family() != to.family()) {
      throw new IllegalArgumentException("rule " + name + ": " + from + " and " + to + " are of different families");
    }
  }

  private static void checkDuration(String what, Duration d) {
    if (d.isNegative() || d.compareTo(MAX_DELAY) > 0) {
      throw new IllegalArgumentException(what + " " + d.toMillis() + " ms is out of range: give 0 to "
          + MAX_DELAY.toSeconds() + " s");
    }
  }

  /**
   * A rule that matches every packet both ways and passes it at once; change it with the methods below.
   *
   * @param name its name
   * @return the rule
   */
  public static PathRule named(String name) {
    return new PathRule(name, null, null, true, null, null, 0, Duration.ZERO, Duration.ZERO, 0, Action.PASS);
  }

  /**
   * This rule, matching packets from {@code prefix} (and, both ways, replies to it).
   *
   * @param prefix one side
   * @return the changed copy
   */
  public PathRule from(Prefix prefix) {
    return new PathRule(name, prefix, to, bothWays, family, protocol, port, delay, jitter, loss, action);
  }

  /**
   * This rule, matching packets to {@code prefix} (and, both ways, replies from it).
   *
   * @param prefix the other side
   * @return the changed copy
   */
  public PathRule to(Prefix prefix) {
    return new PathRule(name, from, prefix, bothWays, family, protocol, port, delay, jitter, loss, action);
  }

  /**
   * This rule, matching only packets from {@code from} to {@code to}, not the replies.
   *
   * @return the changed copy
   */
  public PathRule oneWay() {
    return new PathRule(name, from, to, false, family, protocol, port, delay, jitter, loss, action);
  }

  /**
   * This rule, for one family only.
   *
   * @param f the family
   * @return the changed copy
   */
  public PathRule family(Family f) {
    return new PathRule(name, from, to, bothWays, f, protocol, port, delay, jitter, loss, action);
  }

  /**
   * This rule, for one protocol only.
   *
   * @param p the protocol
   * @return the changed copy
   */
  public PathRule protocol(Protocol p) {
    return new PathRule(name, from, to, bothWays, family, p, port, delay, jitter, loss, action);
  }

  /**
   * This rule, for one port on the {@code to} side.
   *
   * @param p the port, 1 to 65535
   * @return the changed copy
   */
  public PathRule port(int p) {
    return new PathRule(name, from, to, bothWays, family, protocol, p, delay, jitter, loss, action);
  }

  /**
   * This rule, delaying each packet by {@code d} one way.
   *
   * @param d the one-way delay
   * @return the changed copy
   */
  public PathRule delay(Duration d) {
    return new PathRule(name, from, to, bothWays, family, protocol, port, d, jitter, loss, action);
  }

  /**
   * This rule, varying each packet's delay by up to {@code j} either way.
   *
   * @param j the jitter
   * @return the changed copy
   */
  public PathRule jitter(Duration j) {
    return new PathRule(name, from, to, bothWays, family, protocol, port, delay, j, loss, action);
  }

  /**
   * This rule, losing a share of the packets it passes.
   *
   * @param share 0 to 1
   * @return the changed copy
   */
  public PathRule loss(double share) {
    return new PathRule(name, from, to, bothWays, family, protocol, port, delay, jitter, share, action);
  }

  /**
   * This rule, doing {@code a} with the packets it matches.
   *
   * @param a the action
   * @return the changed copy
   */
  public PathRule action(Action a) {
    return new PathRule(name, from, to, bothWays, family, protocol, port, delay, jitter, loss, a);
  }

  /**
   * Whether the rule matches a packet: forward (from {@code from} to {@code to}) or, both ways, back.
   *
   * @param packetFamily the packet's family
   * @param source its source address bytes
   * @param destination its destination address bytes
   * @param protocolNumber its IP protocol
   * @param sourcePort its source port, 0 without ports
   * @param destinationPort its destination port, 0 without ports
   * @return {@code true} when it matches
   */
  public boolean matches(Family packetFamily, byte[] source, byte[] destination, int protocolNumber,
      int sourcePort, int destinationPort) {
    if (family != null && family != packetFamily) {
      return false;
    }
    if (protocol != null && protocol != Protocol.of(protocolNumber)) {
      return false;
    }
    if (inside(from, source) && inside(to, destination) && (port == 0 || port == destinationPort)) {
      return true;
    }
    return bothWays && inside(to, source) && inside(from, destination) && (port == 0 || port == sourcePort);
  }

  private static boolean inside(Prefix prefix, byte[] address) {
    return prefix == null || prefix.contains(address);
  }
}
