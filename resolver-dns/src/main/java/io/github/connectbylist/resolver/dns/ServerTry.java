package io.github.connectbylist.resolver.dns;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;

/**
 * One server's part of an {@link Exchange}: the query over UDP from a fresh socket (a new source port the
 * kernel picks at random, connected to the server so that only its datagrams arrive: RFC 5452 sections 4.5
 * and 9.2), and, when the matching reply has the TC bit, again over one TCP connection of its own with the
 * two-byte length prefix (RFC 7766 sections 5 and 8; no pipelining with other queries, so that one slow
 * answer never holds another). Its reads make no decision about time: the exchange's timer does. Runs on the
 * transport's loop thread.
 */
final class ServerTry implements DnsTransport.Handler {
  private final Exchange exchange;
  private final InetSocketAddress server;
  private DatagramChannel udp;
  private SocketChannel tcp;
  private ByteBuffer tcpOut;
  private final ByteBuffer tcpLength = ByteBuffer.allocate(2);
  private ByteBuffer tcpBody;
  private long tcpBytesRead;

  ServerTry(Exchange exchange, InetSocketAddress server) {
    this.exchange = exchange;
    this.server = server;
  }

  InetSocketAddress server() {
    return server;
  }

  /** Sends the query over UDP; a failure to is reported to the exchange. */
  void start() {
    try {
      udp = DatagramChannel.open(family());
      udp.configureBlocking(false);
      udp.connect(server);
      if (udp.write(ByteBuffer.wrap(exchange.wire())) == 0) {
        throw new IOException("the query to " + server + " could not be sent (socket buffer full)");
      }
      exchange.transport().register(udp, SelectionKey.OP_READ, this);
    } catch (IOException | RuntimeException e) {
      exchange.failed(this, e instanceof IOException io ? io : new IOException(server + ": " + e, e));
    }
  }

  private ProtocolFamily family() {
    return server.getAddress() instanceof Inet4Address ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6;
  }

  @Override
  public void ready(SelectionKey key) throws IOException {
    if (exchange.endIfOverdue()) {
      return; // the exchange closed this try's sockets
    }
    if (key.channel() == udp) {
      readUdp();
    } else if (key.channel() == tcp) {
      tcpReady(key);
    }
  }

  @Override
  public void failed(Throwable error) {
    exchange.failed(this, error instanceof Exception e ? e instanceof IOException ? e
        : new IOException(server + ": " + e, e) : new IOException(server + ": " + error, error));
  }

  private void readUdp() throws IOException {
    for (int i = 0; i < DnsTransport.DATAGRAMS_PER_TURN && udp != null; i++) {
      ByteBuffer buffer = exchange.transport().datagramBuffer();
      try {
        if (udp.read(buffer) <= 0) {
          return;
        }
      } catch (PortUnreachableException e) {
        throw new IOException("nothing listens on " + server + " (ICMP port unreachable)", e);
      }
      buffer.flip();
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      Message reply = matching(bytes);
      if (reply == null) {
        continue;
      }
      if (reply.getHeader().getFlag(Flags.TC)) {
        switchToTcp();
      } else {
        exchange.answered(this, reply);
      }
      return;
    }
  }

  /** The reply in {@code bytes} when it answers the query; otherwise counted and {@code null}. */
  private Message matching(byte[] bytes) {
    Message reply;
    try {
      reply = new Message(bytes);
    } catch (IOException | RuntimeException notDns) {
      exchange.ignored();
      return null;
    }
    if (!ReplyMatch.answers(exchange.query(), reply)) {
      exchange.ignored();
      return null;
    }
    return reply;
  }

  /** RFC 7766 section 5: a truncated reply over UDP is asked again over TCP. */
  private void switchToTcp() throws IOException {
    closeUdp();
    byte[] wire = exchange.wire();
    tcpOut = ByteBuffer.allocate(2 + wire.length);
    tcpOut.putShort((short) wire.length).put(wire).flip();
    tcp = SocketChannel.open(family());
    tcp.configureBlocking(false);
    boolean connected = tcp.connect(server);
    exchange.transport().register(tcp, connected ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT, this);
  }

  private void tcpReady(SelectionKey key) throws IOException {
    if (key.isConnectable()) {
      tcp.finishConnect(); // a refusal throws: this server failed
      key.interestOps(SelectionKey.OP_WRITE);
      return;
    }
    if (key.isWritable()) {
      tcp.write(tcpOut);
      if (!tcpOut.hasRemaining()) {
        key.interestOps(SelectionKey.OP_READ);
      }
      return;
    }
    if (key.isReadable()) {
      readTcp();
    }
  }

  /**
   * Reads what has come of the length-prefixed reply, at most {@link DnsTransport#TCP_MESSAGES_PER_TURN}
   * messages and about {@link DnsTransport#TCP_BYTES_PER_TURN} bytes in one turn of the loop; what is left is
   * read on the next turn, after the timers. A message that is not the reply (empty, not DNS, another ID or
   * question) is counted and skipped, and the connection kept: the query's deadline ends a server that never
   * sends the reply.
   */
  private void readTcp() throws IOException {
    int messages = 0;
    int bytes = 0;
    while (tcp != null && messages < DnsTransport.TCP_MESSAGES_PER_TURN && bytes < DnsTransport.TCP_BYTES_PER_TURN) {
      ByteBuffer into = tcpBody == null ? tcpLength : tcpBody;
      int n = tcp.read(into);
      if (n < 0) {
        throw new IOException(server + " closed the TCP connection after " + tcpBytesRead + " bytes of the reply");
      }
      if (n == 0) {
        return;
      }
      tcpBytesRead += n;
      bytes += n;
      if (into.hasRemaining()) {
        continue;
      }
      if (tcpBody == null) {
        int length = tcpLength.getShort(0) & 0xFFFF;
        if (length > 0) {
          tcpBody = ByteBuffer.allocate(length);
          continue;
        }
        tcpLength.clear(); // an empty message: nothing to parse
        messages++;
        exchange.ignored();
        continue;
      }
      byte[] body = tcpBody.array();
      tcpBody = null;
      tcpLength.clear();
      messages++;
      Message reply = matching(body);
      if (reply != null) {
        exchange.answered(this, reply);
        return;
      }
    }
  }

  /** What this server was doing, for a time-out's message; empty when there is nothing to say. */
  String state() {
    if (tcp == null) {
      return "";
    }
    if (tcpOut != null && tcpOut.hasRemaining()) {
      return "the TCP connection was not established or the query not sent";
    }
    return "the reply was truncated; over TCP " + tcpBytesRead + " bytes had come";
  }

  /** Closes the sockets; on the loop thread, whose next select releases them. */
  void close() {
    closeUdp();
    if (tcp != null) {
      try {
        tcp.close();
      } catch (IOException ignored) {
        // nothing more to release
      }
      tcp = null;
    }
  }

  private void closeUdp() {
    if (udp != null) {
      try {
        udp.close();
      } catch (IOException ignored) {
        // nothing more to release
      }
      udp = null;
    }
  }

  @Override
  public String toString() {
    return "query to " + server;
  }
}
