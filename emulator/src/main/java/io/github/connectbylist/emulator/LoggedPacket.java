package io.github.connectbylist.emulator;

import io.github.connectbylist.emulator.capture.PacketRecord;

/**
 * A packet as the network saw it: what it was, where it came from and went, and what became of it.
 *
 * @param packet the packet's summary; its time is when it entered the network, in nanoseconds since the
 *     epoch (the pcap file's clock)
 * @param from the interface it came from, {@code host/interface}, or {@code network} for an answer of the
 *     network's own
 * @param to the interface it was for, {@code host/interface}, or {@code nowhere} when no interface has its
 *     destination
 * @param fate what became of it
 */
public record LoggedPacket(PacketRecord packet, String from, String to, Fate fate) {

  @Override
  public String toString() {
    return packet.describe() + "  " + from + " -> " + to + "  " + fate.toString().toLowerCase(java.util.Locale.ROOT);
  }
}
