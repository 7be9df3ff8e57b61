package io.github.connectbylist.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.testbed.DnsReply.Decoy;
import io.github.connectbylist.testbed.DnsServer.RecordType;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The testbed's DNS server sends what each {@link DnsReply} says, read here with plain sockets: a resolver
 * test that passes because a misbehaviour was never sent would prove nothing.
 */
class DnsServerTest {
  private DnsServer dns;
  private LeakCheck leaks;

  /** dnsjava opens its SecureRandom for query IDs once for the JVM: outside the leak counts. */
  @BeforeAll
  static void warmUp() throws IOException {
    query("warm.test.", Type.A);
  }

  @BeforeEach
  void start() throws IOException {
    leaks = LeakCheck.start();
    dns = DnsServer.start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    dns.close();
    leaks.assertNoneOpen();
  }

  private static Message query(String name, int type) throws IOException {
    return Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN));
  }

  /** The datagrams that come within {@code millis} of sending {@code query}. */
  private List<Message> exchangeUdp(Message query, long millis) throws IOException {
    try (DatagramChannel udp = DatagramChannel.open()) {
      udp.connect(dns.address());
      udp.socket().setSoTimeout((int) millis);
      udp.write(ByteBuffer.wrap(query.toWire()));
      java.util.ArrayList<Message> replies = new java.util.ArrayList<>();
      byte[] buffer = new byte[65_535];
      long until = System.nanoTime() + millis * 1_000_000;
      while (System.nanoTime() < until) {
        java.net.DatagramPacket p = new java.net.DatagramPacket(buffer, buffer.length);
        try {
          udp.socket().receive(p);
        } catch (SocketTimeoutException e) {
          break;
        }
        replies.add(new Message(java.util.Arrays.copyOf(buffer, p.getLength())));
      }
      return replies;
    }
  }

  @Test
  void decoysComeFirstAndDoNotAnswerTheQuery() throws IOException {
    dns.reply("x.test", RecordType.A, DnsReply.addresses("127.0.0.1").after(Duration.ofMillis(100))
        .precededBy(Decoy.WRONG_ID, Decoy.WRONG_QUESTION, Decoy.QR_CLEAR));
    Message q = query("x.test.", Type.A);
    List<Message> replies = exchangeUdp(q, 500);
    assertEquals(4, replies.size(), replies.toString());
    assertTrue(replies.get(0).getHeader().getID() != q.getHeader().getID(), "wrong ID");
    assertEquals("decoy.test.", replies.get(1).getQuestion().getName().toString(), "wrong question");
    assertFalse(replies.get(2).getHeader().getFlag(Flags.QR), "QR clear");
    Message real = replies.get(3);
    assertEquals(q.getHeader().getID(), real.getHeader().getID());
    assertEquals("127.0.0.1", real.getSection(Section.ANSWER).get(0).rdataToString());
  }

  @Test
  void aTruncatedReplyHasTheTcBitAndTcpHasTheAnswer() throws IOException {
    dns.reply("x.test", RecordType.A, DnsReply.addresses("127.0.0.1").truncated());
    Message q = query("x.test.", Type.A);
    Message udp = exchangeUdp(q, 300).get(0);
    assertTrue(udp.getHeader().getFlag(Flags.TC));
    assertEquals(0, udp.getSection(Section.ANSWER).size());
    try (SocketChannel tcp = SocketChannel.open(dns.address())) {
      byte[] wire = q.toWire();
      tcp.write(ByteBuffer.allocate(2 + wire.length).putShort((short) wire.length).put(wire).flip());
      ByteBuffer length = ByteBuffer.allocate(2);
      while (length.hasRemaining()) {
        tcp.read(length);
      }
      ByteBuffer body = ByteBuffer.allocate(length.getShort(0) & 0xFFFF);
      while (body.hasRemaining()) {
        tcp.read(body);
      }
      Message answer = new Message(body.array());
      assertEquals("127.0.0.1", answer.getSection(Section.ANSWER).get(0).rdataToString());
    }
    assertEquals(1, dns.queriesOverTcp("x.test", RecordType.A));
    assertEquals(2, dns.queries("x.test", RecordType.A));
  }

  @Test
  void aDrippedTcpAnswerComesOneByteAtATime() throws Exception {
    dns.reply("x.test", RecordType.A, DnsReply.addresses("127.0.0.1").drippedOverTcp(Duration.ofMillis(100)));
    Message q = query("x.test.", Type.A);
    try (SocketChannel tcp = SocketChannel.open(dns.address())) {
      byte[] wire = q.toWire();
      tcp.write(ByteBuffer.allocate(2 + wire.length).putShort((short) wire.length).put(wire).flip());
      Thread.sleep(450);
      tcp.configureBlocking(false);
      int got = tcp.read(ByteBuffer.allocate(1024));
      assertTrue(got >= 2 && got <= 7, "about one byte per 100 ms: " + got);
    }
  }

  @Test
  void aFloodedTcpAnswerIsEndlessEmptyMessagesUntilTheClientCloses() throws Exception {
    dns.reply("x.test", RecordType.A, DnsReply.addresses("127.0.0.1").floodedOverTcp());
    Message q = query("x.test.", Type.A);
    assertTrue(exchangeUdp(q, 300).get(0).getHeader().getFlag(Flags.TC), "UDP says: ask over TCP");
    try (SocketChannel tcp = SocketChannel.open(dns.address())) {
      byte[] wire = q.toWire();
      tcp.write(ByteBuffer.allocate(2 + wire.length).putShort((short) wire.length).put(wire).flip());
      ByteBuffer read = ByteBuffer.allocate(64 << 10);
      long total = 0;
      while (total < 1 << 20) { // a mebibyte of empty messages, and more to come
        read.clear();
        int n = tcp.read(read);
        assertTrue(n > 0, "the connection stays open: " + n + " after " + total + " bytes");
        for (int i = 0; i < n; i++) {
          assertEquals(0, read.get(i), "every byte is a zero length prefix");
        }
        total += n;
      }
    }
    assertEquals(1, dns.queriesOverTcp("x.test", RecordType.A));
    // stop() checks that the flooding connection's thread and socket end when the client has closed
  }

  @Test
  void aNoQuestionDecoyIsARefusalWithTheRightIdAndNoQuestion() throws IOException {
    dns.reply("x.test", RecordType.A, DnsReply.addresses("127.0.0.1").after(Duration.ofMillis(100))
        .precededBy(Decoy.NO_QUESTION));
    Message q = query("x.test.", Type.A);
    List<Message> replies = exchangeUdp(q, 500);
    assertEquals(2, replies.size(), replies.toString());
    Message decoy = replies.get(0);
    assertEquals(q.getHeader().getID(), decoy.getHeader().getID());
    assertTrue(decoy.getHeader().getFlag(Flags.QR));
    assertEquals(Rcode.REFUSED, decoy.getRcode());
    assertTrue(decoy.getSection(Section.QUESTION).isEmpty(), decoy.toString());
    assertEquals(Rcode.NOERROR, replies.get(1).getRcode());
  }

  @Test
  void cnamesOwnersAndHighBitTtlsAreOnTheWire() throws IOException {
    dns.reply("x.test", RecordType.A, DnsReply.addresses("127.0.0.1").viaCnames("y.test").ownedBy("evil.test")
        .ttl(0x8000_0000L + 5));
    Message reply = exchangeUdp(query("x.test.", Type.A), 300).get(0);
    List<Record> answer = reply.getSection(Section.ANSWER);
    assertEquals(2, answer.size(), answer.toString());
    CNAMERecord cname = (CNAMERecord) answer.get(0);
    assertEquals("x.test.", cname.getName().toString());
    assertEquals("y.test.", cname.getTarget().toString());
    assertEquals("evil.test.", answer.get(1).getName().toString());
    assertEquals(0x8000_0000L + 5, answer.get(1).getTTL(), "the high bit, as the wire carries it");
    assertEquals(Rcode.NOERROR, reply.getRcode());
  }

  @Test
  void aClosedServerLeavesNoThreadAndNoSocketEvenWithATcpConnectionOpen() throws Exception {
    long threads = ProcessResources.liveThreads();
    try (DnsServer other = DnsServer.start(); SocketChannel open = SocketChannel.open(other.address())) {
      open.isConnected();
      Thread.sleep(100); // accepted, its reader waiting
      other.close();
      ByteBuffer b = ByteBuffer.allocate(1);
      assertEquals(-1, open.read(b), "the server closed the connection");
    }
    assertTrue(ProcessResources.awaitAtMost(ProcessResources::liveThreads, threads, 3_000) <= threads,
        "threads back to " + threads);
  }
}
