package io.github.connectbylist.emulator.packet;

import static io.github.connectbylist.emulator.packet.Bytes.u16;
import static io.github.connectbylist.emulator.packet.Bytes.u8;

import io.github.connectbylist.api.Addresses;
import io.github.connectbylist.emulator.Family;
import io.github.connectbylist.emulator.Protocol;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;

/**
 * A view of one raw IPv4 or IPv6 packet in a byte array, as a TUN device with {@code IFF_NO_PI} reads and
 * writes them: the IP header at offset 0, no link header. The relay keeps one view and {@linkplain #reset
 * resets} it onto each packet it reads, so routing a packet allocates nothing; the accessors read the fields
 * from the array when asked.
 *
 * <p>Only the fixed header is read. For IPv6 that means {@link #protocol()} is the fixed header's Next Header,
 * which is an extension header's number (0 hop-by-hop, 43 routing, 44 fragment, 60 destination options) when
 * the packet has one; such a packet then has no ports, just as a non-initial IPv4 fragment has none. The hosts'
 * TCP, UDP and ICMPv6 traffic carries no extension headers, so this costs the emulator nothing.
 *
 * <p>The IPv4 header checksum is not checked: the packets come from the kernel, which computed it (see {@link
 * Checksums} to check one).
 *
 * <p>A view is not thread-safe, and it reads the array it was given, so the array must not change while the
 * view is in use.
 */
public final class IpPacket {

  /** The IP protocol number of ICMP (RFC 792). */
  public static final int ICMP = 1;
  /** The IP protocol number of TCP (RFC 9293). */
  public static final int TCP = 6;
  /** The IP protocol number of UDP (RFC 768). */
  public static final int UDP = 17;
  /** The IPv6 next header number of ICMPv6 (RFC 4443). */
  public static final int ICMPV6 = 58;

  /** The TCP FIN flag: no more data from the sender. */
  public static final int TCP_FIN = 0x01;
  /** The TCP SYN flag: synchronize sequence numbers, the first segment of each side. */
  public static final int TCP_SYN = 0x02;
  /** The TCP RST flag: reset the connection. */
  public static final int TCP_RST = 0x04;
  /** The TCP PSH flag: push. */
  public static final int TCP_PSH = 0x08;
  /** The TCP ACK flag: the acknowledgment number is significant. */
  public static final int TCP_ACK = 0x10;
  /** The TCP URG flag: the urgent pointer is significant. */
  public static final int TCP_URG = 0x20;

  /** The length of an IPv4 header without options. */
  static final int IPV4_HEADER = 20;
  /** The length of the IPv6 fixed header. */
  static final int IPV6_HEADER = 40;

  private static final byte[] NONE = new byte[0];

  private byte[] buf = NONE;
  private boolean valid;
  private boolean v6;
  private int length;
  private int captured;
  private int headerLength;
  private int protocol;
  private boolean nonInitialFragment;

  /** A view of no packet yet: {@linkplain #reset reset} it onto one. */
  public IpPacket() {}

  /**
   * Views the packet at the start of {@code buf}, as read whole from a TUN device. It is well-formed when it
   * is IPv4 with a header length (IHL) of at least 5 words and a total length from that header length to
   * {@code length}, or IPv6 whose 40-byte header and payload length fit in {@code length}. Bytes after the
   * length the header gives are not part of the packet.
   *
   * @param buf the array holding the packet from offset 0
   * @param length how many bytes of it were read
   * @return {@code true} when it is a well-formed IPv4 or IPv6 packet; otherwise the view holds no packet and
   *     its accessors throw {@link IllegalStateException}
   * @throws IndexOutOfBoundsException when {@code length} is negative or longer than the array
   */
  public boolean reset(byte[] buf, int length) {
    return view(buf, length, false);
  }

  /**
   * Views a packet of which only the first bytes may be at hand, as a capture cut to its snap length holds
   * it: its IP header must be whole, but its length may be more than {@code captured}. The accessors then
   * answer from the bytes there are: a port that was cut off reads 0, cut-off TCP flags -1.
   *
   * @param buf the array holding the packet's first bytes from offset 0
   * @param captured how many bytes of it there are
   * @return {@code true} when it starts with a whole IPv4 or IPv6 header
   * @throws IndexOutOfBoundsException when {@code captured} is negative or longer than the array
   */
  public boolean resetCaptured(byte[] buf, int captured) {
    return view(buf, captured, true);
  }

