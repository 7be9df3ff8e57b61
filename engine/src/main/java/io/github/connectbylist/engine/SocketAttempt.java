package io.github.connectbylist.engine;

import io.github.connectbylist.api.AddressPair;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketOption;
import java.net.StandardProtocolFamily;
import java.nio.channels.SocketChannel;
import java.util.Map;

/**
 * One attempt on a real socket, as every socket transport runs it (core's on its event loop, an adapter's on
 * its own): the socket family-specific, non-blocking, given the options before it connects, bound to the
 * pair's source when asked, and connecting; a connect that finishes at once (loopback, often) is finished
 * here, sparing a round through the selector. What a subclass owns is its loop: how it registers the socket,
 * and how it hands the winner over.
 */
public abstract class SocketAttempt implements Transport.Io<SocketChannel> {
  /** The attempt's socket, non-blocking, connecting or connected. */
  protected final SocketChannel channel;
  private final boolean connectedAtOnce;

  /**
   * Opens a socket for {@code pair} and starts connecting it.
   *
   * @param pair the source and destination
   * @param bindSource whether to bind the pair's source (else the OS picks it)
   * @param options socket options set before connecting
   * @throws AttemptFailure when the attempt failed at once (a refusal seen on the spot, an address that
   *     cannot be bound), its kind read from the socket's exception; the socket is closed then
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  protected SocketAttempt(AddressPair pair, boolean bindSource, Map<SocketOption<?>, Object> options)
      throws AttemptFailure {
    SocketChannel ch;
    try {
      ch = SocketChannel.open(pair.isIpv6() ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
    } catch (IOException | RuntimeException e) {
      throw failure(e);
    }
    try {
      ch.configureBlocking(false);
      for (Map.Entry<SocketOption<?>, Object> e : options.entrySet()) {
        ch.setOption((SocketOption) e.getKey(), e.getValue());
      }
      if (bindSource && pair.source() != null) {
        ch.bind(new InetSocketAddress(pair.source().address(), 0));
      }
      this.connectedAtOnce = ch.connect(pair.destination()) || ch.finishConnect();
    } catch (IOException | RuntimeException e) {
      closeQuietly(ch); // the attempt failed already; its own error is the one to report
      throw failure(e);
    }
    this.channel = ch;
  }

  @Override
  public final boolean connected() {
    return connectedAtOnce;
  }

  /**
   * For the subclass, when its loop says the socket is ready to finish connecting: finishes it and reports
   * how it ended to {@code outcome}, its failure with its kind.
   *
   * @param outcome told how the attempt ended
   * @return {@code false} when it has not ended yet (the loop will tell again)
   */
  protected final boolean finish(Transport.Outcome outcome) {
    try {
      if (!channel.finishConnect()) {
        return false;
      }
    } catch (IOException e) {
      outcome.failed(SocketErrors.kindOf(e), e);
      return true;
    }
    outcome.connected();
    return true;
  }

  /** Closes the socket; an error closing an attempt has nothing useful to say. */
  protected final void closeChannel() {
    closeQuietly(channel);
  }

  /**
   * Closes {@code channel}, ignoring what closing throws.
   *
   * @param channel a socket
   */
  public static void closeQuietly(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // closing an attempt: nothing useful to report
    }
  }

  /**
   * Why a socket's attempt failed, as its exception says: the kind is read here, where it was thrown.
   *
   * @param e what opening, binding or connecting the socket threw
   * @return the failure, with its kind and the error
   */
  public static AttemptFailure failure(Exception e) {
    IOException error = e instanceof IOException io ? io : new IOException(e.toString(), e);
    return new AttemptFailure(SocketErrors.kindOf(error), error);
  }

  @Override
  public String toString() {
    return "attempt on " + channel;
  }
}
