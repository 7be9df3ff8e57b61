package io.github.connectbylist.lab;

import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.NameResolver;
import io.github.connectbylist.api.Origin;
import io.github.connectbylist.api.Query;
import io.github.connectbylist.api.ServiceBinding;
import io.github.connectbylist.engine.Driver;
import io.github.connectbylist.simulation.SimulatedResolver;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * How a scenario's name resolves, per query: when the AAAA and the A answers come, and whether they carry the
 * scenario's addresses of that family, nothing, NXDOMAIN or SERVFAIL, or never come (lost: the resolver gives up
 * after its timeout). A scenario with a resolution is connected to by name, so that a strategy's handling of slow
 * and lost answers (RFC 8305 section 3) shows in its time to connect, which then counts from the start of
 * resolution.
 *
 * <p>A resolution may also have an {@link Https} part: how the HTTPS query (RFC 9460) goes, its ServiceMode
 * records, the AliasMode hops before them, and the address answers of the records' target names. Such a scenario
 * is connected to by name with the service {@code https}, by the strategies that ask for service records; the
 * others hear only the AAAA and A answers, as a client that never sends the HTTPS query.
 *
 * @param name the name connected to
 * @param aaaa how the AAAA query goes
 * @param a how the A query goes
 * @param timeoutMillis when the resolver gives up on a lost answer, reporting a failure
 * @param https how the HTTPS query goes, or {@code null} when the scenario has no HTTPS records
 * @param nat64 how the network's DNS64 answers RFC 7050's discovery query, or {@code null} when it has none
 */
public record Resolution(String name, Family aaaa, Family a, double timeoutMillis, Https https, Nat64 nat64) {

  /** RFC 7050's Well-Known Name and the first of its Well-Known IPv4 Addresses. */
  private static final String DISCOVERY_NAME = "ipv4only.arpa";
  private static final InetAddress WELL_KNOWN_IPV4 = io.github.connectbylist.api.Addresses.parseLiteral("192.0.0.170");

  /** The longest AliasMode chain a scenario may have: that the DNS resolver follows (RFC 9460 asks for a limit). */
  public static final int MAX_ALIAS_HOPS = 8;

  /** What one query's answer is. */
  public enum Answer {
    /** The scenario's addresses of the family (AAAA and A), or the target's addresses given (a target's query). */
    ADDRESSES,
    /** The HTTPS query's records. */
    RECORDS,
    /** NOERROR without addresses, or without records (NODATA). */
    EMPTY,
    /** The name does not exist. */
    NXDOMAIN,
    /** The server failed. */
    SERVFAIL,
    /** Never answered: fails when the resolver's timeout passes. */
    LOST
  }

  /**
   * One query's answer and when it comes.
   *
   * @param answer what it is
   * @param delay when it comes, after resolution starts (not used for a lost one)
   */
  public record Family(Answer answer, Latency delay) {
    /**
     * Checks the parts.
     *
     * @param answer what it is
     * @param delay when it comes
     */
    public Family {
      Objects.requireNonNull(answer, "answer");
      Objects.requireNonNull(delay, "delay");
    }
  }

