package io.github.connectbylist.emulator.packet;

import static io.github.connectbylist.emulator.packet.TestPackets.hex;
import static io.github.connectbylist.emulator.packet.TestPackets.icmp;
import static io.github.connectbylist.emulator.packet.TestPackets.ip;
import static io.github.connectbylist.emulator.packet.TestPackets.tcpPacket;
import static io.github.connectbylist.emulator.packet.TestPackets.udpPacket;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.api.Addresses;
import io.github.connectbylist.emulator.Family;
import io.github.connectbylist.emulator.Prefix;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Reading real and hand-built packets of both families, and refusing what is not one. */
class IpPacketTest {

  private final IpPacket p = new IpPacket();

  @Test
  void aRealIpv4SynFromTheKernel() {
    byte[] syn = hex(KernelPackets.SYN_V4);
    assertTrue(p.reset(syn, syn.length));
    assertEquals(Family.IPV4, p.family());
    assertEquals(IpPacket.TCP, p.protocol());
    assertEquals(20, p.headerLength());
    assertEquals(60, p.length());
    assertEquals(60, p.capturedLength());
    assertEquals(40, p.payloadLength());
    assertEquals(Addresses.parseLiteral("127.0.0.1"), p.source());
    assertEquals(Addresses.parseLiteral("127.0.0.1"), p.destination());
    assertEquals(44_982, p.sourcePort());
    assertEquals(9, p.destinationPort());
    assertEquals(IpPacket.TCP_SYN, p.tcpFlags());
    assertTrue(p.isTcpSyn());
    assertEquals(-1, p.icmpType());
    assertFalse(p.isNonInitialFragment());
    assertEquals("ipv4 tcp 127.0.0.1:44982 > 127.0.0.1:9 flags 0x02 length 60", p.toString());
  }

  @Test
  void aRealIpv6SynFromTheKernel() {
    byte[] syn = hex(KernelPackets.SYN_V6);
    assertTrue(p.reset(syn, syn.length));
    assertEquals(Family.IPV6, p.family());
    assertEquals(IpPacket.TCP, p.protocol());
    assertEquals(40, p.headerLength());
    assertEquals(80, p.length());
    assertEquals(Addresses.parseLiteral("::1"), p.source());
    assertEquals(50_030, p.sourcePort());
    assertEquals(9, p.destinationPort());
    assertTrue(p.isTcpSyn());
    assertEquals("ipv6 tcp [::1]:50030 > [::1]:9 flags 0x02 length 80", p.toString());
  }

  @Test
  void theKernelsResetIsTcpButNoSyn() {
    byte[] reset = hex(KernelPackets.RESET_V4);
    assertTrue(p.reset(reset, reset.length));
    assertEquals(IpPacket.TCP_RST | IpPacket.TCP_ACK, p.tcpFlags());
    assertFalse(p.isTcpSyn());
  }

  @Test
  void aSynAckIsNoSyn() {
    byte[] synAck = tcpPacket("2001:db8:2::1", 443, "2001:db8:1::2", 40_000, 5, 1, IpPacket.TCP_SYN | IpPacket.TCP_ACK,
        new byte[0]);
    assertTrue(p.reset(synAck, synAck.length));
    assertEquals(0x12, p.tcpFlags());
    assertFalse(p.isTcpSyn());
  }

  @Test
  void udpHasPortsButNoFlags() {
    byte[] v4 = udpPacket("192.0.2.10", 5353, "198.51.100.53", 53, new byte[12]);
    assertTrue(p.reset(v4, v4.length));
    assertEquals(Family.IPV4, p.family());
    assertEquals(IpPacket.UDP, p.protocol());
    assertEquals(5353, p.sourcePort());
    assertEquals(53, p.destinationPort());
    assertEquals(-1, p.tcpFlags());
    assertFalse(p.isTcpSyn());
    assertEquals(40, p.length());

    byte[] v6 = udpPacket("2001:db8::10", 40_001, "2001:db8::53", 53, new byte[30]);
    assertTrue(p.reset(v6, v6.length));
    assertEquals(Family.IPV6, p.family());
    assertEquals(40_001, p.sourcePort());
    assertEquals(53, p.destinationPort());
    assertEquals(78, p.length());
    assertEquals("ipv6 udp [2001:db8::10]:40001 > [2001:db8::53]:53 length 78", p.toString());
  }

