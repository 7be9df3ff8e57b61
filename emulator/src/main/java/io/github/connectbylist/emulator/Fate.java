package io.github.connectbylist.emulator;

/** What became of a packet that entered the network. */
public enum Fate {
  /** Delivered to its destination's interface, after its delay. */
  FORWARDED,
  /** Taken by a rule's loss. */
  LOST,
  /** Dropped by a rule: a black hole. */
  DROPPED,
  /** Answered by the network with a reset or an ICMP error instead of delivered. */
  REJECTED,
  /** Sent by the network itself: the answer to a rejected packet. */
  ANSWER,
  /** For an address no interface of the network has: dropped, so that nothing leaves the network. */
  NO_ROUTE,
  /** Not an IPv4 or IPv6 packet the relay can read: dropped. */
  MALFORMED
}
