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
 *
 * <p>HTTPS records (RFC 9460): each client says in {@link #httpsRecords()} what the modelled version does with them,
 * from its source or its maintainers. None connects to a record's endpoints (its target's or hinted addresses, at its
 * port) the way RFC 9460 section 3 and this library's connect by name do, so every model orders and paces the
 * addresses of the name only ({@link #usesServiceEndpoints()} is {@code false} for each); a lab experiment runs them
 * without asking for service records.
 */
public enum Client {
  /**
   * OkHttp 5.x fast fallback ({@code okhttp3/internal/connection/FastFallbackExchangeFinder.kt}; order from
   * {@code RouteSelector}'s {@code reorderForHappyEyeballs}, IPv6 first and families alternating). A new
   * attempt starts when none is in flight or 250 ms after the last start; each attempt ends at the connect
   * timeout (10 s). Failure: a refusal while another attempt is still in flight does not start the next one;
   * it waits out the 250 ms.
   *
   * <p>HTTPS records: none asked. OkHttp's {@code Dns} returns addresses only ({@code Dns.SYSTEM} is {@code
   * InetAddress.getAllByName}), and its maintainers noted on the ECH issue (okhttp #6539, "Encrypted SNI or
   * ClientHello") that its {@code DnsOverHttps} "won't fetch the additional fields".
   */
  OKHTTP5("okhttp5", "OkHttp 5.x", "okhttp3/internal/connection/FastFallbackExchangeFinder.kt",
      "a failure while another attempt is in flight waits out the 250 ms", List.of(),
      List.of(ClientOptions.OKHTTP_CONNECTION_ATTEMPT_DELAY, ClientOptions.OKHTTP_CONNECT_TIMEOUT),
      "does not ask for HTTPS records in the 5.x releases modelled: its Dns gives addresses only (Dns.SYSTEM is "
          + "InetAddress.getAllByName; \"DnsOverHttps won't fetch the additional fields\", okhttp issue #6539); work "
          + "on HTTPS records merged in July 2026 (okhttp #9557, #9569, #9573) is not in them", false),

  /**
   * Go's {@code net.Dialer} ({@code net/dial.go}, Go 1.19 to 1.23: {@code dialParallel}, {@code dialSerial},
   * {@code partialDeadline}). The first address's family races alone for the fallback delay (300 ms), or until
   * it runs out of addresses; then the other family's racer starts. Each racer is serial; with a deadline each
   * attempt gets an equal share of the time left, never less than 2 s. Failure: without a deadline a
   * black-holed address holds its family until the kernel gives up; with one, the first of many addresses
   * gets a large share.
   *
   * <p>HTTPS records: none asked. {@code net.Dialer} resolves A and AAAA only, and the {@code net} package has no
   * HTTPS lookup at all: proposal golang/go#72110 ("net: Add LookupHTTPS()") is open, and golang/go#43790 only adds
   * the record type to {@code x/net/dns/dnsmessage}.
   */
  GO("go", "Go 1.19 to 1.23 net.Dialer", "src/net/dial.go (dialParallel, dialSerial, partialDeadline)",
      "one serial racer per family: a black hole holds its family for its whole share of the deadline", List.of(),
      List.of(ClientOptions.GO_FALLBACK_DELAY, ClientOptions.GO_DIAL_TIMEOUT, ClientOptions.GO_SPLIT_FLOOR),
      "does not ask for HTTPS records: net.Dialer resolves A and AAAA only and the net package has no HTTPS "
          + "lookup (proposal golang/go#72110 is open; golang/go#43790 covers x/net/dns/dnsmessage only)", false),

  /**
   * Node.js {@code net.connect} with {@code autoSelectFamily} ({@code lib/net.js}, Node 20: {@code
   * internalConnectMultiple}). Families alternate from the first address's; one attempt at a time, each but
   * the last aborted after {@code autoSelectFamilyAttemptTimeout} (250 ms). Failure: a path slower than the
   * attempt timeout is aborted even when it would have worked, and attempts never overlap.
   *
   * <p>HTTPS records: none asked. {@code net.connect} resolves with {@code dns.lookup} ({@code getaddrinfo}), and
   * even {@code dns.resolve} has no HTTPS rrtype (its documented types are A, AAAA, ANY, CAA, CNAME, MX, NAPTR, NS,
   * PTR, SOA, SRV, TLSA and TXT).
   */
  NODE("node", "Node.js 20", "lib/net.js (internalConnectMultiple)",
      "each attempt but the last is aborted after 250 ms, even on a working path slower than that", List.of(),
      List.of(ClientOptions.NODE_ATTEMPT_TIMEOUT),
      "does not ask for HTTPS records: net.connect resolves with dns.lookup (getaddrinfo), and dns.resolve "
          + "has no HTTPS rrtype at all (Node.js dns documentation)", false),

  /**
   * Python asyncio's {@code loop.create_connection} ({@code Lib/asyncio/base_events.py} and {@code
   * staggered.py}, Python 3.12). Without {@code happy_eyeballs_delay} (the default) it is sequential with no
   * attempt timeout; with it, {@code staggered_race} starts the next attempt after the delay or when the one
   * started last fails, and {@code interleave} (1 when a delay is given) alternates families. Failure: by
   * default no Happy Eyeballs at all, so a black-holed first address costs the kernel's timeout.
   *
   * <p>HTTPS records: none asked. {@code create_connection} resolves with {@code loop.getaddrinfo} ({@code
   * _ensure_resolved} in {@code Lib/asyncio/base_events.py}): addresses only.
   */
  ASYNCIO("asyncio", "Python 3.12 asyncio", "Lib/asyncio/base_events.py, Lib/asyncio/staggered.py",
      "no Happy Eyeballs unless happy_eyeballs_delay is set; then only the previous attempt's failure starts the next",
      List.of(ClientOptions.ASYNCIO_INTERLEAVE, ClientOptions.ASYNCIO_HAPPY_EYEBALLS_DELAY),
      List.of(ClientOptions.ASYNCIO_HAPPY_EYEBALLS_DELAY),
      "does not ask for HTTPS records: create_connection resolves with loop.getaddrinfo (_ensure_resolved "
          + "in Lib/asyncio/base_events.py), addresses only", false),

  /**
   * curl 8.16 and later ({@code lib/cf-ip-happy.c}; {@code CURLOPT_HAPPY_EYEBALLS_TIMEOUT_MS}). IPv6 first, then
   * the families alternate; a new attempt starts when one fails or 200 ms after the last start, and every
   * attempt stays open until one connects or the connect timeout (300 s) ends them all. Failure: black holes
   * keep their sockets open for the whole connect timeout.
   *
   * <p>HTTPS records: only a build made with HTTPS-RR support (experimental: {@code --enable-httpsrr}, with c-ares or
   * DoH) asks for them, beside A and AAAA; it uses the ALPN list (and ECH), while "the port number from the HTTPS RR
   * is not used", "the target name is not used" and "the IP addresses from the HTTPS RR are not used" ({@code
   * docs/HTTPSRR.md}; curl/curl#17045 "HTTPS RR ip hint and port ignored", labelled known-issue). For a port other
   * than 443 it asked the origin's name instead of {@code _PORT._https.NAME} (curl/curl#19301, fixed by #19324 in
   * November 2025, after 8.16).
   */
  CURL("curl", "curl 8.16", "lib/cf-ip-happy.c, docs/libcurl/opts/CURLOPT_HAPPY_EYEBALLS_TIMEOUT_MS.md",
      "no attempt timeout: every black-holed attempt stays open until one connects or the connect timeout", List.of(),
      List.of(ClientOptions.CURL_HAPPY_EYEBALLS_TIMEOUT, ClientOptions.CURL_CONNECT_TIMEOUT),
      "asks for HTTPS records only when built with HTTPS-RR support (experimental), and then uses the ALPN "
          + "list (and ECH) but not the port, the target or the address hints (docs/HTTPSRR.md; curl#17045, "
          + "known-issue); for a port other than 443 it asked the wrong name (curl#19301, fixed by #19324 after "
          + "8.16)", false),

  /**
   * curl 7.88.1 ({@code lib/connect.c}: {@code Curl_connecthost}, {@code trynextip}), the version in the Lazy
   * Eye paper and in Debian 12. The first address's family races alone for 200 ms, or until it runs out; then
   * the other family. When an address fails, curl moves on with half of the connect timeout then left (300 s)
   * as the next address's time, the last address of the list all of it, counted from that moment; but it starts
   * the next address only when it next wakes up: at the 200 ms timer if that is still pending, else up to 1 s
   * later (the curl tool polls once a second). Measured with {@code curl -v --trace-time}: a refused first
   * address costs 200 ms, and every later failure a second. Failure: a black-holed address holds its family
   * for 150 s, and every failure after the first 200 ms costs a second.
   *
   * <p>HTTPS records: none asked; 7.88.1 predates curl's HTTPS-RR code, which came with ECH in curl 8.8.0 ("TLS: add
   * support for ECH", changes in 8.8.0, May 2024) and is documented in {@code docs/HTTPSRR.md}.
   */
  CURL_7_88("curl-7.88", "curl 7.88.1", "lib/connect.c (Curl_connecthost, trynextip, timeoutms_per_addr)",
      "halving: a black-holed first address holds its family for half the connect timeout (150 s), and a failed "
          + "address is replaced only at the next wake-up (up to 1 s)", List.of(),
      List.of(ClientOptions.CURL_7_88_HAPPY_EYEBALLS_TIMEOUT, ClientOptions.CURL_7_88_CONNECT_TIMEOUT,
          ClientOptions.CURL_7_88_WAKE_UP_INTERVAL),
      "does not ask for HTTPS records: 7.88.1 predates curl's HTTPS-RR code (it came with ECH in curl "
          + "8.8.0)", false),

  /**
   * Chrome 130 ({@code net/socket/transport_connect_job.cc}, {@code kIPv6FallbackTime}); the Lazy Eye paper
   * measured 300 ms, IPv6 first, one address of each family used. IPv6 addresses one at a time, IPv4's after
   * 300 ms or when IPv6 runs out; no attempt timeout below the job's. Failure: one black-holed address per
   * family stalls the connect until the kernel gives up.
   *
   * <p>HTTPS records: asked beside A and AAAA (feature {@code UseDnsHttpsSvcb}, on by default), and waited for at
   * most 20 % of the time the other queries took, 5 to 50 ms ({@code kUseDnsHttpsSvcbInsecureExtraTime*} in {@code
   * net/base/features.cc}; the model does not wait). What Chrome keeps of a record is its ALPN list, its ECH
   * configuration and its target name ({@code ConnectionEndpointMetadata}): {@code ExtractHttpsResults} in {@code
   * net/dns/dns_response_result_extractor.cc} drops every record when one is an alias ("Chrome does not yet support
   * alias records"), skips a record whose target is not the origin ("Chrome does not yet support followup queries")
   * or whose port is not the request's ("Chrome does not yet support endpoints diverging by port"), and never reads
   * the address hints. So it uses HTTPS records to upgrade to HTTP/3 and for ECH, and connects to the A and AAAA
   * addresses as before.
   */
  CHROME("chrome", "Chrome 130", "net/socket/transport_connect_job.cc (kIPv6FallbackTime)",
      "no attempt timeout: one black hole per family stalls the connect until the kernel gives up", List.of(),
      List.of(ClientOptions.CHROME_FALLBACK_DELAY),
      "asks for HTTPS records (UseDnsHttpsSvcb) and waits for a late one at most 5 to 50 ms (not modelled), "
          + "but uses them only for ALPN (HTTP/3 upgrade) and ECH: aliases, other targets and other ports are "
          + "skipped and hints never read (ExtractHttpsResults, net/dns/dns_response_result_extractor.cc); it "
          + "connects to the A and AAAA addresses", false),

  /**
   * Firefox 132 ({@code netwerk/protocol/http/nsHttpConnectionMgr.cpp}, the backup socket; pref {@code
   * network.http.connection-retry-timeout}); the Lazy Eye paper measured 250 ms, one address of each family.
   * The primary socket tries the resolver's addresses of the first family one at a time; the backup socket
   * starts the other family after 250 ms. Failure: as Chrome's, with no attempt timeout.
   *
   * <p>HTTPS records: asked through its DoH resolver, and since Firefox 129 through the system's resolver on Linux,
   * Windows 11 and Android 10+ (release notes). A transaction marked {@code NS_HTTP_FORCE_WAIT_HTTP_RR} makes no new
   * connection until the record came ({@code nsHttpConnectionMgr.cpp}); the connection then goes to the record's
   * target and port, and to its ipv4hint/ipv6hint addresses only when the target's A and AAAA are not in the DNS
   * cache ({@code HasIPHintAddress}, {@code RESOLVE_IP_HINT} in {@code DnsAndConnectSocket.cpp}). Of the clients here
   * it comes closest to RFC 9460, but one record at a time with the cold-cache hint rule is not this library's
   * endpoint list (hints until the target answers, the name's own addresses last), so the model does not ask for
   * service records. Mozilla's Happy Eyeballs v3 state machine ({@code mozilla/happy-eyeballs}, its {@code
   * tests/https_records.rs}) does use hints, ports and targets; Firefox's {@code HappyEyeballsConnectionAttempt.cpp}
   * that drives it still leaves HTTPS answers and hints as TODOs.
   */
  FIREFOX("firefox", "Firefox 132", "netwerk/protocol/http/nsHttpConnectionMgr.cpp (backup socket)",
      "no attempt timeout: one black hole per family stalls the connect until the kernel gives up", List.of(),
      List.of(ClientOptions.FIREFOX_CONNECTION_RETRY_TIMEOUT),
      "asks for HTTPS records (DoH, or natively on Linux, Windows 11 and Android since 129), may wait for "
          + "them (NS_HTTP_FORCE_WAIT_HTTP_RR), and connects to the record's target and port, using the hints "
          + "only when the target's addresses are not cached (DnsAndConnectSocket.cpp); closest to RFC 9460 of "
          + "these, but not this library's endpoint list, so the model runs without service records", false);

  private final String strategyName;
  private final String version;
  private final String source;
  private final String failure;
  private final List<StrategyOption<?>> rankerOptions;
  private final List<StrategyOption<?>> schedulerOptions;
  private final String httpsRecords;
  private final boolean usesServiceEndpoints;

  Client(String strategyName, String version, String source, String failure, List<StrategyOption<?>> rankerOptions,
      List<StrategyOption<?>> schedulerOptions, String httpsRecords, boolean usesServiceEndpoints) {
    this.strategyName = strategyName;
    this.version = version;
    this.source = source;
    this.failure = failure;
    this.rankerOptions = rankerOptions;
    this.schedulerOptions = schedulerOptions;
    this.httpsRecords = httpsRecords;
    this.usesServiceEndpoints = usesServiceEndpoints;
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
   * What the modelled version does with HTTPS records (RFC 9460), in one sentence with its source; the constant's
   * Javadoc quotes the sources.
   *
   * @return such as {@code does not ask for HTTPS records: ...}
   */
  public String httpsRecords() {
    return httpsRecords;
  }

  /**
   * Whether the client connects to the endpoints of HTTPS records as RFC 9460 section 3 says (the records' targets
   * and ports, hints until the target's addresses come, the name's own addresses last), so that a model of it
   * should be given this library's endpoints: {@code false} for every client modelled (see {@link
   * #httpsRecords()}).
   *
   * @return whether a simulation of this client should ask for service records
   */
  public boolean usesServiceEndpoints() {
    return usesServiceEndpoints;
  }

  /**
   * The client modelled by a ranker or scheduler of that name, if any: the name of a spec, options left out.
   *
   * @param name such as {@code asyncio} or {@code asyncio(happy-eyeballs-delay=250ms)}
   * @return the client, or empty for a strategy that models none
   */
  public static Optional<Client> modelling(String name) {
    int paren = name.indexOf('(');
    String bare = (paren < 0 ? name : name.substring(0, paren)).trim();
    for (Client c : values()) {
      if (c.strategyName.equals(bare)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
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