  @Test
  void icmpHasATypeAndNoPorts() {
    byte[] echo = ip("192.0.2.1", "198.51.100.1", IpPacket.ICMP, icmp(8, 0, new byte[4]));
    assertTrue(p.reset(echo, echo.length));
    assertEquals(IpPacket.ICMP, p.protocol());
    assertEquals(0, p.sourcePort());
    assertEquals(0, p.destinationPort());
    assertEquals(-1, p.tcpFlags());
    assertEquals(8, p.icmpType());
    assertEquals(0, p.icmpCode());
    assertFalse(p.isIcmpError());
    assertEquals("ipv4 icmp 192.0.2.1 > 198.51.100.1 type 8 code 0 length 32", p.toString());

    byte[] echo6 = ip("2001:db8::1", "2001:db8::2", IpPacket.ICMPV6, icmp(128, 0, new byte[0]));
    assertTrue(p.reset(echo6, echo6.length));
    assertEquals(128, p.icmpType());
    assertFalse(p.isIcmpError());

    byte[] unreachable6 = hex(KernelPackets.PORT_UNREACHABLE_V6);
    assertTrue(p.reset(unreachable6, unreachable6.length));
    assertEquals(1, p.icmpType());
    assertEquals(4, p.icmpCode());
    assertTrue(p.isIcmpError());
    byte[] unreachable4 = hex(KernelPackets.PORT_UNREACHABLE_V4);
    assertTrue(p.reset(unreachable4, unreachable4.length));
    assertEquals(3, p.icmpType());
    assertEquals(3, p.icmpCode());
    assertTrue(p.isIcmpError());
  }

  @Test
  void anIcmpv4NumberInIpv6IsNotIcmp() {
    byte[] odd = ip("2001:db8::1", "2001:db8::2", IpPacket.ICMP, icmp(3, 1, new byte[0]));
    assertTrue(p.reset(odd, odd.length));
    assertEquals(-1, p.icmpType());
    assertFalse(p.isIcmpError());
  }

  @Test
  void addressesCopyIntoArraysThatPrefixesMatch() {
    byte[] syn = tcpPacket("2001:db8:1::2", 40_000, "2001:db8:2::1", 443, 1, 0, IpPacket.TCP_SYN, new byte[0]);
    byte[] v6 = new byte[16];
    assertTrue(p.reset(syn, syn.length));
    assertEquals(16, p.addressLength());
    assertEquals(16, p.sourceInto(v6));
    assertArrayEquals(Addresses.parseLiteral("2001:db8:1::2").getAddress(), v6);
    assertEquals(16, p.destinationInto(v6));
    assertTrue(Prefix.parse("2001:db8:2::/48").contains(v6));

    byte[] syn4 = tcpPacket("192.0.2.2", 40_000, "198.51.100.7", 80, 1, 0, IpPacket.TCP_SYN, new byte[0]);
    byte[] v4 = new byte[4];
    assertTrue(p.reset(syn4, syn4.length), "one view serves packet after packet, of either family");
    assertEquals(4, p.destinationInto(v4));
    assertTrue(Prefix.parse("198.51.100.0/24").contains(v4));
    assertEquals(4, p.sourceInto(v4));
    assertArrayEquals(new byte[] {(byte) 192, 0, 2, 2}, v4);
  }

  @Test
  void peekDestinationReadsTheAddressWithoutAView() {
    byte[] dst = new byte[16];
    byte[] v6 = hex(KernelPackets.UDP_V6);
    assertEquals(16, IpPacket.peekDestination(v6, v6.length, dst));
    assertArrayEquals(Addresses.parseLiteral("::1").getAddress(), dst);
    byte[] v4 = udpPacket("192.0.2.10", 1, "198.51.100.53", 53, new byte[0]);
    assertEquals(4, IpPacket.peekDestination(v4, v4.length, dst));
    assertArrayEquals(new byte[] {(byte) 198, 51, 100, 53}, Arrays.copyOf(dst, 4));
    assertEquals(0, IpPacket.peekDestination(v4, 19, dst));
    assertEquals(0, IpPacket.peekDestination(v6, 39, dst));
    assertEquals(0, IpPacket.peekDestination(new byte[40], 40, dst), "version 0");
    assertEquals(0, IpPacket.peekDestination(new byte[0], 0, dst));
  }

  @Test
  void ipv4OptionsMoveTheTransportHeader() {
    // IHL 6: a 4-byte option (a no-op and end of list, padded) between the fixed header and TCP.
    byte[] plain = tcpPacket("192.0.2.2", 1234, "198.51.100.7", 443, 1, 0, IpPacket.TCP_SYN, new byte[0]);
    byte[] withOption = new byte[plain.length + 4];
    System.arraycopy(plain, 0, withOption, 0, 20);
    withOption[20] = 1; // NOP
    System.arraycopy(plain, 20, withOption, 24, plain.length - 20);
    withOption[0] = 0x46;
    TestPackets.put16(withOption, 2, withOption.length);
    assertTrue(p.reset(withOption, withOption.length));
    assertEquals(24, p.headerLength());
    assertEquals(1234, p.sourcePort());
    assertEquals(443, p.destinationPort());
    assertTrue(p.isTcpSyn());
  }

  @Test
  void aNonInitialFragmentHasNoPortsOrFlags() {
    byte[] fragment = tcpPacket("192.0.2.2", 1234, "198.51.100.7", 443, 1, 0, IpPacket.TCP_SYN, new byte[0]);
    TestPackets.put16(fragment, 6, 185); // offset 185 * 8 bytes: the bytes here are the middle of a datagram
    assertTrue(p.reset(fragment, fragment.length));
    assertTrue(p.isNonInitialFragment());
    assertEquals(0, p.sourcePort());
    assertEquals(0, p.destinationPort());
    assertEquals(-1, p.tcpFlags());
    TestPackets.put16(fragment, 6, 0x2000); // more fragments, offset 0: the first fragment has the header
    assertTrue(p.reset(fragment, fragment.length));
    assertFalse(p.isNonInitialFragment());
    assertEquals(443, p.destinationPort());
  }

