package io.github.connectbylist.emulator.capture;

import static io.github.connectbylist.emulator.packet.TestPackets.hex;
import static io.github.connectbylist.emulator.packet.TestPackets.slice;
import static io.github.connectbylist.emulator.packet.TestPackets.tcpPacket;
import static io.github.connectbylist.emulator.packet.TestPackets.udpPacket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.api.Addresses;
import io.github.connectbylist.emulator.Family;
import io.github.connectbylist.emulator.packet.IpPacket;
import io.github.connectbylist.emulator.packet.KernelPackets;
import java.net.Inet6Address;
import java.util.List;
import java.util.Optional;
import java.util.Random;
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
    assertNull(r.dns());
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
    assertEquals(new DnsMessage(0x1234, false, 0, "example.com", PacketRecord.TYPE_AAAA, List.of()), q.dns());
    assertEquals("ipv6 udp [2001:db8:1::2]:40001 > [2001:db8::53]:53 dns query id 4660 AAAA example.com length 77",
        q.describe());

    byte[] answer = udpPacket("192.0.2.53", 53, "192.0.2.2", 40_002, Dns.message(0xbeef, true, "example.com", 1));
    PacketRecord a = parse(answer);
    assertTrue(a.isDnsAnswer());
    assertEquals(0xbeef, a.dns().id());
    assertEquals(PacketRecord.TYPE_A, a.dns().type());
    assertEquals("ipv4 udp 192.0.2.53:53 > 192.0.2.2:40002 dns answer id 48879 A example.com length 57",
        a.describe());
  }

  @Test
  void theQuestionTypeReadsWhatTheCaptureKept() {
    byte[] query = udpPacket("192.0.2.2", 40_002, "192.0.2.53", 53, Dns.message(1, false, "example.com", 28));
    // IP 20, UDP 8, header 12, name 13 (7example3com0), type 2, class 2: 57 bytes, the type ending at 55
    assertEquals(28, PacketRecord.parse(0, query, 55).orElseThrow().dns().type());
    assertEquals(-1, PacketRecord.parse(0, query, 54).orElseThrow().dns().type(), "half a type");
    assertEquals("example.com", PacketRecord.parse(0, query, 54).orElseThrow().dns().name());
    assertEquals(-1, PacketRecord.parse(0, query, 45).orElseThrow().dns().type(), "inside the name");
    assertEquals("", PacketRecord.parse(0, query, 45).orElseThrow().dns().name(), "inside the name");
    PacketRecord headerOnly = PacketRecord.parse(0, query, 40).orElseThrow();
    assertEquals(1, headerOnly.dns().id());
    assertEquals(-1, headerOnly.dns().type());
    assertFalse(PacketRecord.parse(0, query, 39).orElseThrow().isDns(), "no whole DNS header");
    assertEquals(57, PacketRecord.parse(0, query, 39).orElseThrow().length(), "the length is the IP header's");
  }

  @Test
  void aCompressedOrMissingQuestionAndOddLabels() {
    byte[] pointer = hex("abcd 0100 0001 0000 0000 0000 c00c 0001 0001");
    PacketRecord toItself = parse(udpPacket("192.0.2.2", 5, "192.0.2.53", 53, pointer));
    assertEquals(1, toItself.dns().type());
    assertEquals("", toItself.dns().name(), "a pointer to itself would loop: no name");
    byte[] noQuestion = hex("abcd 8100 0000 0000 0000 0000");
    PacketRecord r = parse(udpPacket("192.0.2.53", 53, "192.0.2.2", 5, noQuestion));
    assertTrue(r.isDnsAnswer());
    assertEquals(-1, r.dns().type());
    assertEquals("", r.dns().name());
    byte[] extendedLabel = hex("abcd 0100 0001 0000 0000 0000 4100 0001 0001");
    assertEquals(-1, parse(udpPacket("192.0.2.2", 5, "192.0.2.53", 53, extendedLabel)).dns().type());
    byte[] rootName = hex("abcd 0100 0001 0000 0000 0000 00 0002 0001");
    PacketRecord root = parse(udpPacket("192.0.2.2", 5, "192.0.2.53", 53, rootName));
    assertEquals(2, root.dns().type());
    assertEquals(".", root.dns().name());
  }

  @Test
  void aResponseHasItsNameInLowerCaseItsRcodeAndItsAddresses() {
    PacketRecord aaaa = parse(udpPacket("2001:db8::53", 53, "2001:db8:1::2", 40_001,
        Dns.response(5, "Lazy-Eye.TEST", 28, 0, "2001:db8:10::1", "2001:db8:10::2")));
    assertEquals(new DnsMessage(5, true, 0, "lazy-eye.test", PacketRecord.TYPE_AAAA,
        List.of(Addresses.parseLiteral("2001:db8:10::1"), Addresses.parseLiteral("2001:db8:10::2"))), aaaa.dns());
    assertFalse(aaaa.dns().failed());
    assertEquals("ipv6 udp [2001:db8::53]:53 > [2001:db8:1::2]:40001 dns answer id 5 AAAA lazy-eye.test "
        + "2001:db8:10::1 2001:db8:10::2 length " + aaaa.length(), aaaa.describe());
    PacketRecord a = parse(udpPacket("192.0.2.53", 53, "192.0.2.2", 40_002,
        Dns.response(6, "lazy-eye.test", 1, 0, "198.51.100.1")));
    assertEquals(List.of(Addresses.parseLiteral("198.51.100.1")), a.dns().addresses());
    byte[] message = Dns.response(7, "lazy-eye.test", 28, 0, "2001:db8::1");
    System.arraycopy(hex("0000 0000 0000 0000 0000 ffff c000 0201"), 0, message, message.length - 16, 16);
    PacketRecord mapped = parse(udpPacket("192.0.2.53", 53, "192.0.2.2", 40_002, message));
    assertEquals("::ffff:192.0.2.1", Addresses.text(mapped.dns().addresses().get(0)));
    assertInstanceOf(Inet6Address.class, mapped.dns().addresses().get(0), "an AAAA record stays IPv6");
  }

  @Test
  void aFailedResponseSaysItsRcodeAndHasNoAddresses() {
    PacketRecord nx = parse(udpPacket("192.0.2.53", 53, "192.0.2.2", 40_002, Dns.response(9, "vm", 1, 3)));
    assertEquals(DnsMessage.NXDOMAIN, nx.dns().rcode());
    assertTrue(nx.dns().failed());
    assertEquals("ipv4 udp 192.0.2.53:53 > 192.0.2.2:40002 dns answer id 9 A vm NXDOMAIN length " + nx.length(),
        nx.describe());
    PacketRecord servfail = parse(udpPacket("192.0.2.53", 53, "192.0.2.2", 40_002,
        Dns.response(9, "lazy-eye.test", 28, 2, "2001:db8:10::1")));
    assertEquals(DnsMessage.SERVFAIL, servfail.dns().rcode());
    assertEquals(List.of(), servfail.dns().addresses(), "a failure's records are not its answer");
    assertTrue(servfail.describe().contains(" AAAA lazy-eye.test SERVFAIL length "), servfail.describe());
    assertFalse(parse(udpPacket("192.0.2.2", 5, "192.0.2.53", 53, hex("abcd 0003 0000 0000 0000 0000")))
        .dns().failed(), "a query fails nothing, whatever its RCODE bits");
  }

  @Test
  void compressionPointersAreFollowedInNamesAndSkippedInRecords() {
    // ID 0x0161 reads as the label "a" and the flags byte 0x00 as the root: "www" then a pointer to offset 0
    byte[] backwards = hex("0161 0000 0001 0000 0000 0000 03 777777 c000 0001 0001");
    assertEquals("www.a", parse(udpPacket("192.0.2.2", 5, "192.0.2.53", 53, backwards)).dns().name());
    byte[] forwards = hex("abcd 0100 0001 0000 0000 0000 c014 0001 0001 00");
    assertEquals("", parse(udpPacket("192.0.2.2", 5, "192.0.2.53", 53, forwards)).dns().name(),
        "a pointer forwards is no earlier name");
    // www.lazy-eye.test CNAME lazy-eye.test (its RDATA partly a pointer), then an A record owned by a pointer
    // into that RDATA, and one of another class, which is not an address
    byte[] chain = hex("""
        0007 8180 0001 0003 0000 0000
        03 777777 08 6c617a792d657965 04 74657374 00 0001 0001
        c00c 0005 0001 0000003c 000b 08 6c617a792d657965 c019
        c02f 0001 0001 0000003c 0004 cb007105
        c02f 0001 0003 0000003c 0004 cb007106
        """);
    PacketRecord r = parse(udpPacket("192.0.2.53", 53, "192.0.2.2", 40_002, chain));
    assertEquals("www.lazy-eye.test", r.dns().name());
    assertEquals(List.of(Addresses.parseLiteral("203.0.113.5")), r.dns().addresses());
  }

  @Test
  void aCutOffAnswerSectionKeepsTheWholeRecordsBeforeTheCut() {
    byte[] message = Dns.response(5, "lazy-eye.test", 1, 0, "198.51.100.1", "198.51.100.2");
    byte[] packet = udpPacket("192.0.2.53", 53, "192.0.2.2", 40_002, message);
    int ip = packet.length - message.length;
    for (int cut = ip; cut <= packet.length; cut++) {
      PacketRecord r = PacketRecord.parse(0, packet, cut).orElseThrow();
      int kept = r.isDns() ? r.dns().addresses().size() : 0;
      int whole = Math.max(0, (cut - ip - (message.length - 2 * 16)) / 16);
      assertEquals(Math.min(2, whole), kept, "cut at " + cut);
    }
  }

  @Test
  void garbageNeverThrows() {
    Random random = new Random(24);
    for (int i = 0; i < 20_000; i++) {
      byte[] message = new byte[random.nextInt(80)];
      random.nextBytes(message);
      if (message.length > 3 && random.nextBoolean()) {
        message[2] |= (byte) 0x80; // a response, so the answer section is walked
        message[3] &= (byte) 0xf0;
      }
      byte[] packet = udpPacket("192.0.2.53", 53, "192.0.2.2", 40_002, message);
      PacketRecord r = PacketRecord.parse(0, packet, packet.length).orElseThrow();
      assertEquals(message.length >= 12, r.isDns());
      r.describe();
      assertNull(DnsMessage.parse(message, 0, Math.min(message.length, 11)));
    }
    byte[] lyingCounts = hex("abcd 8180 ffff ffff ffff ffff 00 0001 0001 c00c");
    PacketRecord r = parse(udpPacket("192.0.2.53", 53, "192.0.2.2", 40_002, lyingCounts));
    assertEquals(".", r.dns().name());
    assertEquals(List.of(), r.dns().addresses());
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
