/**
 * The emulator's packet log: every packet the relay passes is written to a classic pcap file ({@link
 * io.github.connectbylist.emulator.capture.PcapWriter}), which tcpdump and Wireshark open, and which {@link
 * io.github.connectbylist.emulator.capture.PcapReader} and {@link
 * io.github.connectbylist.emulator.capture.PacketLog} read back for the emulator's tests and reports: when
 * each family's first SYN left, which SYNs were retransmitted, when each DNS question was answered.
 */
package io.github.connectbylist.emulator.capture;