  @Test
  void anIpv6ExtensionHeaderIsReportedAsTheProtocolAndHidesThePorts() {
    // A hop-by-hop options header (next header 0) of 8 bytes, then UDP.
    byte[] udp = TestPackets.udp(1, 53, new byte[0]);
    byte[] message = new byte[8 + udp.length];
    message[0] = IpPacket.UDP;
    message[2] = 1; // PadN option of length 4 fills the 8 bytes
    message[3] = 4;
    System.arraycopy(udp, 0, message, 8, udp.length);
    byte[] packet = ip("2001:db8::1", "2001:db8::2", 0, message);
    assertTrue(p.reset(packet, packet.length));
    assertEquals(0, p.protocol());
    assertEquals(0, p.sourcePort());
    assertEquals(0, p.destinationPort());
  }

  @Test
  void bytesAfterTheLengthInTheHeaderAreNotPartOfThePacket() {
    byte[] syn = hex(KernelPackets.SYN_V4);
    byte[] padded = Arrays.copyOf(syn, syn.length + 6);
    assertTrue(p.reset(padded, padded.length));
    assertEquals(60, p.length());
    assertEquals(60, p.capturedLength());
  }

  @Test
  void refusesWhatIsNoWellFormedPacket() {
    byte[] v4 = hex(KernelPackets.UDP_V4);
    byte[] v6 = hex(KernelPackets.UDP_V6);
    assertFalse(p.reset(new byte[0], 0), "empty");
    assertFalse(p.reset(v4, 0), "nothing read");
    assertFalse(p.reset(v4, 19), "shorter than a header");
    assertFalse(p.reset(v4, v4.length - 1), "shorter than its total length");
    assertFalse(p.reset(v6, 39), "shorter than the IPv6 header");
    assertFalse(p.reset(v6, v6.length - 1), "shorter than its payload length");
    assertFalse(p.reset(new byte[60], 60), "version 0");
    byte[] version5 = v4.clone();
    version5[0] = 0x55;
    assertFalse(p.reset(version5, version5.length), "version 5");
    byte[] ihl4 = v4.clone();
    ihl4[0] = 0x44;
    assertFalse(p.reset(ihl4, ihl4.length), "IHL below 5");
    byte[] ihl15 = v4.clone();
    ihl15[0] = 0x4f;
    assertFalse(p.reset(ihl15, ihl15.length), "IHL longer than the bytes");
    byte[] totalBelowHeader = v4.clone();
    TestPackets.put16(totalBelowHeader, 2, 19);
    assertFalse(p.reset(totalBelowHeader, totalBelowHeader.length), "total length inside the header");
    byte[] garbage = new byte[100];
    new java.util.Random(4).nextBytes(garbage);
    garbage[0] = 0x7f;
    assertFalse(p.reset(garbage, garbage.length), "random bytes");
    assertThrows(IndexOutOfBoundsException.class, () -> p.reset(v4, v4.length + 1));
  }

  @Test
  void aRefusedPacketLeavesNoViewBehind() {
    byte[] v4 = hex(KernelPackets.UDP_V4);
    assertTrue(p.reset(v4, v4.length));
    assertFalse(p.reset(v4, 10));
    assertThrows(IllegalStateException.class, p::family);
    assertThrows(IllegalStateException.class, p::sourcePort);
    assertThrows(IllegalStateException.class, () -> new IpPacket().length());
    assertEquals("no packet", p.toString());
  }

  @Test
  void aCapturedPacketMayBeCutButNotItsIpHeader() {
    byte[] syn = hex(KernelPackets.SYN_V4);
    assertTrue(p.resetCaptured(syn, 33));
    assertEquals(60, p.length(), "the length the header gives");
    assertEquals(33, p.capturedLength());
    assertEquals(44_982, p.sourcePort(), "the ports are in the first 4 bytes");
    assertEquals(-1, p.tcpFlags(), "the flags were cut off");
    assertFalse(p.isTcpSyn());
    assertTrue(p.resetCaptured(syn, 34));
    assertTrue(p.isTcpSyn(), "the flags are byte 13 of the TCP header");
    assertTrue(p.resetCaptured(syn, 23));
    assertEquals(0, p.sourcePort(), "half a port is none");
    assertFalse(p.resetCaptured(syn, 19));
    assertFalse(p.reset(syn, 34), "the relay's reset takes whole packets only");

    byte[] syn6 = hex(KernelPackets.SYN_V6);
    assertTrue(p.resetCaptured(syn6, 54));
    assertEquals(80, p.length());
    assertEquals(IpPacket.TCP_SYN, p.tcpFlags());
    assertTrue(p.isTcpSyn());
    assertFalse(p.resetCaptured(syn6, 39));

    byte[] unreachable = hex(KernelPackets.PORT_UNREACHABLE_V6);
    assertTrue(p.resetCaptured(unreachable, 40));
    assertEquals(-1, p.icmpType());
  }
}
