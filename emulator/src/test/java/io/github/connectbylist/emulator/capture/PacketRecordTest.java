package io.github.connectbylist.emulator.capture;

import static io.github.connectbylist.emulator.packet.TestPackets.hex;
import static io.github.connectbylist.emulator.packet.TestPackets.slice;
import static io.github.connectbylist.emulator.packet.TestPackets.tcpPacket;
import static io.github.connectbylist.emulator.packet.TestPackets.udpPacket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.api.Addresses;
import io.github.connectbylist.emulator.Family;
import io.github.connectbylist.emulator.packet.IpPacket;
import io.github.connectbylist.emulator.packet.KernelPackets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One packet's summary from its captured bytes, DNS included. */
class PacketRecordTest {

  private static PacketRecord parse(byte[] packet) {
    return PacketRecord.parse(7, packet, packet.length).orElseThrow();
  }

  @Test
  void aSynHasItsEndpointsAndFlags() {
    PacketRecord r = parse(hex(KernelPackets.SYN_V6));
    assertEquals(7, r.timeNanos());
    assertEquals(Family.IPV6, r.family());
    assertEquals(IpPacket.TCP, r.protocol());
    assertEquals(Addresses.parseLiteral("::1"), r.source());
    assertEquals(Addresses.parseLiteral("::1"), r.destination());
    assertEquals(50_030, r.sourcePort());
    assertEquals(9, r.destinationPort());
    assertEquals(IpPacket.TCP_SYN, r.tcpFlags());
    assertEquals(80, r.length());
    assertTrue(r.isTcpSyn());
    assertFalse(r.isDns());
    assertEquals(-1, r.dnsId());
    assertEquals(-1, r.dnsQuestionType());
    assertEquals("ipv6 tcp [::1]:50030 > [::1]:9 [S] length 80", r.describe());
    assertEquals("7 ns ipv6 tcp [::1]:50030 > [::1]:9 [S] length 80", r.toString());
    assertEquals("ipv4 tcp 127.0.0.1:9 > 127.0.0.1:44982 [R.] length 40",
        parse(hex(KernelPackets.RESET_V4)).describe());
  }

  @Test
  void icmpAndUdpHaveNoFlags() {
    PacketRecord icmp = parse(hex(KernelPackets.PORT_UNREACHABLE_V6));
    assertEquals(-1, icmp.tcpFlags());
    assertEquals(0, icmp.sourcePort());
    assertEquals("ipv6 icmp ::1 > ::1 length 106", icmp.describe());
    PacketRecord udp = parse(hex(KernelPackets.UDP_V4));
    assertEquals(-1, udp.tcpFlags());
    assertFalse(udp.isTcpSyn());
    assertFalse(udp.isDns(), "port 9 is not DNS");
  }

  @Test
  void aDnsQueryAndItsAnswerOverUdp() {
    byte[] query = udpPacket("2001:db8:1::2", 40_001, "2001:db8::53", 53,
        Dns.message(0x1234, false, "example.com", 28));
    PacketRecord q = parse(query);
    assertTrue(q.isDns());
    assertTrue(q.isDnsQuery());
    assertFalse(q.isDnsAnswer());
    assertEquals(0x1234, q.dnsId());
    assertEquals(PacketRecord.TYPE_AAAA, q.dnsQuestionType());
    assertEquals("ipv6 udp [2001:db8:1::2]:40001 > [2001:db8::53]:53 dns query id 4660 AAAA length 77",
        q.describe());

    byte[] answer = udpPacket("192.0.2.53", 53, "192.0.2.2", 40_002, Dns.message(0xbeef, true, "example.com", 1));
    PacketRecord a = parse(answer);
    assertTrue(a.isDnsAnswer());
    assertEquals(0xbeef, a.dnsId());
    assertEquals(PacketRecord.TYPE_A, a.dnsQuestionType());
    assertEquals("ipv4 udp 192.0.2.53:53 > 192.0.2.2:40002 dns answer id 48879 A length 57", a.describe());
  }