  private boolean view(byte[] b, int available, boolean mayBeCut) {
    Objects.checkFromIndexSize(0, available, b.length);
    buf = b;
    valid = false;
    if (available < 1) {
      return false;
    }
    int version = u8(b, 0) >>> 4;
    if (version == 4) {
      int ihl = (b[0] & 0x0f) * 4;
      if (ihl < IPV4_HEADER || available < ihl) {
        return false;
      }
      int total = u16(b, 2);
      if (total < ihl || (!mayBeCut && total > available)) {
        return false;
      }
      v6 = false;
      headerLength = ihl;
      length = total;
      protocol = u8(b, 9);
      nonInitialFragment = (u16(b, 6) & 0x1fff) != 0;
    } else if (version == 6) {
      if (available < IPV6_HEADER) {
        return false;
      }
      int total = IPV6_HEADER + u16(b, 4);
      if (!mayBeCut && total > available) {
        return false;
      }
      v6 = true;
      headerLength = IPV6_HEADER;
      length = total;
      protocol = u8(b, 6);
      nonInitialFragment = false;
    } else {
      return false;
    }
    captured = Math.min(available, length);
    valid = true;
    return true;
  }

  /**
   * Copies the destination address out of a packet without viewing it: all the relay needs to pick the
   * interface a packet goes to.
   *
   * @param packet the array holding a raw IP packet from offset 0
   * @param length how many bytes of it there are
   * @param dst where the address goes, from offset 0: at least 16 bytes for IPv6, 4 for IPv4
   * @return 4 or 16, the address's length; 0 when the bytes are too short or not IPv4 or IPv6
   */
  public static int peekDestination(byte[] packet, int length, byte[] dst) {
    int version = length < 1 ? 0 : u8(packet, 0) >>> 4;
    if (version == 4 && length >= IPV4_HEADER) {
      System.arraycopy(packet, 16, dst, 0, 4);
      return 4;
    }
    if (version == 6 && length >= IPV6_HEADER) {
      System.arraycopy(packet, 24, dst, 0, 16);
      return 16;
    }
    return 0;
  }

  private void check() {
    if (!valid) {
      throw new IllegalStateException("no packet in view: reset did not accept the last one");
    }
  }

  /**
   * The array the packet is in, from offset 0.
   *
   * @return the array given to the last reset, not a copy
   */
  public byte[] buffer() {
    check();
    return buf;
  }

  /**
   * The packet's family.
   *
   * @return IPv4 or IPv6
   */
  public Family family() {
    check();
    return v6 ? Family.IPV6 : Family.IPV4;
  }

  /**
   * The upper-layer protocol: the IPv4 protocol field, or the IPv6 fixed header's next header.
   *
   * @return the protocol number, such as {@link #TCP}, {@link #UDP}, {@link #ICMP} or {@link #ICMPV6}
   */
  public int protocol() {
    check();
    return protocol;
  }

  /**
   * The length of the IP header: the IPv4 header with its options, or the 40-byte IPv6 fixed header. The
   * upper-layer message starts here.
   *
   * @return 20 to 60 for IPv4, 40 for IPv6
   */
  public int headerLength() {
    check();
    return headerLength;
  }

  /**
   * The packet's length as its header gives it: the IPv4 total length, or 40 plus the IPv6 payload length.
   *
   * @return the length in bytes, header included
   */
  public int length() {
    check();
    return length;
  }

  /**
   * How many of the packet's bytes are in the array: its {@link #length()}, or less for a packet cut short by
   * a capture's snap length.
   *
   * @return the bytes at hand, at most {@link #length()}
   */
  public int capturedLength() {
    check();
    return captured;
  }

  /**
   * The length of the upper-layer message: TCP header and data, UDP datagram, ICMP message.
   *
   * @return {@link #length()} less {@link #headerLength()}
   */
  public int payloadLength() {
    check();
    return length - headerLength;
  }

  /**
   * The length of the packet's addresses.
   *
   * @return 4 for IPv4, 16 for IPv6
   */
  public int addressLength() {
    check();
    return v6 ? 16 : 4;
  }

  /**
   * Whether this is an IPv4 fragment other than the first (a non-zero fragment offset): its payload is the
   * middle of a datagram, with no transport header, so it has no ports or flags and is never answered.
   *
   * @return {@code true} for a non-initial IPv4 fragment; always {@code false} for IPv6
   */
  public boolean isNonInitialFragment() {
    check();
    return nonInitialFragment;
  }

  /**
   * Copies the source address into {@code dst} from offset 0, allocating nothing. An array of exactly
   * {@link #addressLength()} bytes suits {@link io.github.connectbylist.emulator.Prefix#contains(byte[])}.
   *
   * @param dst at least {@link #addressLength()} bytes
   * @return the address's length, 4 or 16
   */
  public int sourceInto(byte[] dst) {
    check();
    int n = v6 ? 16 : 4;
    System.arraycopy(buf, v6 ? 8 : 12, dst, 0, n);
    return n;
  }

  /**
   * Copies the destination address into {@code dst} from offset 0, allocating nothing.
   *
   * @param dst at least {@link #addressLength()} bytes
   * @return the address's length, 4 or 16
   */
  public int destinationInto(byte[] dst) {
    check();
    int n = v6 ? 16 : 4;
    System.arraycopy(buf, v6 ? 24 : 16, dst, 0, n);
    return n;
  }

