package io.github.connectbylist.engine;

import io.github.connectbylist.api.AddressPair;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketOption;
import java.net.StandardProtocolFamily;
import java.nio.channels.SocketChannel;
import java.util.Map;

/**
 * An attempt's socket, opened as core's own transport opens it, for transports on other event loops (an
 * adapter's): family-specific, non-blocking, given the options before it connects, bound to the pair's
 * source when asked, and connecting; a connect that finishes at once (loopback, often) is finished here,
 * sparing a round through the selector.
 *
 * @param channel the socket, non-blocking, connecting or connected
 * @param connected whether it connected on the spot
 */
public record SocketAttempt(SocketChannel channel, boolean connected) {

  /**
   * Opens a socket for {@code pair} and starts connecting it.
   *
   * @param pair the source and destination
   * @param bindSource whether to bind the pair's source (else the OS picks it)
   * @param options socket options set before connecting
   * @return the socket and whether it connected already
   * @throws AttemptFailure when the attempt failed at once (a refusal seen on the spot, an address that
   *     cannot be bound), its kind read from the socket's exception; the socket is closed then
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static SocketAttempt start(AddressPair pair, boolean bindSource, Map<SocketOption<?>, Object> options)
      throws AttemptFailure {
    SocketChannel channel;
    try {
      channel = SocketChannel.open(pair.isIpv6() ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
    } catch (IOException | RuntimeException e) {
      throw failure(e);
    }
    try {
      channel.configureBlocking(false);
      for (Map.Entry<SocketOption<?>, Object> e : options.entrySet()) {
        channel.setOption((SocketOption) e.getKey(), e.getValue());
      }
      if (bindSource && pair.source() != null) {
        channel.bind(new InetSocketAddress(pair.source().address(), 0));
      }
      return new SocketAttempt(channel, channel.connect(pair.destination()) || channel.finishConnect());
    } catch (IOException | RuntimeException e) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // the attempt failed already; its own error is the one to report
      }
      throw failure(e);
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
}
