package io.github.connectbylist.emulator.capture;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads a classic libpcap file of IP packets: the emulator's own ({@link PcapWriter}), or one from tcpdump. It
 * takes both timestamp precisions (magic {@code 0xa1b2c3d4}, microseconds; {@code 0xa1b23c4d}, nanoseconds),
 * both byte orders, and the link types whose frames are IP packets: {@code LINKTYPE_RAW} (101), {@code
 * LINKTYPE_IPV4} (228), {@code LINKTYPE_IPV6} (229), and {@code LINKTYPE_ETHERNET} (1), whose 14-byte header is
 * taken off when its EtherType is IPv4 or IPv6; other Ethernet frames (ARP, VLAN-tagged) are skipped. pcapng
 * files are not read: {@code tcpdump -r in.pcapng -w out.pcap} converts one.
 *
 * <p>A file is untrusted input, so a record is read only when its captured length is within the snap length
 * the file declares and within 256 KiB; otherwise, as for a record cut short, reading fails with an {@link
 * IOException} naming the record's offset in the file.
 */
public final class PcapReader implements AutoCloseable {

  /** The largest record read: 256 KiB, libpcap's own limit. */
  public static final int MAX_RECORD_LENGTH = 262_144;

  static final int LINKTYPE_ETHERNET = 1;
  static final int LINKTYPE_IPV4 = 228;
  static final int LINKTYPE_IPV6 = 229;
  private static final int ETHERNET_HEADER = 14;
  private static final int ETHERTYPE_IPV4 = 0x0800;
  private static final int ETHERTYPE_IPV6 = 0x86dd;
  private static final int PCAPNG_MAGIC = 0x0a0d_0d0a;

  private final InputStream in;
  private final ByteBuffer recordHeader;
  private final boolean nanoseconds;
  private final int snapLength;
  private final int linkType;
  private final int maxRecord;
  private long offset;

  /**
   * Reads and checks the file header from {@code in}, which the reader then owns and closes.
   *
   * @param in the capture
   * @throws IOException when it cannot be read, or is not a classic pcap file of a link type read here
   */
  public PcapReader(InputStream in) throws IOException {
    this.in = new BufferedInputStream(Objects.requireNonNull(in, "in"), 1 << 16);
    byte[] header = new byte[PcapWriter.FILE_HEADER_LENGTH];
    if (this.in.readNBytes(header, 0, header.length) < header.length) {
      throw new IOException("not a pcap file: shorter than the 24-byte file header");
    }
    offset = header.length;
    ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
    int magic = h.getInt(0);
    if (magic == Integer.reverseBytes(PcapWriter.MAGIC_MICROSECONDS)
        || magic == Integer.reverseBytes(PcapWriter.MAGIC_NANOSECONDS)) {
      h.order(ByteOrder.BIG_ENDIAN);
      magic = Integer.reverseBytes(magic);
    }
    if (magic == PCAPNG_MAGIC) {
      throw new IOException("a pcapng file, not classic pcap: convert it with tcpdump -r IN -w OUT");
    }
    if (magic != PcapWriter.MAGIC_MICROSECONDS && magic != PcapWriter.MAGIC_NANOSECONDS) {
      throw new IOException(String.format(Locale.ROOT, "not a pcap file: magic number 0x%08x", magic));
    }
    nanoseconds = magic == PcapWriter.MAGIC_NANOSECONDS;
    int major = h.getShort(4);
    if (major != 2) {
      throw new IOException("pcap version " + major + "." + h.getShort(6) + ": only 2.x is read");
    }
    snapLength = h.getInt(16);
    // A snap length of 0 (or less, read unsigned as huge) is no limit of the file's own: ours then applies.
    maxRecord = snapLength > 0 ? Math.min(snapLength, MAX_RECORD_LENGTH) : MAX_RECORD_LENGTH;
    linkType = h.getInt(20) & 0xffff; // the upper 16 bits may say how long a frame check sequence is
    if (linkType != PcapWriter.LINKTYPE_RAW && linkType != LINKTYPE_IPV4 && linkType != LINKTYPE_IPV6
        && linkType != LINKTYPE_ETHERNET) {
      throw new IOException("pcap link type " + linkType + " is not read: give raw IP (101, 228, 229) or "
          + "Ethernet (1)");
    }
    recordHeader = ByteBuffer.allocate(PcapWriter.RECORD_HEADER_LENGTH).order(h.order());
  }

