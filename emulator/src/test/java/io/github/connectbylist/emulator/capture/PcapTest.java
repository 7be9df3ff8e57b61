package io.github.connectbylist.emulator.capture;

import static io.github.connectbylist.emulator.packet.TestPackets.hex;
import static io.github.connectbylist.emulator.packet.TestPackets.slice;
import static io.github.connectbylist.emulator.packet.TestPackets.udpPacket;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.emulator.packet.KernelPackets;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing and reading classic pcap files: ours, tcpdump's, and malformed ones. */
class PcapTest {

  @TempDir
  Path dir;

  private static final long T0 = 1_700_000_000_123_456_789L;

  @Test
  void writesTheFileHeaderAndRecordsByteForByte() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] syn = hex(KernelPackets.SYN_V4);
    try (PcapWriter w = new PcapWriter(out, 256)) {
      w.write(T0, syn, syn.length);
    }
    byte[] file = out.toByteArray();
    assertEquals("4d3cb2a1" + "0200" + "0400" + "00000000" + "00000000" + "00010000" + "65000000",
        hex(slice(file, 0, 24)), "nanosecond magic, 2.4, zone 0, sigfigs 0, snap 256, link type 101");
    // 1700000000 = 0x6553f100 seconds, 123456789 = 0x075bcd15 ns, 60 captured of 60
    assertEquals("00f15365" + "15cd5b07" + "3c000000" + "3c000000", hex(slice(file, 24, 40)));
    assertArrayEquals(syn, slice(file, 40, file.length));
  }

  @Test
  void readsBackTimesToTheNanosecondLengthsAndTheSnapLengthsCut() throws IOException {
    Path file = dir.resolve("run.pcap");
    byte[] syn4 = hex(KernelPackets.SYN_V4);
    byte[] syn6 = hex(KernelPackets.SYN_V6);
    byte[] big = udpPacket("2001:db8:1::2", 40_000, "2001:db8:2::1", 53, new byte[1452]);
    try (PcapWriter w = PcapWriter.create(file)) {
      assertEquals(256, w.snapLength());
      w.write(T0, syn4, syn4.length);
      w.write(T0 + 1, syn6, syn6.length);
      w.write(T0 + 999_999_999L, big, big.length);
      w.write(0, syn4, 20); // the epoch itself; a packet cut by its caller
    }
    List<CapturedPacket> read = PcapReader.readAll(file);
    assertEquals(4, read.size());
    assertEquals(T0, read.get(0).timeNanos());
    assertEquals(T0 + 1, read.get(1).timeNanos());
    assertEquals(T0 + 999_999_999L, read.get(2).timeNanos());
    assertEquals(0, read.get(3).timeNanos());
    assertArrayEquals(syn4, read.get(0).data());
    assertEquals(60, read.get(0).originalLength());
    assertFalse(read.get(0).truncated());
    assertArrayEquals(syn6, read.get(1).data());
    assertEquals(1500, read.get(2).originalLength());
    assertEquals(256, read.get(2).data().length);
    assertArrayEquals(slice(big, 0, 256), read.get(2).data());
    assertTrue(read.get(2).truncated());
    assertEquals(20, read.get(3).originalLength());
    try (PcapReader r = PcapReader.open(file)) {
      assertTrue(r.nanoseconds());
      assertEquals(256, r.snapLength());
      assertEquals(101, r.linkType());
    }
  }

  @Test
  void aSmallSnapLengthKeepsTheHeadersOnly() throws IOException {
    Path file = dir.resolve("small.pcap");
    byte[] syn6 = hex(KernelPackets.SYN_V6);
    try (PcapWriter w = PcapWriter.create(file, 54)) {
      w.write(T0, syn6, syn6.length);
    }
    CapturedPacket p = PcapReader.readAll(file).get(0);
    assertEquals(80, p.originalLength());
    assertArrayEquals(slice(syn6, 0, 54), p.data());
  }

  @Test
  void readsTcpdumpsOwnEthernetCaptureWithMicroseconds() throws IOException {
    // lo-refused.pcap: tcpdump -i lo -w, Linux loopback (Ethernet link type, zero MACs); see KernelPackets.
    List<CapturedPacket> read;
    try (InputStream in = PcapTest.class.getResourceAsStream("lo-refused.pcap");
        PcapReader r = new PcapReader(in)) {
      assertFalse(r.nanoseconds());
      assertEquals(1, r.linkType());
      assertEquals(262_144, r.snapLength());
      read = new ArrayList<>();
      for (CapturedPacket p = r.next(); p != null; p = r.next()) {
        read.add(p);
      }
    }
    String[] expected = {KernelPackets.SYN_V4, KernelPackets.RESET_V4, KernelPackets.UDP_V4,
        KernelPackets.PORT_UNREACHABLE_V4, KernelPackets.SYN_V6, KernelPackets.RESET_V6, KernelPackets.UDP_V6,
        KernelPackets.PORT_UNREACHABLE_V6};
    assertEquals(expected.length, read.size());
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], hex(read.get(i).data()), "packet " + i);
      assertEquals(expected[i].length() / 2, read.get(i).originalLength(), "packet " + i + ", less Ethernet");
    }
    assertEquals(1_796_041_045_934_617_000L, read.get(0).timeNanos(), "microseconds, exactly");
    assertEquals(1_796_041_045_935_418_000L, read.get(7).timeNanos());
  }

  /** A classic pcap file built field by field, in either byte order. */
  private static byte[] pcap(ByteOrder order, int magic, int snap, int linkType, byte[]... records) {
    ByteBuffer b = ByteBuffer.allocate(1 << 20).order(order);
    b.putInt(magic).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(snap).putInt(linkType);
    for (byte[] r : records) {
      b.put(r);
    }
    return slice(b.array(), 0, b.position());
  }

  private static byte[] record(ByteOrder order, int seconds, int fraction, int captured, int original,
      byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(16 + data.length).order(order);
    return b.putInt(seconds).putInt(fraction).putInt(captured).putInt(original).put(data).array();
  }

  private static List<CapturedPacket> readAll(byte[] file) throws IOException {
    List<CapturedPacket> all = new ArrayList<>();
    try (PcapReader r = new PcapReader(new ByteArrayInputStream(file))) {
      for (CapturedPacket p = r.next(); p != null; p = r.next()) {
        all.add(p);
      }
    }
    return all;
  }

  @Test
  void readsBigEndianFilesOfEitherPrecisionAndTheIpLinkTypes() throws IOException {
    byte[] udp4 = hex(KernelPackets.UDP_V4);
    byte[] udp6 = hex(KernelPackets.UDP_V6);
    ByteOrder be = ByteOrder.BIG_ENDIAN;
    byte[] micro = pcap(be, 0xa1b2c3d4, 65_535, 228, record(be, 1_000, 999_999, udp4.length, udp4.length, udp4));
    CapturedPacket p = readAll(micro).get(0);
    assertEquals(1_000_999_999_000L, p.timeNanos());
    assertArrayEquals(udp4, p.data());
    byte[] nano = pcap(be, 0xa1b23c4d, 65_535, 229, record(be, -1, 999_999_999, 40, udp6.length, slice(udp6, 0, 40)));
    p = readAll(nano).get(0);
    assertEquals(0xffff_ffffL * 1_000_000_000L + 999_999_999L, p.timeNanos(), "the seconds are unsigned");
    assertEquals(udp6.length, p.originalLength());
    assertTrue(p.truncated());
  }

  @Test
  void skipsEthernetFramesThatAreNotIp() throws IOException {
    ByteOrder le = ByteOrder.LITTLE_ENDIAN;
    byte[] arp = new byte[42];
    arp[12] = 0x08;
    arp[13] = 0x06;
    byte[] ip = new byte[14 + 38];
    ip[12] = 0x08;
    System.arraycopy(hex(KernelPackets.UDP_V4), 0, ip, 14, 38);
    byte[] runt = new byte[10];
    byte[] file = pcap(le, 0xa1b2c3d4, 1_500, 1, record(le, 1, 0, 42, 42, arp), record(le, 2, 0, 10, 10, runt),
        record(le, 3, 0, ip.length, 60, ip));
    List<CapturedPacket> read = readAll(file);
    assertEquals(1, read.size());
    assertEquals(3_000_000_000L, read.get(0).timeNanos());
    assertEquals(46, read.get(0).originalLength(), "60 on the wire, less 14 of Ethernet");
    assertEquals(KernelPackets.UDP_V4, hex(read.get(0).data()));
  }

  @Test
  void aRecordLongerThanTheSnapLengthOrTheLimitIsAnErrorNamingItsOffset() {
    ByteOrder le = ByteOrder.LITTLE_ENDIAN;
    byte[] ok = record(le, 1, 0, 20, 20, new byte[20]);
    byte[] tooLong = record(le, 1, 0, 101, 101, new byte[101]);
    IOException e = assertThrows(IOException.class,
        () -> readAll(pcap(le, 0xa1b2c3d4, 100, 101, ok, tooLong)));
    assertEquals("record at offset 60 has 101 bytes, more than the snap length 100", e.getMessage());

    byte[] huge = ByteBuffer.allocate(16).order(le).putInt(1).putInt(0).putInt(262_145).putInt(262_145).array();
    e = assertThrows(IOException.class, () -> readAll(pcap(le, 0xa1b2c3d4, 0, 101, huge)));
    assertEquals("record at offset 24 has 262145 bytes, more than the limit of 262144", e.getMessage());
    byte[] negative = ByteBuffer.allocate(16).order(le).putInt(1).putInt(0).putInt(-1).putInt(-1).array();
    e = assertThrows(IOException.class, () -> readAll(pcap(le, 0xa1b2c3d4, 0, 101, negative)));
    assertTrue(e.getMessage().contains("4294967295 bytes"), e.getMessage());
  }

  @Test
  void aFileCutShortIsAnErrorNamingTheRecord() {
    ByteOrder le = ByteOrder.LITTLE_ENDIAN;
    byte[] whole = pcap(le, 0xa1b2c3d4, 100, 101, record(le, 1, 0, 20, 20, new byte[20]),
        record(le, 1, 0, 30, 30, new byte[30]));
    IOException e = assertThrows(IOException.class, () -> readAll(slice(whole, 0, whole.length - 1)));
    assertEquals("record at offset 60 is cut short: 29 of its 30 bytes", e.getMessage());
    e = assertThrows(IOException.class, () -> readAll(slice(whole, 0, 70)));
    assertEquals("record at offset 60 is cut short: 10 of its 16 header bytes", e.getMessage());
  }

  @Test
  void refusesWhatIsNoClassicPcapOfIp() throws IOException {
    ByteOrder le = ByteOrder.LITTLE_ENDIAN;
    assertEquals("not a pcap file: shorter than the 24-byte file header",
        assertThrows(IOException.class, () -> readAll(new byte[10])).getMessage());
    assertEquals("not a pcap file: magic number 0x04034b50", assertThrows(IOException.class,
        () -> readAll(pcap(le, 0x04034b50, 100, 101))).getMessage(), "a zip file");
    assertTrue(assertThrows(IOException.class, () -> readAll(pcap(le, 0x0a0d0d0a, 100, 101))).getMessage()
        .contains("pcapng"));
    assertEquals("pcap link type 113 is not read: give raw IP (101, 228, 229) or Ethernet (1)",
        assertThrows(IOException.class, () -> readAll(pcap(le, 0xa1b2c3d4, 100, 113))).getMessage());
    Path file = Files.write(dir.resolve("not.pcap"), new byte[3]);
    IOException e = assertThrows(IOException.class, () -> PcapReader.readAll(file));
    assertTrue(e.getMessage().startsWith(file.toString()), "names the file: " + e.getMessage());
    assertTrue(readAll(pcap(le, 0xa1b2c3d4, 100, 101)).isEmpty(), "a header alone is an empty capture");
  }

  @Test
  void theWriterChecksItsArguments() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThrows(IllegalArgumentException.class, () -> new PcapWriter(out, 0));
    assertThrows(IllegalArgumentException.class, () -> new PcapWriter(out, 262_145));
    PcapWriter w = new PcapWriter(out, 262_144);
    byte[] p = new byte[40];
    assertThrows(IllegalArgumentException.class, () -> w.write(-1, p, 40), "before 1970");
    assertThrows(IllegalArgumentException.class, () -> w.write(0x1_0000_0000L * 1_000_000_000L, p, 40));
    assertThrows(IndexOutOfBoundsException.class, () -> w.write(0, p, 41));
    w.close();
    w.close();
    assertEquals("the capture is closed", assertThrows(IOException.class, () -> w.write(0, p, 40)).getMessage());
    w.flush();
    assertEquals(24, out.size(), "nothing but the header");
  }

  @Test
  void flushLetsAReaderSeeThePacketsSoFar() throws IOException {
    Path file = dir.resolve("live.pcap");
    byte[] syn = hex(KernelPackets.SYN_V4);
    try (PcapWriter w = PcapWriter.create(file)) {
      w.write(T0, syn, syn.length);
      assertEquals(24, Files.size(file), "the header is written at once, the packet buffered");
      w.flush();
      assertEquals(1, PcapReader.readAll(file).size());
    }
  }

  @Test
  void writersOnManyThreadsLeaveWholeRecords() throws Exception {
    Path file = dir.resolve("threads.pcap");
    int threads = 4;
    int each = 2_000;
    try (PcapWriter w = PcapWriter.create(file)) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        byte[] packet = udpPacket("192.0.2." + (t + 1), 1000 + t, "198.51.100.1", 53, new byte[t * 100]);
        done.add(pool.submit(() -> {
          for (int i = 0; i < each; i++) {
            w.write(T0 + i, packet, packet.length);
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
    }
    List<CapturedPacket> read = PcapReader.readAll(file);
    assertEquals(threads * each, read.size());
    for (CapturedPacket p : read) {
      int sender = p.data()[15];
      assertEquals(Math.min(256, 28 + (sender - 1) * 100), p.data().length);
    }
  }
}
