package io.github.connectbylist.emulator;

import io.github.connectbylist.emulator.capture.PacketRecord;
import io.github.connectbylist.emulator.capture.PcapWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The network's packet log: every packet the relay reads, and every answer it makes, kept as a {@link
 * LoggedPacket} (up to {@link #MAX_KEPT}) and, when asked, written to a pcap file as it comes. Multicast
 * that no interface takes (a kernel's own MLD reports) is counted by the relay but not logged. Called on the
 * relay's thread; read from any.
 */
final class PacketRecorder implements Relay.Observer, AutoCloseable {
  /** The most packets kept in memory: a long run goes on counting and writing its pcap file. */
  static final int MAX_KEPT = 1_000_000;

  private final PcapWriter pcap;
  private final String[] portNames;
  private final long epochOffset;
  private final List<LoggedPacket> kept = new ArrayList<>();
  private IOException pcapFailure;

  PacketRecorder(Optional<Path> pcapFile, List<Relay.Port> ports) throws IOException {
    this.pcap = pcapFile.isPresent() ? PcapWriter.create(pcapFile.get()) : null;
    this.portNames = new String[ports.size()];
    for (int i = 0; i < portNames.length; i++) {
      portNames[i] = ports.get(i).host() + "/" + ports.get(i).iface();
    }
    this.epochOffset = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
  }

  @Override
  public void packet(long nanos, byte[] packet, int length, int from, int to, Fate fate) {
    if (fate == Fate.NO_ROUTE && isMulticast(packet, length)) {
      return;
    }
    long epochNanos = nanos + epochOffset;
    if (pcap != null && pcapFailure == null) {
      try {
        pcap.write(epochNanos, packet, length);
      } catch (IOException e) {
        pcapFailure = e; // reported at close; the network goes on
      }
    }
    Optional<PacketRecord> record = PacketRecord.parse(epochNanos, packet, length);
    if (record.isPresent()) {
      synchronized (kept) {
        if (kept.size() < MAX_KEPT) {
          kept.add(new LoggedPacket(record.get(), from < 0 ? "network" : portNames[from],
              to < 0 ? "nowhere" : portNames[to], fate));
        }
      }
    }
  }

  private static boolean isMulticast(byte[] packet, int length) {
    int version = length > 0 ? (packet[0] >> 4) & 0xf : 0;
    if (version == 6 && length >= 40) {
      return (packet[24] & 0xff) == 0xff;
    }
    return version == 4 && length >= 20 && (packet[16] & 0xf0) == 0xe0;
  }

  /** The packets kept so far, in order. */
  List<LoggedPacket> records() {
    synchronized (kept) {
      return List.copyOf(kept);
    }
  }

  @Override
  public void close() {
    if (pcap != null) {
      try {
        pcap.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (pcapFailure != null) {
      throw new UncheckedIOException("the pcap file could not be written", pcapFailure);
    }
  }
}
