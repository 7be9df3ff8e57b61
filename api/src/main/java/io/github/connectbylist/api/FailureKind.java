package io.github.connectbylist.api;

/**
 * Why an attempt, or a whole connect, failed. WSAConnectByList reports one error code; we keep one of these
 * for every attempt and for the connect as a whole.
 */
public enum FailureKind {
  /** The peer answered with a reset: nothing listens there (ECONNREFUSED). */
  REFUSED,
  /** No answer in time: the attempt's own timeout, the overall deadline, or the kernel's (ETIMEDOUT). */
  TIMED_OUT,
  /** No route to the host (EHOSTUNREACH), often an ICMP error. */
  HOST_UNREACHABLE,
  /** No route to the network (ENETUNREACH), such as IPv6 on a host without an IPv6 route. */
  NETWORK_UNREACHABLE,
  /** The source address could not be bound (EADDRNOTAVAIL), or no source exists for the family. */
  ADDRESS_UNAVAILABLE,
  /** Ended by us: another attempt won, or the caller cancelled or interrupted, or the instance closed. */
  CANCELLED,
  /** The name does not exist, or has no addresses (DNS NXDOMAIN, or no A and AAAA records). */
  NO_SUCH_NAME,
  /** The name could not be resolved: the resolver failed (SERVFAIL, no server answered) or timed out. */
  RESOLUTION_FAILED,
  /** The destination policy of the {@code ConnectByList} denies this address; no socket was opened for it. */
  DENIED,
  /** Anything else; the attempt's error says what. */
  OTHER
}
