package io.github.connectbylist.realclients;

import java.util.Map;
import java.util.Optional;

/**
 * Why a real client measured here differs from its model by more than the study's 5 ms, where the difference is
 * not the model's to follow: traced to its cause on this machine, or, where it was not (OkHttp), what was seen.
 * Each reason names its evidence, so that a reader can check it and a model can be changed if the cause turns
 * out to be policy after all.
 */
final class KnownDifferences {
  private static final Map<String, String> REASONS = Map.of(
      "node", "Node's 250 ms attempt timer fires on time; then Node runs JavaScript before the next connect(): "
          + "strace -tt shows epoll_wait return on its 249 ms timeout and the IPv4 connect() 6.3 ms later, time "
          + "spent building the abandoned attempt's ETIMEDOUT error and a new handle (lib/net.js "
          + "internalConnectMultipleTimeout); from run to run of the study on this 2-core VM that took 5 to 26 ms. "
          + "The model has the timer, not Node's CPU time.",
      "okhttp", "Not traced to a line: OkHttp's 250 ms (FastFallbackExchangeFinder) is its timer, and the next "
          + "attempt starts on another thread of a JVM that has not run that path before; the delay measured "
          + "here moved between 248.5 and 255.2 ms across runs and studies, as a fresh JVM's do (ConnectByList's "
          + "own rows move the same way).",
      "firefox", "Firefox opens a speculative connection as the page load starts, and arms the 250 ms backup "
          + "timer only when the page's request takes that socket over, 16 to 55 ms later (MOZ_LOG=nsHttp:5: "
          + "SetupBackupTimer \"did not arm\" for the speculative connect, armed at the take-over, the IPv4 SYN "
          + "251.9 ms after it). The model's 250 ms is Firefox's timer; the head start varies with the page "
          + "load, so it is not in the model.",
      "asyncio-250ms", "asyncio arms its 250 ms delay after the attempt's task has started, and Python needs some "
          + "milliseconds to reach the next connect(): strace -tt shows the IPv6 connect(), epoll_wait armed "
          + "with 250 ms 1.0 ms later, its return 252.2 ms after that and the IPv4 connect() 2.1 ms later, "
          + "255.3 ms in all. The model has the 250 ms policy, not Python's CPU time.");
  /** ConnectByList's rows: the strategy is the model itself, so a difference is our process's, not policy. */
  private static final String FRESH_JVM = "ConnectByList runs as the client in a fresh JVM, whose first fallback "
      + "runs code not yet compiled: with the node model on dual-stack-slow-ipv6, three connects in one JVM put "
      + "the IPv4 SYN 254.2, 252.8 and 252.0 ms after the IPv6 SYN (the pcap of a three-connect Java program "
      + "run under emulate), so some 2 ms of the rest is the JVM's time from a timer to a connect() on this 2-core VM.";

  private KnownDifferences() {}

  /**
   * The traced reason a client differs from its model, if one is known.
   *
   * @param client the client's name, such as {@code firefox}
   * @return the reason, with its evidence
   */
  static Optional<String> of(String client) {
    if (client.startsWith(ConnectByListClient.PREFIX)) {
      return Optional.of(FRESH_JVM);
    }
    return Optional.ofNullable(REASONS.get(client));
  }
}
