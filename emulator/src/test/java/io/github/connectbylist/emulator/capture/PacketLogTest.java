package io.github.connectbylist.emulator.capture;

import static io.github.connectbylist.emulator.packet.TestPackets.tcpPacket;
import static io.github.connectbylist.emulator.packet.TestPackets.udpPacket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.emulator.Family;
import io.github.connectbylist.emulator.packet.IpPacket;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Happy Eyeballs connection as the packet log sees it: AAAA and A queries, a stray answer, the answers, an
 * IPv6 SYN the network drops and retransmits, and an IPv4 connection that wins.
 */
class PacketLogTest {

  static final long T0 = 1_700_000_000_000_000_000L;
  static final String CLIENT6 = "2001:db8:1::2";
  static final String CLIENT4 = "192.0.2.2";

  /** A packet of the scenario and when it passed, in microseconds after {@link #T0}. */
  record Timed(long micros, byte[] packet) {
    long nanos() {
      return T0 + micros * 1_000;
    }
  }

  private static byte[] dns(String from, int fromPort, String to, int toPort, int id, boolean answer, int type) {
    return udpPacket(from, fromPort, to, toPort, Dns.message(id, answer, "example.com", type));
  }

  private static byte[] tcp(String from, int fromPort, String to, int toPort, int seq, int ack, int flags) {
    return tcpPacket(from, fromPort, to, toPort, seq, ack, flags, new byte[0]);
  }

  static List<Timed> scenario() {
    int syn = IpPacket.TCP_SYN;
    int ack = IpPacket.TCP_ACK;
    return List.of(
        new Timed(0, dns(CLIENT6, 40_001, "2001:db8::53", 53, 0x1234, false, 28)),
        new Timed(100, dns(CLIENT4, 40_002, "192.0.2.53", 53, 0x5678, false, 1)),
        new Timed(5_000, tcp(CLIENT4, 39_999, "198.51.100.7", 80, 9, 0, syn)),
        // An answer with the right ID from another server: a resolver ignores it, and so does answerTo.
        new Timed(12_000, dns("2001:db8::99", 53, CLIENT6, 40_001, 0x1234, true, 28)),
        new Timed(15_250, dns("2001:db8::53", 53, CLIENT6, 40_001, 0x1234, true, 28)),
        new Timed(20_000, dns("192.0.2.53", 53, CLIENT4, 40_002, 0x5678, true, 1)),
        new Timed(20_500, tcp(CLIENT6, 50_000, "2001:db8:2::1", 443, 100, 0, syn)),
        new Timed(270_500, tcp(CLIENT4, 50_001, "198.51.100.7", 443, 200, 0, syn)),
        new Timed(275_000, tcp("198.51.100.7", 443, CLIENT4, 50_001, 900, 201, syn | ack)),
        new Timed(276_000, tcp(CLIENT4, 50_001, "198.51.100.7", 443, 201, 901, ack)),
        new Timed(1_020_500, tcp(CLIENT6, 50_000, "2001:db8:2::1", 443, 100, 0, syn)));
  }

  static List<PacketRecord> records() {
    List<PacketRecord> records = new ArrayList<>();
    for (Timed t : scenario()) {
      records.add(PacketRecord.parse(t.nanos(), t.packet(), t.packet().length).orElseThrow());
    }
    return records;
  }

  private final PacketLog log = PacketLog.of(records());

  private static long ms(PacketRecord p) {
    return (p.timeNanos() - T0) / 1_000;
  }

  @Test
  void findsTheFirstSynOfEachFamilyAndToAPort() {
    assertEquals(20_500L, ms(log.firstSyn(Family.IPV6).orElseThrow()));
    assertEquals(5_000L, ms(log.firstSyn(Family.IPV4).orElseThrow()), "the SYN to port 80");
    assertEquals(270_500L, ms(log.firstSyn(Family.IPV4, 443).orElseThrow()));
    assertEquals(Optional.empty(), log.firstSyn(Family.IPV6, 80));
    assertEquals(Optional.empty(), PacketLog.of(List.of()).firstSyn(Family.IPV4));
  }

  @Test
  void seesTheRetransmittedSynAndNotTheSynAck() {
    List<PacketRecord> v6 = log.syns(Family.IPV6);
    assertEquals(2, v6.size());
    assertEquals(20_500L, ms(v6.get(0)));
    assertEquals(1_020_500L, ms(v6.get(1)));
    assertTrue(v6.get(0).sameEndpoints(v6.get(1)), "the same socket sent it again");
    assertEquals(2, log.syns(Family.IPV4).size(), "the SYN-ACK is no SYN");
    assertEquals(1, log.syns(Family.IPV4, 443).size());
  }

