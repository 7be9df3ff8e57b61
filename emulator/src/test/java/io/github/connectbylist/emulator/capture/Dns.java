package io.github.connectbylist.emulator.capture;

import io.github.connectbylist.api.Addresses;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** DNS messages by hand: a 12-byte header, one question, and a response's answers (RFC 1035 section 4.1). */
final class Dns {

  private Dns() {}

  /** A message with one question for {@code name} of type {@code type}, and no records. */
  static byte[] message(int id, boolean response, String name, int type) {
    return build(id, response, 0, name, type);
  }

  /**
   * A response with one question and an answer record per address, each owned by the question's name through a
   * compression pointer to it (RFC 1035 section 4.1.4), an A record for an IPv4 address and an AAAA record for an
   * IPv6 one.
   */
  static byte[] response(int id, String name, int type, int rcode, String... addresses) {
    ByteArrayOutputStream m = new ByteArrayOutputStream();
    m.writeBytes(build(id, true, rcode, name, type));
    byte[] header = m.toByteArray();
    header[7] = (byte) addresses.length; // ANCOUNT
    m.reset();
    m.writeBytes(header);
    for (String text : addresses) {
      byte[] address = Addresses.parseLiteral(text).getAddress();
      m.writeBytes(new byte[] {(byte) 0xc0, 12}); // the question's name
      m.writeBytes(new byte[] {0, (byte) (address.length == 4 ? 1 : 28), 0, 1, 0, 0, 0, 60, 0,
          (byte) address.length}); // type, class IN, TTL 60, RDLENGTH
      m.writeBytes(address);
    }
    return m.toByteArray();
  }

  private static byte[] build(int id, boolean response, int rcode, String name, int type) {
    ByteArrayOutputStream m = new ByteArrayOutputStream();
    m.write(id >>> 8);
    m.write(id);
    m.write(response ? 0x81 : 0x01); // QR, and RD (recursion desired)
    m.write((response ? 0x80 : 0x00) | rcode); // RA in a response, and RCODE
    m.writeBytes(new byte[] {0, 1, 0, 0, 0, 0, 0, 0}); // QDCOUNT 1, no answers, authority, additional
    for (String label : name.split("\\.")) {
      byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
      m.write(bytes.length);
      m.writeBytes(bytes);
    }
    m.write(0);
    m.write(type >>> 8);
    m.write(type);
    m.write(0);
    m.write(1); // class IN
    return m.toByteArray();
  }
}
