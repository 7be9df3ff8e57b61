package io.github.connectbylist.testbed;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the testbed's {@link DnsServer} replies to one query type of one name: with addresses, empty, with
 * NXDOMAIN or SERVFAIL, or not at all; each after a delay. The cases of the "Lazy Eye Inspection" study's
 * test server (IMC 2025), which found that trouble with one lookup delays or breaks clients' connects even
 * when the other family works.
 *
 * @param kind what the reply is
 * @param addresses the addresses of an {@link Kind#ADDRESSES} reply
 * @param delay how long after the query the reply is sent
 * @param ttlSeconds the records' time to live
 */
public record DnsReply(Kind kind, List<InetAddress> addresses, Duration delay, long ttlSeconds) {

  /** What a reply is. */
  public enum Kind {
    /** NOERROR with the addresses. */
    ADDRESSES,
    /** NOERROR without records: the name exists but has none of the type (NODATA). */
    EMPTY,
    /** NXDOMAIN: the name does not exist. */
    NXDOMAIN,
    /** SERVFAIL: the server could not answer. */
    SERVFAIL,
    /** No reply at all: the query or its answer was lost. */
    DROPPED
  }

  /**
   * Checks the reply.
   *
   * @param kind what the reply is
   * @param addresses the addresses, only for {@link Kind#ADDRESSES}
   * @param delay not negative
   * @param ttlSeconds not negative
   */
  public DnsReply {
    Objects.requireNonNull(kind, "kind");
    addresses = List.copyOf(addresses);
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative() || ttlSeconds < 0) {
      throw new IllegalArgumentException("delay and ttl must not be negative: " + delay + ", " + ttlSeconds);
    }
    if (kind != Kind.ADDRESSES && !addresses.isEmpty()) {
      throw new IllegalArgumentException(kind + " has no addresses");
    }
  }

  /**
   * An answer with these addresses, at once, with a TTL of 60 s.
   *
   * @param literals address literals, all of the query's family
   * @return the reply
   * @throws IllegalArgumentException when a literal is not an address
   */
  public static DnsReply addresses(String... literals) {
    List<InetAddress> list = new ArrayList<>(literals.length);
    for (String literal : literals) {
      try {
        list.add(org.xbill.DNS.Address.getByAddress(literal)); // a literal only: never a lookup
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("'" + literal + "' is not an address literal", e);
      }
    }
    return new DnsReply(Kind.ADDRESSES, list, Duration.ZERO, 60);
  }

  /**
   * An empty answer (the name has no record of the type), at once.
   *
   * @return the reply
   */
  public static DnsReply empty() {
    return new DnsReply(Kind.EMPTY, List.of(), Duration.ZERO, 60);
  }

  /**
   * NXDOMAIN, at once.
   *
   * @return the reply
   */
  public static DnsReply nxdomain() {
    return new DnsReply(Kind.NXDOMAIN, List.of(), Duration.ZERO, 60);
  }

  /**
   * SERVFAIL, at once.
   *
   * @return the reply
   */
  public static DnsReply servfail() {
    return new DnsReply(Kind.SERVFAIL, List.of(), Duration.ZERO, 0);
  }

  /**
   * No reply ever.
   *
   * @return the reply
   */
  public static DnsReply dropped() {
    return new DnsReply(Kind.DROPPED, List.of(), Duration.ZERO, 0);
  }

  /**
   * The same reply, sent {@code delay} after the query comes.
   *
   * @param delay not negative
   * @return the delayed reply
   */
  public DnsReply after(Duration delay) {
    return new DnsReply(kind, addresses, delay, ttlSeconds);
  }

  /**
   * The same reply with another time to live.
   *
   * @param seconds not negative
   * @return the reply
   */
  public DnsReply ttl(long seconds) {
    return new DnsReply(kind, addresses, delay, seconds);
  }
}
