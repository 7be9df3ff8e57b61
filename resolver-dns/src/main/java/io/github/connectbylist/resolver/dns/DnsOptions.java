package io.github.connectbylist.resolver.dns;

import io.github.connectbylist.api.StrategyOption;
import java.time.Duration;

/**
 * The options of resolver {@code dns}, each declared once: what {@code dns(...)} text, {@link DnsResolver.Builder}'s
 * defaults and checks, the {@code strategies} listing and the tables in {@code docs/} read. A class of its own, apart
 * from {@link DnsResolver}, so that listing the options loads nothing of the resolver.
 */
public final class DnsOptions {
  private DnsOptions() {}

  /**
   * The DNS servers, by address: {@code system} for the host's ({@code /etc/resolv.conf}), or servers joined by
   * {@code +}, each exactly {@code v4:PORT}, {@code [v6]:PORT} or an address literal for port 53; at most {@value
   * DnsResolver#MAX_SERVERS}.
   */
  public static final StrategyOption<String> SERVERS = StrategyOption.text("servers", "system",
      "DNS servers: system (the host's), or by address, v4:PORT, [v6]:PORT or a literal for port 53, joined by '+'; "
          + "at most " + DnsResolver.MAX_SERVERS);
  /** How long a query waits for its answer, whatever the servers do: glibc's {@code timeout:5} by default. */
  public static final StrategyOption<Duration> TIMEOUT = StrategyOption.duration("timeout", Duration.ofSeconds(5),
      Duration.ofNanos(1), Duration.ofMinutes(5), "how long a query waits for its answer, whatever the servers do");
  /** The hosts file read before DNS is asked: {@code system}, {@code none}, or a path (at most 16 MiB). */
  public static final StrategyOption<String> HOSTS = StrategyOption.text("hosts", "system",
      "the hosts file read first: system, none, or a path (at most 16 MiB)");
  /** How many answers (name and type) are kept for their time to live; 0 keeps none. */
  public static final StrategyOption<Integer> CACHE = StrategyOption.whole("cache", 256, 0, 1 << 20,
      "answers kept for their TTL; 0 keeps none");
}