  @Test
  void theQuestionTypeReadsWhatTheCaptureKept() {
    byte[] query = udpPacket("192.0.2.2", 40_002, "192.0.2.53", 53, Dns.message(1, false, "example.com", 28));
    // IP 20, UDP 8, header 12, name 13 (7example3com0), type 2, class 2: 57 bytes, the type ending at 55
    assertEquals(28, PacketRecord.parse(0, query, 55).orElseThrow().dnsQuestionType());
    assertEquals(-1, PacketRecord.parse(0, query, 54).orElseThrow().dnsQuestionType(), "half a type");
    assertEquals(-1, PacketRecord.parse(0, query, 45).orElseThrow().dnsQuestionType(), "inside the name");
    PacketRecord headerOnly = PacketRecord.parse(0, query, 40).orElseThrow();
    assertEquals(1, headerOnly.dnsId());
    assertEquals(-1, headerOnly.dnsQuestionType());
    assertFalse(PacketRecord.parse(0, query, 39).orElseThrow().isDns(), "no whole DNS header");
    assertEquals(57, PacketRecord.parse(0, query, 39).orElseThrow().length(), "the length is the IP header's");
  }

  @Test
  void aCompressedOrMissingQuestionAndOddLabels() {
    byte[] pointer = hex("abcd 0100 0001 0000 0000 0000 c00c 0001 0001");
    assertEquals(1, parse(udpPacket("192.0.2.2", 5, "192.0.2.53", 53, pointer)).dnsQuestionType());
    byte[] noQuestion = hex("abcd 8100 0000 0000 0000 0000");
    PacketRecord r = parse(udpPacket("192.0.2.53", 53, "192.0.2.2", 5, noQuestion));
    assertTrue(r.isDnsAnswer());
    assertEquals(-1, r.dnsQuestionType());
    byte[] extendedLabel = hex("abcd 0100 0001 0000 0000 0000 4100 0001 0001");
    assertEquals(-1, parse(udpPacket("192.0.2.2", 5, "192.0.2.53", 53, extendedLabel)).dnsQuestionType());
    byte[] rootName = hex("abcd 0100 0001 0000 0000 0000 00 0002 0001");
    assertEquals(2, parse(udpPacket("192.0.2.2", 5, "192.0.2.53", 53, rootName)).dnsQuestionType());
  }

  @Test
  void dnsOverTcpOrOnOtherPortsIsNotReadAsDns() {
    byte[] message = Dns.message(1, false, "example.com", 28);
    assertFalse(parse(udpPacket("192.0.2.2", 5353, "224.0.0.251", 5353, message)).isDns());
    assertFalse(parse(tcpPacket("192.0.2.2", 40_000, "192.0.2.53", 53, 1, 1, 0x18, message)).isDns());
  }

  @Test
  void bytesWithNoIpHeaderAreNoRecord() {
    assertEquals(Optional.empty(), PacketRecord.parse(0, new byte[0], 0));
    assertEquals(Optional.empty(), PacketRecord.parse(0, hex(KernelPackets.SYN_V4), 19));
    assertEquals(Optional.empty(), PacketRecord.of(new CapturedPacket(0, 60, new byte[60])));
    byte[] syn = hex(KernelPackets.SYN_V4);
    PacketRecord cut = PacketRecord.of(new CapturedPacket(5, 60, slice(syn, 0, 24))).orElseThrow();
    assertEquals(60, cut.length());
    assertEquals(9, cut.destinationPort());
    assertEquals(-1, cut.tcpFlags(), "the flags were not captured");
  }

  @Test
  void sameEndpointsIsTheSameSocketAndDestination() {
    PacketRecord a = parse(tcpPacket("192.0.2.2", 40_000, "198.51.100.7", 443, 1, 0, IpPacket.TCP_SYN, new byte[0]));
    PacketRecord again = PacketRecord.parse(1_000_000_000L,
        tcpPacket("192.0.2.2", 40_000, "198.51.100.7", 443, 1, 0, IpPacket.TCP_SYN, new byte[0]), 40).orElseThrow();
    PacketRecord otherPort = parse(tcpPacket("192.0.2.2", 40_001, "198.51.100.7", 443, 1, 0, IpPacket.TCP_SYN,
        new byte[0]));
    assertTrue(a.sameEndpoints(again));
    assertFalse(a.sameEndpoints(otherPort));
  }
}
