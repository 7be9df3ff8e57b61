package io.github.connectbylist.resolver.dns;

import io.github.connectbylist.engine.TimerQueue;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;

/**
 * One query and its one deadline (its {@code timeout}), kept by the transport's own timer whatever the
 * servers do. The servers are asked in order, each over UDP and, when its reply is truncated, over TCP
 * ({@link ServerTry}): the next server when the one before failed (no listener, a refusal, SERVFAIL, a
 * broken connection) or has been silent for its share of the time left, the time left being split evenly
 * among the servers not yet asked. Earlier servers are still listened to; the first acceptable reply wins.
 * NOERROR and NXDOMAIN are answers; any other code sends the query to the next server, as glibc's stub
 * does. Replies that do not {@link ReplyMatch match} the query are counted and ignored.
 *
 * <p>All of it runs on the transport's loop thread.
 */
final class Exchange {
  /** Where the end of an exchange is reported, once, on the loop thread. */
  interface Outcome {
    /**
     * A NOERROR or NXDOMAIN reply that matches the query.
     *
     * @param reply the reply
     */
    void answered(Message reply);

    /**
     * No answer: every server failed, or the timeout passed, or the resolver closed.
     *
     * @param error why, naming the servers
     */
    void failed(Exception error);
  }

  private final DnsTransport transport;
  private final Message query;
  private final byte[] wire;
  private final List<InetSocketAddress> servers;
  private final long timeoutNanos;
  private final Outcome outcome;
  private final List<ServerTry> tries = new ArrayList<>();
  private TimerQueue.Timer deadlineTimer;
  private TimerQueue.Timer nextServerTimer;
  private long deadline;
  private int next;
  private int ignored;
  private boolean ended;
  private Exception lastFailure;

  Exchange(DnsTransport transport, Message query, List<InetSocketAddress> servers, long timeoutNanos,
      Outcome outcome) {
    this.transport = transport;
    this.query = query;
    this.wire = query.toWire();
    this.servers = servers;
    this.timeoutNanos = timeoutNanos;
    this.outcome = outcome;
  }

  /**
   * Hands the exchange to the transport's loop, which starts it.
   *
   * @return {@code false} when the transport is closed
   * @throws IOException when the loop cannot start
   */
  boolean submit() throws IOException {
    return transport.execute(() -> guarded(this::start));
  }

  Message query() {
    return query;
  }

  byte[] wire() {
    return wire;
  }

  DnsTransport transport() {
    return transport;
  }

  private void start() {
    if (transport.shuttingDown()) {
      end(null, new IOException("the resolver was closed"));
      return;
    }
    transport.started(this);
    deadline = System.nanoTime() + timeoutNanos;
    deadlineTimer = transport.schedule(deadline, () -> guarded(this::timedOut));
    startNextServer();
  }

  /** Asks the next server, and sets when the one after it is asked if this one stays silent. */
  private void startNextServer() {
    if (ended || next >= servers.size()) {
      return;
    }
    if (nextServerTimer != null) {
      nextServerTimer.cancel();
      nextServerTimer = null;
    }
    InetSocketAddress server = servers.get(next++);
    int left = servers.size() - next;
    if (left > 0) {
      long now = System.nanoTime();
      long at = now + (deadline - now) / (left + 1);
      nextServerTimer = transport.schedule(at, () -> guarded(this::startNextServer));
    }
    ServerTry t = new ServerTry(this, server);
    tries.add(t);
    t.start(); // may report failed() at once, which asks the next server
  }

  /** A reply that matches the query came from {@code t}'s server. */
  void answered(ServerTry t, Message reply) {
    if (ended) {
      return;
    }
    int rcode = reply.getRcode();
    if (rcode == Rcode.NOERROR || rcode == Rcode.NXDOMAIN) {
      end(reply, null);
    } else {
      failed(t, new IOException(t.server() + " answered " + Rcode.string(rcode)));
    }
  }

  /** A message that does not answer the query came (empty, not DNS, or another question); it is only counted. */
  void ignored() {
    ignored++;
  }

  /**
   * Ends the exchange as timed out when its deadline has passed, before a server's socket is read: a socket
   * that is readable on every turn then cannot deliver after the deadline, whatever order the loop takes.
   *
   * @return {@code true} when the exchange has ended (now or before)
   */
  boolean endIfOverdue() {
    if (!ended && System.nanoTime() - deadline >= 0) {
      guarded(this::timedOut);
    }
    return ended;
  }

  /** {@code t}'s server cannot answer: the next is asked, or the exchange fails when none is left. */
  void failed(ServerTry t, Exception error) {
    if (ended) {
      return;
    }
    t.close();
    tries.remove(t);
    lastFailure = error;
    if (next < servers.size()) {
      guarded(this::startNextServer);
    } else if (tries.isEmpty()) {
      end(null, error);
    }
  }

  private void timedOut() {
    if (ended) {
      return;
    }
    StringBuilder why = new StringBuilder("no answer to ").append(query.getQuestion().getName()).append(' ')
        .append(org.xbill.DNS.Type.string(query.getQuestion().getType())).append(" from ");
    for (int i = 0; i < servers.size(); i++) {
      why.append(i == 0 ? "" : ", ").append(servers.get(i));
    }
    why.append(" within ").append(timeoutNanos / 1_000_000).append(" ms");
    for (ServerTry t : tries) {
      String state = t.state();
      if (!state.isEmpty()) {
        why.append("; ").append(t.server()).append(": ").append(state);
      }
    }
    if (ignored > 0) {
      why.append("; ").append(ignored).append(ignored == 1 ? " message" : " messages")
          .append(" that did not answer the query ignored");
    }
    SocketTimeoutException e = new SocketTimeoutException(why.toString());
    if (lastFailure != null) {
      e.addSuppressed(lastFailure);
    }
    end(null, e);
  }

  /** The transport is closing: fails the exchange with {@code why}. */
  void abort(Exception why) {
    end(null, why);
  }

  /** Runs one step; whatever it throws, an {@link Error} too, ends the exchange as a failure, reported. */
  private void guarded(Runnable step) {
    try {
      step.run();
    } catch (Throwable e) {
      end(null, new IOException("the query failed: " + e, e));
    }
  }

  /** Ends the exchange: closes its sockets and timers and reports, once. */
  private void end(Message reply, Exception error) {
    if (ended) {
      return;
    }
    ended = true;
    transport.ended(this);
    if (deadlineTimer != null) {
      deadlineTimer.cancel();
    }
    if (nextServerTimer != null) {
      nextServerTimer.cancel();
    }
    for (ServerTry t : tries) {
      t.close();
    }
    tries.clear();
    if (reply == null && error == null) {
      return;
    }
    try {
      if (reply != null) {
        outcome.answered(reply);
      } else {
        outcome.failed(error);
      }
    } catch (Throwable e) { // the outcome's own failure must not end the loop or other queries
      Log.logger().log(Level.WARNING, "a DNS answer could not be delivered", e);
    }
  }
}
