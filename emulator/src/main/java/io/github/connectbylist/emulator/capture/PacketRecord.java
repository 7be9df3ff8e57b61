package io.github.connectbylist.emulator.capture;

import io.github.connectbylist.api.Addresses;
import io.github.connectbylist.emulator.Family;
import io.github.connectbylist.emulator.Protocol;
import io.github.connectbylist.emulator.packet.IpPacket;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * What the packet log knows of one packet: when it passed, between which endpoints, its TCP flags, and for DNS
 * over UDP (either port 53) what the message says: its ID, whether it is a response, its question, its RCODE and
 * the addresses it answers ({@link DnsMessage}). Made from the captured bytes by {@link #parse}, which reads as
 * much as the snap length kept.
 *
 * @param timeNanos when it passed, in nanoseconds since 1970-01-01T00:00Z
 * @param family its family
 * @param protocol its IP protocol (IPv6: the fixed header's next header), such as {@link IpPacket#TCP}
 * @param source its source address
 * @param destination its destination address
 * @param sourcePort its TCP or UDP source port; 0 for other protocols
 * @param destinationPort its TCP or UDP destination port; 0 for other protocols
 * @param tcpFlags its TCP flags byte ({@link IpPacket#TCP_SYN} and its neighbours); -1 when not TCP
 * @param length its length as its IP header gives it, whatever the capture kept
 * @param dns the DNS message it carries over UDP; {@code null} when it is no DNS message, or the capture cut off
 *     its 12-byte header
 */
public record PacketRecord(long timeNanos, Family family, int protocol, InetAddress source,
    InetAddress destination, int sourcePort, int destinationPort, int tcpFlags, int length, DnsMessage dns) {

  /** The DNS port, on one side or the other of a query. */
  public static final int DNS_PORT = 53;
  /** The question type of an IPv4 address query (RFC 1035). */
  public static final int TYPE_A = 1;
  /** The question type of an IPv6 address query (RFC 3596). */
  public static final int TYPE_AAAA = 28;

  private static final int UDP_HEADER = 8;

  /**
   * Checks the parts every packet has.
   *
   * @param timeNanos the time
   * @param family the family
   * @param protocol the protocol
   * @param source the source address
   * @param destination the destination address
   * @param sourcePort the source port
   * @param destinationPort the destination port
   * @param tcpFlags the TCP flags
   * @param length the length
   * @param dns the DNS message, or {@code null}
   */
  public PacketRecord {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
  }

  /**
   * Reads a packet from its captured bytes.
   *
   * @param timeNanos when it passed
   * @param packet the array holding the packet's first bytes from offset 0, the IP header first
   * @param capturedLength how many bytes of it there are
   * @return the record; empty when the bytes do not start with a whole IPv4 or IPv6 header
   */
  public static Optional<PacketRecord> parse(long timeNanos, byte[] packet, int capturedLength) {
    IpPacket p = new IpPacket();
    if (!p.resetCaptured(packet, capturedLength)) {
      return Optional.empty();
    }
    DnsMessage dns = null;
    if (p.protocol() == IpPacket.UDP && (p.sourcePort() == DNS_PORT || p.destinationPort() == DNS_PORT)) {
      dns = DnsMessage.parse(packet, p.headerLength() + UDP_HEADER, p.capturedLength());
    }
    return Optional.of(new PacketRecord(timeNanos, p.family(), p.protocol(), p.source(), p.destination(),
        p.sourcePort(), p.destinationPort(), p.tcpFlags(), p.length(), dns));
  }

  /**
   * Reads a captured packet.
   *
   * @param captured a record of a capture file
   * @return the record; empty when its bytes do not start with a whole IPv4 or IPv6 header
   */
  public static Optional<PacketRecord> of(CapturedPacket captured) {
    return parse(captured.timeNanos(), captured.data(), captured.data().length);
  }

  /**
   * Whether this is a TCP SYN without ACK: a connection attempt or its retransmission.
   *
   * @return {@code true} for a SYN that is not a SYN-ACK
   */
  public boolean isTcpSyn() {
    return tcpFlags >= 0 && (tcpFlags & (IpPacket.TCP_SYN | IpPacket.TCP_ACK)) == IpPacket.TCP_SYN;
  }

  /**
   * Whether this is a DNS message over UDP.
   *
   * @return {@code true} when it has a {@link #dns()} message
   */
  public boolean isDns() {
    return dns != null;
  }

  /**
   * Whether this is a DNS query: a DNS message that is not a response.
   *
   * @return {@code true} for a query
   */
  public boolean isDnsQuery() {
    return isDns() && !dns.response();
  }

  /**
   * Whether this is a DNS response.
   *
   * @return {@code true} for a response
   */
  public boolean isDnsAnswer() {
    return isDns() && dns.response();
  }

  /**
   * Whether {@code other} is the same TCP connection attempt from the same socket: same family, addresses and
   * ports, so a later SYN like it is a retransmission.
   *
   * @param other another record
   * @return {@code true} when the two have the same endpoints
   */
  public boolean sameEndpoints(PacketRecord other) {
    return family == other.family && protocol == other.protocol && source.equals(other.source)
        && destination.equals(other.destination) && sourcePort == other.sourcePort
        && destinationPort == other.destinationPort;
  }

  /**
   * The packet in a line, without its time: family, protocol, endpoints, then TCP flags as tcpdump writes them
   * ({@code F} FIN, {@code S} SYN, {@code R} RST, {@code P} PSH, {@code .} ACK, {@code U} URG, {@code E}
   * ECE, {@code W} CWR) or the DNS message (its ID, question type and name, and for a response its RCODE when it
   * failed, else its addresses), then the length.
   *
   * @return such as {@code ipv6 tcp [2001:db8:1::2]:40000 > [2001:db8:2::1]:443 [S] length 80} or {@code ipv6
   *     udp [2001:db8::53]:53 > [2001:db8:1::2]:40000 dns answer id 5 AAAA lazy-eye.test 2001:db8:10::1 length
   *     89}
   */
  public String describe() {
    Protocol known = Protocol.of(protocol);
    StringBuilder s = new StringBuilder().append(family).append(' ')
        .append(known == null ? "protocol " + protocol : known.toString()).append(' ');
    if (known == Protocol.TCP || known == Protocol.UDP) {
      s.append(Addresses.format(source, sourcePort)).append(" > ")
          .append(Addresses.format(destination, destinationPort));
    } else {
      s.append(Addresses.text(source)).append(" > ").append(Addresses.text(destination));
    }
    if (tcpFlags >= 0) {
      s.append(" [").append(flagsText(tcpFlags)).append(']');
    }
    if (isDns()) {
      s.append(dns.response() ? " dns answer" : " dns query").append(" id ").append(dns.id());
      if (dns.type() >= 0) {
        s.append(' ').append(typeName(dns.type()));
      }
      if (!dns.name().isEmpty()) {
        s.append(' ').append(dns.name());
      }
      if (dns.failed()) {
        s.append(' ').append(DnsMessage.rcodeName(dns.rcode()));
      }
      for (InetAddress a : dns.addresses()) {
        s.append(' ').append(Addresses.text(a));
      }
    }
    return s.append(" length ").append(length).toString();
  }

  /**
   * The packet in a line with its time.
   *
   * @return {@link #describe()} after the time in nanoseconds
   */
  @Override
  public String toString() {
    return timeNanos + " ns " + describe();
  }

  /** The flags as tcpdump writes them: one letter per flag, in bit order from FIN, ACK as a dot. */
  private static String flagsText(int flags) {
    String letters = "FSRP.UEW";
    StringBuilder s = new StringBuilder();
    for (int bit = 0; bit < letters.length(); bit++) {
      if ((flags & (1 << bit)) != 0) {
        s.append(letters.charAt(bit));
      }
    }
    return s.length() == 0 ? "none" : s.toString();
  }

  /**
   * The mnemonic of a question type, for the summary.
   *
   * @param type a QTYPE
   * @return {@code A}, {@code AAAA} and the like; {@code TYPE} and the number (RFC 3597) for the rest
   */
  static String typeName(int type) {
    return switch (type) {
      case TYPE_A -> "A";
      case 2 -> "NS";
      case 5 -> "CNAME";
      case 6 -> "SOA";
      case 12 -> "PTR";
      case 15 -> "MX";
      case 16 -> "TXT";
      case TYPE_AAAA -> "AAAA";
      case 33 -> "SRV";
      case 64 -> "SVCB";
      case 65 -> "HTTPS";
      default -> "TYPE" + type;
    };
  }
}
