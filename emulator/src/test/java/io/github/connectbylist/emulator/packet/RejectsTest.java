package io.github.connectbylist.emulator.packet;

import static io.github.connectbylist.emulator.packet.TestPackets.hex;
import static io.github.connectbylist.emulator.packet.TestPackets.icmp;
import static io.github.connectbylist.emulator.packet.TestPackets.ip;
import static io.github.connectbylist.emulator.packet.TestPackets.plainChecksum;
import static io.github.connectbylist.emulator.packet.TestPackets.slice;
import static io.github.connectbylist.emulator.packet.TestPackets.tcpPacket;
import static io.github.connectbylist.emulator.packet.TestPackets.transportChecksumOk;
import static io.github.connectbylist.emulator.packet.TestPackets.udpPacket;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.api.Addresses;
import io.github.connectbylist.emulator.Action;
import io.github.connectbylist.emulator.Family;
import io.github.connectbylist.emulator.packet.Rejects.Kind;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The network's answers, byte for byte against what Linux sends where they should be the same, and parsed back
 * with their checksums verified by the plain implementation of the tests.
 */
class RejectsTest {

  private static IpPacket view(byte[] packet) {
    IpPacket p = new IpPacket();
    assertTrue(p.reset(packet, packet.length), () -> "not a packet: " + hex(packet));
    return p;
  }

  private static IpPacket view(String hex) {
    return view(hex(hex));
  }

  /** Parses a reply and checks its IP header checksum (IPv4) and its TCP, ICMP or ICMPv6 checksum. */
  private static IpPacket checkedReply(byte[] reply) {
    assertNotNull(reply, "an answer");
    IpPacket r = view(reply);
    assertEquals(reply.length, r.length());
    if (r.family() == Family.IPV4) {
      assertEquals(0, plainChecksum(slice(reply, 0, 20)), "IPv4 header checksum");
      assertEquals(64, reply[8], "TTL");
      assertEquals(0x40, reply[6], "DF");
    } else {
      assertEquals(64, reply[7], "hop limit");
    }
    if (r.protocol() == IpPacket.ICMP) {
      assertEquals(0, plainChecksum(slice(reply, r.headerLength(), reply.length)), "ICMP checksum");
    } else {
      assertTrue(transportChecksumOk(reply, r.headerLength(), r.protocol()), "transport checksum");
    }
    return r;
  }

  @Test
  void theIpv4ResetIsTheOneLinuxSendsByteForByte() {
    byte[] reset = Rejects.tcpReset(view(KernelPackets.SYN_V4));
    assertEquals(KernelPackets.RESET_V4, hex(reset));
    checkedReply(reset);
  }

  @Test
  void theIpv6ResetIsLinuxsWithoutItsFlowLabelAndWithTheChecksumItLeftToOffload() {
    byte[] kernel = hex(KernelPackets.RESET_V6);
    kernel[1] = 0; // Linux labels the flow (RFC 6437) at random; the emulator's reply does not label it
    kernel[2] = 0;
    kernel[3] = 0;
    kernel[56] = 0x21; // the real checksum, which tcpdump computed: 0x001c (incorrect -> 0x2126)
    kernel[57] = 0x26;
    byte[] reset = Rejects.tcpReset(view(KernelPackets.SYN_V6));
    assertEquals(hex(kernel), hex(reset));
    IpPacket r = checkedReply(reset);
    assertEquals(IpPacket.TCP_RST | IpPacket.TCP_ACK, r.tcpFlags());
  }

  @Test
  void aResetComesFromTheDestinationWithThePortsSwapped() {
    byte[] syn = tcpPacket("2001:db8:1::2", 40_000, "2001:db8:2::1", 443, 0x7fff_fff0, 0, IpPacket.TCP_SYN,
        new byte[0]);
    IpPacket r = checkedReply(Rejects.tcpReset(view(syn)));
    assertEquals(Family.IPV6, r.family());
    assertEquals(Addresses.parseLiteral("2001:db8:2::1"), r.source());
    assertEquals(Addresses.parseLiteral("2001:db8:1::2"), r.destination());
    assertEquals(443, r.sourcePort());
    assertEquals(40_000, r.destinationPort());
    assertEquals(0, tcpInt(r, 4), "seq 0");
    assertEquals(0x7fff_fff1, tcpInt(r, 8), "ack SEG.SEQ + 1 for the SYN");
    assertEquals(60, r.length());
  }

