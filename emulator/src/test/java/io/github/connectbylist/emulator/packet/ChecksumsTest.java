package io.github.connectbylist.emulator.packet;

import static io.github.connectbylist.emulator.packet.TestPackets.hex;
import static io.github.connectbylist.emulator.packet.TestPackets.plainChecksum;
import static io.github.connectbylist.emulator.packet.TestPackets.slice;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Internet checksum against known values and against the plain implementation of the tests. */
class ChecksumsTest {

  @Test
  void theClassicIpv4HeaderExampleSumsToB861() {
    // 192.168.0.1 to 192.168.0.199, UDP, total length 115: the worked example of many a textbook.
    byte[] header = hex("4500 0073 0000 4000 4011 b861 c0a8 0001 c0a8 00c7");
    assertEquals(0, Checksums.of(header, 0, 20), "a header holding its checksum sums to 0");
    header[10] = 0;
    header[11] = 0;
    assertEquals(0xb861, Checksums.of(header, 0, 20));
  }

  @Test
  void rfc1071SectionThreeExampleSumsToDdf2() {
    // RFC 1071 section 3: the words 0001 f203 f4f5 f6f7 sum to ddf2, whose complement is 220d.
    byte[] data = hex("0001 f203 f4f5 f6f7");
    assertEquals(0xddf2, (int) fold(Checksums.add(data, 0, data.length, 0)));
    assertEquals(0x220d, Checksums.of(data, 0, data.length));
  }

  private static long fold(long sum) {
    while (sum >>> 16 != 0) {
      sum = (sum & 0xffff) + (sum >>> 16);
    }
    return sum;
  }

  @Test
  void anOddLastByteIsPaddedWithZero() {
    assertEquals(Checksums.of(hex("abcd12"), 0, 3), Checksums.of(hex("abcd1200"), 0, 4));
    assertEquals(0xffff - 0xab00, Checksums.of(hex("ab"), 0, 1));
  }

  @Test
  void aSumSplitIntoEvenPartsIsTheSumOfTheWhole() {
    byte[] data = new byte[1001];
    new Random(7).nextBytes(data);
    long parts = Checksums.add(data, 500, 501, Checksums.add(data, 0, 500, 0));
    assertEquals(Checksums.of(data, 0, data.length), Checksums.finish(parts));
  }

  @Test
  void agreesWithThePlainImplementationOnRandomDataUpToTheLargestPacket() {
    Random random = new Random(1071);
    for (int length : new int[] {0, 1, 2, 3, 19, 20, 1279, 1280, 65_535, 65_535 + 40}) {
      byte[] data = new byte[length];
      random.nextBytes(data);
      assertEquals(plainChecksum(data), Checksums.of(data, 0, length), "length " + length);
    }
    byte[] ones = new byte[65_575];
    java.util.Arrays.fill(ones, (byte) 0xff);
    assertEquals(plainChecksum(ones), Checksums.of(ones, 0, ones.length), "no carry lost");
  }

  @Test
  void theTransportChecksumOfRealKernelPacketsIncludesThePseudoHeader() {
    // The kernel's IPv4 reset carries its real TCP checksum, c48c; its ICMPv6 port unreachable fba0.
    byte[] reset = hex(KernelPackets.RESET_V4);
    assertEquals(0, Checksums.transport(reset, 20, 6, 20));
    byte[] unreachable = hex(KernelPackets.PORT_UNREACHABLE_V6);
    assertEquals(0, Checksums.transport(unreachable, 40, 58, unreachable.length - 40));
    unreachable[42] = 0;
    unreachable[43] = 0;
    assertEquals(0xfba0, Checksums.transport(unreachable, 40, 58, unreachable.length - 40));
  }

  @Test
  void thePseudoHeaderSumIsThatOfItsBytes() {
    byte[] v4 = hex(KernelPackets.SYN_V4);
    byte[] v6 = hex(KernelPackets.SYN_V6);
    assertEquals(plainChecksum(TestPackets.pseudoHeader(slice(v4, 12, 16), slice(v4, 16, 20), 6, 40)),
        Checksums.finish(Checksums.pseudoHeader(v4, 6, 40)));
    assertEquals(plainChecksum(TestPackets.pseudoHeader(slice(v6, 8, 24), slice(v6, 24, 40), 6, 70_000)),
        Checksums.finish(Checksums.pseudoHeader(v6, 6, 70_000)), "IPv6 takes a 32-bit length");
  }

  @Test
  void theLoopbackSynHoldsOnlyItsPseudoHeaderSumAsTcpdumpSays() {
    // The SYN's checksum field (fe30) is the folded, uncomplemented pseudo-header sum the NIC would finish.
    byte[] syn = hex(KernelPackets.SYN_V4);
    assertEquals(0xfe30, 0xffff - Checksums.finish(Checksums.pseudoHeader(syn, 6, 40)));
    syn[36] = 0;
    syn[37] = 0;
    assertEquals(0xe2c0, Checksums.transport(syn, 20, 6, 40), "tcpdump: cksum 0xfe30 (incorrect -> 0xe2c0)");
  }
}
