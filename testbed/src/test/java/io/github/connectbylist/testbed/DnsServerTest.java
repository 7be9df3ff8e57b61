package io.github.connectbylist.testbed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.testbed.DnsReply.Decoy;
import io.github.connectbylist.testbed.DnsServer.RecordType;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.HTTPSRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SVCBBase;
import org.xbill.DNS.SVCBRecord;
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

  // HTTPS and SVCB (RFC 9460): each record read back with dnsjava's parser, and the wire read byte by byte where
  // dnsjava would hide what a client sees (the order of the keys).

  /** The first {@code count} datagrams that answer {@code query}, each within 2 s of the one before. */
  private List<byte[]> receiveUdp(Message query, int count) throws IOException {
    try (DatagramChannel udp = DatagramChannel.open()) {
      udp.connect(dns.address());
      udp.socket().setSoTimeout(2_000);
      udp.write(ByteBuffer.wrap(query.toWire()));
      List<byte[]> datagrams = new ArrayList<>();
      byte[] buffer = new byte[65_535];
      while (datagrams.size() < count) {
        DatagramPacket p = new DatagramPacket(buffer, buffer.length);
        udp.socket().receive(p); // a SocketTimeoutException fails the test
        datagrams.add(Arrays.copyOf(buffer, p.getLength()));
      }
      return datagrams;
    }
  }

  private Message askUdp(Message query) throws IOException {
    return new Message(receiveUdp(query, 1).get(0));
  }

  private Message askTcp(Message query) throws IOException {
    return new Message(askTcpWire(query));
  }

  /** The answer to {@code query} over TCP without its length prefix (RFC 7766 section 8), within 2 s. */
  private byte[] askTcpWire(Message query) throws IOException {
    try (SocketChannel tcp = SocketChannel.open(dns.address())) {
      tcp.socket().setSoTimeout(2_000);
      byte[] wire = query.toWire();
      tcp.write(ByteBuffer.allocate(2 + wire.length).putShort((short) wire.length).put(wire).flip());
      DataInputStream in = new DataInputStream(tcp.socket().getInputStream());
      byte[] body = new byte[in.readUnsignedShort()];
      in.readFully(body);
      return body;
    }
  }

  private static final List<String> KEY_NAMES =
      List.of("mandatory", "alpn", "no-default-alpn", "port", "ipv4hint", "ech", "ipv6hint");

  /** A record as dnsjava parsed it, back in the testbed's terms: equal to the one set when every field came. */
  private static ServiceRecord read(Record answer) throws UnknownHostException {
    SVCBBase r = (SVCBBase) answer;
    String target = r.getTargetName().toString();
    ServiceRecord s = r.getSvcPriority() == 0 ? ServiceRecord.alias(target)
        : ServiceRecord.service(r.getSvcPriority(), target);
    for (int key : r.getSvcParamKeys()) {
      SVCBBase.ParameterBase p = r.getSvcParamValue(key);
      switch (key) {
        case SVCBBase.MANDATORY -> s = s.mandatory(((SVCBBase.ParameterMandatory) p).getValues().stream()
            .map(k -> k < KEY_NAMES.size() ? KEY_NAMES.get(k) : "key" + k).toArray(String[]::new));
        case SVCBBase.ALPN -> s = s.alpn(((SVCBBase.ParameterAlpn) p).getValues().toArray(new String[0]));
        case SVCBBase.NO_DEFAULT_ALPN -> s = s.noDefaultAlpn(true);
        case SVCBBase.PORT -> s = s.port(((SVCBBase.ParameterPort) p).getPort());
        case SVCBBase.IPV4HINT -> s = s.ipv4Hints(((SVCBBase.ParameterIpv4Hint) p).getAddresses().stream()
            .map(InetAddress::getHostAddress).toArray(String[]::new));
        case SVCBBase.ECH -> s = s.ech(((SVCBBase.ParameterEch) p).getData());
        case SVCBBase.IPV6HINT -> s = s.ipv6Hints(((SVCBBase.ParameterIpv6Hint) p).getAddresses().stream()
            .map(InetAddress::getHostAddress).toArray(String[]::new));
        default -> s = s.otherKey(key, ((SVCBBase.ParameterUnknown) p).getValue());
      }
    }
    return s;
  }

  /** The SvcParamKeys of the first answer record of a message, in the order its wire holds them. */
  private static List<Integer> keysOnTheWire(byte[] wire) {
    ByteBuffer b = ByteBuffer.wrap(wire).position(12);
    skipName(b);
    b.position(b.position() + 4); // the question's type and class
    skipName(b);
    b.position(b.position() + 8); // type, class, TTL
    int length = b.getShort() & 0xFFFF;
    int end = b.position() + length;
    b.getShort(); // SvcPriority
    skipName(b); // TargetName, never compressed (RFC 9460 section 2.2)
    List<Integer> keys = new ArrayList<>();
    while (b.position() < end) {
      keys.add(b.getShort() & 0xFFFF);
      int valueLength = b.getShort() & 0xFFFF;
      b.position(b.position() + valueLength);
    }
    assertEquals(end, b.position(), "the SvcParams fill the RDATA");
    return keys;
  }

  private static void skipName(ByteBuffer b) {
    for (int length = b.get() & 0xFF; length != 0; length = b.get() & 0xFF) {
      if ((length & 0xC0) == 0xC0) {
        b.get();
        return;
      }
      b.position(b.position() + length);
    }
  }

  @Test
  void anHttpsAnswerCarriesEveryKeyInIncreasingOrderOnTheWire() throws IOException {
    byte[] echConfig = {0, 4, (byte) 0xFE, 0x0D, 0, 0};
    ServiceRecord sent = ServiceRecord.service(1, "svc.x.test").mandatory("port", "key65001", "alpn")
        .otherKey(65001, "unknown".getBytes(StandardCharsets.US_ASCII)).otherKey(7, new byte[0])
        .ipv6Hints("::1", "2001:db8::1").ech(echConfig).ipv4Hints("127.0.0.1", "192.0.2.1").port(8443)
        .noDefaultAlpn(true).alpn("h3", "h2", "http/1.1");
    dns.reply("x.test", RecordType.HTTPS, DnsReply.services(sent));
    Message q = query("x.test.", Type.HTTPS);
    byte[] wire = receiveUdp(q, 1).get(0);
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 65001), keysOnTheWire(wire), "RFC 9460 section 2.2");
    Message reply = new Message(wire);
    assertEquals(Rcode.NOERROR, reply.getRcode());
    List<Record> answer = reply.getSection(Section.ANSWER);
    assertEquals(1, answer.size(), answer.toString());
    HTTPSRecord https = assertInstanceOf(HTTPSRecord.class, answer.get(0));
    assertEquals("x.test.", https.getName().toString());
    assertEquals(60, https.getTTL());
    assertEquals(1, https.getSvcPriority());
    assertEquals("svc.x.test.", https.getTargetName().toString());
    assertEquals(List.of(1, 3, 65001),
        ((SVCBBase.ParameterMandatory) https.getSvcParamValue(SVCBBase.MANDATORY)).getValues(), "sorted too");
    assertEquals(List.of("h3", "h2", "http/1.1"),
        ((SVCBBase.ParameterAlpn) https.getSvcParamValue(SVCBBase.ALPN)).getValues(), "in the order given");
    assertInstanceOf(SVCBBase.ParameterNoDefaultAlpn.class, https.getSvcParamValue(SVCBBase.NO_DEFAULT_ALPN));
    assertEquals(8443, ((SVCBBase.ParameterPort) https.getSvcParamValue(SVCBBase.PORT)).getPort());
    assertEquals(List.of(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}),
        InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1})),
        ((SVCBBase.ParameterIpv4Hint) https.getSvcParamValue(SVCBBase.IPV4HINT)).getAddresses());
    assertArrayEquals(echConfig, ((SVCBBase.ParameterEch) https.getSvcParamValue(SVCBBase.ECH)).getData());
    assertEquals(List.of("0:0:0:0:0:0:0:1", "2001:db8:0:0:0:0:0:1"),
        ((SVCBBase.ParameterIpv6Hint) https.getSvcParamValue(SVCBBase.IPV6HINT)).getAddresses().stream()
            .map(InetAddress::getHostAddress).toList());
    assertArrayEquals(new byte[0], ((SVCBBase.ParameterUnknown) https.getSvcParamValue(7)).getValue());
    assertArrayEquals("unknown".getBytes(StandardCharsets.US_ASCII),
        ((SVCBBase.ParameterUnknown) https.getSvcParamValue(65001)).getValue());
    assertEquals(sent.mandatory("alpn", "port", "key65001"), read(https), "every field, mandatory as sorted");
  }

  @Test
  void eachKeyAloneIsReadBackAsSet() throws IOException {
    ServiceRecord base = ServiceRecord.service(1, ".");
    List<ServiceRecord> records = List.of(base, base.alpn("h2"), base.alpn("h2").noDefaultAlpn(true),
        base.port(0), base.port(65_535), base.ipv4Hints("127.0.0.1"), base.ipv6Hints("::1"),
        base.ech(new byte[] {1, 2, 3}), base.ech(new byte[0]), base.mandatory("ech").ech(new byte[] {5}),
        base.otherKey(65001, new byte[] {1}).mandatory("key65001"), base.otherKey(65_535, new byte[] {0}));
    for (int i = 0; i < records.size(); i++) {
      String name = "k" + i + ".x.test";
      ServiceRecord sent = records.get(i);
      dns.reply(name, RecordType.HTTPS, DnsReply.services(sent));
      Message reply = askUdp(query(name + ".", Type.HTTPS));
      assertEquals(sent, read(reply.getSection(Section.ANSWER).get(0)), sent.toString());
    }
  }

  @Test
  void aliasModeDotTargetsAndTheOrderGivenAreSentAsTheyAre() throws IOException {
    dns.reply("x.test", RecordType.HTTPS, DnsReply.services(ServiceRecord.service(3, "c.test"),
        ServiceRecord.alias("a.test"), ServiceRecord.service(1, ".").port(8443), ServiceRecord.service(2, "b.test.")));
    List<Record> answer = askUdp(query("x.test.", Type.HTTPS)).getSection(Section.ANSWER);
    assertEquals(List.of(3, 0, 1, 2), answer.stream().map(r -> ((SVCBBase) r).getSvcPriority()).toList(),
        "not sorted: a client must sort them");
    assertEquals(List.of("c.test.", "a.test.", ".", "b.test."),
        answer.stream().map(r -> ((SVCBBase) r).getTargetName().toString()).toList());
    assertEquals(Name.root, ((SVCBBase) answer.get(2)).getTargetName(), "the owner, x.test (RFC 9460 section 2.5.2)");
    assertEquals(Set.of(), ((SVCBBase) answer.get(1)).getSvcParamKeys(), "AliasMode without SvcParams");
    assertEquals(ServiceRecord.alias("a.test"), read(answer.get(1)));
  }

  @Test
  void svcbAndHttpsAnswerUnderscoreNames() throws IOException {
    // An HTTPS origin on another port is queried as _PORT._https.NAME with type HTTPS (RFC 9460 section 9.1); a
    // DNS server's endpoints as SVCB for _dns.NAME (RFC 9461), with dohpath as key7.
    dns.reply("_8443._https.x.test", RecordType.HTTPS, DnsReply.services(ServiceRecord.alias("x.test")));
    ServiceRecord doh = ServiceRecord.service(1, "x.test").alpn("h2").port(443)
        .otherKey(7, "/dns-query{?dns}".getBytes(StandardCharsets.US_ASCII));
    ServiceRecord dot = ServiceRecord.service(2, "x.test").alpn("dot").port(853);
    dns.reply("_dns.x.test", RecordType.SVCB, DnsReply.services(doh, dot));
    dns.reply("_8443._foo.x.test", RecordType.SVCB, DnsReply.services(ServiceRecord.service(1, ".").port(8443)));

    Record alias = askUdp(query("_8443._https.x.test.", Type.HTTPS)).getSection(Section.ANSWER).get(0);
    assertInstanceOf(HTTPSRecord.class, alias);
    assertEquals("_8443._https.x.test.", alias.getName().toString());
    assertEquals(ServiceRecord.alias("x.test"), read(alias));
    List<Record> dnsAnswer = askUdp(query("_dns.x.test.", Type.SVCB)).getSection(Section.ANSWER);
    assertInstanceOf(SVCBRecord.class, dnsAnswer.get(0));
    assertEquals(Type.SVCB, dnsAnswer.get(0).getType());
    assertEquals(List.of(doh, dot), List.of(read(dnsAnswer.get(0)), read(dnsAnswer.get(1))));
    Record foo = askUdp(query("_8443._FOO.x.test.", Type.SVCB)).getSection(Section.ANSWER).get(0);
    assertEquals(ServiceRecord.service(1, ".").port(8443), read(foo), "names match without regard to case");

    Message other = askUdp(query("_dns.x.test.", Type.HTTPS));
    assertEquals(Rcode.NOERROR, other.getRcode(), "the name exists");
    assertTrue(other.getSection(Section.ANSWER).isEmpty(), "but has no HTTPS records (NODATA)");
    assertEquals(1, dns.queries("_dns.x.test", RecordType.SVCB));
    assertEquals(1, dns.queries("_dns.x.test.", RecordType.HTTPS));
    assertEquals(1, dns.queries("_8443._foo.x.test", RecordType.SVCB));
  }

  @Test
  void aDelayedHttpsAnswerComesNoSooner() throws IOException {
    dns.reply("x.test", RecordType.HTTPS, DnsReply.services(ServiceRecord.service(1, ".").alpn("h2"))
        .after(Duration.ofMillis(150)));
    long start = System.nanoTime();
    Message reply = askUdp(query("x.test.", Type.HTTPS));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis >= 150, "after its delay: " + millis + " ms");
    assertEquals(ServiceRecord.service(1, ".").alpn("h2"), read(reply.getSection(Section.ANSWER).get(0)));
  }

  @Test
  void httpsQueriesFailAsAddressQueriesDo() throws IOException {
    dns.reply("nx.x.test", RecordType.HTTPS, DnsReply.nxdomain());
    dns.reply("fail.x.test", RecordType.SVCB, DnsReply.servfail());
    dns.reply("empty.x.test", RecordType.HTTPS, DnsReply.empty());
    dns.reply("lost.x.test", RecordType.HTTPS, DnsReply.dropped());
    assertEquals(Rcode.NXDOMAIN, askUdp(query("nx.x.test.", Type.HTTPS)).getRcode());
    assertEquals(Rcode.SERVFAIL, askUdp(query("fail.x.test.", Type.SVCB)).getRcode());
    Message empty = askUdp(query("empty.x.test.", Type.HTTPS));
    assertEquals(Rcode.NOERROR, empty.getRcode());
    assertTrue(empty.getSection(Section.ANSWER).isEmpty(), "NODATA");
    assertEquals(Rcode.NXDOMAIN, askUdp(query("unset.x.test.", Type.HTTPS)).getRcode(), "a name never set");
    assertEquals(List.of(), exchangeUdp(query("lost.x.test.", Type.HTTPS), 200), "dropped");
    assertEquals(1, dns.queries("lost.x.test", RecordType.HTTPS), "received all the same");
  }

  @Test
  void aTruncatedHttpsReplyHasTheTcBitAndTcpHasTheRecords() throws IOException {
    ServiceRecord sent = ServiceRecord.service(1, ".").alpn("h3", "h2").ipv6Hints("::1");
    dns.reply("x.test", RecordType.HTTPS, DnsReply.services(sent).truncated());
    Message q = query("x.test.", Type.HTTPS);
    Message udp = askUdp(q);
    assertTrue(udp.getHeader().getFlag(Flags.TC));
    assertEquals(0, udp.getSection(Section.ANSWER).size());
    Message tcp = askTcp(q);
    assertEquals(q.getHeader().getID(), tcp.getHeader().getID());
    assertEquals(sent, read(tcp.getSection(Section.ANSWER).get(0)));
    assertEquals(1, dns.queriesOverTcp("x.test", RecordType.HTTPS));
    assertEquals(2, dns.queries("x.test", RecordType.HTTPS));
  }

  @Test
  void aDrippedHttpsAnswerArrivesWholeByteByByte() throws IOException {
    ServiceRecord sent = ServiceRecord.service(1, ".").alpn("h2");
    dns.reply("x.test", RecordType.HTTPS, DnsReply.services(sent).drippedOverTcp(Duration.ofMillis(1)));
    long start = System.nanoTime();
    byte[] wire = askTcpWire(query("x.test.", Type.HTTPS));
    long millis = (System.nanoTime() - start) / 1_000_000;
    int bytes = 2 + wire.length;
    assertTrue(millis >= bytes - 1, bytes + " bytes a millisecond apart: " + millis + " ms");
    assertEquals(sent, read(new Message(wire).getSection(Section.ANSWER).get(0)));
  }

  @Test
  void cnamesOwnersAndHighBitTtlsApplyToServiceRecords() throws IOException {
    dns.reply("x.test", RecordType.HTTPS, DnsReply.services(ServiceRecord.service(1, ".").port(8443))
        .viaCnames("y.test").ttl(0x8000_0000L + 5));
    dns.reply("z.test", RecordType.SVCB, DnsReply.services(ServiceRecord.alias("svc.test")).ownedBy("evil.test"));
    List<Record> answer = askUdp(query("x.test.", Type.HTTPS)).getSection(Section.ANSWER);
    assertEquals(2, answer.size(), answer.toString());
    assertEquals("y.test.", ((CNAMERecord) answer.get(0)).getTarget().toString());
    assertEquals("y.test.", answer.get(1).getName().toString(), "owned by the chain's last name");
    assertEquals(0x8000_0000L + 5, answer.get(1).getTTL(), "the high bit, as the wire carries it");
    assertEquals(ServiceRecord.service(1, ".").port(8443), read(answer.get(1)));
    Record foreign = askUdp(query("z.test.", Type.SVCB)).getSection(Section.ANSWER).get(0);
    assertEquals("evil.test.", foreign.getName().toString());
  }

  @Test
  void decoysOfAnHttpsQueryPointElsewhere() throws IOException {
    dns.reply("x.test", RecordType.HTTPS, DnsReply.services(ServiceRecord.service(1, ".").alpn("h2"))
        .precededBy(Decoy.WRONG_ID, Decoy.WRONG_QUESTION, Decoy.QR_CLEAR, Decoy.NO_QUESTION));
    Message q = query("x.test.", Type.HTTPS);
    List<Message> replies = new ArrayList<>();
    for (byte[] datagram : receiveUdp(q, 5)) {
      replies.add(new Message(datagram));
    }
    assertTrue(replies.get(0).getHeader().getID() != q.getHeader().getID(), "wrong ID");
    assertEquals("decoy.test.", replies.get(1).getQuestion().getName().toString(), "wrong question");
    assertFalse(replies.get(2).getHeader().getFlag(Flags.QR), "QR clear");
    assertEquals(Rcode.REFUSED, replies.get(3).getRcode(), "no question");
    ServiceRecord elsewhere = ServiceRecord.service(1, "decoy.test").ipv4Hints("127.0.0.66");
    for (int i = 0; i < 3; i++) {
      assertEquals(elsewhere, read(replies.get(i).getSection(Section.ANSWER).get(0)), "decoy " + i);
    }
    Message real = replies.get(4);
    assertEquals(q.getHeader().getID(), real.getHeader().getID());
    assertEquals(ServiceRecord.service(1, ".").alpn("h2"), read(real.getSection(Section.ANSWER).get(0)));
  }

  @Test
  void repliesOfTheWrongKindForTheTypeAreRefused() {
    DnsReply services = DnsReply.services(ServiceRecord.service(1, "."));
    assertThrows(IllegalArgumentException.class,
        () -> dns.reply("x.test", RecordType.HTTPS, DnsReply.addresses("::1")));
    assertThrows(IllegalArgumentException.class,
        () -> dns.reply("x.test", RecordType.SVCB, DnsReply.addresses("127.0.0.1")));
    assertThrows(IllegalArgumentException.class, () -> dns.reply("x.test", RecordType.A, services));
    assertThrows(IllegalArgumentException.class, () -> dns.reply("x.test", RecordType.AAAA, services));
    for (DnsReply any : List.of(DnsReply.empty(), DnsReply.nxdomain(), DnsReply.servfail(), DnsReply.dropped())) {
      for (RecordType type : RecordType.values()) {
        dns.reply("x.test", type, any);
      }
    }
    dns.reply("x.test", RecordType.SVCB, services);
  }
}