  @Test
  void theAcknowledgmentCountsDataSynAndFinAndWraps() {
    // A SYN with 5 bytes of data (TCP Fast Open) and FIN: SEG.LEN = 5 + 1 + 1, from a sequence about to wrap.
    byte[] syn = tcpPacket("192.0.2.2", 40_000, "198.51.100.7", 443, 0xffff_fffe, 0,
        IpPacket.TCP_SYN | IpPacket.TCP_FIN, new byte[] {1, 2, 3, 4, 5});
    IpPacket r = checkedReply(Rejects.tcpReset(view(syn)));
    assertEquals(0, tcpInt(r, 4));
    assertEquals(5, tcpInt(r, 8), "0xfffffffe + 7 wraps to 5");
    assertEquals(IpPacket.TCP_RST | IpPacket.TCP_ACK, r.tcpFlags());
    assertEquals(40, r.length());
  }

  @Test
  void aSegmentWithAckIsResetAtItsAcknowledgmentWithoutAck() {
    byte[] data = tcpPacket("192.0.2.2", 40_000, "198.51.100.7", 443, 1000, 0xabcd_0123,
        IpPacket.TCP_ACK | IpPacket.TCP_PSH, new byte[100]);
    IpPacket r = checkedReply(Rejects.tcpReset(view(data)));
    assertEquals(0xabcd_0123, tcpInt(r, 4), "SEQ = SEG.ACK");
    assertEquals(0, tcpInt(r, 8));
    assertEquals(IpPacket.TCP_RST, r.tcpFlags());
  }

  @Test
  void aResetOrAShortSegmentIsNeverReset() {
    assertNull(Rejects.tcpReset(view(KernelPackets.RESET_V4)), "a reset is never answered with a reset");
    byte[] tooShort = ip("192.0.2.2", "198.51.100.7", IpPacket.TCP, new byte[19]);
    assertNull(Rejects.tcpReset(view(tooShort)));
    byte[] offsetPastTheEnd = tcpPacket("192.0.2.2", 1, "198.51.100.7", 2, 0, 0, IpPacket.TCP_SYN, new byte[0]);
    offsetPastTheEnd[32] = 0x60; // 24 bytes of header in a 20-byte segment
    assertNull(Rejects.tcpReset(view(offsetPastTheEnd)));
    assertNull(Rejects.tcpReset(view(KernelPackets.UDP_V4)), "not TCP");
  }

  private static int tcpInt(IpPacket p, int at) {
    byte[] b = p.buffer();
    int i = p.headerLength() + at;
    return (b[i] & 0xff) << 24 | (b[i + 1] & 0xff) << 16 | (b[i + 2] & 0xff) << 8 | b[i + 3] & 0xff;
  }

  @Test
  void theIpv4PortUnreachableQuotesTheHeaderAndEightBytes() {
    byte[] udp = hex(KernelPackets.UDP_V4);
    byte[] reply = Rejects.unreachable(view(udp), Kind.PORT_UNREACHABLE);
    // Linux quotes the whole datagram (up to 576 bytes); RFC 792 asks for the header and 8 bytes, which hold
    // the ports. The type of service is Linux's 0xc0; Linux leaves DF off and numbers the datagram.
    byte[] kernel = hex(KernelPackets.PORT_UNREACHABLE_V4);
    assertEquals(hex(slice(kernel, 20, 22)), hex(slice(reply, 20, 22)), "type 3, code 3");
    assertArrayEquals(slice(kernel, 28, 28 + 28), slice(reply, 28, reply.length), "the quoted bytes");
    assertEquals(56, reply.length);
    assertEquals("45c00038000040004001", hex(slice(reply, 0, 10)));
    IpPacket r = checkedReply(reply);
    assertEquals(3, r.icmpType());
    assertEquals(3, r.icmpCode());
    assertTrue(r.isIcmpError());
  }

  @Test
  void theIpv6PortUnreachableIsLinuxsWithoutItsFlowLabel() {
    byte[] reply = Rejects.unreachable(view(KernelPackets.UDP_V6), Kind.PORT_UNREACHABLE);
    byte[] kernel = hex(KernelPackets.PORT_UNREACHABLE_V6);
    kernel[1] = 0;
    kernel[2] = 0;
    kernel[3] = 0;
    assertEquals(hex(kernel), hex(reply), "the flow label is outside the pseudo-header: same checksum, fba0");
    checkedReply(reply);
  }

