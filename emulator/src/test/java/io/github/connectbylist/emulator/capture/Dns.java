package io.github.connectbylist.emulator.capture;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** DNS messages by hand: a 12-byte header and one question (RFC 1035 section 4.1). */
final class Dns {

  private Dns() {}

  /** A message with one question for {@code name} of type {@code type}, and no records. */
  static byte[] message(int id, boolean response, String name, int type) {
    ByteArrayOutputStream m = new ByteArrayOutputStream();
    m.write(id >>> 8);
    m.write(id);
    m.write(response ? 0x81 : 0x01); // QR, and RD (recursion desired)
    m.write(response ? 0x80 : 0x00); // RA in a response
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
