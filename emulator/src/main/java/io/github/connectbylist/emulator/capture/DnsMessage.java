package io.github.connectbylist.emulator.capture;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the packet log keeps of a DNS message (RFC 1035 section 4.1): its header's ID, QR bit and RCODE, its first
 * question, and for a response the addresses of its A and AAAA answer records, so that a reader can tell which
 * name an answer was for, whether it failed, and what it gave, without the bytes. Read by {@link #parse} from as
 * much of the message as the capture kept: what was cut off is unknown, never an error.
 *
 * @param id the message ID, 0 to 65535
 * @param response whether it is a response (its QR bit)
 * @param rcode its response code, the low four bits of the header's fourth byte, such as {@link #NXDOMAIN}; 0
 *     (NOERROR) in a query
 * @param name the first question's name, in lower case, its labels joined by dots without a trailing dot ({@code
 *     "."} for the root); {@code ""} when there is no question or the capture cut its name off or the name is
 *     malformed
 * @param type the type its first question asks for, such as {@link PacketRecord#TYPE_A} or {@link
 *     PacketRecord#TYPE_AAAA}; -1 when there is no question or the capture cut it off
 * @param addresses the addresses of a response's A and AAAA records in its answer section, in their order (those
 *     of a CNAME's target included); empty for a query, a failure, an answer without addresses, or when the capture
 *     cut the answer section off before the first
 */
public record DnsMessage(int id, boolean response, int rcode, String name, int type, List<InetAddress> addresses) {

  /** The RCODE of a server that could not answer (RFC 1035 section 4.1.1). */
  public static final int SERVFAIL = 2;
  /** The RCODE of a name that does not exist (RFC 1035 section 4.1.1, RFC 8020). */
  public static final int NXDOMAIN = 3;

  private static final int HEADER = 12;
  private static final int CLASS_IN = 1;
  /** A name's longest presentation, RFC 1035 section 2.3.4's 255 bytes of wire format. */
  private static final int MAX_NAME = 255;
  /** TYPE, CLASS, TTL and RDLENGTH: the fixed part of a resource record after its name (section 4.1.3). */
  private static final int RECORD_FIXED = 10;

  /**
   * Copies the addresses and checks the name.
   *
   * @param id the ID
   * @param response whether a response
   * @param rcode the response code
   * @param name the first question's name
   * @param type the first question's type
   * @param addresses the answer's addresses
   */
  public DnsMessage {
    Objects.requireNonNull(name, "name");
    addresses = List.copyOf(addresses);
  }

  /**
   * Whether the server said it failed: any RCODE but NOERROR, such as {@link #NXDOMAIN} or {@link #SERVFAIL}.
   *
   * @return {@code true} for a response whose RCODE is not 0
   */
  public boolean failed() {
    return response && rcode != 0;
  }

  /**
   * Reads a DNS message, never throwing on what the bytes say: a name loops or overruns, a count lies, the
   * capture ends inside a record; the fields read before the fault stay, the rest are unknown.
   *
   * @param b the bytes holding the message
   * @param start where the message begins: its header's first byte
   * @param end where the captured bytes end, exclusive
   * @return the message; {@code null} when there is no whole 12-byte header
   */
  public static DnsMessage parse(byte[] b, int start, int end) {
    if (start < 0 || end > b.length || end - start < HEADER) {
      return null;
    }
    int id = u16(b, start);
    boolean response = (b[start + 2] & 0x80) != 0;
    int rcode = b[start + 3] & 0x0f;
    int questions = u16(b, start + 4);
    int answers = u16(b, start + 6);
    if (questions == 0) {
      return new DnsMessage(id, response, rcode, "", -1, List.of());
    }
    int at = start + HEADER;
    String name = name(b, start, at, end);
    at = skipName(b, at, end);
    int type = at >= 0 && at + 2 <= end ? u16(b, at) : -1;
    List<InetAddress> addresses = response && rcode == 0 && answers > 0
        ? addresses(b, start, at, end, questions, answers) : List.of();
    return new DnsMessage(id, response, rcode, name, type, addresses);
  }

  /**
   * The A and AAAA addresses of the answer section (RFC 1035 section 4.1.3; AAAA RFC 3596 section 2.2), walked
   * past the questions from {@code at}, the first question's QTYPE; as many as the captured bytes hold whole.
   */
  private static List<InetAddress> addresses(byte[] b, int start, int at, int end, int questions, int answers) {
    if (at < 0) {
      return List.of();
    }
    at += 4; // QTYPE and QCLASS
    for (int q = 1; q < questions && at >= 0; q++) {
      at = skipName(b, at, end);
      at = at >= 0 ? at + 4 : -1;
    }
    List<InetAddress> addresses = new ArrayList<>(2);
    for (int r = 0; r < answers && at >= 0; r++) {
      at = skipName(b, at, end);
      if (at < 0 || at + RECORD_FIXED > end) {
        break;
      }
      int type = u16(b, at);
      int klass = u16(b, at + 2);
      int length = u16(b, at + 8);
      int data = at + RECORD_FIXED;
      if (data + length > end) {
        break;
      }
      if (klass == CLASS_IN && (type == PacketRecord.TYPE_A && length == 4
          || type == PacketRecord.TYPE_AAAA && length == 16)) {
        addresses.add(address(b, data, length));
      }
      at = data + length;
    }
    return addresses;
  }

  private static InetAddress address(byte[] b, int at, int length) {
    byte[] bytes = new byte[length];
    System.arraycopy(b, at, bytes, 0, length);
    try {
      // Inet6Address's own factory: InetAddress.getByAddress would make an IPv4-mapped AAAA an Inet4Address
      return length == 4 ? InetAddress.getByAddress(bytes) : Inet6Address.getByAddress(null, bytes, -1);
    } catch (UnknownHostException e) {
      throw new AssertionError("4 or 16 bytes", e);
    }
  }

  /**
   * Where the name at {@code at} ends in the message: after its zero byte, or after the compression pointer that
   * ends it (RFC 1035 section 4.1.4), which is not followed; -1 when the bytes end first or a label type is
   * unknown (RFC 6891's extended labels are not in use).
   */
  private static int skipName(byte[] b, int at, int end) {
    while (at < end) {
      int label = b[at] & 0xff;
      if (label == 0) {
        return at + 1;
      }
      if ((label & 0xc0) == 0xc0) {
        return at + 2 <= end ? at + 2 : -1;
      }
      if ((label & 0xc0) != 0) {
        return -1;
      }
      at += 1 + label;
    }
    return -1;
  }

  /**
   * The name at {@code at} as text, following compression pointers (RFC 1035 section 4.1.4), each of which must
   * point before itself, so a loop cannot go on; {@code ""} when the name is cut off, loops, runs past {@value
   * #MAX_NAME} bytes or has a label type that is not in use. Upper case ASCII is lowered (names compare without
   * case, RFC 4343); other bytes are kept as the characters of their value.
   */
  private static String name(byte[] b, int start, int at, int end) {
    StringBuilder s = new StringBuilder(32);
    int wire = 0;
    while (at < end) {
      int label = b[at] & 0xff;
      if (label == 0) {
        return s.length() == 0 ? "." : s.toString();
      }
      if ((label & 0xc0) == 0xc0) {
        if (at + 2 > end) {
          return "";
        }
        int target = start + ((label & 0x3f) << 8 | b[at + 1] & 0xff);
        if (target >= at) {
          return ""; // a pointer points back to an earlier name, or it could loop
        }
        at = target;
        continue;
      }
      wire += 1 + label;
      if ((label & 0xc0) != 0 || wire > MAX_NAME || at + 1 + label > end) {
        return "";
      }
      if (s.length() > 0) {
        s.append('.');
      }
      for (int i = at + 1; i <= at + label; i++) {
        char c = (char) (b[i] & 0xff);
        s.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
      }
      at += 1 + label;
    }
    return "";
  }

  private static int u16(byte[] b, int i) {
    return (b[i] & 0xff) << 8 | b[i + 1] & 0xff;
  }

  /**
   * The mnemonic of a response code, for the summary.
   *
   * @param rcode an RCODE
   * @return {@code NXDOMAIN} and the like (RFC 1035 section 4.1.1); {@code RCODE} and the number for the rest
   */
  public static String rcodeName(int rcode) {
    return switch (rcode) {
      case 0 -> "NOERROR";
      case 1 -> "FORMERR";
      case SERVFAIL -> "SERVFAIL";
      case NXDOMAIN -> "NXDOMAIN";
      case 4 -> "NOTIMP";
      case 5 -> "REFUSED";
      default -> "RCODE" + rcode;
    };
  }
}
