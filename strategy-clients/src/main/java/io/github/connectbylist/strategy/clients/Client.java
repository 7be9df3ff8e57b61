package io.github.connectbylist.strategy.clients;

import io.github.connectbylist.api.AddressPairRanker;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.api.Staggered;
import io.github.connectbylist.api.StrategyOption;
import io.github.connectbylist.api.StrategyOptions;
import java.util.List;
import java.util.Optional;

/**
 * The clients modelled, each with the version and source it follows, the failure its design has, and its
 * knobs. The ranker and the scheduler of a client share its name, so {@code strategy("go")} picks both; the
 * options a client declares go to whichever of the two understands them.
 *
 * <p>Every model waits for the whole resolver answer before its first attempt, as these clients do (they
 * resolve with {@code getaddrinfo} or an equivalent that returns once): none has a resolution delay.
 */
public enum Client {
  /**
   * OkHttp 5.x fast fallback ({@code okhttp3/internal/connection/FastFallbackExchangeFinder.kt}; order from
   * {@code RouteSelector}'s {@code reorderForHappyEyeballs}, IPv6 first and families alternating). A new
   * attempt starts when none is in flight or 250 ms after the last start; each attempt ends at the connect
   * timeout (10 s). Failure: a refusal while another attempt is still in flight does not start the next one;
   * it waits out the 250 ms.
   */
  OKHTTP5("okhttp5", "OkHttp 5.x", "okhttp3/internal/connection/FastFallbackExchangeFinder.kt",
      "a failure while another attempt is in flight waits out the 250 ms", List.of(),
      List.of(ClientOptions.OKHTTP_CONNECTION_ATTEMPT_DELAY, ClientOptions.OKHTTP_CONNECT_TIMEOUT)),

  /**
   * Go's {@code net.Dialer} ({@code net/dial.go}, Go 1.19 to 1.23: {@code dialParallel}, {@code dialSerial},
   * {@code partialDeadline}). The first address's family races alone for the fallback delay (300 ms), or until
   * it runs out of addresses; then the other family's racer starts. Each racer is serial; with a deadline each
   * attempt gets an equal share of the time left, never less than 2 s. Failure: without a deadline a
   * black-holed address holds its family until the kernel gives up; with one, the first of many addresses
   * gets a large share.
   */
  GO("go", "Go 1.19 to 1.23 net.Dialer", "src/net/dial.go (dialParallel, dialSerial, partialDeadline)",
      "one serial racer per family: a black hole holds its family for its whole share of the deadline", List.of(),
      List.of(ClientOptions.GO_FALLBACK_DELAY, ClientOptions.GO_DIAL_TIMEOUT, ClientOptions.GO_SPLIT_FLOOR)),

  /**
   * Node.js {@code net.connect} with {@code autoSelectFamily} ({@code lib/net.js}, Node 20: {@code
   * internalConnectMultiple}). Families alternate from the first address's; one attempt at a time, each but
   * the last aborted after {@code autoSelectFamilyAttemptTimeout} (250 ms). Failure: a path slower than the
   * attempt timeout is aborted even when it would have worked, and attempts never overlap.
   */
  NODE("node", "Node.js 20", "lib/net.js (internalConnectMultiple)",
      "each attempt but the last is aborted after 250 ms, even on a working path slower than that", List.of(),
      List.of(ClientOptions.NODE_ATTEMPT_TIMEOUT)),

  /**
   * Python asyncio's {@code loop.create_connection} ({@code Lib/asyncio/base_events.py} and {@code
   * staggered.py}, Python 3.12). Without {@code happy_eyeballs_delay} (the default) it is sequential with no
   * attempt timeout; with it, {@code staggered_race} starts the next attempt after the delay or when the one
   * started last fails, and {@code interleave} (1 when a delay is given) alternates families. Failure: by
   * default no Happy Eyeballs at all, so a black-holed first address costs the kernel's timeout.
   */
  ASYNCIO("asyncio", "Python 3.12 asyncio", "Lib/asyncio/base_events.py, Lib/asyncio/staggered.py",
      "no Happy Eyeballs unless happy_eyeballs_delay is set; then only the previous attempt's failure starts the next",
      List.of(ClientOptions.ASYNCIO_INTERLEAVE, ClientOptions.ASYNCIO_HAPPY_EYEBALLS_DELAY),
      List.of(ClientOptions.ASYNCIO_HAPPY_EYEBALLS_DELAY)),

