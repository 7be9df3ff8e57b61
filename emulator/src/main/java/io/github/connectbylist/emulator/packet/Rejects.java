package io.github.connectbylist.emulator.packet;

import static io.github.connectbylist.emulator.packet.Bytes.i32;
import static io.github.connectbylist.emulator.packet.Bytes.put16;
import static io.github.connectbylist.emulator.packet.Bytes.put32;
import static io.github.connectbylist.emulator.packet.Bytes.u16;
import static io.github.connectbylist.emulator.packet.Bytes.u8;

import io.github.connectbylist.emulator.Action;
import io.github.connectbylist.emulator.Family;

/**
 * What the network answers a rejected packet with: a TCP reset, as the destination's kernel sends for a port
 * nobody listens on, or an ICMP or ICMPv6 destination unreachable, as a router sends. Each is written into the
 * destination's TUN device as the reply, so the host's socket fails the way it would on a real network:
 * refused, host unreachable, or network unreachable.
 *
 * <p>A reply goes from the rejected packet's destination to its source, with a TTL or hop limit of 64 and
 * correct checksums. An IPv4 reply has the Don't Fragment flag and identification 0, as Linux sends its resets
 * (RFC 6864 section 4.1 leaves the identification of an unfragmentable datagram free).
 *
 * <p>Some packets are never answered, and the methods return {@code null} for them (RFC 1122 section 3.2.2
 * and RFC 1812 section 4.3.2.7 for IPv4, RFC 4443 section 2.4 (e) for IPv6, RFC 9293 section 3.10.7.1 for
 * resets): an ICMP error message (so two networks cannot answer each other's errors forever), an ICMPv6
 * redirect, an ICMP message too short to tell, a non-initial IPv4 fragment, a packet to a multicast or
 * broadcast address, a packet from an address that names no single host (unspecified, multicast, broadcast),
 * and, for a reset, a reset or a segment too short to hold a TCP header.
 *
 * <p>Each reply is one new array, the only allocation.
 */
public final class Rejects {

  /** The TTL or hop limit of a reply: Linux's default for both families. */
  private static final int HOP_LIMIT = 64;
  /**
   * The IPv4 type of service of an ICMP error: precedence 6, internetwork control, as RFC 1812 section 4.3.2.5
   * asks of a router and Linux sends.
   */
  private static final int ICMP_TOS = 0xc0;
  /** The IPv6 minimum MTU (RFC 8200 section 5), which an ICMPv6 error fills without exceeding. */
  private static final int IPV6_MIN_MTU = 1280;
  /** The ICMP and ICMPv6 header before the quoted packet: type, code, checksum, four unused bytes. */
  private static final int ICMP_HEADER = 8;
  private static final int TCP_HEADER = 20;
  private static final int ICMPV6_REDIRECT = 137;

  private Rejects() {}

  /** The unreachable messages the network sends, with their ICMP and ICMPv6 codes. */
  public enum Kind {
    /** No route to the network: ICMP code 0 (net unreachable), ICMPv6 code 0 (no route to destination). */
    NETWORK_UNREACHABLE(0, 0),
    /** The host does not answer: ICMP code 1 (host unreachable), ICMPv6 code 3 (address unreachable). */
    HOST_UNREACHABLE(1, 3),
    /** No one listens on the port: ICMP code 3 (port unreachable), ICMPv6 code 4 (port unreachable). */
    PORT_UNREACHABLE(3, 4);

    private final int icmpCode;
    private final int icmpv6Code;

    Kind(int icmpCode, int icmpv6Code) {
      this.icmpCode = icmpCode;
      this.icmpv6Code = icmpv6Code;
    }

    /**
     * The code of this kind in an ICMP destination unreachable message (type 3, RFC 792).
     *
     * @return 0, 1 or 3
     */
    public int icmpCode() {
      return icmpCode;
    }

    /**
     * The code of this kind in an ICMPv6 destination unreachable message (type 1, RFC 4443 section 3.1).
     *
     * @return 0, 3 or 4
     */
    public int icmpv6Code() {
      return icmpv6Code;
    }
  }

