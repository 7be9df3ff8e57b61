package io.github.connectbylist.emulator;

/**
 * What the network does with a packet a rule matches: pass it (after the rule's delay, unless lost), drop it
 * (a black hole: the sender hears nothing and times out), or reject it at once with what a router or the
 * destination would send back, each of which a socket reports as its own kind of failure.
 */
public enum Action {
  /** Deliver it, after the rule's delay and jitter, unless the rule's loss takes it. */
  PASS("pass"),
  /** Deliver nothing and answer nothing: a black hole. */
  DROP("drop"),
  /** Answer a TCP segment with a reset (other protocols: ICMP port unreachable): {@code REFUSED}. */
  RESET("reset"),
  /** Answer with ICMP host unreachable (ICMPv6 address unreachable): {@code HOST_UNREACHABLE}. */
  HOST_UNREACHABLE("host-unreachable"),
  /** Answer with ICMP network unreachable (ICMPv6 no route): {@code NETWORK_UNREACHABLE}. */
  NETWORK_UNREACHABLE("network-unreachable");

  private final String text;

  Action(String text) {
    this.text = text;
  }

  /**
   * The action a topology file names.
   *
   * @param text {@code pass}, {@code drop}, {@code reset}, {@code host-unreachable} or {@code network-unreachable}
   * @return the action
   * @throws IllegalArgumentException naming the actions when it is none of them
   */
  public static Action parse(String text) {
    for (Action a : values()) {
      if (a.text.equals(text)) {
        return a;
      }
    }
    throw new IllegalArgumentException("no action '" + text + "'; the actions are pass, drop, reset, "
        + "host-unreachable, network-unreachable");
  }

  /** Whether the network answers the packet itself instead of delivering it. */
  boolean rejects() {
    return this == RESET || this == HOST_UNREACHABLE || this == NETWORK_UNREACHABLE;
  }

  @Override
  public String toString() {
    return text;
  }
}