  /**
   * curl 8.16 and later ({@code lib/cf-ip-happy.c}; {@code CURLOPT_HAPPY_EYEBALLS_TIMEOUT_MS}). IPv6 first, then
   * the families alternate; a new attempt starts when one fails or 200 ms after the last start, and every
   * attempt stays open until one connects or the connect timeout (300 s) ends them all. Failure: black holes
   * keep their sockets open for the whole connect timeout.
   */
  CURL("curl", "curl 8.16", "lib/cf-ip-happy.c, docs/libcurl/opts/CURLOPT_HAPPY_EYEBALLS_TIMEOUT_MS.md",
      "no attempt timeout: every black-holed attempt stays open until one connects or the connect timeout", List.of(),
      List.of(ClientOptions.CURL_HAPPY_EYEBALLS_TIMEOUT, ClientOptions.CURL_CONNECT_TIMEOUT)),

  /**
   * curl 7.88.1 ({@code lib/connect.c}: {@code Curl_connecthost}, {@code trynextip}), the version in the Lazy
   * Eye paper and in Debian 12. The first address's family races alone for 200 ms, or until it runs out; then
   * the other family. When an address fails, curl moves on with half of the connect timeout then left (300 s)
   * as the next address's time, the last address of the list all of it, counted from that moment; but it starts
   * the next address only when it next wakes up: at the 200 ms timer if that is still pending, else up to 1 s
   * later (the curl tool polls once a second). Measured with {@code curl -v --trace-time}: a refused first
   * address costs 200 ms, and every later failure a second. Failure: a black-holed address holds its family
   * for 150 s, and every failure after the first 200 ms costs a second.
   */
  CURL_7_88("curl-7.88", "curl 7.88.1", "lib/connect.c (Curl_connecthost, trynextip, timeoutms_per_addr)",
      "halving: a black-holed first address holds its family for half the connect timeout (150 s), and a failed "
          + "address is replaced only at the next wake-up (up to 1 s)", List.of(),
      List.of(ClientOptions.CURL_7_88_HAPPY_EYEBALLS_TIMEOUT, ClientOptions.CURL_7_88_CONNECT_TIMEOUT,
          ClientOptions.CURL_7_88_WAKE_UP_INTERVAL)),

  /**
   * Chrome 130 ({@code net/socket/transport_connect_job.cc}, {@code kIPv6FallbackTime}); the Lazy Eye paper
   * measured 300 ms, IPv6 first, one address of each family used. IPv6 addresses one at a time, IPv4's after
   * 300 ms or when IPv6 runs out; no attempt timeout below the job's. Failure: one black-holed address per
   * family stalls the connect until the kernel gives up.
   */
  CHROME("chrome", "Chrome 130", "net/socket/transport_connect_job.cc (kIPv6FallbackTime)",
      "no attempt timeout: one black hole per family stalls the connect until the kernel gives up", List.of(),
      List.of(ClientOptions.CHROME_FALLBACK_DELAY)),

  /**
   * Firefox 132 ({@code netwerk/protocol/http/nsHttpConnectionMgr.cpp}, the backup socket; pref {@code
   * network.http.connection-retry-timeout}); the Lazy Eye paper measured 250 ms, one address of each family.
   * The primary socket tries the resolver's addresses of the first family one at a time; the backup socket
   * starts the other family after 250 ms. Failure: as Chrome's, with no attempt timeout.
   */
  FIREFOX("firefox", "Firefox 132", "netwerk/protocol/http/nsHttpConnectionMgr.cpp (backup socket)",
      "no attempt timeout: one black hole per family stalls the connect until the kernel gives up", List.of(),
      List.of(ClientOptions.FIREFOX_CONNECTION_RETRY_TIMEOUT));

  private final String strategyName;
  private final String version;
  private final String source;
  private final String failure;
  private final List<StrategyOption<?>> rankerOptions;
  private final List<StrategyOption<?>> schedulerOptions;

  Client(String strategyName, String version, String source, String failure, List<StrategyOption<?>> rankerOptions,
      List<StrategyOption<?>> schedulerOptions) {
    this.strategyName = strategyName;
    this.version = version;
    this.source = source;
    this.failure = failure;
    this.rankerOptions = rankerOptions;
    this.schedulerOptions = schedulerOptions;
  }

  /**
   * The name to choose this client's ranker and scheduler by.
   *
   * @return such as {@code okhttp5}
   */
  public String strategyName() {
    return strategyName;
  }

  /**
   * The client and the version the model follows.
   *
   * @return such as {@code Go 1.23 net.Dialer}
   */
  public String version() {
    return version;
  }

  /**
   * The source file the model follows.
   *
   * @return a path in the client's repository
   */
  public String source() {
    return source;
  }

  /**
   * The weakness of the client's design, in one line.
   *
   * @return the failure
   */
  public String failure() {
    return failure;
  }

  /**
   * The ranker's options, with defaults.
   *
   * @return the options
   */
  public List<StrategyOption<?>> rankerOptions() {
    return rankerOptions;
  }

