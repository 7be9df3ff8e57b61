package io.github.connectbylist.emulator.capture;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes packets to a classic libpcap file: little-endian, version 2.4, nanosecond timestamps (magic
 * {@code 0xa1b23c4d}), link type {@code LINKTYPE_RAW} (101), whose records are bare IPv4 or IPv6 packets, as the
 * relay reads them from the TUN devices. Each packet is cut to the snap length; its record keeps the length it
 * had. tcpdump ({@code tcpdump -r}) and Wireshark read the file.
 *
 * <p>Writes are buffered (64 KiB) and synchronized. The relay calls {@link #write} on its own thread: the call
 * copies at most the snap length into the buffer, the same copy a hand-off to a writer thread would make, and
 * writes the buffer to the file when it fills, every few hundred packets, a write to the page cache. A writer
 * thread would add a queue whose bound the relay meets some day, when it must either block or leave packets out
 * of a log whose worth is in being complete; so this class has none. The lock lets another thread {@link
 * #flush} (to read the file while the network runs) or {@link #close}. Call {@link #close} to have the last
 * packets in the file.
 */
public final class PcapWriter implements AutoCloseable {

  /** The default snap length: IP and TCP or UDP headers with their options, and the start of a DNS message. */
  public static final int DEFAULT_SNAP_LENGTH = 256;
  /** The largest snap length, libpcap's and tcpdump's: 256 KiB. */
  public static final int MAX_SNAP_LENGTH = 262_144;

  /** The magic number of a file with nanosecond timestamps; the usual 0xa1b2c3d4 has microseconds. */
  static final int MAGIC_NANOSECONDS = 0xa1b2_3c4d;
  /** The magic number of a file with microsecond timestamps. */
  static final int MAGIC_MICROSECONDS = 0xa1b2_c3d4;
  /** Raw IP: each record an IPv4 or IPv6 packet, told apart by its version field. */
  static final int LINKTYPE_RAW = 101;
  static final int FILE_HEADER_LENGTH = 24;
  static final int RECORD_HEADER_LENGTH = 16;

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final OutputStream out;
  private final int snapLength;
  private final byte[] recordHeader = new byte[RECORD_HEADER_LENGTH];
  private boolean closed;

  /**
   * Writes the file header to {@code out} at once, which the writer then owns and closes.
   *
   * @param out where the capture goes
   * @param snapLength the most bytes kept of each packet, 1 to {@link #MAX_SNAP_LENGTH}
   * @throws IOException when the header cannot be written
   * @throws IllegalArgumentException when the snap length is out of range
   */
  public PcapWriter(OutputStream out, int snapLength) throws IOException {
    Objects.requireNonNull(out, "out");
    if (snapLength < 1 || snapLength > MAX_SNAP_LENGTH) {
      throw new IllegalArgumentException("snap length " + snapLength + " is out of range: give 1 to "
          + MAX_SNAP_LENGTH);
    }
    this.out = new BufferedOutputStream(out, 1 << 16);
    this.snapLength = snapLength;
    byte[] header = new byte[FILE_HEADER_LENGTH];
    putInt(header, 0, MAGIC_NANOSECONDS);
    putShort(header, 4, 2); // version 2.4
    putShort(header, 6, 4);
    // thiszone and sigfigs: 0, as every writer since has them (times are UTC)
    putInt(header, 16, snapLength);
    putInt(header, 20, LINKTYPE_RAW);
    this.out.write(header);
    this.out.flush(); // from here on the file is a capture, empty but valid, for a reader that looks early
  }

  /**
   * Creates (or truncates) a capture file with the {@linkplain #DEFAULT_SNAP_LENGTH default snap length}.
   *
   * @param file the file
   * @return the writer, its header written
   * @throws IOException when the file cannot be written
   */
  public static PcapWriter create(Path file) throws IOException {
    return create(file, DEFAULT_SNAP_LENGTH);
  }

  /**
   * Creates (or truncates) a capture file.
   *
   * @param file the file
   * @param snapLength the most bytes kept of each packet, 1 to {@link #MAX_SNAP_LENGTH}
   * @return the writer, its header written
   * @throws IOException when the file cannot be written
   */
  public static PcapWriter create(Path file, int snapLength) throws IOException {
    OutputStream out = Files.newOutputStream(file);
    try {
      return new PcapWriter(out, snapLength);
    } catch (IOException | RuntimeException e) {
      out.close();
      throw e;
    }
  }

  /**
   * The most bytes kept of each packet.
   *
   * @return the snap length given at creation
   */
  public int snapLength() {
    return snapLength;
  }

  /**
   * Appends one packet: its first {@link #snapLength()} bytes, with its time and whole length.
   *
   * @param epochNanos when the packet passed, in nanoseconds since 1970-01-01T00:00Z (up to the year 2106,
   *     where the format's 32-bit seconds end)
   * @param packet the array holding the raw IP packet from offset 0
   * @param length the packet's length
   * @throws IOException when the buffer cannot be written to the file, or the writer is closed
   * @throws IllegalArgumentException when the time is before 1970 or after 2106
   * @throws IndexOutOfBoundsException when {@code length} is negative or longer than the array
   */
  public synchronized void write(long epochNanos, byte[] packet, int length) throws IOException {
    Objects.checkFromIndexSize(0, length, packet.length);
    long seconds = Math.floorDiv(epochNanos, NANOS_PER_SECOND);
    if (seconds < 0 || seconds > 0xffff_ffffL) {
      throw new IllegalArgumentException("time " + epochNanos + " ns is outside what pcap holds: 1970 to 2106");
    }
    if (closed) {
      throw new IOException("the capture is closed");
    }
    int kept = Math.min(length, snapLength);
    putInt(recordHeader, 0, (int) seconds);
    putInt(recordHeader, 4, (int) Math.floorMod(epochNanos, NANOS_PER_SECOND));
    putInt(recordHeader, 8, kept);
    putInt(recordHeader, 12, length);
    out.write(recordHeader);
    out.write(packet, 0, kept);
  }

  /**
   * Writes the buffered packets to the file, so that a reader sees them.
   *
   * @throws IOException when they cannot be written
   */
  public synchronized void flush() throws IOException {
    if (!closed) {
      out.flush();
    }
  }

  /**
   * Writes the buffered packets and closes the file. Closing again does nothing.
   *
   * @throws IOException when they cannot be written or the file closed
   */
  @Override
  public synchronized void close() throws IOException {
    if (!closed) {
      closed = true;
      out.close();
    }
  }

  private static void putShort(byte[] b, int i, int value) {
    b[i] = (byte) value;
    b[i + 1] = (byte) (value >>> 8);
  }

  private static void putInt(byte[] b, int i, int value) {
    putShort(b, i, value);
    putShort(b, i + 2, value >>> 16);
  }
}
