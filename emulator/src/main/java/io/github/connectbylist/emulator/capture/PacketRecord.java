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
 * over UDP (either port 53) the message's ID, whether it is a response, and its question's type. Made from the
 * captured bytes by {@link #parse}, which reads as much as the snap length kept.
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
 * @param dnsId the DNS message ID, 0 to 65535; -1 when it is no DNS message
 * @param dnsResponse whether the DNS message is a response (its QR bit); {@code false} when it is no DNS message
 * @param dnsQuestionType the type its first question asks for, such as 1 (A) or 28 (AAAA); -1 when it is no
 *     DNS message, has no question, or the capture cut the question off
 */
public record PacketRecord(long timeNanos, Family family, int protocol, InetAddress source,
    InetAddress destination, int sourcePort, int destinationPort, int tcpFlags, int length, int dnsId,
    boolean dnsResponse, int dnsQuestionType) {

  /** The DNS port, on one side or the other of a query. */
  public static final int DNS_PORT = 53;
  /** The question type of an IPv4 address query (RFC 1035). */
  public static final int TYPE_A = 1;
  /** The question type of an IPv6 address query (RFC 3596). */
  public static final int TYPE_AAAA = 28;

  private static final int UDP_HEADER = 8;
  private static final int DNS_HEADER = 12;

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
   * @param dnsId the DNS ID
   * @param dnsResponse whether a DNS response
   * @param dnsQuestionType the DNS question type
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
    int id = -1;
    boolean response = false;
    int questionType = -1;
    if (p.protocol() == IpPacket.UDP && (p.sourcePort() == DNS_PORT || p.destinationPort() == DNS_PORT)) {
      int start = p.headerLength() + UDP_HEADER;
      int end = p.capturedLength();
      if (end - start >= DNS_HEADER) {
        id = u16(packet, start);
        response = (packet[start + 2] & 0x80) != 0;
        questionType = u16(packet, start + 4) > 0 ? questionType(packet, start + DNS_HEADER, end) : -1;
      }
    }
    return Optional.of(new PacketRecord(timeNanos, p.family(), p.protocol(), p.source(), p.destination(),
        p.sourcePort(), p.destinationPort(), p.tcpFlags(), p.length(), id, response, questionType));
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
   * The QTYPE after the first question's name (RFC 1035 section 4.1.2): labels of up to 63 bytes ending at
   * a zero byte, or at a compression pointer (two bytes with the top bits set, RFC 1035 section 4.1.4).
   */
  private static int questionType(byte[] b, int at, int end) {
    while (at < end) {
      int label = b[at] & 0xff;
      if (label == 0) {
        at += 1;
        break;
      }
      if ((label & 0xc0) == 0xc0) {
        at += 2;
        break;
      }
      if ((label & 0xc0) != 0) {
        return -1; // the extended label types of RFC 6891 are not in use
      }
      at += 1 + label;
    }
    return at + 2 <= end ? u16(b, at) : -1;
  }

  private static int u16(byte[] b, int i) {
    return (b[i] & 0xff) << 8 | b[i + 1] & 0xff;
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
   * @return {@code true} when it has a DNS ID
   */
  public boolean isDns() {
    return dnsId >= 0;
  }

  /**
   * Whether this is a DNS query: a DNS message that is not a response.
   *
   * @return {@code true} for a query
   */
  public boolean isDnsQuery() {
    return isDns() && !dnsResponse;
  }

  /**
   * Whether this is a DNS response.
   *
   * @return {@code true} for a response
   */
  public boolean isDnsAnswer() {
    return isDns() && dnsResponse;
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
   * ECE, {@code W} CWR) or the DNS message, then the length.
   *
   * @return such as {@code ipv6 tcp [2001:db8:1::2]:40000 > [2001:db8:2::1]:443 [S] length 80}
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
      s.append(dnsResponse ? " dns answer" : " dns query").append(" id ").append(dnsId);
      if (dnsQuestionType >= 0) {
        s.append(' ').append(typeName(dnsQuestionType));
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
