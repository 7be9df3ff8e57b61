package io.github.connectbylist.realclients;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.Answer;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.LocalAddress;
import io.github.connectbylist.api.Query;
import io.github.connectbylist.emulator.Family;
import io.github.connectbylist.emulator.LoggedPacket;
import io.github.connectbylist.emulator.capture.DnsMessage;
import io.github.connectbylist.emulator.capture.PacketRecord;
import io.github.connectbylist.lab.Trace;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one run of a real client did, read from the emulator's packet log and nothing else: its DNS queries
 * and the answers, its SYNs per family, when its first handshake completed, and each attempt as a trace the
 * lab's timeline can draw. Times are milliseconds since the client's first DNS query (or its first packet),
 * each packet timed when it entered the network, on the sender's side. Only the answers for the name the client was
 * asked to connect to count: a client may ask about other names first (Firefox asks about {@code vm.} and gets
 * NXDOMAIN), which say nothing of how it treats the study's answers.
 *
 * @param firstV6SynMs the first IPv6 SYN to the study's port, or -1
 * @param firstV4SynMs the first IPv4 SYN, or -1
 * @param aAnswerMs when the first A answer for the study's name left the DNS server, failed or not, or -1
 * @param aaaaAnswerMs when the first AAAA answer for it left, or -1
 * @param connectedMs when the client's first handshake completed (its ACK of a SYN-ACK), or -1
 * @param ipv6Tried the IPv6 destinations it sent a SYN to before then
 * @param ipv4Tried the IPv4 destinations it sent a SYN to before then
 * @param trace the attempts, for the timeline
 */
