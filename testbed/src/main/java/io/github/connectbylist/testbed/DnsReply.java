package io.github.connectbylist.testbed;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the testbed's {@link DnsServer} replies to one query type of one name: with addresses, with SVCB or HTTPS
 * records (RFC 9460), empty, with NXDOMAIN or SERVFAIL, or not at all; each after a delay. The cases of the "Lazy
 * Eye Inspection" study's test server (IMC 2025), which found that trouble with one lookup delays or breaks
 * clients' connects even when the other family works.
 *
 * <p>Beyond those, the misbehaviours a resolver must survive (RFC 5452, RFC 1034 section 3.6.2, RFC 2181
 * section 8, RFC 7766): decoy datagrams before the real reply ({@link #precededBy}), records owned by a name
 * the query did not ask for ({@link #ownedBy}), CNAME chains that go nowhere or loop ({@link #viaCnames}),
 * a truncated UDP reply whose full answer comes over TCP ({@link #truncated}), possibly one byte at a time
 * ({@link #drippedOverTcp}) or never, behind endless empty messages ({@link #floodedOverTcp}), and TTLs with
 * the high bit set ({@link #ttl}).
 *
 * @param kind what the reply is
 * @param addresses the addresses of an {@link Kind#ADDRESSES} reply
 * @param services the SVCB or HTTPS records of a {@link Kind#SERVICES} reply, in the order the answer section
 *     holds them; empty for every other kind
 * @param delay how long after the query the reply is sent
 * @param ttlSeconds the records' time to live, 0 to 2<sup>32</sup>-1 as the wire carries it
 * @param cnames the CNAME chain the answer section holds before the addresses or services: the query name points
 *     to the first, the first to the second, and so on
 * @param addressOwner the owner name of the address or service records, or {@code null} for the chain's last name
 *     (the query name without a chain), as a well-behaved server writes them
 * @param decoys replies that do not answer the query, sent over UDP at once, before the real one
 * @param tcpOnly whether the UDP reply is an empty one with the TC bit (RFC 1035 section 4.1.1), the full
 *     answer coming only over TCP
 * @param tcpBytePause the pause between the bytes of the TCP answer, or zero to send it whole
 * @param tcpFlood whether the TCP answer is never sent, and the connection instead carries empty messages
 *     (the two bytes {@code 0 0}, a length prefix of zero) without end, as fast as the client reads them
 */
public record DnsReply(Kind kind, List<InetAddress> addresses, List<ServiceRecord> services, Duration delay,
    long ttlSeconds, List<String> cnames, String addressOwner, List<Decoy> decoys, boolean tcpOnly,
    Duration tcpBytePause, boolean tcpFlood) {

  /** The largest TTL the wire can carry (32 bits, unsigned). */
  public static final long MAX_WIRE_TTL = 0xFFFF_FFFFL;

  /** What a reply is. */
  public enum Kind {
    /** NOERROR with the addresses. */
    ADDRESSES,
    /** NOERROR with the SVCB or HTTPS records (RFC 9460) of {@link DnsReply#services()}. */
    SERVICES,
    /** NOERROR without records: the name exists but has none of the type (NODATA). */
    EMPTY,
    /** NXDOMAIN: the name does not exist. */
    NXDOMAIN,
    /** SERVFAIL: the server could not answer. */
    SERVFAIL,
    /** No reply at all: the query or its answer was lost. */
    DROPPED
  }

  /** A datagram that looks like a reply but does not answer the query (RFC 5452 section 4). */
  public enum Decoy {
    /** The real reply with another transaction ID: what an off-path attacker who guessed the port sends. */
    WRONG_ID,
    /** The right ID, but the question of another name ({@code decoy.test}). */
    WRONG_QUESTION,
    /** The right ID and question, but the QR bit clear: a query, not a response. */
    QR_CLEAR,
    /**
     * The right ID and the QR bit, rcode REFUSED and no question section: what an off-path attacker who
     * guessed the port and the ID but not the question sends to make a resolver give up on a server.
     */
    NO_QUESTION
  }

  /**
   * Checks the reply.
   *
   * @param kind what the reply is
   * @param addresses the addresses, only for {@link Kind#ADDRESSES}
   * @param services at least one record for {@link Kind#SERVICES}, none for the other kinds; each listing in
   *     {@code mandatory} only keys it carries (RFC 9460 section 8)
   * @param delay not negative
   * @param ttlSeconds 0 to {@link #MAX_WIRE_TTL}
   * @param cnames the CNAME chain, possibly empty
   * @param addressOwner the address records' owner, or {@code null}
   * @param decoys decoy datagrams, possibly none
   * @param tcpOnly whether UDP gets only a truncated reply
   * @param tcpBytePause not negative
   * @param tcpFlood whether TCP carries endless empty messages instead of the answer
   * @throws IllegalArgumentException when a value is out of range, addresses or services come with another
   *     kind, a {@link Kind#SERVICES} reply has no record, or a record lists a mandatory key it does not carry
   */
  public DnsReply {
    Objects.requireNonNull(kind, "kind");
    addresses = List.copyOf(addresses);
    services = List.copyOf(services);
    Objects.requireNonNull(delay, "delay");
    cnames = List.copyOf(cnames);
    decoys = List.copyOf(decoys);
    Objects.requireNonNull(tcpBytePause, "tcpBytePause");
    if (delay.isNegative() || tcpBytePause.isNegative() || ttlSeconds < 0 || ttlSeconds > MAX_WIRE_TTL) {
      throw new IllegalArgumentException("delay, pause and ttl must not be negative, ttl at most 2^32-1: " + delay
          + ", " + tcpBytePause + ", " + ttlSeconds);
    }
    if (kind != Kind.ADDRESSES && !addresses.isEmpty()) {
      throw new IllegalArgumentException(kind + " has no addresses");
    }
    if (kind != Kind.SERVICES && !services.isEmpty()) {
      throw new IllegalArgumentException(kind + " has no SVCB or HTTPS records");
    }
    if (kind == Kind.SERVICES && services.isEmpty()) {
      throw new IllegalArgumentException("SERVICES needs at least one record; DnsReply.empty() is NODATA");
    }
    for (ServiceRecord record : services) {
      record.checkMandatoryPresent();
    }
  }

  private DnsReply(Kind kind, List<InetAddress> addresses, List<ServiceRecord> services, long ttlSeconds) {
    this(kind, addresses, services, Duration.ZERO, ttlSeconds, List.of(), null, List.of(), false, Duration.ZERO,
        false);
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
    return new DnsReply(Kind.ADDRESSES, list, List.of(), 60);
  }

  /**
   * An answer with these SVCB or HTTPS records (RFC 9460), for a {@link DnsServer.RecordType#SVCB} or {@link
   * DnsServer.RecordType#HTTPS} query, at once, with a TTL of 60 s. The records keep the order given, whatever
   * their priorities: a client must sort them itself (RFC 9460 section 2.4.1).
   *
   * @param records at least one: AliasMode, ServiceMode, or both mixed, as a test needs
   * @return the reply
   * @throws IllegalArgumentException when there is no record, or a record lists a {@code mandatory} key that it
   *     does not carry (not self-consistent, RFC 9460 section 8; dnsjava's parser refuses the whole message)
   */
  public static DnsReply services(ServiceRecord... records) {
    return new DnsReply(Kind.SERVICES, List.of(), List.of(records), 60);
  }

  /**
   * An empty answer (the name has no record of the type), at once.
   *
   * @return the reply
   */
  public static DnsReply empty() {
    return new DnsReply(Kind.EMPTY, List.of(), List.of(), 60);
  }

  /**
   * NXDOMAIN, at once.
   *
   * @return the reply
   */
  public static DnsReply nxdomain() {
    return new DnsReply(Kind.NXDOMAIN, List.of(), List.of(), 60);
  }

  /**
   * SERVFAIL, at once.
   *
   * @return the reply
   */
  public static DnsReply servfail() {
    return new DnsReply(Kind.SERVFAIL, List.of(), List.of(), 0);
  }

  /**
   * No reply ever.
   *
   * @return the reply
   */
  public static DnsReply dropped() {
    return new DnsReply(Kind.DROPPED, List.of(), List.of(), 0);
  }

  /**
   * The same reply, sent {@code delay} after the query comes.
   *
   * @param delay not negative
   * @return the delayed reply
   */
  public DnsReply after(Duration delay) {
    return new DnsReply(kind, addresses, services, delay, ttlSeconds, cnames, addressOwner, decoys, tcpOnly,
        tcpBytePause, tcpFlood);
  }

  /**
   * The same reply with another time to live; one of 2<sup>31</sup> or more has the high bit set, which RFC
   * 2181 section 8 says to read as 0.
   *
   * @param seconds 0 to {@link #MAX_WIRE_TTL}
   * @return the reply
   */
  public DnsReply ttl(long seconds) {
    return new DnsReply(kind, addresses, services, delay, seconds, cnames, addressOwner, decoys, tcpOnly,
        tcpBytePause, tcpFlood);
  }

  /**
   * The same reply with a CNAME chain before the addresses or services: the query name is an alias of {@code
   * names[0]}, which is one of {@code names[1]}, and so on; the addresses or services are owned by the last. A
   * chain whose last name is the query name is a loop.
   *
   * @param names host names, such as {@code y.test}
   * @return the reply
   */
  public DnsReply viaCnames(String... names) {
    return new DnsReply(kind, addresses, services, delay, ttlSeconds, List.of(names), addressOwner, decoys, tcpOnly,
        tcpBytePause, tcpFlood);
  }

  /**
   * The same reply with its address or service records owned by {@code name}, whatever the query asked: what a
   * poisoning attempt or a broken server sends.
   *
   * @param name a host name, such as {@code evil.test}
   * @return the reply
   */
  public DnsReply ownedBy(String name) {
    return new DnsReply(kind, addresses, services, delay, ttlSeconds, cnames, Objects.requireNonNull(name, "name"),
        decoys, tcpOnly, tcpBytePause, tcpFlood);
  }

  /**
   * The same reply, preceded at once over UDP by these decoys (the real reply still comes after its delay).
   *
   * @param decoys what to send first, in order
   * @return the reply
   */
  public DnsReply precededBy(Decoy... decoys) {
    return new DnsReply(kind, addresses, services, delay, ttlSeconds, cnames, addressOwner, List.of(decoys), tcpOnly,
        tcpBytePause, tcpFlood);
  }

  /**
   * The same reply, but over UDP only an empty one with the TC bit set, so that the full answer must be
   * asked for again over TCP (RFC 7766 section 5).
   *
   * @return the reply
   */
  public DnsReply truncated() {
    return new DnsReply(kind, addresses, services, delay, ttlSeconds, cnames, addressOwner, decoys, true,
        tcpBytePause, tcpFlood);
  }

  /**
   * The same reply, truncated over UDP, and over TCP written one byte every {@code pause}: a server (or a
   * path) that keeps a connection alive without ever finishing the answer in time.
   *
   * @param pause between bytes, not negative
   * @return the reply
   */
  public DnsReply drippedOverTcp(Duration pause) {
    return new DnsReply(kind, addresses, services, delay, ttlSeconds, cnames, addressOwner, decoys, true, pause, false);
  }

  /**
   * The same reply, truncated over UDP, and over TCP never answered: the connection instead carries empty
   * messages (a length prefix of zero, RFC 7766 section 8) without end, as fast as the client reads them. A
   * client that reads "while bytes arrive" never gets back to its timers.
   *
   * @return the reply
   */
  public DnsReply floodedOverTcp() {
    return new DnsReply(kind, addresses, services, delay, ttlSeconds, cnames, addressOwner, decoys, true,
        Duration.ZERO, true);
  }
}