  /**
   * Opens a capture file and reads its header.
   *
   * @param file the file
   * @return the reader
   * @throws IOException when it cannot be read, or is not a classic pcap file of a link type read here
   */
  public static PcapReader open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    try {
      return new PcapReader(in);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads every packet of a capture file.
   *
   * @param file the file
   * @return its IP packets in file order
   * @throws IOException when it cannot be read or is malformed, naming the file
   */
  public static List<CapturedPacket> readAll(Path file) throws IOException {
    try (PcapReader reader = open(file)) {
      List<CapturedPacket> all = new ArrayList<>();
      try {
        for (CapturedPacket p = reader.next(); p != null; p = reader.next()) {
          all.add(p);
        }
      } catch (IOException e) {
        throw new IOException(file + ": " + e.getMessage(), e);
      }
      return all;
    }
  }

  /**
   * Whether the file's timestamps have nanoseconds rather than microseconds.
   *
   * @return {@code true} for magic {@code 0xa1b23c4d}
   */
  public boolean nanoseconds() {
    return nanoseconds;
  }

  /**
   * The snap length the file declares.
   *
   * @return the most bytes the capture kept of a packet
   */
  public int snapLength() {
    return snapLength;
  }

  /**
   * The file's link type.
   *
   * @return 101, 228 or 229 for raw IP, 1 for Ethernet
   */
  public int linkType() {
    return linkType;
  }

  /**
   * Reads the next IP packet.
   *
   * @return the packet; {@code null} at the end of the file
   * @throws IOException when the file cannot be read, or its next record is cut short or longer than allowed
   */
  public CapturedPacket next() throws IOException {
    while (true) {
      long at = offset;
      byte[] header = recordHeader.array();
      int got = in.readNBytes(header, 0, header.length);
      if (got == 0) {
        return null;
      }
      if (got < header.length) {
        throw new EOFException("record at offset " + at + " is cut short: " + got + " of its 16 header bytes");
      }
      long seconds = recordHeader.getInt(0) & 0xffff_ffffL;
      long fraction = recordHeader.getInt(4) & 0xffff_ffffL;
      long captured = recordHeader.getInt(8) & 0xffff_ffffL;
      long original = recordHeader.getInt(12) & 0xffff_ffffL;
      if (captured > maxRecord) {
        throw new IOException("record at offset " + at + " has " + captured + " bytes, more than the "
            + (maxRecord == snapLength ? "snap length " : "limit of ") + maxRecord);
      }
      byte[] frame = in.readNBytes((int) captured);
      offset += header.length + captured;
      if (frame.length < captured) {
        throw new EOFException("record at offset " + at + " is cut short: " + frame.length + " of its "
            + captured + " bytes");
      }
      long time = seconds * 1_000_000_000L + (nanoseconds ? fraction : fraction * 1_000L);
      int originalLength = (int) Math.min(original, Integer.MAX_VALUE);
      if (linkType != LINKTYPE_ETHERNET) {
        return new CapturedPacket(time, originalLength, frame);
      }
      if (frame.length >= ETHERNET_HEADER) {
        int etherType = (frame[12] & 0xff) << 8 | frame[13] & 0xff;
        if (etherType == ETHERTYPE_IPV4 || etherType == ETHERTYPE_IPV6) {
          byte[] ip = Arrays.copyOfRange(frame, ETHERNET_HEADER, frame.length);
          return new CapturedPacket(time, Math.max(0, originalLength - ETHERNET_HEADER), ip);
        }
      }
    }
  }

  /**
   * Closes the file.
   *
   * @throws IOException when closing fails
   */
  @Override
  public void close() throws IOException {
    in.close();
  }
}