  /**
   * The HTTPS query of the name: how it goes (its answer and delay, as for AAAA and A), the ServiceMode records of
   * an answer of {@link Answer#RECORDS}, and the AAAA and A answers of the records' target names other than the
   * name. An AliasMode chain of N hops is, to a client, N more round trips before the records (each hop a query of
   * its own, RFC 9460 section 2.4.2): the answer comes after {@code aliasHops + 1} draws of the delay, so with a
   * fixed delay D at (N + 1) x D. A target's queries are sent when the records come, so its delays count from then.
   *
   * @param query the answer's kind and its delay (per hop)
   * @param records the ServiceMode records, target {@code .} already written as the name; empty unless RECORDS
   * @param aliasHops AliasMode records followed before the records, 0 to {@value #MAX_ALIAS_HOPS}
   * @param targets the address answers of each target name other than the name, in the file's order
   */
  public record Https(Family query, List<ServiceBinding> records, int aliasHops, Map<String, Target> targets) {
    /**
     * Copies the parts and checks that records and targets go with an answer of records only.
     *
     * @param query the answer and its delay
     * @param records the ServiceMode records
     * @param aliasHops AliasMode hops, 0 to {@value #MAX_ALIAS_HOPS}
     * @param targets the targets' address answers
     */
    public Https {
      Objects.requireNonNull(query, "query");
      records = List.copyOf(records);
      targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets)); // the file's order: the draws' order
      if (aliasHops < 0 || aliasHops > MAX_ALIAS_HOPS) {
        throw new IllegalArgumentException("alias-hops " + aliasHops + " is out of range: give 0 to " + MAX_ALIAS_HOPS);
      }
      if (query.answer() == Answer.ADDRESSES) {
        throw new IllegalArgumentException("an HTTPS query answers records, not addresses");
      }
      if ((query.answer() == Answer.RECORDS) == records.isEmpty()) {
        throw new IllegalArgumentException(records.isEmpty() ? "an answer of records needs at least one record"
            : "only an answer of records has records");
      }
      if (query.answer() != Answer.RECORDS && !targets.isEmpty()) {
        throw new IllegalArgumentException("only an answer of records has targets");
      }
    }
  }

  /**
   * The AAAA and A answers of a record's target name.
   *
   * @param aaaa how its AAAA query goes, counted from the HTTPS answer
   * @param aaaaAddresses the addresses of an AAAA answer of addresses
   * @param a how its A query goes, counted from the HTTPS answer
   * @param aAddresses the addresses of an A answer of addresses
   */
  public record Target(Family aaaa, List<InetAddress> aaaaAddresses, Family a, List<InetAddress> aAddresses) {
    /**
     * Copies the addresses and checks their families.
     *
     * @param aaaa the AAAA query
     * @param aaaaAddresses IPv6 addresses
     * @param a the A query
     * @param aAddresses IPv4 addresses
     */
    public Target {
      Objects.requireNonNull(aaaa, "aaaa");
      Objects.requireNonNull(a, "a");
      aaaaAddresses = List.copyOf(aaaaAddresses);
      aAddresses = List.copyOf(aAddresses);
      for (InetAddress address : aaaaAddresses) {
        if (!(address instanceof Inet6Address)) {
          throw new IllegalArgumentException(address.getHostAddress() + " is not an IPv6 address");
        }
      }
      for (InetAddress address : aAddresses) {
        if (!(address instanceof Inet4Address)) {
          throw new IllegalArgumentException(address.getHostAddress() + " is not an IPv4 address");
        }
      }
    }
  }

  /**
   * A resolution without HTTPS records.
   *
   * @param name the name
   * @param aaaa the AAAA query
   * @param a the A query
   * @param timeoutMillis positive
   */
  public Resolution(String name, Family aaaa, Family a, double timeoutMillis) {
    this(name, aaaa, a, timeoutMillis, null);
  }

  /**
   * Checks the parts.
   *
   * @param name the name
   * @param aaaa the AAAA query
   * @param a the A query
   * @param timeoutMillis positive
   * @param https the HTTPS query, or {@code null}
   * @param nat64 the discovery's answer, or {@code null}
   */
  public Resolution {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(aaaa, "aaaa");
    Objects.requireNonNull(a, "a");
    if (!(timeoutMillis > 0)) {
      throw new IllegalArgumentException("timeout-ms must be positive, was " + timeoutMillis);
    }
    if (aaaa.answer() == Answer.RECORDS || a.answer() == Answer.RECORDS) {
      throw new IllegalArgumentException("an AAAA or A query answers addresses, not records");
    }
    if (nat64 != null && name.equalsIgnoreCase(DISCOVERY_NAME)) {
      throw new IllegalArgumentException("a scenario connecting to " + DISCOVERY_NAME + " cannot have a nat64 part: "
          + "that name's answers are the discovery's");
    }
  }

  /**
   * A resolution without NAT64.
   *
   * @param name the name
   * @param aaaa the AAAA query
   * @param a the A query
   * @param timeoutMillis positive
   * @param https the HTTPS query, or {@code null}
   */
  public Resolution(String name, Family aaaa, Family a, double timeoutMillis, Https https) {
    this(name, aaaa, a, timeoutMillis, https, null);
  }

  /**
   * How a network's DNS64 answers the AAAA query of {@code ipv4only.arpa} (RFC 7050 section 3), which a client
   * with IPv6 only sends to find the NAT64 prefix; its A query is answered 192.0.0.170 at the same time.
   *
   * @param discovery the synthesized address of 192.0.0.170 the AAAA answer holds, such as {@code 64:ff9b::c000:aa}
   * @param query how the AAAA query goes: {@link Answer#ADDRESSES} (the discovery address), or empty, failed, lost
   */
  public record Nat64(InetAddress discovery, Family query) {
    /**
     * Checks the parts.
     *
     * @param discovery an IPv6 address
     * @param query the answer and its delay
     */
    public Nat64 {
      if (!(discovery instanceof java.net.Inet6Address)) {
        throw new IllegalArgumentException("the discovery answer is an IPv6 address, not " + discovery);
      }
      Objects.requireNonNull(query, "query");
      if (query.answer() == Answer.RECORDS) {
        throw new IllegalArgumentException("the discovery answers an address, not records");
      }
    }
  }

  /**
   * Whether the name has an HTTPS part, so that a strategy that asks for service records hears it.
   *
   * @return {@code true} when {@link #https()} is set
   */
  public boolean hasHttps() {
    return https != null;
  }

  /**
   * Whether an answer of a connect is one that never came: a failure at the resolver's timeout of a query this
   * resolution says is lost, as opposed to an NXDOMAIN or SERVFAIL that the server sent.
   *
   * @param answer an answer of a connect to this name
   * @return {@code true} for a lost query's failure
   */
  public boolean lost(io.github.connectbylist.api.Answer answer) {
    if (!answer.failed()) {
      return false;
    }
    String host = answer.host().toLowerCase(Locale.ROOT);
    Family family = null;
    if (host.equals(name.toLowerCase(Locale.ROOT))) {
      family = answer.query() == Query.AAAA ? aaaa : answer.query() == Query.A ? a
          : answer.query().isService() && https != null ? https.query() : null;
    } else if (https != null && https.targets().containsKey(host)) {
      Target t = https.targets().get(host);
      family = answer.query() == Query.AAAA ? t.aaaa() : answer.query() == Query.A ? t.a() : null;
    } else if (nat64 != null && answer.isNat64Discovery()) {
      family = nat64.query();
    }
    return family != null && family.answer() == Answer.LOST;
  }

  /**
   * The addresses a connect asking for service records may try besides the name's own: each record's hints and its
   * target's addresses, and the name's own again for a record of the name (at the record's port).
   *
   * @param destinations the scenario's destinations: the name's addresses
   * @return the addresses, a record's each time, for counting pairs
   */
  List<InetAddress> serviceAddresses(List<InetSocketAddress> destinations) {
    List<InetAddress> all = new ArrayList<>();
    if (https == null) {
      return all;
    }
    for (ServiceBinding r : https.records()) {
      all.addAll(r.ipv6Hints());
      all.addAll(r.ipv4Hints());
      Target t = https.targets().get(r.target());
      if (t != null) {
        all.addAll(t.aaaaAddresses());
        all.addAll(t.aAddresses());
      } else {
        destinations.forEach(d -> all.add(d.getAddress()));
      }
    }
    return all;
  }

  /**
   * A resolver on {@code driver}'s clock whose k-th lookup draws its answer times from a random seeded by the
   * seed, the run and k, so that every strategy meets the same answers. Every lookup draws the HTTPS answers too,
   * in the same order, whether it asked for them or not, so that the AAAA and A answers are the same for both.
   *
   * @param driver the clock
   * @param destinations the scenario's destinations: the addresses of the answers
   * @param seed the experiment's seed
   * @param run the run
   * @return the resolver
   */
  NameResolver resolver(Driver driver, List<InetSocketAddress> destinations, long seed, int run) {
    return new NameResolver() {
      private int lookups;

      private SimulatedResolver script() {
        SplittableRandom random = new SplittableRandom(
            SimulatedNetwork.mix(seed ^ SimulatedNetwork.mix(run * 1_000_003L + lookups++) ^ 0x5EED_D05L));
        List<SimulatedResolver.Reply> replies = new ArrayList<>();
        replies.add(reply(Query.AAAA, aaaa, addressesOf(Query.AAAA, destinations), null, 0, random));
        replies.add(reply(Query.A, a, addressesOf(Query.A, destinations), null, 0, random));
        if (https != null) {
          httpsReplies(replies, random);
        }
        if (nat64 == null) {
          return new SimulatedResolver(driver, Map.of(name, replies));
        }
        SimulatedResolver.Reply discovered = reply(Query.AAAA, nat64.query(), List.of(nat64.discovery()), null, 0, random);
        SimulatedResolver.Reply wellKnown = new SimulatedResolver.Reply(Query.A, discovered.afterNanos(),
            List.of(WELL_KNOWN_IPV4), null);
        return new SimulatedResolver(driver, Map.of(name, replies, DISCOVERY_NAME, List.of(discovered, wellKnown)));
      }

      @Override
      public Lookup resolve(String host, Answers answers) {
        return script().resolve(host, answers);
      }

      @Override
      public Lookup resolve(Origin origin, Answers answers) {
        return script().resolve(origin, answers);
      }

      @Override
      public boolean resolvesServices() {
        return https != null;
      }

      @Override
      public String toString() {
        return "simulated resolution of " + name;
      }
    };
  }

  /** The HTTPS answer after its alias hops, then each target's AAAA and A, counted from the HTTPS answer. */
  private void httpsReplies(List<SimulatedResolver.Reply> replies, SplittableRandom random) {
    Family q = https.query();
    long at = 0;
    for (int hop = 0; hop <= https.aliasHops(); hop++) {
      at = Math.min(at + q.delay().sampleNanos(random), Limits.MAX_DURATION.toNanos());
    }
    long timeout = Math.round(timeoutMillis * 1e6);
    replies.add(switch (q.answer()) {
      case RECORDS -> SimulatedResolver.Reply.services(at, https.records().toArray(new ServiceBinding[0]));
      case EMPTY -> SimulatedResolver.Reply.services(at);
      case NXDOMAIN -> SimulatedResolver.Reply.failure(Query.HTTPS, at, FailureKind.NO_SUCH_NAME);
      case SERVFAIL -> SimulatedResolver.Reply.failure(Query.HTTPS, at, FailureKind.RESOLUTION_FAILED);
      case LOST -> SimulatedResolver.Reply.failure(Query.HTTPS, timeout, FailureKind.RESOLUTION_FAILED);
      case ADDRESSES -> throw new IllegalStateException("checked when built");
    });
    for (Map.Entry<String, Target> e : https.targets().entrySet()) {
      Target t = e.getValue();
      replies.add(reply(Query.AAAA, t.aaaa(), t.aaaaAddresses(), e.getKey(), at, random));
      replies.add(reply(Query.A, t.a(), t.aAddresses(), e.getKey(), at, random));
    }
  }

  /** One address query's reply, {@code target}'s or the name's ({@code null}), sent at {@code sentAt}. */
  private SimulatedResolver.Reply reply(Query query, Family family, List<InetAddress> addresses, String target,
      long sentAt, SplittableRandom random) {
    long delay = Math.min(sentAt + family.delay().sampleNanos(random), Limits.MAX_DURATION.toNanos());
    long lost = sentAt + Math.round(timeoutMillis * 1e6);
    return switch (family.answer()) {
      case ADDRESSES -> new SimulatedResolver.Reply(query, delay, addresses, null, List.of(), target);
      case EMPTY, RECORDS -> new SimulatedResolver.Reply(query, delay, List.of(), null, List.of(), target);
      case NXDOMAIN -> new SimulatedResolver.Reply(query, delay, List.of(), FailureKind.NO_SUCH_NAME, List.of(), target);
      case SERVFAIL -> new SimulatedResolver.Reply(query, delay, List.of(), FailureKind.RESOLUTION_FAILED, List.of(),
          target);
      case LOST -> new SimulatedResolver.Reply(query, lost, List.of(), FailureKind.RESOLUTION_FAILED, List.of(), target);
    };
  }

  private static List<InetAddress> addressesOf(Query query, List<InetSocketAddress> destinations) {
    List<InetAddress> of = new ArrayList<>();
    for (InetSocketAddress d : destinations) {
      if ((d.getAddress() instanceof Inet6Address) == (query == Query.AAAA)) {
        of.add(d.getAddress());
      }
    }
    return of;
  }
}
