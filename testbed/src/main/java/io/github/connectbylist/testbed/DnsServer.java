package io.github.connectbylist.testbed;

import java.io.EOFException;
import java.io.IOException;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSOutput;
import org.xbill.DNS.Flags;
import org.xbill.DNS.HTTPSRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SVCBBase;
import org.xbill.DNS.SVCBRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * An authoritative DNS server on loopback, UDP and TCP on one port (RFC 7766), whose reply to each name and
 * query type is set by the test: addresses, SVCB or HTTPS records ({@link ServiceRecord}), empty, NXDOMAIN,
 * SERVFAIL, or nothing, each after a delay, and the misbehaviours a resolver must survive ({@link DnsReply}). A
 * name without any reply set does not exist (NXDOMAIN); a set name without a reply for the query type has no
 * records of it. It counts the queries it receives. One thread receives UDP, one accepts TCP, one per TCP
 * connection reads its queries, and one sends delayed replies; {@link #close()} stops them all.
 *
 * <pre>{@code
 * try (DnsServer dns = DnsServer.start()) {
 *   dns.reply("slow-aaaa.test", DnsServer.RecordType.AAAA, DnsReply.addresses("::1").after(java.time.Duration.ofMillis(300)));
 *   dns.reply("slow-aaaa.test", DnsServer.RecordType.A, DnsReply.addresses("127.0.0.1"));
 *   ConnectByList.builder().resolver("dns(servers=" + dns.serverSpec() + ")")...
 * }
 * }</pre>
 *
 * <p>An HTTPS or SVCB query (RFC 9460) is answered the same way, with every delay and misbehaviour:
 *
 * <pre>{@code
 * dns.reply("x.test", DnsServer.RecordType.HTTPS,
 *     DnsReply.services(ServiceRecord.service(1, ".").alpn("h3", "h2").ipv4Hints("127.0.0.1"))
 *         .after(java.time.Duration.ofMillis(50)));
 * dns.reply("_dns.x.test", DnsServer.RecordType.SVCB,
 *     DnsReply.services(ServiceRecord.service(1, "x.test").alpn("dot").port(853)));
 * }</pre>
 */
public final class DnsServer implements AutoCloseable {
  private static final AtomicInteger INSTANCES = new AtomicInteger();
  /** The address decoys carry for A queries: loopback, so that a resolver fooled by one connects nowhere else. */
  private static final String DECOY_V4 = "127.0.0.66";
  private static final String DECOY_NAME = "decoy.test.";

  /** The query types a reply can be set for. */
  public enum RecordType {
    /** IPv4 addresses. */
    A(Type.A),
    /** IPv6 addresses. */
    AAAA(Type.AAAA),
    /** Service bindings of HTTP origins (type 65, RFC 9460 section 9), answered with {@link DnsReply#services()}. */
    HTTPS(Type.HTTPS),
    /**
     * General service bindings (type 64, RFC 9460), such as {@code _8443._foo.x.test} (section 2.3) or a DNS
     * server's {@code _dns.x.test} (RFC 9461), answered with {@link DnsReply#services()}.
     */
    SVCB(Type.SVCB);

    final int code;

    RecordType(int code) {
      this.code = code;
    }

    /** Whether records of this type are service bindings (RFC 9460), not addresses. */
    boolean isService() {
      return this == HTTPS || this == SVCB;
    }

    /** The type of a question's code, or {@code null} for one no reply can be set for. */
    static RecordType of(int code) {
      for (RecordType t : values()) {
        if (t.code == code) {
          return t;
        }
      }
      return null;
    }
  }

  private final DatagramChannel udp;
  private final ServerSocketChannel tcp;
  private final InetSocketAddress address;
  private final int instance;
  private final Map<String, Map<RecordType, DnsReply>> replies = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> queries = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> tcpQueries = new ConcurrentHashMap<>();
  private final Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();
  private final Set<Thread> connectionThreads = ConcurrentHashMap.newKeySet();
  private final AtomicInteger connectionCount = new AtomicInteger();
  private final AtomicInteger received = new AtomicInteger();
  private final ScheduledExecutorService later;
  private final Thread receiver;
  private final Thread acceptor;

  private DnsServer(DatagramChannel udp, ServerSocketChannel tcp) throws IOException {
    this.udp = udp;
    this.tcp = tcp;
    this.address = (InetSocketAddress) udp.getLocalAddress();
    this.instance = INSTANCES.incrementAndGet();
    ScheduledThreadPoolExecutor sender = new ScheduledThreadPoolExecutor(1,
        r -> daemon(r, "testbed-dns-" + instance + "-send"));
    sender.setRemoveOnCancelPolicy(true);
    this.later = sender;
    this.receiver = daemon(this::receiveUntilClosed, "testbed-dns-" + instance + "-receive");
    this.acceptor = daemon(this::acceptUntilClosed, "testbed-dns-" + instance + "-accept");
    receiver.start();
    acceptor.start();
  }

  /**
   * A server on {@code 127.0.0.1} at a free port, UDP and TCP.
   *
   * @return the running server; close it
   * @throws IOException when the sockets cannot be opened
   */
  public static DnsServer start() throws IOException {
    InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    for (int tries = 0; ; tries++) { // a free UDP port may be taken for TCP: try another
      try {
        return start(new InetSocketAddress(loopback, 0));
      } catch (BindException taken) {
        if (tries == 50) {
          throw taken;
        }
      }
    }
  }

  /**
   * A server at {@code address}, UDP and TCP on the same port (a free one for port 0): on port 53 of an
   * emulated host's address, its sockets opened by a thread inside that host's network namespace, it is the
   * network's name server. Its threads are started by the calling thread.
   *
   * @param address where to listen
   * @return the running server; close it
   * @throws IOException when the sockets cannot be opened ({@link BindException} when the port is taken)
   */
  public static DnsServer start(InetSocketAddress address) throws IOException {
    DatagramChannel udp = DatagramChannel.open();
    ServerSocketChannel tcp = null;
    try {
      udp.bind(address);
      tcp = ServerSocketChannel.open();
      tcp.bind(new InetSocketAddress(address.getAddress(), ((InetSocketAddress) udp.getLocalAddress()).getPort()), 16);
      return new DnsServer(udp, tcp);
    } catch (IOException | RuntimeException e) {
      udp.close();
      if (tcp != null) {
        tcp.close();
      }
      throw e;
    }
  }

  /**
   * Where the server listens, UDP and TCP.
   *
   * @return its address ({@code 127.0.0.1} unless started at another) and its port
   */
  public InetSocketAddress address() {
    return address;
  }

  /**
   * The address as a resolver option takes it: {@code 127.0.0.1:PORT}, {@code [2001:db8::53]:53}.
   *
   * @return the text
   */
  public String serverSpec() {
    String host = address.getAddress().getHostAddress();
    return (address.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + address.getPort();
  }

  /**
   * Sets how {@code name} is answered for {@code type}, replacing what was set before. Addresses answer only
   * {@link RecordType#A} and {@link RecordType#AAAA} queries of their own family, and service records ({@link
   * DnsReply#services(ServiceRecord...)}) only {@link RecordType#HTTPS} and {@link RecordType#SVCB} ones; every
   * other kind of reply (empty, NXDOMAIN, SERVFAIL, dropped) answers any type.
   *
   * @param name a host name, such as {@code slow-aaaa.test}, or an underscore name such as {@code
   *     _8443._https.x.test} (RFC 9460 section 9.1) or {@code _dns.x.test} (RFC 9461)
   * @param type the query type
   * @param reply the reply
   * @return this server
   * @throws IllegalArgumentException when the reply's addresses or services cannot answer {@code type}
   */
  public DnsServer reply(String name, RecordType type, DnsReply reply) {
    if (type.isService() ? reply.kind() == DnsReply.Kind.ADDRESSES : reply.kind() == DnsReply.Kind.SERVICES) {
      throw new IllegalArgumentException(type + " " + name + " cannot be answered with " + reply.kind()
          + (type.isService() ? ": use DnsReply.services" : ": use DnsReply.addresses"));
    }
    for (InetAddress a : reply.addresses()) {
      if ((type == RecordType.A) != (a instanceof Inet4Address)) {
        throw new IllegalArgumentException(type + " " + name + " cannot answer " + a.getHostAddress());
      }
    }
    replies.computeIfAbsent(key(name), k -> new ConcurrentHashMap<>()).put(type, reply);
    return this;
  }

  /**
   * How many queries of {@code type} for {@code name} have arrived, over UDP and TCP.
   *
   * @param name a host name
   * @param type the query type
   * @return the count
   */
  public int queries(String name, RecordType type) {
    AtomicInteger count = queries.get(key(name) + " " + type.code);
    return count == null ? 0 : count.get();
  }

  /**
   * How many queries of {@code type} for {@code name} have arrived over TCP.
   *
   * @param name a host name
   * @param type the query type
   * @return the count
   */
  public int queriesOverTcp(String name, RecordType type) {
    AtomicInteger count = tcpQueries.get(key(name) + " " + type.code);
    return count == null ? 0 : count.get();
  }

  /**
   * How many queries have arrived, of any name and type, over UDP and TCP.
   *
   * @return the count
   */
  public int queriesReceived() {
    return received.get();
  }

  /**
   * How many TCP connections have been accepted.
   *
   * @return the count
   */
  public int tcpConnections() {
    return connectionCount.get();
  }

  @Override
  public void close() {
    closeQuietly(udp);
    closeQuietly(tcp);
    for (SocketChannel c : connections) {
      closeQuietly(c);
    }
    later.shutdownNow();
    try {
      receiver.join(5_000);
      acceptor.join(5_000);
      for (Thread t : connectionThreads) {
        t.join(5_000);
      }
      later.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(java.nio.channels.Channel c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // closing a loopback socket: nothing useful to report
    }
  }

  private void receiveUntilClosed() {
    ByteBuffer buffer = ByteBuffer.allocate(65_535);
    while (udp.isOpen()) {
      SocketAddress from;
      Message query;
      try {
        buffer.clear();
        from = udp.receive(buffer);
        buffer.flip();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        query = new Message(bytes);
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException | RuntimeException e) {
        continue; // not a DNS message: ignore it, as a server would
      }
      try {
        answerUdp(query, from);
      } catch (RuntimeException e) {
        // a query this server cannot answer (an odd question): ignore it, as a server would
      }
    }
  }

  private void acceptUntilClosed() {
    while (tcp.isOpen()) {
      SocketChannel c;
      try {
        c = tcp.accept();
      } catch (IOException closed) {
        return;
      }
      connections.add(c);
      connectionCount.incrementAndGet();
      Thread t = daemon(() -> serveConnection(c), "testbed-dns-" + instance + "-tcp-" + connectionCount.get());
      connectionThreads.add(t);
      t.start();
      if (!tcp.isOpen()) {
        closeQuietly(c); // closed while accepting: close() may have missed this one
      }
    }
  }

  /** Reads length-prefixed queries until the client or {@link #close()} closes the connection. */
  private void serveConnection(SocketChannel c) {
    try (c) {
      ByteBuffer length = ByteBuffer.allocate(2);
      while (true) {
        length.clear();
        readFully(c, length);
        ByteBuffer body = ByteBuffer.allocate(length.getShort(0) & 0xFFFF);
        readFully(c, body);
        Message query;
        try {
          query = new Message(body.array());
        } catch (IOException | RuntimeException notDns) {
          return; // RFC 7766 section 6.2.4: a server may close a connection that sends garbage
        }
        try {
          answerTcp(query, c);
        } catch (RuntimeException e) {
          // a query this server cannot answer: ignore it
        }
      }
    } catch (IOException closed) {
      // the client or close() ended the connection
    } finally {
      connections.remove(c);
    }
  }

  private static void readFully(SocketChannel c, ByteBuffer into) throws IOException {
    while (into.hasRemaining()) {
      if (c.read(into) < 0) {
        throw new EOFException();
      }
    }
  }

  private record Asked(Record question, DnsReply reply) {}

  /** The reply set for the question, counting the query; {@code null} for a message without a question. */
  private Asked asked(Message query, Map<String, AtomicInteger> counts) {
    received.incrementAndGet();
    Record question = query.getQuestion();
    if (question == null) {
      return null;
    }
    String name = key(question.getName().toString());
    counts.computeIfAbsent(name + " " + question.getType(), k -> new AtomicInteger()).incrementAndGet();
    Map<RecordType, DnsReply> forName = replies.get(name);
    DnsReply reply;
    if (forName == null) {
      reply = DnsReply.nxdomain();
    } else {
      RecordType type = RecordType.of(question.getType());
      reply = type == null ? null : forName.get(type);
      if (reply == null) {
        reply = DnsReply.empty();
      }
    }
    return new Asked(question, reply);
  }

  private void answerUdp(Message query, SocketAddress from) {
    Asked asked = asked(query, queries);
    if (asked == null) {
      return;
    }
    DnsReply reply = asked.reply();
    for (DnsReply.Decoy decoy : reply.decoys()) {
      send(decoy(query, asked.question(), decoy), from);
    }
    if (reply.kind() == DnsReply.Kind.DROPPED) {
      return;
    }
    byte[] wire;
    if (reply.tcpOnly()) {
      Message tc = header(query, asked.question());
      tc.getHeader().setFlag(Flags.TC);
      wire = tc.toWire();
    } else {
      wire = wire(query, asked.question(), reply);
    }
    later(reply.delay(), () -> send(wire, from));
  }

  private void answerTcp(Message query, SocketChannel c) {
    Asked asked = asked(query, queries);
    if (asked == null) {
      return;
    }
    String name = key(asked.question().getName().toString());
    tcpQueries.computeIfAbsent(name + " " + asked.question().getType(), k -> new AtomicInteger()).incrementAndGet();
    DnsReply reply = asked.reply();
    if (reply.kind() == DnsReply.Kind.DROPPED) {
      return;
    }
    if (reply.tcpFlood()) {
      flood(c);
      return;
    }
    byte[] wire = wire(query, asked.question(), reply);
    byte[] framed = new byte[wire.length + 2];
    framed[0] = (byte) (wire.length >>> 8);
    framed[1] = (byte) wire.length;
    System.arraycopy(wire, 0, framed, 2, wire.length);
    if (reply.tcpBytePause().isZero()) {
      later(reply.delay(), () -> write(c, ByteBuffer.wrap(framed)));
    } else {
      later(reply.delay(), () -> drip(c, framed, 0, reply.tcpBytePause()));
    }
  }

  /**
   * Writes empty messages (length prefix 0) on the connection's own thread until the client or {@link #close()}
   * closes it; the socket's buffer paces the writes to the client's reads.
   */
  private static void flood(SocketChannel c) {
    ByteBuffer empty = ByteBuffer.allocate(64 << 10); // 32,768 empty messages: all zero bytes
    while (true) {
      empty.clear();
      if (!write(c, empty)) {
        return;
      }
    }
  }

  /** Writes byte {@code at} and schedules the next one {@code pause} later. */
  private void drip(SocketChannel c, byte[] framed, int at, Duration pause) {
    if (at >= framed.length || !write(c, ByteBuffer.wrap(framed, at, 1))) {
      return;
    }
    later(pause, () -> drip(c, framed, at + 1, pause));
  }

  private static boolean write(SocketChannel c, ByteBuffer bytes) {
    try {
      synchronized (c) {
        while (bytes.hasRemaining()) {
          c.write(bytes);
        }
      }
      return true;
    } catch (IOException closed) {
      return false; // the client went away
    }
  }

  private void send(byte[] wire, SocketAddress to) {
    try {
      udp.send(ByteBuffer.wrap(wire), to);
    } catch (IOException closed) {
      // the server closed meanwhile
    }
  }

  private void later(Duration delay, Runnable task) {
    if (delay.isZero()) {
      task.run();
      return;
    }
    try {
      later.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closed) {
      // closing
    }
  }

  /** A response without records: the ID, flags and question of {@code query}. */
  private static Message header(Message query, Record question) {
    Message response = new Message(query.getHeader().getID());
    response.getHeader().setFlag(Flags.QR);
    response.getHeader().setFlag(Flags.AA);
    if (query.getHeader().getFlag(Flags.RD)) {
      response.getHeader().setFlag(Flags.RD);
      response.getHeader().setFlag(Flags.RA);
    }
    response.addRecord(question, Section.QUESTION);
    return response;
  }

  private static byte[] wire(Message query, Record question, DnsReply reply) {
    Message response = header(query, question);
    long ttl = reply.ttlSeconds();
    boolean highBit = ttl > Integer.MAX_VALUE; // dnsjava's records refuse it: written into the wire below
    long recordTtl = highBit ? 0 : ttl;
    switch (reply.kind()) {
      case NXDOMAIN -> response.getHeader().setRcode(Rcode.NXDOMAIN);
      case SERVFAIL -> response.getHeader().setRcode(Rcode.SERVFAIL);
      default -> {
        Name owner = question.getName();
        for (String cname : reply.cnames()) {
          Name target = name(cname);
          response.addRecord(new CNAMERecord(owner, DClass.IN, recordTtl, target), Section.ANSWER);
          owner = target;
        }
        if (reply.addressOwner() != null) {
          owner = name(reply.addressOwner());
        }
        for (InetAddress a : reply.addresses()) {
          response.addRecord(addressRecord(owner, a, recordTtl), Section.ANSWER);
        }
        for (ServiceRecord s : reply.services()) {
          response.addRecord(serviceRecord(owner, question.getType(), recordTtl, s), Section.ANSWER);
        }
      }
    }
    byte[] wire = response.toWire();
    if (highBit) {
      WireTtl.setAnswerTtls(wire, ttl);
    }
    return wire;
  }

  private static Record addressRecord(Name owner, InetAddress a, long ttl) {
    return a instanceof Inet6Address
        ? new AAAARecord(owner, DClass.IN, ttl, a)
        : new ARecord(owner, DClass.IN, ttl, a);
  }

  /**
   * The SVCB or HTTPS record of {@code s}: dnsjava keeps the SvcParams in a sorted map, so that they go on the
   * wire in strictly increasing key order (RFC 9460 section 2.2), and takes the keys of {@code mandatory} in the
   * order given, so they are given sorted (section 8).
   */
  private static Record serviceRecord(Name owner, int type, long ttl, ServiceRecord s) {
    List<SVCBBase.ParameterBase> params = new ArrayList<>();
    if (!s.mandatory().isEmpty()) {
      params.add(new SVCBBase.ParameterMandatory(s.mandatoryKeys()));
    }
    if (!s.alpn().isEmpty()) {
      // From the wire form: the constructor that takes strings would read them as zone-file text, with escapes.
      DNSOutput ids = new DNSOutput();
      for (String id : s.alpn()) {
        ids.writeCountedString(id.getBytes(StandardCharsets.UTF_8));
      }
      SVCBBase.ParameterAlpn alpn = new SVCBBase.ParameterAlpn();
      try {
        alpn.fromWire(ids.toByteArray());
      } catch (IOException e) {
        throw new IllegalStateException(e); // lengths 1 to 255, checked by ServiceRecord
      }
      params.add(alpn);
    }
    if (s.noDefaultAlpn()) {
      params.add(new SVCBBase.ParameterNoDefaultAlpn());
    }
    if (s.port() != -1) {
      params.add(new SVCBBase.ParameterPort(s.port()));
    }
    if (!s.ipv4Hints().isEmpty()) {
      params.add(new SVCBBase.ParameterIpv4Hint(s.ipv4Hints().stream().map(a -> (Inet4Address) a).toList()));
    }
    if (s.ech() != null) {
      params.add(new SVCBBase.ParameterEch(s.ech()));
    }
    if (!s.ipv6Hints().isEmpty()) {
      params.add(new SVCBBase.ParameterIpv6Hint(s.ipv6Hints().stream().map(a -> (Inet6Address) a).toList()));
    }
    s.otherKeys().forEach((key, value) -> params.add(new SVCBBase.ParameterUnknown(key, value)));
    Name target = name(s.target());
    return type == Type.HTTPS
        ? new HTTPSRecord(owner, DClass.IN, ttl, s.priority(), target, params)
        : new SVCBRecord(owner, DClass.IN, ttl, s.priority(), target, params);
  }

  /**
   * A datagram that looks like an answer to {@code query} but is not one: A and AAAA decoys carry {@value
   * #DECOY_V4} and {@code ::1}, HTTPS and SVCB ones a record that points to {@value #DECOY_NAME} at {@value
   * #DECOY_V4}.
   */
  private static byte[] decoy(Message query, Record question, DnsReply.Decoy decoy) {
    if (decoy == DnsReply.Decoy.NO_QUESTION) {
      Message refusal = new Message(query.getHeader().getID());
      refusal.getHeader().setFlag(Flags.QR);
      refusal.getHeader().setRcode(Rcode.REFUSED);
      return refusal.toWire();
    }
    Message fake;
    Record answered = question;
    if (decoy == DnsReply.Decoy.WRONG_QUESTION) {
      answered = Record.newRecord(name(DECOY_NAME), question.getType(), question.getDClass());
    }
    fake = header(query, answered);
    InetAddress address = decoyAddress(question.getType());
    if (address != null) {
      fake.addRecord(addressRecord(question.getName(), address, 60), Section.ANSWER);
    }
    if (question.getType() == Type.HTTPS || question.getType() == Type.SVCB) {
      ServiceRecord elsewhere = ServiceRecord.service(1, DECOY_NAME).ipv4Hints(DECOY_V4);
      fake.addRecord(serviceRecord(question.getName(), question.getType(), 60, elsewhere), Section.ANSWER);
    }
    if (decoy == DnsReply.Decoy.WRONG_ID) {
      fake.getHeader().setID(query.getHeader().getID() ^ 0x5A5A);
    }
    if (decoy == DnsReply.Decoy.QR_CLEAR) {
      fake.getHeader().unsetFlag(Flags.QR);
    }
    return fake.toWire();
  }

  private static InetAddress decoyAddress(int type) {
    try {
      return type == Type.A ? org.xbill.DNS.Address.getByAddress(DECOY_V4)
          : type == Type.AAAA ? org.xbill.DNS.Address.getByAddress("::1") : null;
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Name name(String text) {
    try {
      return Name.fromString(text.endsWith(".") ? text : text + ".");
    } catch (TextParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a name", e);
    }
  }

  private static String key(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  @Override
  public String toString() {
    return "testbed DNS server on " + serverSpec() + " (UDP and TCP) for " + replies.keySet();
  }
}
