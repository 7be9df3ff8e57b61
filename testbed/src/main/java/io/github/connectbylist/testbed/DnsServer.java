package io.github.connectbylist.testbed;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * An authoritative DNS server on loopback UDP whose reply to each name and query type is set by the test:
 * addresses, empty, NXDOMAIN, SERVFAIL, or nothing, each after a delay ({@link DnsReply}). A name without
 * any reply set does not exist (NXDOMAIN); a set name without a reply for the query type has no records of
 * it. It counts the queries it receives. One thread receives, one sends delayed replies; {@link #close()}
 * stops both.
 *
 * <pre>{@code
 * try (DnsServer dns = DnsServer.start()) {
 *   dns.reply("slow-aaaa.test", DnsServer.RecordType.AAAA, DnsReply.addresses("::1").after(java.time.Duration.ofMillis(300)));
 *   dns.reply("slow-aaaa.test", DnsServer.RecordType.A, DnsReply.addresses("127.0.0.1"));
 *   ConnectByList.builder().resolver("dns(servers=" + dns.serverSpec() + ")")...
 * }
 * }</pre>
 */
public final class DnsServer implements AutoCloseable {
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  /** The query types a reply can be set for. */
  public enum RecordType {
    /** IPv4 addresses. */
    A(Type.A),
    /** IPv6 addresses. */
    AAAA(Type.AAAA);

    final int code;

    RecordType(int code) {
      this.code = code;
    }
  }

  private final DatagramChannel channel;
  private final InetSocketAddress address;
  private final Map<String, Map<RecordType, DnsReply>> replies = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> queries = new ConcurrentHashMap<>();
  private final ScheduledExecutorService later;
  private final Thread receiver;

  private DnsServer(DatagramChannel channel) throws IOException {
    this.channel = channel;
    this.address = (InetSocketAddress) channel.getLocalAddress();
    int n = INSTANCES.incrementAndGet();
    ScheduledThreadPoolExecutor sender = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "testbed-dns-" + n + "-send"));
    sender.setRemoveOnCancelPolicy(true);
    this.later = sender;
    this.receiver = daemon(this::receiveUntilClosed, "testbed-dns-" + n + "-receive");
    receiver.start();
  }

  /**
   * A server on {@code 127.0.0.1} at a free port.
   *
   * @return the running server; close it
   * @throws IOException when the socket cannot be opened
   */
  public static DnsServer start() throws IOException {
    DatagramChannel channel = DatagramChannel.open();
    try {
      channel.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0));
      return new DnsServer(channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * Where the server listens.
   *
   * @return {@code 127.0.0.1} and its port
   */
  public InetSocketAddress address() {
    return address;
  }

  /**
   * The address as a resolver option takes it: {@code 127.0.0.1:PORT}.
   *
   * @return the text
   */
  public String serverSpec() {
    return "127.0.0.1:" + address.getPort();
  }

  /**
   * Sets how {@code name} is answered for {@code type}, replacing what was set before.
   *
   * @param name a host name, such as {@code slow-aaaa.test}
   * @param type the query type
   * @param reply the reply
   * @return this server
   */
  public DnsServer reply(String name, RecordType type, DnsReply reply) {
    for (InetAddress a : reply.addresses()) {
      if ((type == RecordType.A) != (a instanceof Inet4Address)) {
        throw new IllegalArgumentException(type + " " + name + " cannot answer " + a.getHostAddress());
      }
    }
    replies.computeIfAbsent(key(name), k -> new ConcurrentHashMap<>()).put(type, reply);
    return this;
  }

  /**
   * How many queries of {@code type} for {@code name} have arrived.
   *
   * @param name a host name
   * @param type the query type
   * @return the count
   */
  public int queries(String name, RecordType type) {
    AtomicInteger count = queries.get(key(name) + " " + type.code);
    return count == null ? 0 : count.get();
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // closing a loopback socket: nothing useful to report
    }
    later.shutdownNow();
    try {
      receiver.join(5_000);
      later.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void receiveUntilClosed() {
    ByteBuffer buffer = ByteBuffer.allocate(65_535);
    while (channel.isOpen()) {
      SocketAddress from;
      Message query;
      try {
        buffer.clear();
        from = channel.receive(buffer);
        buffer.flip();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        query = new Message(bytes);
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        continue; // not a DNS message: ignore it, as a server would
      }
      answer(query, from);
    }
  }

  private void answer(Message query, SocketAddress from) {
    Record question = query.getQuestion();
    if (question == null) {
      return;
    }
    String name = key(question.getName().toString());
    queries.computeIfAbsent(name + " " + question.getType(), k -> new AtomicInteger()).incrementAndGet();
    Map<RecordType, DnsReply> forName = replies.get(name);
    DnsReply reply;
    if (forName == null) {
      reply = DnsReply.nxdomain();
    } else {
      RecordType type = question.getType() == Type.A ? RecordType.A : question.getType() == Type.AAAA ? RecordType.AAAA
          : null;
      reply = type == null ? null : forName.get(type);
      if (reply == null) {
        reply = DnsReply.empty();
      }
    }
    if (reply.kind() == DnsReply.Kind.DROPPED) {
      return;
    }
    byte[] wire = response(query, question, reply).toWire();
    Runnable send = () -> {
      try {
        channel.send(ByteBuffer.wrap(wire), from);
      } catch (IOException closed) {
        // the server closed meanwhile
      }
    };
    if (reply.delay().isZero()) {
      send.run();
    } else {
      try {
        later.schedule(send, reply.delay().toNanos(), TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.RejectedExecutionException closed) {
        // closing
      }
    }
  }

  private static Message response(Message query, Record question, DnsReply reply) {
    Message response = new Message(query.getHeader().getID());
    response.getHeader().setFlag(Flags.QR);
    response.getHeader().setFlag(Flags.AA);
    if (query.getHeader().getFlag(Flags.RD)) {
      response.getHeader().setFlag(Flags.RD);
      response.getHeader().setFlag(Flags.RA);
    }
    response.addRecord(question, Section.QUESTION);
    switch (reply.kind()) {
      case NXDOMAIN -> response.getHeader().setRcode(Rcode.NXDOMAIN);
      case SERVFAIL -> response.getHeader().setRcode(Rcode.SERVFAIL);
      default -> {
        Name name = question.getName();
        for (InetAddress a : reply.addresses()) {
          response.addRecord(a instanceof Inet6Address
              ? new AAAARecord(name, DClass.IN, reply.ttlSeconds(), a)
              : new ARecord(name, DClass.IN, reply.ttlSeconds(), a), Section.ANSWER);
        }
      }
    }
    return response;
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
    return "testbed DNS server on " + serverSpec() + " for " + replies.keySet();
  }
}