  /**
   * The source address, as a new object: for logs and tests, not the relay's path.
   *
   * @return the source address
   */
  public InetAddress source() {
    check();
    return address(v6 ? 8 : 12);
  }

  /**
   * The destination address, as a new object: for logs and tests, not the relay's path.
   *
   * @return the destination address
   */
  public InetAddress destination() {
    check();
    return address(v6 ? 24 : 16);
  }

  private InetAddress address(int offset) {
    byte[] bytes = new byte[v6 ? 16 : 4];
    System.arraycopy(buf, offset, bytes, 0, bytes.length);
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException impossible) { // only for a length other than 4 or 16
      throw new AssertionError(impossible);
    }
  }

  /** Whether at least {@code n} bytes of a transport header are at hand. */
  private boolean transportHas(int n) {
    return !nonInitialFragment && captured - headerLength >= n;
  }

  private boolean hasPorts() {
    return (protocol == TCP || protocol == UDP) && transportHas(4);
  }

  /**
   * The TCP or UDP source port.
   *
   * @return the port; 0 for other protocols, non-initial fragments, and a header cut short
   */
  public int sourcePort() {
    check();
    return hasPorts() ? u16(buf, headerLength) : 0;
  }

  /**
   * The TCP or UDP destination port.
   *
   * @return the port; 0 for other protocols, non-initial fragments, and a header cut short
   */
  public int destinationPort() {
    check();
    return hasPorts() ? u16(buf, headerLength + 2) : 0;
  }

  /**
   * The TCP flags byte: CWR, ECE, URG, ACK, PSH, RST, SYN, FIN from the high bit down; see {@link #TCP_SYN}
   * and its neighbours.
   *
   * @return the flags, 0 to 255; -1 when the packet is not TCP, is a non-initial fragment, or was cut short
   *     before the flags
   */
  public int tcpFlags() {
    check();
    return protocol == TCP && transportHas(14) ? u8(buf, headerLength + 13) : -1;
  }

  /**
   * Whether this is a TCP SYN without ACK: the first segment of a connection attempt, or its retransmission.
   *
   * @return {@code true} for a SYN that is not a SYN-ACK
   */
  public boolean isTcpSyn() {
    int flags = tcpFlags();
    return flags >= 0 && (flags & (TCP_SYN | TCP_ACK)) == TCP_SYN;
  }

  private boolean isIcmp() {
    return v6 ? protocol == ICMPV6 : protocol == ICMP;
  }

  /**
   * The ICMP (IPv4) or ICMPv6 (IPv6) message type.
   *
   * @return the type, 0 to 255; -1 when the packet is neither, or was cut short before the type
   */
  public int icmpType() {
    check();
    return isIcmp() && transportHas(1) ? u8(buf, headerLength) : -1;
  }

  /**
   * The ICMP or ICMPv6 message code.
   *
   * @return the code, 0 to 255; -1 when the packet is neither, or was cut short before the code
   */
  public int icmpCode() {
    check();
    return isIcmp() && transportHas(2) ? u8(buf, headerLength + 1) : -1;
  }

  /**
   * Whether this is an ICMP error message, which no error may answer (RFC 1122 section 3.2.2, RFC 4443
   * section 2.4 (e.1)): for IPv4 destination unreachable (3), source quench (4), redirect (5), time exceeded
   * (11) and parameter problem (12); for IPv6 every type below 128, which RFC 4443 section 2.1 reserves for
   * errors.
   *
   * @return {@code true} for an ICMP error message
   */
  public boolean isIcmpError() {
    int type = icmpType();
    if (type < 0) {
      return false;
    }
    return v6 ? type < 128 : type == 3 || type == 4 || type == 5 || type == 11 || type == 12;
  }

  /**
   * The packet in a line, for logs and test failures: family, protocol, endpoints, and TCP flags or ICMP type.
   *
   * @return such as {@code ipv6 tcp [2001:db8::1]:40000 > [2001:db8:2::1]:443 flags 0x02 length 60}
   */
  @Override
  public String toString() {
    if (!valid) {
      return "no packet";
    }
    Protocol known = Protocol.of(protocol);
    StringBuilder s = new StringBuilder().append(family()).append(' ')
        .append(known == null ? "protocol " + protocol : known.toString()).append(' ');
    if (hasPorts()) {
      s.append(Addresses.format(source(), sourcePort())).append(" > ")
          .append(Addresses.format(destination(), destinationPort()));
    } else {
      s.append(Addresses.text(source())).append(" > ").append(Addresses.text(destination()));
    }
    if (tcpFlags() >= 0) {
      s.append(String.format(Locale.ROOT, " flags 0x%02x", tcpFlags()));
    } else if (icmpType() >= 0) {
      s.append(" type ").append(icmpType()).append(" code ").append(icmpCode());
    }
    return s.append(" length ").append(length).toString();
  }
}
