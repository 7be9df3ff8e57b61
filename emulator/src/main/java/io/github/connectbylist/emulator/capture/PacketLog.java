package io.github.connectbylist.emulator.capture;

import io.github.connectbylist.api.Addresses;
import io.github.connectbylist.emulator.Family;
import io.github.connectbylist.emulator.Protocol;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The packets of a capture in time order, and the questions the emulator's tests and reports ask of them: when
 * did each family's first SYN leave, was a SYN retransmitted, when was each DNS query answered. {@link
 * #summary()} puts the answers on one screen for the command line.
 */
public final class PacketLog {

  /** The most lines each part of the summary lists, so that it fits on a screen. */
  static final int SUMMARY_LINES = 20;

  private final List<PacketRecord> packets;

  private PacketLog(List<PacketRecord> packets) {
    this.packets = packets;
  }

  /**
   * A log of some packets, put in time order (packets of the same time keep their order).
   *
   * @param packets the packets
   * @return the log
   */
  public static PacketLog of(List<PacketRecord> packets) {
    List<PacketRecord> sorted = new ArrayList<>(packets);
    sorted.sort(Comparator.comparingLong(PacketRecord::timeNanos));
    return new PacketLog(List.copyOf(sorted));
  }

  /**
   * Reads the IP packets of a capture file; records that hold no IP header are left out.
   *
   * @param pcap a classic pcap file, as {@link PcapReader} reads
   * @return the log
   * @throws IOException when the file cannot be read or is malformed
   */
  public static PacketLog read(Path pcap) throws IOException {
    List<PacketRecord> records = new ArrayList<>();
    for (CapturedPacket captured : PcapReader.readAll(pcap)) {
      PacketRecord.of(captured).ifPresent(records::add);
    }
    return of(records);
  }

  /**
   * Every packet.
   *
   * @return the packets in time order, unmodifiable
   */
  public List<PacketRecord> packets() {
    return packets;
  }

  private List<PacketRecord> where(Predicate<PacketRecord> test) {
    return packets.stream().filter(test).toList();
  }

  /**
   * The first TCP SYN (without ACK) of a family: when that family's first connection attempt left.
   *
   * @param family the family
   * @return the SYN; empty when the family sent none
   */
  public Optional<PacketRecord> firstSyn(Family family) {
    return firstSyn(family, 0);
  }

  /**
   * The first TCP SYN (without ACK) of a family to a port.
   *
   * @param family the family
   * @param destinationPort the port it went to; 0 for any
   * @return the SYN; empty when the family sent none there
   */
  public Optional<PacketRecord> firstSyn(Family family, int destinationPort) {
    return syns(family, destinationPort).stream().findFirst();
  }

  /**
   * Every TCP SYN (without ACK) of a family, retransmissions included: a SYN sent again by the same socket
   * appears again, later, with the same {@linkplain PacketRecord#sameEndpoints endpoints}.
   *
   * @param family the family
   * @return the SYNs in time order
   */
  public List<PacketRecord> syns(Family family) {
    return syns(family, 0);
  }

  /**
   * Every TCP SYN (without ACK) of a family to a port, retransmissions included.
   *
   * @param family the family
   * @param destinationPort the port they went to; 0 for any
   * @return the SYNs in time order
   */
  public List<PacketRecord> syns(Family family, int destinationPort) {
    return where(p -> p.isTcpSyn() && p.family() == family
        && (destinationPort == 0 || p.destinationPort() == destinationPort));
  }

  /**
   * Every DNS query over UDP, of both families.
   *
   * @return the queries in time order, each with its ID and question type
   */
  public List<PacketRecord> dnsQueries() {
    return where(PacketRecord::isDnsQuery);
  }

  /**
   * Every DNS response over UDP, of both families.
   *
   * @return the responses in time order, each with its ID and question type
   */
  public List<PacketRecord> dnsAnswers() {
    return where(PacketRecord::isDnsAnswer);
  }

  /**
   * The response to a DNS query: the first, at or after the query's time, with its ID, from the address and
   * port it went to, to the address and port it came from, and of the type it asked (when both say).
   *
   * @param query a query of this log
   * @return the response; empty when none came, or {@code query} is no DNS query
   */
  public Optional<PacketRecord> answerTo(PacketRecord query) {
    if (!query.isDnsQuery()) {
      return Optional.empty();
    }
    return dnsAnswers().stream()
        .filter(a -> a.timeNanos() >= query.timeNanos()
            && a.dns().id() == query.dns().id()
            && a.source().equals(query.destination()) && a.sourcePort() == query.destinationPort()
            && a.destination().equals(query.source()) && a.destinationPort() == query.sourcePort()
            && (a.dns().type() < 0 || query.dns().type() < 0 || a.dns().type() == query.dns().type()))
        .findFirst();
  }