record RunFacts(double firstV6SynMs, double firstV4SynMs, double aAnswerMs, double aaaaAnswerMs, double connectedMs,
    Set<InetAddress> ipv6Tried, Set<InetAddress> ipv4Tried, Trace trace) {

  /** The family of the first SYN, or null when there was none. */
  Family firstFamily() {
    if (firstV6SynMs < 0 && firstV4SynMs < 0) {
      return null;
    }
    if (firstV4SynMs < 0) {
      return Family.IPV6;
    }
    return firstV6SynMs >= 0 && firstV6SynMs <= firstV4SynMs ? Family.IPV6 : Family.IPV4;
  }

  /**
   * From the last DNS answer that came before the first SYN to that SYN: the client's own work between
   * having its addresses and connecting (a resolution delay too, for a client that starts on the A answer);
   * -1 when there was no SYN or no answer before it.
   */
  double answerToFirstSynMs() {
    double syn = firstSynMs();
    double answer = Math.max(aAnswerMs >= 0 && aAnswerMs <= syn ? aAnswerMs : -1,
        aaaaAnswerMs >= 0 && aaaaAnswerMs <= syn ? aaaaAnswerMs : -1);
    return syn < 0 || answer < 0 ? -1 : syn - answer;
  }

  /** When the first SYN of either family left, or -1 when none did. */
  double firstSynMs() {
    Family first = firstFamily();
    return first == null ? -1 : first == Family.IPV6 ? firstV6SynMs : firstV4SynMs;
  }

  /**
   * The connection attempt delay: from the first IPv6 SYN to the first IPv4 SYN, when IPv6 went first and
   * IPv4 followed; -1 otherwise.
   */
  double connectionAttemptDelayMs() {
    return firstV6SynMs >= 0 && firstV4SynMs > firstV6SynMs ? firstV4SynMs - firstV6SynMs : -1;
  }

  /**
   * The resolution delay: how long after the A answer the first SYN left, when it is an IPv4 SYN that left
   * before the AAAA answer; -1 when the client waited for AAAA.
   */
  double resolutionDelayMs() {
    boolean ipv4First = firstFamily() == Family.IPV4;
    boolean beforeAaaa = aaaaAnswerMs < 0 || firstV4SynMs < aaaaAnswerMs;
    return ipv4First && aAnswerMs >= 0 && beforeAaaa ? Math.max(0, firstV4SynMs - aAnswerMs) : -1;
  }

  /**
   * Reads a run's packets: those the client host sent to {@code port}, and the DNS answers it got for {@code
   * name}, the first of each type becoming an answer of the trace with the response's addresses, or failed as
   * the server said (RFC 1035 section 4.1.1's RCODE).
   */
  static RunFacts of(List<LoggedPacket> packets, Set<InetAddress> client, InetAddress dns, String name, int port) {
    String study = canonical(name);
    long start = -1;
    for (LoggedPacket p : packets) {
      PacketRecord r = p.packet();
      if (client.contains(r.source())) {
        start = r.timeNanos();
        break;
      }
    }
    double v6 = -1;
    double v4 = -1;
    double a = -1;
    double aaaa = -1;
    double connected = -1;
    Set<InetAddress> v6Tried = new LinkedHashSet<>();
    Set<InetAddress> v4Tried = new LinkedHashSet<>();
    Map<Flow, Attempting> attempts = new LinkedHashMap<>();
    List<Answer> answers = new ArrayList<>();
    for (LoggedPacket p : packets) {
      PacketRecord r = p.packet();
      double t = (r.timeNanos() - start) / 1e6;
      if (r.isDnsAnswer() && r.source().equals(dns) && client.contains(r.destination())) {
        DnsMessage m = r.dns();
        if (!m.name().equalsIgnoreCase(study)) { // names compare without case: RFC 4343
          continue;
        }
        if (m.type() == PacketRecord.TYPE_A && a < 0) {
          a = t;
          answers.add(answer(m, Query.A, t));
        } else if (m.type() == PacketRecord.TYPE_AAAA && aaaa < 0) {
          aaaa = t;
          answers.add(answer(m, Query.AAAA, t));
        }
        continue;
      }
      boolean fromClient = client.contains(r.source()) && r.destinationPort() == port;
      boolean toClient = client.contains(r.destination()) && r.sourcePort() == port;
      if (r.tcpFlags() < 0 || !(fromClient || toClient)) {
        continue;
      }
      Flow flow = fromClient ? new Flow(r.source(), r.sourcePort(), r.destination())
          : new Flow(r.destination(), r.destinationPort(), r.source());
      if (fromClient && r.isTcpSyn()) {
        if (r.family() == Family.IPV6 && v6 < 0) {
          v6 = t;
        } else if (r.family() == Family.IPV4 && v4 < 0) {
          v4 = t;
        }
        if (connected < 0) {
          (r.family() == Family.IPV6 ? v6Tried : v4Tried).add(r.destination());
        }
        attempts.computeIfAbsent(flow, k -> new Attempting(r.source(), r.destination(), t));
        continue;
      }
      Attempting at = attempts.get(flow);
      if (at == null) {
        continue;
      }
      boolean rst = (r.tcpFlags() & 0x04) != 0;
      if (fromClient && !rst && (r.tcpFlags() & 0x10) != 0 && at.synAcked && at.endMs < 0) {
        at.endMs = t;
        at.outcome = null; // connected
        if (connected < 0) {
          connected = t;
        }
      } else if (toClient && (r.tcpFlags() & 0x12) == 0x12) {
        at.synAcked = true;
      } else if (rst && at.endMs < 0) {
        at.endMs = t;
        at.outcome = toClient ? FailureKind.REFUSED : FailureKind.CANCELLED;
      }
    }
    double last = packets.isEmpty() || start < 0 ? 0 : (packets.get(packets.size() - 1).packet().timeNanos() - start) / 1e6;
    List<Attempt> list = new ArrayList<>();
    int index = 0;
    boolean anyConnected = false;
    for (Attempting at : attempts.values()) {
      if (at.endMs < 0 && connected >= 0 && at.startMs <= connected) {
        at.endMs = connected; // given up when another won: closing a connect in progress sends nothing
        at.outcome = FailureKind.CANCELLED;
      }
      double end = at.endMs >= 0 ? at.endMs : last;
      FailureKind kind = at.endMs >= 0 ? at.outcome : FailureKind.TIMED_OUT;
      anyConnected |= at.endMs >= 0 && at.outcome == null;
      list.add(new Attempt(index++, new AddressPair(LocalAddress.of(at.source, at.source.getAddress().length == 4 ? 24 : 64,
          "eth0"), new InetSocketAddress(at.destination, port)), nanos(at.startMs), nanos(Math.max(end, at.startMs)),
          kind, kind == null ? null : new IOException(describe(kind))));
    }
    Trace trace = new Trace(list, anyConnected, anyConnected ? null : FailureKind.TIMED_OUT,
        Math.round((connected >= 0 ? connected : last) * 1e6), 0, answers);
    return new RunFacts(v6, v4, a, aaaa, connected, v6Tried, v4Tried, trace);
  }

  /**
   * A response as the trace's answer: its addresses, or failed as the resolvers fail it, NXDOMAIN as {@link
   * FailureKind#NO_SUCH_NAME} and any other RCODE (SERVFAIL, REFUSED) as {@link FailureKind#RESOLUTION_FAILED}.
   */
  private static Answer answer(DnsMessage m, Query query, double ms) {
    if (!m.failed()) {
      return new Answer(m.name(), query, nanos(ms), m.addresses(), null, null);
    }
    String said = m.name() + " " + query + ": " + DnsMessage.rcodeName(m.rcode());
    return m.rcode() == DnsMessage.NXDOMAIN
        ? new Answer(m.name(), query, nanos(ms), List.of(), FailureKind.NO_SUCH_NAME, new UnknownHostException(said))
        : new Answer(m.name(), query, nanos(ms), List.of(), FailureKind.RESOLUTION_FAILED, new IOException(said));
  }

  /** A name as {@link DnsMessage#name()} writes it: without the trailing dot of an absolute name. */
  private static String canonical(String name) {
    return name.length() > 1 && name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }

  private static String describe(FailureKind kind) {
    return switch (kind) {
      case REFUSED -> "reset by the server (seen in the packet log)";
      case CANCELLED -> "given up by the client: another attempt won, or it gave up";
      default -> "no handshake by the end of the run";
    };
  }

  private static Duration nanos(double ms) {
    return Duration.ofNanos(Math.round(ms * 1e6));
  }

  /**
   * A connection's 4-tuple (the server's port is the run's): Linux may give two connects to different
   * destinations the same local port, so the port alone does not name one.
   */
  private record Flow(InetAddress client, int clientPort, InetAddress server) {}

  /** One attempt being read: its 4-tuple's client side, when it started and how it ended. */
  private static final class Attempting {
    final InetAddress source;
    final InetAddress destination;
    final double startMs;
    boolean synAcked;
    double endMs = -1;
    FailureKind outcome;

    Attempting(InetAddress source, InetAddress destination, double startMs) {
      this.source = source;
      this.destination = destination;
      this.startMs = startMs;
    }
  }
}