  @Test
  void theKindsHaveTheirCodesInBothFamilies() {
    byte[] v4 = tcpPacket("192.0.2.2", 40_000, "198.51.100.7", 443, 1, 0, IpPacket.TCP_SYN, new byte[0]);
    byte[] v6 = tcpPacket("2001:db8:1::2", 40_000, "2001:db8:2::1", 443, 1, 0, IpPacket.TCP_SYN, new byte[0]);
    int[][] codes = {{1, 3}, {0, 0}, {3, 4}};
    Kind[] kinds = {Kind.HOST_UNREACHABLE, Kind.NETWORK_UNREACHABLE, Kind.PORT_UNREACHABLE};
    for (int i = 0; i < kinds.length; i++) {
      IpPacket r4 = checkedReply(Rejects.unreachable(view(v4), kinds[i]));
      assertEquals(IpPacket.ICMP, r4.protocol());
      assertEquals(3, r4.icmpType());
      assertEquals(codes[i][0], r4.icmpCode(), kinds[i].name());
      assertEquals(Addresses.parseLiteral("198.51.100.7"), r4.source());
      assertEquals(Addresses.parseLiteral("192.0.2.2"), r4.destination());
      assertArrayEquals(slice(v4, 0, 28), slice(r4.buffer(), 28, r4.length()));
      IpPacket r6 = checkedReply(Rejects.unreachable(view(v6), kinds[i]));
      assertEquals(IpPacket.ICMPV6, r6.protocol());
      assertEquals(1, r6.icmpType());
      assertEquals(codes[i][1], r6.icmpCode(), kinds[i].name());
      assertEquals(Addresses.parseLiteral("2001:db8:2::1"), r6.source());
      assertEquals(Addresses.parseLiteral("2001:db8:1::2"), r6.destination());
      assertArrayEquals(v6, slice(r6.buffer(), 48, r6.length()), "the whole SYN, as it fits");
    }
  }

  @Test
  void theIpv4QuoteKeepsTheOriginalsOptions() {
    byte[] plain = udpPacket("192.0.2.2", 1234, "198.51.100.7", 53, new byte[40]);
    byte[] withOption = new byte[plain.length + 4];
    System.arraycopy(plain, 0, withOption, 0, 20);
    withOption[20] = 1; // NOP
    System.arraycopy(plain, 20, withOption, 24, plain.length - 20);
    withOption[0] = 0x46;
    TestPackets.put16(withOption, 2, withOption.length);
    IpPacket r = checkedReply(Rejects.unreachable(view(withOption), Kind.PORT_UNREACHABLE));
    assertEquals(20 + 8 + 24 + 8, r.length());
    assertArrayEquals(slice(withOption, 0, 32), slice(r.buffer(), 28, r.length()));
  }

  @Test
  void anIpv6QuoteStopsAtTheMinimumMtu() {
    byte[] big = udpPacket("2001:db8:1::2", 1234, "2001:db8:2::1", 53, new byte[1452]);
    assertEquals(1500, big.length);
    IpPacket r = checkedReply(Rejects.unreachable(view(big), Kind.HOST_UNREACHABLE));
    assertEquals(1280, r.length());
    assertArrayEquals(slice(big, 0, 1232), slice(r.buffer(), 48, 1280));
    byte[] exact = udpPacket("2001:db8:1::2", 1234, "2001:db8:2::1", 53, new byte[1232 - 48]);
    assertEquals(1280, checkedReply(Rejects.unreachable(view(exact), Kind.HOST_UNREACHABLE)).length());
  }