  /**
   * The log on one screen: how many packets of each family and protocol; each SYN with its time since the
   * first packet, marked when it is a retransmission; each DNS query and answer with its time, an answer with
   * how long after its query it came. Times are in milliseconds, to the microsecond. Each list stops after
   * {@value #SUMMARY_LINES} lines, saying how many more there are.
   *
   * @return the text, lines ending in {@code \n}
   */
  public String summary() {
    if (packets.isEmpty()) {
      return "no packets\n";
    }
    long start = packets.get(0).timeNanos();
    StringBuilder s = new StringBuilder();
    appendCounts(s, start);
    appendSyns(s, start);
    appendDns(s, start);
    return s.toString();
  }

  private void appendCounts(StringBuilder s, long start) {
    Map<String, Integer> counts = new TreeMap<>();
    for (PacketRecord p : packets) {
      Protocol known = Protocol.of(p.protocol());
      counts.merge(p.family() + " " + (known == null ? "protocol " + p.protocol() : known), 1, Integer::sum);
    }
    List<String> parts = new ArrayList<>();
    counts.forEach((what, n) -> parts.add(what + " " + n));
    long span = packets.get(packets.size() - 1).timeNanos() - start;
    s.append(packets.size()).append(packets.size() == 1 ? " packet over " : " packets over ").append(millis(span))
        .append(" ms: ").append(String.join(", ", parts)).append('\n');
  }

  private void appendSyns(StringBuilder s, long start) {
    List<PacketRecord> syns = where(PacketRecord::isTcpSyn);
    Set<PacketRecord> again = retransmissions(syns);
    List<String> parts = new ArrayList<>();
    for (Family f : Family.values()) {
      long sent = syns.stream().filter(p -> p.family() == f).count();
      long resent = again.stream().filter(p -> p.family() == f).count();
      parts.add(f + " " + sent + (resent > 0 ? " (" + resent + " retransmitted)" : ""));
    }
    s.append("SYNs: ").append(String.join(", ", parts)).append('\n');
    for (int i = 0; i < syns.size(); i++) {
      if (i == SUMMARY_LINES) {
        s.append("  ... ").append(syns.size() - i).append(" more SYNs\n");
        break;
      }
      PacketRecord syn = syns.get(i);
      s.append(time(syn, start)).append(endpoints(syn)).append(again.contains(syn) ? "  retransmission" : "")
          .append('\n');
    }
  }

  private void appendDns(StringBuilder s, long start) {
    List<PacketRecord> dns = where(PacketRecord::isDns);
    s.append("DNS: ").append(dnsQueries().size()).append(" queries, ").append(dnsAnswers().size())
        .append(" answers\n");
    for (int i = 0; i < dns.size(); i++) {
      if (i == SUMMARY_LINES) {
        s.append("  ... ").append(dns.size() - i).append(" more DNS messages\n");
        break;
      }
      PacketRecord m = dns.get(i);
      String type = m.dns().type() < 0 ? "-" : PacketRecord.typeName(m.dns().type());
      s.append(time(m, start)).append(m.dns().response() ? "answer " : "query  ")
          .append(String.format(Locale.ROOT, "id %5d %-5s ", m.dns().id(), type)).append(endpoints(m));
      if (m.isDnsQuery()) {
        s.append(answerTo(m)
            .map(a -> "  answered after " + millis(a.timeNanos() - m.timeNanos()) + " ms")
            .orElse("  unanswered"));
      }
      s.append('\n');
    }
  }

  /** The SYNs that repeat an earlier SYN's endpoints: the retransmissions, by identity. */
  private static Set<PacketRecord> retransmissions(List<PacketRecord> syns) {
    Set<List<Object>> seen = new HashSet<>();
    Set<PacketRecord> again = Collections.newSetFromMap(new IdentityHashMap<>());
    for (PacketRecord syn : syns) {
      if (!seen.add(List.of(syn.family(), syn.source(), syn.sourcePort(), syn.destination(),
          syn.destinationPort()))) {
        again.add(syn);
      }
    }
    return again;
  }

  private static String time(PacketRecord p, long start) {
    return String.format(Locale.ROOT, "%12s ms  %s  ", millis(p.timeNanos() - start), p.family());
  }

  private static String endpoints(PacketRecord p) {
    return Addresses.format(p.source(), p.sourcePort()) + " > "
        + Addresses.format(p.destination(), p.destinationPort());
  }

  /**
   * Nanoseconds as milliseconds with three decimals, rounded to the microsecond.
   *
   * @param nanos a non-negative duration
   * @return such as {@code 1003.124}
   */
  static String millis(long nanos) {
    long micros = (nanos + 500) / 1_000;
    return String.format(Locale.ROOT, "%d.%03d", micros / 1_000, micros % 1_000);
  }
}