  /**
   * The scheduler's options, with defaults.
   *
   * @return the options
   */
  public List<StrategyOption<?>> schedulerOptions() {
    return schedulerOptions;
  }

  /**
   * This client's address order.
   *
   * @param options options among {@link #rankerOptions()}
   * @return the ranker
   */
  public AddressPairRanker ranker(StrategyOptions options) {
    return switch (this) {
      case OKHTTP5, CURL -> ClientOrder.interleavedIpv6First(strategyName);
      case NODE -> ClientOrder.interleavedFromFirst(strategyName, 1);
      case ASYNCIO -> {
        // asyncio's None: 1 when a delay is given (Happy Eyeballs), else 0
        Optional<Integer> given = options.get(ClientOptions.ASYNCIO_INTERLEAVE);
        int interleave = given.isPresent() ? given.get()
            : options.get(ClientOptions.ASYNCIO_HAPPY_EYEBALLS_DELAY).isPresent() ? 1 : 0;
        yield interleave == 0 ? ClientOrder.asGiven(strategyName) : ClientOrder.interleavedFromFirst(strategyName, interleave);
      }
      case GO, CURL_7_88, CHROME, FIREFOX -> ClientOrder.asGiven(strategyName);
    };
  }

  /**
   * This client's pacing.
   *
   * @param options options among {@link #schedulerOptions()}
   * @return the scheduler
   */
  public AttemptScheduler scheduler(StrategyOptions options) {
    return switch (this) {
      case OKHTTP5 -> new OneQueue(strategyName, Optional.of(options.get(ClientOptions.OKHTTP_CONNECTION_ATTEMPT_DELAY)),
          Staggered.Trigger.NONE_IN_FLIGHT, Optional.of(options.get(ClientOptions.OKHTTP_CONNECT_TIMEOUT)), true,
          Optional.empty());
      case GO -> new FamilyRacers(strategyName, FamilyRacers.Primary.FIRST_ADDRESS,
          options.get(ClientOptions.GO_FALLBACK_DELAY), new FamilyRacers.SplitDeadline(
              options.get(ClientOptions.GO_DIAL_TIMEOUT), options.get(ClientOptions.GO_SPLIT_FLOOR)),
          Optional.empty());
      case NODE -> new OneQueue(strategyName, Optional.empty(), Staggered.Trigger.PREVIOUS_FAILURE,
          Optional.of(options.get(ClientOptions.NODE_ATTEMPT_TIMEOUT)), false, Optional.empty());
      case ASYNCIO -> new OneQueue(strategyName, options.get(ClientOptions.ASYNCIO_HAPPY_EYEBALLS_DELAY),
          Staggered.Trigger.PREVIOUS_FAILURE, Optional.empty(), true, Optional.empty());
      case CURL -> new OneQueue(strategyName, Optional.of(options.get(ClientOptions.CURL_HAPPY_EYEBALLS_TIMEOUT)),
          Staggered.Trigger.ANY_FAILURE, Optional.empty(), true,
          Optional.of(options.get(ClientOptions.CURL_CONNECT_TIMEOUT)));
      case CURL_7_88 -> new FamilyRacers(strategyName, FamilyRacers.Primary.FIRST_ADDRESS,
          options.get(ClientOptions.CURL_7_88_HAPPY_EYEBALLS_TIMEOUT),
          new FamilyRacers.Halving(options.get(ClientOptions.CURL_7_88_CONNECT_TIMEOUT)),
          Optional.of(options.get(ClientOptions.CURL_7_88_WAKE_UP_INTERVAL)));
      case CHROME -> new FamilyRacers(strategyName, FamilyRacers.Primary.IPV6,
          options.get(ClientOptions.CHROME_FALLBACK_DELAY), new FamilyRacers.NoTimeout(), Optional.empty());
      case FIREFOX -> new FamilyRacers(strategyName, FamilyRacers.Primary.FIRST_ADDRESS,
          options.get(ClientOptions.FIREFOX_CONNECTION_RETRY_TIMEOUT), new FamilyRacers.NoTimeout(), Optional.empty());
    };
  }

  /**
   * The client of that strategy name.
   *
   * @param name such as {@code go}
   * @return the client
   * @throws IllegalArgumentException listing the names when there is none such
   */
  public static Client named(String name) {
    for (Client c : values()) {
      if (c.strategyName.equals(name)) {
        return c;
      }
    }
    List<String> names = new java.util.ArrayList<>();
    for (Client c : values()) {
      names.add(c.strategyName);
    }
    throw new IllegalArgumentException("no client model '" + name + "'; there are " + String.join(", ", names));
  }
}