  @Test
  void anIcmpErrorIsNeverAnsweredButAnEchoIs() {
    assertNull(Rejects.unreachable(view(KernelPackets.PORT_UNREACHABLE_V4), Kind.HOST_UNREACHABLE));
    assertNull(Rejects.unreachable(view(KernelPackets.PORT_UNREACHABLE_V6), Kind.HOST_UNREACHABLE));
    for (int type : new int[] {3, 4, 5, 11, 12}) {
      byte[] error = ip("192.0.2.1", "198.51.100.1", IpPacket.ICMP, icmp(type, 0, new byte[28]));
      assertNull(Rejects.answer(view(error), Action.NETWORK_UNREACHABLE), "ICMP type " + type);
    }
    for (int type : new int[] {1, 2, 3, 4, 127, 137}) {
      byte[] error = ip("2001:db8::1", "2001:db8::2", IpPacket.ICMPV6, icmp(type, 0, new byte[48]));
      assertNull(Rejects.answer(view(error), Action.NETWORK_UNREACHABLE), "ICMPv6 type " + type);
    }
    byte[] echo = ip("192.0.2.1", "198.51.100.1", IpPacket.ICMP, icmp(8, 0, new byte[56]));
    IpPacket r = checkedReply(Rejects.answer(view(echo), Action.HOST_UNREACHABLE));
    assertEquals(1, r.icmpCode());
    assertArrayEquals(slice(echo, 0, 28), slice(r.buffer(), 28, r.length()));
    byte[] echo6 = ip("2001:db8::1", "2001:db8::2", IpPacket.ICMPV6, icmp(128, 0, new byte[56]));
    assertEquals(3, checkedReply(Rejects.answer(view(echo6), Action.HOST_UNREACHABLE)).icmpCode());
    byte[] empty = ip("192.0.2.1", "198.51.100.1", IpPacket.ICMP, new byte[0]);
    assertNull(Rejects.answer(view(empty), Action.HOST_UNREACHABLE), "an ICMP message without a type");
    assertNull(Rejects.unreachable(view(Rejects.unreachable(view(echo6), Kind.HOST_UNREACHABLE)),
        Kind.HOST_UNREACHABLE), "the emulator's own error");
  }

  @Test
  void packetsThatNameNoSingleHostOrAreFragmentsAreNeverAnswered() {
    String[][] pairs = {
        {"192.0.2.2", "224.0.0.251"}, {"192.0.2.2", "255.255.255.255"}, {"0.0.0.0", "192.0.2.1"},
        {"224.0.0.1", "192.0.2.1"}, {"2001:db8::1", "ff02::fb"}, {"::", "2001:db8::1"}, {"ff02::1", "2001:db8::1"},
    };
    for (String[] pair : pairs) {
      byte[] udp = udpPacket(pair[0], 5353, pair[1], 5353, new byte[0]);
      assertNull(Rejects.answer(view(udp), Action.RESET), pair[0] + " > " + pair[1]);
      byte[] syn = tcpPacket(pair[0], 1, pair[1], 2, 0, 0, IpPacket.TCP_SYN, new byte[0]);
      assertNull(Rejects.answer(view(syn), Action.RESET), pair[0] + " > " + pair[1]);
    }
    byte[] fragment = udpPacket("192.0.2.2", 1, "198.51.100.7", 2, new byte[16]);
    TestPackets.put16(fragment, 6, 3);
    assertNull(Rejects.answer(view(fragment), Action.HOST_UNREACHABLE), "a non-initial fragment");
  }

  @Test
  void anActionMapsToItsAnswer() {
    IpPacket syn = view(KernelPackets.SYN_V4);
    IpPacket udp = view(KernelPackets.UDP_V6);
    assertArrayEquals(Rejects.tcpReset(syn), Rejects.answer(syn, Action.RESET));
    assertArrayEquals(Rejects.unreachable(udp, Kind.PORT_UNREACHABLE), Rejects.answer(udp, Action.RESET),
        "RESET on UDP is what a host with no socket there answers");
    assertArrayEquals(Rejects.unreachable(syn, Kind.HOST_UNREACHABLE), Rejects.answer(syn, Action.HOST_UNREACHABLE));
    assertArrayEquals(Rejects.unreachable(udp, Kind.NETWORK_UNREACHABLE),
        Rejects.answer(udp, Action.NETWORK_UNREACHABLE));
    assertNull(Rejects.answer(syn, Action.PASS));
    assertNull(Rejects.answer(syn, Action.DROP));
    assertNull(Rejects.answer(view(KernelPackets.RESET_V4), Action.RESET));
  }

  @Test
  void theOriginalIsLeftAsItWas() {
    byte[] syn = hex(KernelPackets.SYN_V6);
    byte[] before = syn.clone();
    IpPacket p = view(syn);
    Rejects.tcpReset(p);
    Rejects.unreachable(p, Kind.PORT_UNREACHABLE);
    assertArrayEquals(before, syn);
    assertEquals(Arrays.toString(before), Arrays.toString(p.buffer()));
  }
}
