package io.github.connectbylist.emulator.capture;

import java.util.Objects;

/**
 * One record of a capture file: an IP packet as captured, perhaps cut to the capture's snap length.
 *
 * @param timeNanos when it was captured, in nanoseconds since 1970-01-01T00:00Z
 * @param originalLength the packet's length on the wire, of which {@code data} may be only the start; for a
 *     capture of Ethernet frames, less the 14 bytes of the Ethernet header
 * @param data the captured bytes, the IP header at offset 0; the record's own array, not copied, so a record's
 *     {@code equals} compares it by identity
 */
public record CapturedPacket(long timeNanos, int originalLength, byte[] data) {

  /**
   * Checks the bytes are there.
   *
   * @param timeNanos the time
   * @param originalLength the length on the wire
   * @param data the captured bytes
   */
  public CapturedPacket {
    Objects.requireNonNull(data, "data");
  }

  /**
   * Whether the capture kept less than the whole packet.
   *
   * @return {@code true} when {@code data} is shorter than the original length
   */
  public boolean truncated() {
    return data.length < originalLength;
  }
}
