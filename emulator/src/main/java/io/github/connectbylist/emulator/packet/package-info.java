/**
 * The emulator's packets as bytes: {@link io.github.connectbylist.emulator.packet.IpPacket} reads the raw IPv4
 * and IPv6 packets the relay takes from the hosts' TUN devices, {@link
 * io.github.connectbylist.emulator.packet.Rejects} builds what the network answers a rejected packet with, and
 * {@link io.github.connectbylist.emulator.packet.Checksums} computes the Internet checksum both need. Nothing
 * here touches a network or a device: it is all work on byte arrays.
 */
package io.github.connectbylist.emulator.packet;