  /**
   * The answer to a packet a rule rejects with {@code action}: {@link Action#RESET} is a reset for TCP and a
   * port unreachable for other protocols (what a host's kernel sends when nothing listens), {@link
   * Action#HOST_UNREACHABLE} and {@link Action#NETWORK_UNREACHABLE} the unreachable messages of those names.
   *
   * @param packet the rejected packet
   * @param action what the rule does with it
   * @return the reply packet; {@code null} for {@link Action#PASS} and {@link Action#DROP}, and for a packet
   *     that is never answered (see the class description)
   */
  public static byte[] answer(IpPacket packet, Action action) {
    return switch (action) {
      case RESET -> packet.protocol() == IpPacket.TCP
          ? tcpReset(packet)
          : unreachable(packet, Kind.PORT_UNREACHABLE);
      case HOST_UNREACHABLE -> unreachable(packet, Kind.HOST_UNREACHABLE);
      case NETWORK_UNREACHABLE -> unreachable(packet, Kind.NETWORK_UNREACHABLE);
      case PASS, DROP -> null;
    };
  }

  /**
   * The reset a closed port answers a TCP segment with (RFC 9293 section 3.10.7.1). A segment without ACK,
   * such as a SYN, gets {@code <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>}, where SEG.LEN counts the data and
   * one for each of SYN and FIN; a segment with ACK gets {@code <SEQ=SEG.ACK><CTL=RST>}, which the other side
   * accepts as in its window. The reset has no options and a window of 0, as Linux sends.
   *
   * @param segment a TCP segment
   * @return the reset, 40 bytes for IPv4 or 60 for IPv6; {@code null} when the packet is not TCP, is itself a
   *     reset, has no whole TCP header, or is never answered (see the class description)
   */
  public static byte[] tcpReset(IpPacket segment) {
    if (segment.protocol() != IpPacket.TCP || !mayAnswer(segment)) {
      return null;
    }
    byte[] in = segment.buffer();
    int t = segment.headerLength();
    int segmentLength = segment.payloadLength();
    if (segment.capturedLength() - t < TCP_HEADER) {
      return null;
    }
    int dataOffset = (u8(in, t + 12) >>> 4) * 4;
    int flags = u8(in, t + 13);
    if (dataOffset < TCP_HEADER || dataOffset > segmentLength || (flags & IpPacket.TCP_RST) != 0) {
      return null;
    }
    int ipHeader = ipHeaderLength(segment);
    byte[] out = new byte[ipHeader + TCP_HEADER];
    writeIpHeader(out, segment, 0, IpPacket.TCP, TCP_HEADER);
    put16(out, ipHeader, u16(in, t + 2));
    put16(out, ipHeader + 2, u16(in, t));
    if ((flags & IpPacket.TCP_ACK) != 0) {
      put32(out, ipHeader + 4, i32(in, t + 8));
      out[ipHeader + 13] = IpPacket.TCP_RST;
    } else {
      int seqLength = segmentLength - dataOffset
          + ((flags & IpPacket.TCP_SYN) != 0 ? 1 : 0) + ((flags & IpPacket.TCP_FIN) != 0 ? 1 : 0);
      put32(out, ipHeader + 8, i32(in, t + 4) + seqLength);
      out[ipHeader + 13] = IpPacket.TCP_RST | IpPacket.TCP_ACK;
    }
    out[ipHeader + 12] = (TCP_HEADER / 4) << 4;
    put16(out, ipHeader + 16, Checksums.transport(out, ipHeader, IpPacket.TCP, TCP_HEADER));
    return out;
  }