  @Test
  void matchesEachAnswerToItsQuery() {
    List<PacketRecord> queries = log.dnsQueries();
    assertEquals(2, queries.size());
    assertEquals(PacketRecord.TYPE_AAAA, queries.get(0).dns().type());
    assertEquals(PacketRecord.TYPE_A, queries.get(1).dns().type());
    assertEquals(3, log.dnsAnswers().size());
    assertEquals(15_250L, ms(log.answerTo(queries.get(0)).orElseThrow()), "not the stray answer at 12 ms");
    assertEquals(20_000L, ms(log.answerTo(queries.get(1)).orElseThrow()));
    assertEquals(Optional.empty(), log.answerTo(log.dnsAnswers().get(0)), "an answer answers nothing");
    assertEquals(Optional.empty(), log.answerTo(log.syns(Family.IPV6).get(0)));
  }

  @Test
  void anAnswerBeforeItsQueryOrOfAnotherTypeIsNotItsAnswer() {
    List<PacketRecord> records = new ArrayList<>();
    records.add(PacketRecord.parse(T0, dns("192.0.2.53", 53, CLIENT4, 40_002, 7, true, 1), 57).orElseThrow());
    records.add(PacketRecord.parse(T0 + 1, dns(CLIENT4, 40_002, "192.0.2.53", 53, 7, false, 1), 57).orElseThrow());
    records.add(PacketRecord.parse(T0 + 2, dns("192.0.2.53", 53, CLIENT4, 40_002, 7, true, 28), 57).orElseThrow());
    PacketLog l = PacketLog.of(records);
    assertEquals(Optional.empty(), l.answerTo(l.dnsQueries().get(0)));
  }

  @Test
  void putsPacketsInTimeOrder() {
    List<PacketRecord> reversed = new ArrayList<>(records());
    java.util.Collections.reverse(reversed);
    assertEquals(log.packets(), PacketLog.of(reversed).packets());
  }

  @Test
  void theSummaryFitsOnAScreen() {
    assertEquals("""
        11 packets over 1020.500 ms: ipv4 tcp 4, ipv4 udp 2, ipv6 tcp 2, ipv6 udp 3
        SYNs: ipv4 2, ipv6 2 (1 retransmitted)
               5.000 ms  ipv4  192.0.2.2:39999 > 198.51.100.7:80
              20.500 ms  ipv6  [2001:db8:1::2]:50000 > [2001:db8:2::1]:443
             270.500 ms  ipv4  192.0.2.2:50001 > 198.51.100.7:443
            1020.500 ms  ipv6  [2001:db8:1::2]:50000 > [2001:db8:2::1]:443  retransmission
        DNS: 2 queries, 3 answers
               0.000 ms  ipv6  query  id  4660 AAAA  [2001:db8:1::2]:40001 > [2001:db8::53]:53  answered after 15.250 ms
               0.100 ms  ipv4  query  id 22136 A     192.0.2.2:40002 > 192.0.2.53:53  answered after 19.900 ms
              12.000 ms  ipv6  answer id  4660 AAAA  [2001:db8::99]:53 > [2001:db8:1::2]:40001
              15.250 ms  ipv6  answer id  4660 AAAA  [2001:db8::53]:53 > [2001:db8:1::2]:40001
              20.000 ms  ipv4  answer id 22136 A     192.0.2.53:53 > 192.0.2.2:40002
        """, log.summary());
  }

  @Test
  void theSummaryOfNothingSaysSo() {
    assertEquals("no packets\n", PacketLog.of(List.of()).summary());
  }

  @Test
  void aLongSummaryStopsAfterTwentyLinesEach() {
    List<PacketRecord> many = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      byte[] syn = tcp(CLIENT4, 40_000 + i, "198.51.100.7", 443, 1, 0, IpPacket.TCP_SYN);
      many.add(PacketRecord.parse(T0 + i * 1_000_000L, syn, syn.length).orElseThrow());
    }
    String summary = PacketLog.of(many).summary();
    assertEquals(1 + 1 + 20 + 1 + 1, summary.lines().count(), summary);
    assertTrue(summary.contains("\n  ... 5 more SYNs\n"), summary);
    assertTrue(summary.contains("\n      19.000 ms  ipv4  192.0.2.2:40019 > 198.51.100.7:443\n"), summary);
    assertFalse(summary.contains("40020"), summary);
  }

  @Test
  void readsTheSamePacketsBackFromAPcapFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("he.pcap");
    try (PcapWriter w = PcapWriter.create(file)) {
      for (Timed t : scenario()) {
        w.write(t.nanos(), t.packet(), t.packet().length);
      }
    }
    PacketLog read = PacketLog.read(file);
    assertEquals(log.packets(), read.packets());
    assertEquals(log.summary(), read.summary());
  }
}
