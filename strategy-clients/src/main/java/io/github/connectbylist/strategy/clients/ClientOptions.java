package io.github.connectbylist.strategy.clients;

import io.github.connectbylist.api.StrategyOption;
import io.github.connectbylist.api.StrategyOptions;
import java.time.Duration;
import java.util.Optional;

/**
 * The knobs of the client models, each declared once with the client's own default: what the {@code strategies}
 * listing, the table in {@code docs/client-strategies.md} and {@link Client}'s rankers and schedulers read. Two
 * clients' options of one name (curl's {@code connect-timeout} and OkHttp's) are two declarations, since their defaults
 * differ.
 */
public final class ClientOptions {
  private static final Duration NANO = Duration.ofNanos(1);
  private static final Duration MAX = StrategyOptions.MAX_DURATION;

  private ClientOptions() {}

  /** OkHttp 5: a new attempt starts this long after the last when one is still in flight (FastFallbackExchangeFinder). */
  public static final StrategyOption<Duration> OKHTTP_CONNECTION_ATTEMPT_DELAY = StrategyOption.duration(
      "connection-attempt-delay", Duration.ofMillis(250), NANO, MAX,
      "time between attempt starts (FastFallbackExchangeFinder)");
  /** OkHttp 5: {@code OkHttpClient.connectTimeout}, which ends each attempt. */
  public static final StrategyOption<Duration> OKHTTP_CONNECT_TIMEOUT = StrategyOption.duration("connect-timeout",
      Duration.ofSeconds(10), NANO, MAX, "each attempt ends after this (OkHttpClient.connectTimeout)");

  /** Go: {@code Dialer.FallbackDelay}, how long the first address's family races alone. */
  public static final StrategyOption<Duration> GO_FALLBACK_DELAY = StrategyOption.duration("fallback-delay",
      Duration.ofMillis(300), Duration.ZERO, MAX, "how long the first family races alone (Dialer.FallbackDelay)");
  /** Go: {@code Dialer.Timeout}; the connect's own deadline counts too, whichever comes first. */
  public static final StrategyOption<Optional<Duration>> GO_DIAL_TIMEOUT = StrategyOption.durationOrNone(
      "dial-timeout", NANO, MAX, "Dialer.Timeout; the connect's deadline counts too");
  /** Go: {@code saneMinimum} in {@code net/dial.go}, the least share of the deadline an attempt gets. */
  public static final StrategyOption<Duration> GO_SPLIT_FLOOR = StrategyOption.duration("split-floor",
      Duration.ofSeconds(2), NANO, MAX, "the least share of the deadline an attempt gets (saneMinimum)");

  /** Node.js: {@code autoSelectFamilyAttemptTimeout}; Node.js itself refuses less than 10 ms. */
  public static final StrategyOption<Duration> NODE_ATTEMPT_TIMEOUT = StrategyOption.duration("attempt-timeout",
      Duration.ofMillis(250), Duration.ofMillis(10), MAX,
      "each attempt but the last ends after this (autoSelectFamilyAttemptTimeout, at least 10ms)");

  /** Python asyncio: {@code happy_eyeballs_delay}; none (the default) is sequential, without Happy Eyeballs. */
  public static final StrategyOption<Optional<Duration>> ASYNCIO_HAPPY_EYEBALLS_DELAY = StrategyOption.durationOrNone(
      "happy-eyeballs-delay", NANO, MAX, "time between attempt starts; none is sequential");
  /** Python asyncio: {@code interleave}; none, as asyncio's {@code None}, is 1 with a delay and 0 without. */
  public static final StrategyOption<Optional<Integer>> ASYNCIO_INTERLEAVE = StrategyOption.wholeOrNone("interleave",
      0, Integer.MAX_VALUE, "families alternate, this many of the first family first; 0 keeps the resolver's order; "
          + "none: 1 with a delay, else 0");

  /** curl 8: {@code CURLOPT_HAPPY_EYEBALLS_TIMEOUT_MS}, the time between attempt starts. */
  public static final StrategyOption<Duration> CURL_HAPPY_EYEBALLS_TIMEOUT = StrategyOption.duration(
      "happy-eyeballs-timeout", Duration.ofMillis(200), NANO, MAX, "time between attempt starts");
  /** curl 8: {@code CURLOPT_CONNECTTIMEOUT}, which ends every attempt. */
  public static final StrategyOption<Duration> CURL_CONNECT_TIMEOUT = StrategyOption.duration("connect-timeout",
      Duration.ofSeconds(300), NANO, MAX, "every attempt ends after this (CURLOPT_CONNECTTIMEOUT)");

  /** curl 7.88: {@code CURLOPT_HAPPY_EYEBALLS_TIMEOUT_MS}, how long the first address's family races alone. */
  public static final StrategyOption<Duration> CURL_7_88_HAPPY_EYEBALLS_TIMEOUT = StrategyOption.duration(
      "happy-eyeballs-timeout", Duration.ofMillis(200), Duration.ZERO, MAX, "how long the first family races alone");
  /** curl 7.88: {@code CURLOPT_CONNECTTIMEOUT}, the time all attempts share, halved per address. */
  public static final StrategyOption<Duration> CURL_7_88_CONNECT_TIMEOUT = StrategyOption.duration("connect-timeout",
      Duration.ofSeconds(300), NANO, MAX, "the time all attempts share (CURLOPT_CONNECTTIMEOUT)");
  /** curl 7.88: the curl tool's poll timeout, the longest it sleeps before it replaces a failed address. */
  public static final StrategyOption<Duration> CURL_7_88_WAKE_UP_INTERVAL = StrategyOption.duration("wake-up-interval",
      Duration.ofSeconds(1), NANO, MAX,
      "the longest curl sleeps before it replaces a failed address (the curl tool's poll timeout)");

  /** Chrome: {@code kIPv6FallbackTime}, how long IPv6 races alone. */
  public static final StrategyOption<Duration> CHROME_FALLBACK_DELAY = StrategyOption.duration("fallback-delay",
      Duration.ofMillis(300), Duration.ZERO, MAX, "how long IPv6 races alone (kIPv6FallbackTime)");

  /** Firefox: {@code network.http.connection-retry-timeout}, when the backup socket starts the other family. */
  public static final StrategyOption<Duration> FIREFOX_CONNECTION_RETRY_TIMEOUT = StrategyOption.duration(
      "connection-retry-timeout", Duration.ofMillis(250), Duration.ZERO, MAX,
      "when the backup socket starts the other family");
}