  /**
   * The destination unreachable message a router or host answers a packet with. IPv4: ICMP type 3 quoting
   * the packet's IP header and the first 8 bytes of its payload, which hold the ports the sender matches the
   * error to its socket by (RFC 792). IPv6: ICMPv6 type 1 quoting as much of the packet as fits in the IPv6
   * minimum MTU of 1280 bytes (RFC 4443 section 3.1), its checksum over the IPv6 pseudo-header (section 2.3).
   *
   * @param original the packet that cannot be delivered
   * @param kind which unreachable
   * @return the message; {@code null} for an ICMP error and every packet that is never answered (see the
   *     class description)
   */
  public static byte[] unreachable(IpPacket original, Kind kind) {
    if (!mayAnswer(original) || isIcmpNoErrorAnswers(original)) {
      return null;
    }
    boolean v6 = isV6(original);
    int ipHeader = ipHeaderLength(original);
    int quoted = v6
        ? Math.min(original.capturedLength(), IPV6_MIN_MTU - ipHeader - ICMP_HEADER)
        : Math.min(original.capturedLength(), original.headerLength() + 8);
    int messageLength = ICMP_HEADER + quoted;
    byte[] out = new byte[ipHeader + messageLength];
    writeIpHeader(out, original, v6 ? 0 : ICMP_TOS, v6 ? IpPacket.ICMPV6 : IpPacket.ICMP, messageLength);
    out[ipHeader] = (byte) (v6 ? 1 : 3);
    out[ipHeader + 1] = (byte) (v6 ? kind.icmpv6Code() : kind.icmpCode());
    System.arraycopy(original.buffer(), 0, out, ipHeader + ICMP_HEADER, quoted);
    int checksum = v6
        ? Checksums.transport(out, ipHeader, IpPacket.ICMPV6, messageLength)
        : Checksums.of(out, ipHeader, messageLength);
    put16(out, ipHeader + 2, checksum);
    return out;
  }

  private static boolean isV6(IpPacket p) {
    return p.family() == Family.IPV6;
  }

  private static int ipHeaderLength(IpPacket p) {
    return isV6(p) ? IpPacket.IPV6_HEADER : IpPacket.IPV4_HEADER;
  }

  /** An ICMP message no error may answer: an error, an ICMPv6 redirect, or one too short to say which. */
  private static boolean isIcmpNoErrorAnswers(IpPacket p) {
    boolean v6 = isV6(p);
    if (p.protocol() != (v6 ? IpPacket.ICMPV6 : IpPacket.ICMP)) {
      return false;
    }
    int type = p.icmpType();
    return type < 0 || p.isIcmpError() || v6 && type == ICMPV6_REDIRECT;
  }

  /**
   * Writes the reply's IP header: from the original's destination to its source, no options, TTL or hop
   * limit 64; for IPv4 identification 0, Don't Fragment, and the header checksum.
   */
  private static void writeIpHeader(byte[] out, IpPacket original, int tos, int protocol, int payloadLength) {
    byte[] in = original.buffer();
    if (isV6(original)) {
      out[0] = 0x60; // version 6, traffic class 0, flow label 0
      put16(out, 4, payloadLength);
      out[6] = (byte) protocol;
      out[7] = HOP_LIMIT;
      System.arraycopy(in, 24, out, 8, 16);
      System.arraycopy(in, 8, out, 24, 16);
    } else {
      out[0] = 0x45; // version 4, 5 words
      out[1] = (byte) tos;
      put16(out, 2, IpPacket.IPV4_HEADER + payloadLength);
      put16(out, 6, 0x4000); // Don't Fragment
      out[8] = HOP_LIMIT;
      out[9] = (byte) protocol;
      System.arraycopy(in, 16, out, 12, 4);
      System.arraycopy(in, 12, out, 16, 4);
      put16(out, 10, Checksums.of(out, 0, IpPacket.IPV4_HEADER));
    }
  }

  /**
   * Whether a packet may be answered at all: not a non-initial fragment, to a unicast address, from an address
   * that names a single host (RFC 1812 section 4.3.2.7, RFC 4443 section 2.4 (e.3) to (e.6)).
   */
  private static boolean mayAnswer(IpPacket p) {
    byte[] b = p.buffer();
    if (isV6(p)) {
      return b[24] != (byte) 0xff && b[8] != (byte) 0xff && !allZero(b, 8, 16);
    }
    // 224/4 is multicast and 240/4 reserved, 255.255.255.255 (limited broadcast) among it; 0/8 is "this host".
    return !p.isNonInitialFragment() && u8(b, 16) < 224 && u8(b, 12) < 224 && b[12] != 0;
  }

  private static boolean allZero(byte[] b, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
