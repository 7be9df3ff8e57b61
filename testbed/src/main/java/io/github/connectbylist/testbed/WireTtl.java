package io.github.connectbylist.testbed;

/**
 * Writes a TTL into every answer record of a DNS message on the wire. dnsjava's records refuse a TTL above
 * 2<sup>31</sup>-1, but the wire carries 32 bits (RFC 1035 section 3.2.1) and RFC 2181 section 8 says how a
 * resolver must read one with the high bit set; the testbed has to be able to send it.
 */
final class WireTtl {
  private WireTtl() {}

  /**
   * Sets the TTL of each record of the answer section.
   *
   * @param wire a whole message, changed in place
   * @param ttl 0 to 2<sup>32</sup>-1
   */
  static void setAnswerTtls(byte[] wire, long ttl) {
    int questions = u16(wire, 4);
    int answers = u16(wire, 6);
    int at = 12;
    for (int i = 0; i < questions; i++) {
      at = skipName(wire, at) + 4; // type, class
    }
    for (int i = 0; i < answers; i++) {
      at = skipName(wire, at) + 4; // type, class
      wire[at] = (byte) (ttl >>> 24);
      wire[at + 1] = (byte) (ttl >>> 16);
      wire[at + 2] = (byte) (ttl >>> 8);
      wire[at + 3] = (byte) ttl;
      at += 4;
      at += 2 + u16(wire, at); // rdlength, rdata
    }
  }

  /** The index after the name at {@code at}: labels up to a zero length or a compression pointer. */
  private static int skipName(byte[] wire, int at) {
    while (true) {
      int len = wire[at] & 0xFF;
      if (len == 0) {
        return at + 1;
      }
      if ((len & 0xC0) == 0xC0) {
        return at + 2;
      }
      at += 1 + len;
    }
  }

  private static int u16(byte[] wire, int at) {
    return (wire[at] & 0xFF) << 8 | wire[at + 1] & 0xFF;
  }
}
