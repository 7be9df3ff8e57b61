package io.github.connectbylist.testbed;

/** How a testbed endpoint answers a connect. */
public enum Role {
  /** Listens and accepts: a connect succeeds at once. */
  ACCEPTING,
  /** Nothing listens on the port, which is held by a bound socket: a connect is refused at once (RST). */
  REFUSING,
  /** Listens with a full accept queue, so the kernel drops SYNs: a connect hangs until it is given up. */
  BLACK_HOLED
}
