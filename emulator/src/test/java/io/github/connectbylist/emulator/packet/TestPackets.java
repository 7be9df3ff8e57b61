package io.github.connectbylist.emulator.packet;

import io.github.connectbylist.api.Addresses;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/**
 * Hand-built packets for the tests, with checksums computed the plainest way there is, independently of
 * {@link Checksums}, so that the two check each other.
 */
public final class TestPackets {

  private TestPackets() {}

  /** Bytes from hex, spaces allowed. */
  public static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", "").replace("\n", ""));
  }

  /** Hex of bytes, for failure messages. */
  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /**
   * The RFC 1071 checksum done the way the RFC's prose says: add each 16-bit word with an end-around carry,
   * then complement.
   */
  public static int plainChecksum(byte[]... parts) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      all.writeBytes(part);
    }
    byte[] b = all.toByteArray();
    int sum = 0;
    for (int i = 0; i < b.length; i += 2) {
      int word = (b[i] & 0xff) << 8 | (i + 1 < b.length ? b[i + 1] & 0xff : 0);
      sum += word;
      if (sum > 0xffff) {
        sum = (sum & 0xffff) + 1;
      }
    }
    return ~sum & 0xffff;
  }

  /** The pseudo-header of RFC 9293 section 3.1 (IPv4) or RFC 8200 section 8.1 (IPv6), as bytes. */
  public static byte[] pseudoHeader(byte[] src, byte[] dst, int protocol, int length) {
    ByteArrayOutputStream p = new ByteArrayOutputStream();
    p.writeBytes(src);
    p.writeBytes(dst);
    if (src.length == 4) {
      p.write(0);
      p.write(protocol);
      p.write(length >>> 8);
      p.write(length);
    } else {
      p.write(length >>> 24);
      p.write(length >>> 16);
      p.write(length >>> 8);
      p.write(length);
      p.write(0);
      p.write(0);
      p.write(0);
      p.write(protocol);
    }
    return p.toByteArray();
  }

  /** Slice of an array. */
  public static byte[] slice(byte[] b, int from, int to) {
    return java.util.Arrays.copyOfRange(b, from, to);
  }

  /** Whether a TCP, UDP or ICMPv6 message in an IP packet (header at 0, of {@code headerLength}) checks out. */
  public static boolean transportChecksumOk(byte[] packet, int headerLength, int protocol) {
    boolean v6 = (packet[0] & 0xf0) == 0x60;
    byte[] src = v6 ? slice(packet, 8, 24) : slice(packet, 12, 16);
    byte[] dst = v6 ? slice(packet, 24, 40) : slice(packet, 16, 20);
    byte[] message = slice(packet, headerLength, packet.length);
    return plainChecksum(pseudoHeader(src, dst, protocol, message.length), message) == 0;
  }

  /** A TCP header without options, checksum zero. */
  public static byte[] tcp(int sourcePort, int destinationPort, int seq, int ack, int flags, byte[] data) {
    byte[] t = new byte[20 + data.length];
    put16(t, 0, sourcePort);
    put16(t, 2, destinationPort);
    put32(t, 4, seq);
    put32(t, 8, ack);
    t[12] = 0x50;
    t[13] = (byte) flags;
    put16(t, 14, 64_240);
    System.arraycopy(data, 0, t, 20, data.length);
    return t;
  }

  /** A UDP header and data, checksum zero. */
  public static byte[] udp(int sourcePort, int destinationPort, byte[] data) {
    byte[] u = new byte[8 + data.length];
    put16(u, 0, sourcePort);
    put16(u, 2, destinationPort);
    put16(u, 4, u.length);
    System.arraycopy(data, 0, u, 8, data.length);
    return u;
  }

  /** An ICMP or ICMPv6 message with four bytes of rest-of-header and data, checksum zero. */
  public static byte[] icmp(int type, int code, byte[] data) {
    byte[] m = new byte[8 + data.length];
    m[0] = (byte) type;
    m[1] = (byte) code;
    m[5] = 1; // an echo's identifier 1, sequence 0
    System.arraycopy(data, 0, m, 8, data.length);
    return m;
  }

  /**
   * An IP packet of the family of the addresses, with TTL 64, its header checksum (IPv4), and the checksum of
   * its TCP, UDP, ICMP or ICMPv6 message filled in.
   */
  public static byte[] ip(String source, String destination, int protocol, byte[] message) {
    byte[] src = Addresses.parseLiteral(source).getAddress();
    byte[] dst = Addresses.parseLiteral(destination).getAddress();
    boolean v6 = src.length == 16;
    int h = v6 ? 40 : 20;
    byte[] p = new byte[h + message.length];
    if (v6) {
      p[0] = 0x60;
      put16(p, 4, message.length);
      p[6] = (byte) protocol;
      p[7] = 64;
      System.arraycopy(src, 0, p, 8, 16);
      System.arraycopy(dst, 0, p, 24, 16);
    } else {
      p[0] = 0x45;
      put16(p, 2, p.length);
      put16(p, 4, 0x1234);
      p[8] = 64;
      p[9] = (byte) protocol;
      System.arraycopy(src, 0, p, 12, 4);
      System.arraycopy(dst, 0, p, 16, 4);
      put16(p, 10, plainChecksum(slice(p, 0, 20)));
    }
    System.arraycopy(message, 0, p, h, message.length);
    int checksumAt = switch (protocol) {
      case 6 -> 16;
      case 17 -> 6;
      case 1, 58 -> 2;
      default -> -1;
    };
    if (checksumAt >= 0 && message.length >= checksumAt + 2) {
      int c = protocol == 1
          ? plainChecksum(message)
          : plainChecksum(pseudoHeader(src, dst, protocol, message.length), message);
      put16(p, h + checksumAt, c);
    }
    return p;
  }

  /** A complete TCP segment in an IP packet. */
  public static byte[] tcpPacket(String source, int sourcePort, String destination, int destinationPort,
      int seq, int ack, int flags, byte[] data) {
    return ip(source, destination, 6, tcp(sourcePort, destinationPort, seq, ack, flags, data));
  }

  /** A complete UDP datagram in an IP packet. */
  public static byte[] udpPacket(String source, int sourcePort, String destination, int destinationPort,
      byte[] data) {
    return ip(source, destination, 17, udp(sourcePort, destinationPort, data));
  }

  public static void put16(byte[] b, int i, int v) {
    b[i] = (byte) (v >>> 8);
    b[i + 1] = (byte) v;
  }

  public static void put32(byte[] b, int i, int v) {
    put16(b, i, v >>> 16);
    put16(b, i + 2, v);
  }
}
