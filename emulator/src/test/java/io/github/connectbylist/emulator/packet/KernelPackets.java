package io.github.connectbylist.emulator.packet;

/**
 * Real packets: Linux 6.x talking to itself over the loopback interface, captured with {@code tcpdump -i lo}
 * (the file is the capture package's test resource {@code lo-refused.pcap}). A Python client connected TCP to
 * port 9, where nothing listens, then sent a UDP datagram "hello dns?" there, over 127.0.0.1 and then ::1; the
 * kernel answered with a reset and an ICMP port unreachable each time.
 *
 * <p>The loopback device leaves transport checksums to "offload", which on loopback is never done: the
 * clients' TCP and UDP checksums, and the IPv6 reset's, hold only the pseudo-header sum (tcpdump calls them
 * incorrect). The IPv4 header checksums, the IPv4 reset's and both ICMP checksums are the real ones.
 */
public final class KernelPackets {

  private KernelPackets() {}

  /** 127.0.0.1:44982 to 127.0.0.1:9, SYN, seq 3090974020, options mss, sackOK, TS, wscale. */
  public static final String SYN_V4 =
      "4500003c1c8b40004006202f7f0000017f000001afb60009b83c854400000000"
      + "a002ffd7fe3000000204ffd70402080a276a5893000000000103030a";

  /** The kernel's answer: RST+ACK, seq 0, ack 3090974021, window 0; id 0, DF, TTL 64. */
  public static final String RESET_V4 =
      "450000280000400040063cce7f0000017f0000010009afb600000000b83c8545"
      + "50140000c48c0000";

  /** 127.0.0.1:43784 to 127.0.0.1:9, UDP "hello dns?". */
  public static final String UDP_V4 =
      "45000026deaf400040115e157f0000017f000001ab0800090012fe2568656c6c"
      + "6f20646e733f";

  /** The kernel's answer: ICMP port unreachable quoting the whole datagram; TOS 0xc0, no DF. */
  public static final String PORT_UNREACHABLE_V4 =
      "45c00042f2870000400189717f0000017f000001030338130000000045000026"
      + "deaf400040115e157f0000017f000001ab0800090012fe2568656c6c6f20646e"
      + "733f";

  /** [::1]:50030 to [::1]:9, SYN, seq 1583508686, flow label 0xd1e57. */
  public static final String SYN_V6 =
      "600d1e5700280640000000000000000000000000000000010000000000000000"
      + "0000000000000001c36e00095e626cce00000000a002ffc4003000000204ffc4"
      + "0402080a1d94cbf0000000000103030a";

  /** The kernel's answer: RST+ACK, seq 0, ack 1583508687; flow label 0x2e43c; checksum left to offload. */
  public static final String RESET_V6 =
      "6002e43c00140640000000000000000000000000000000010000000000000000"
      + "00000000000000010009c36e000000005e626ccf50140000001c0000";

  /** [::1]:54937 to [::1]:9, UDP "hello dns?", flow label 0xd9f01. */
  public static final String UDP_V6 =
      "600d9f0100121140000000000000000000000000000000010000000000000000"
      + "0000000000000001d69900090012002568656c6c6f20646e733f";

  /** The kernel's answer: ICMPv6 port unreachable quoting the whole datagram; flow label 0x171ac. */
  public static final String PORT_UNREACHABLE_V6 =
      "600171ac00423a40000000000000000000000000000000010000000000000000"
      + "00000000000000010104fba000000000600d9f01001211400000000000000000"
      + "000000000000000100000000000000000000000000000001d699000900120025"
      + "68656c6c6f20646e733f";
}
