package io.github.connectbylist.emulator.packet;

/**
 * The Internet checksum (RFC 1071): the 16-bit one's complement of the one's complement sum of the data taken
 * as big-endian 16-bit words, an odd last byte padded with a zero byte. The IPv4 header checksum covers the
 * header alone; the TCP, UDP and ICMPv6 checksums cover a pseudo-header of the IP addresses, protocol and
 * length as well (RFC 9293 section 3.1, RFC 8200 section 8.1), so that a packet delivered to the wrong address
 * fails it; the ICMPv4 checksum covers the ICMP message alone (RFC 792).
 *
 * <p>A checksum is computed with its own field set to zero. A received packet is checked by computing the same
 * checksum over it with the field as received: it is correct when the result is 0 (the sum being 0xffff).
 *
 * <p>Sums are kept in a {@code long}, folded only at the end: no carry is lost for any IP packet length.
 */
public final class Checksums {

  private Checksums() {}

  /**
   * Adds bytes to a running one's complement sum, unfolded. Every part but the last must have an even
   * length, as the words are taken from the start of each part.
   *
   * @param data the bytes
   * @param offset where the part starts
   * @param length its length
   * @param sum the sum so far: 0 to start
   * @return the sum with the part added
   */
  public static long add(byte[] data, int offset, int length, long sum) {
    int end = offset + length;
    int i = offset;
    for (; i + 1 < end; i += 2) {
      sum += (data[i] & 0xff) << 8 | data[i + 1] & 0xff;
    }
    if (i < end) {
      sum += (data[i] & 0xff) << 8;
    }
    return sum;
  }

  /**
   * Folds a sum's carries back into 16 bits and complements it: the value to store in a checksum field.
   *
   * @param sum a sum from {@link #add} and {@link #pseudoHeader}
   * @return the checksum, 0 to 0xffff
   */
  public static int finish(long sum) {
    while (sum >>> 16 != 0) {
      sum = (sum & 0xffff) + (sum >>> 16);
    }
    return (int) ~sum & 0xffff;
  }

  /**
   * The Internet checksum of some bytes: an IPv4 header, or an ICMPv4 message.
   *
   * @param data the bytes
   * @param offset where they start
   * @param length how many
   * @return the checksum; 0 when the bytes hold their correct checksum
   */
  public static int of(byte[] data, int offset, int length) {
    return finish(add(data, offset, length, 0));
  }

  /**
   * The sum of the pseudo-header of an upper-layer message in an IP packet, its addresses read from the
   * packet's header. IPv4 (RFC 9293 section 3.1): source, destination, a zero byte, the protocol, and the
   * 16-bit upper-layer length. IPv6 (RFC 8200 section 8.1): source, destination, the 32-bit upper-layer length,
   * three zero bytes and the next header value of the upper layer.
   *
   * @param packet an IPv4 or IPv6 packet, its header at offset 0 (the version says which)
   * @param protocol the upper-layer protocol: 6 TCP, 17 UDP, 58 ICMPv6
   * @param upperLength the length of the upper-layer header and data
   * @return the unfolded sum, to go on with {@link #add}
   */
  public static long pseudoHeader(byte[] packet, int protocol, int upperLength) {
    boolean v6 = (packet[0] & 0xf0) == 0x60;
    long sum = v6 ? add(packet, 8, 32, 0) : add(packet, 12, 8, 0);
    return sum + protocol + (upperLength >>> 16) + (upperLength & 0xffff);
  }

  /**
   * The checksum of a TCP, UDP or ICMPv6 message with its pseudo-header.
   *
   * @param packet the IP packet, its header at offset 0
   * @param offset where the upper-layer message starts: the IP header length
   * @param protocol its protocol number
   * @param length its length, header and data
   * @return the checksum; 0 when the message holds its correct checksum
   */
  public static int transport(byte[] packet, int offset, int protocol, int length) {
    return finish(add(packet, offset, length, pseudoHeader(packet, protocol, length)));
  }
}
