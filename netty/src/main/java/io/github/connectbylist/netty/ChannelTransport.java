package io.github.connectbylist.netty;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.engine.AttemptFailure;
import io.github.connectbylist.engine.SocketErrors;
import io.github.connectbylist.engine.Transport;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Attempts as the transport's own channels, for any Netty socket channel (epoll, io_uring, and whatever else
 * the Bootstrap makes): each attempt is a new channel of the Bootstrap's type, with its options, registered
 * with the race's event loop and connected there. Its pipeline holds nothing of the user's (one handler of
 * ours that watches for {@code channelActive}, then leaves), so a loser closes without any handler of the
 * user's ever seeing it; the winner gets the handler afterwards
 * ({@link NettyConnector}). While it races, an attempt reads nothing ({@code AUTO_READ} off, so no byte of a
 * server that speaks first is dropped before the handler is there) and has no connect timeout of Netty's
 * own (the race's deadline rules).
 */
final class ChannelTransport implements Transport<Channel> {
  private static final io.netty.util.internal.logging.InternalLogger LOG =
      io.netty.util.internal.logging.InternalLoggerFactory.getInstance(ChannelTransport.class);

  /** Netty's default {@code CONNECT_TIMEOUT_MILLIS} ({@code DefaultChannelConfig}), the winner's when none is given. */
  private static final int NETTY_CONNECT_TIMEOUT_MILLIS = 30_000;
  private final EventLoop loop;
  private final Supplier<? extends Channel> channels;
  private final Map<ChannelOption<?>, Object> options;

  /**
   * @param loop where every attempt is registered, the race's own loop
   * @param channels makes an unregistered channel of the Bootstrap's type
   * @param options the Bootstrap's options, set on every attempt but for the two the race owns
   */
  ChannelTransport(EventLoop loop, Supplier<? extends Channel> channels, Map<ChannelOption<?>, Object> options) {
    this.loop = loop;
    this.channels = channels;
    this.options = options;
  }

  @Override
  public Io<Channel> open(AddressPair pair, boolean bindSource) throws AttemptFailure {
    Channel channel;
    try {
      channel = channels.get();
    } catch (RuntimeException e) {
      throw new AttemptFailure(FailureKind.OTHER, new IOException("could not make the attempt's channel: " + e, e));
    }
    try {
      configure(channel);
    } catch (RuntimeException e) { // the socket is open already: close it, whatever went wrong
      channel.unsafe().closeForcibly();
      throw new AttemptFailure(FailureKind.OTHER, new IOException("could not configure the attempt's channel: " + e,
          e));
    }
    Attempt attempt = new Attempt(channel);
    attempt.start(pair.destination(),
        bindSource && pair.source() != null ? new InetSocketAddress(pair.source().address(), 0) : null);
    return attempt;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void configure(Channel channel) {
    for (Map.Entry<ChannelOption<?>, Object> o : options.entrySet()) {
      ChannelOption<?> k = o.getKey();
      if (k != ChannelOption.AUTO_READ && k != ChannelOption.CONNECT_TIMEOUT_MILLIS) {
        try { // as Bootstrap: an option the channel refuses is logged, and the connect goes on without it
          channel.config().setOption((ChannelOption) k, o.getValue());
        } catch (RuntimeException e) {
          LOG.warn("Failed to set channel option '{}' with value '{}' for channel '{}'", k, o.getValue(), channel, e);
        }
      }
    }
    channel.config().setAutoRead(false);
    channel.config().setConnectTimeoutMillis(0);
  }

  /**
   * The user's values of the options the race owned, given to the winner before its handler is added: turning
   * {@code AUTO_READ} back on only asks the loop for a read, which comes in a later turn, after the handler is
   * there; and a handler that turns it off in {@code initChannel} or {@code channelActive} keeps it off.
   *
   * @param winner the winner's channel
   * @param options the Bootstrap's options
   */
  static void restoreOptions(Channel winner, Map<ChannelOption<?>, Object> options) {
    Object timeout = options.get(ChannelOption.CONNECT_TIMEOUT_MILLIS);
    winner.config().setConnectTimeoutMillis(timeout instanceof Integer millis ? millis : NETTY_CONNECT_TIMEOUT_MILLIS);
    winner.config().setAutoRead(!Boolean.FALSE.equals(options.get(ChannelOption.AUTO_READ)));
  }

  /** Closes a channel registered or not, quietly. */
  static void closeQuietly(Channel channel) {
    if (channel.isRegistered()) {
      channel.close();
    } else {
      channel.unsafe().closeForcibly();
    }
  }

  /** Why an attempt's channel failed, with its kind read from the exception where it was seen. */
  static AttemptFailure failure(Throwable cause) {
    IOException error = cause instanceof IOException io ? io : new IOException(String.valueOf(cause), cause);
    return new AttemptFailure(SocketErrors.kindOf(error), error);
  }

  /** One attempt: its channel, registering and connecting. */
  private final class Attempt implements Io<Channel> {
    private final Channel channel;
    private Outcome outcome;
    private boolean closed;
    private boolean connectedAtOnce;
    /** An end that came before anyone watched, reported once someone does. */
    private AttemptFailure endedEarly;
    private boolean connectedEarly;

    Attempt(Channel channel) {
      this.channel = channel;
      channel.pipeline().addLast(new ActiveWatch());
    }

    /** Registers and connects; an end seen on the spot (on the loop, often) is thrown or noted at once. */
    void start(InetSocketAddress remote, InetSocketAddress local) throws AttemptFailure {
      ChannelFuture registered = loop.register(channel);
      if (registered.isDone()) {
        if (!registered.isSuccess()) {
          closeQuietly(channel);
          throw failure(registered.cause());
        }
        connect(remote, local, true);
      } else {
        registered.addListener(f -> {
          if (closed) {
            return;
          }
          if (f.isSuccess()) {
            try {
              connect(remote, local, false);
            } catch (AttemptFailure never) {
              // not on the spot: connect(..., false) reports instead of throwing
            }
          } else {
            ended(failure(f.cause()));
          }
        });
      }
    }

    private void connect(InetSocketAddress remote, InetSocketAddress local, boolean onTheSpot) throws AttemptFailure {
      ChannelFuture connecting = local == null ? channel.connect(remote) : channel.connect(remote, local);
      if (onTheSpot && connecting.isDone()) {
        if (connecting.isSuccess()) {
          connectedAtOnce = true;
          return;
        }
        close();
        throw failure(connecting.cause());
      }
      connecting.addListener(f -> {
        if (!closed && !f.isSuccess()) {
          ended(failure(f.cause()));
        } // success: told by ActiveWatch, once Netty's own channelActive has passed
      });
    }

    /**
     * Says the attempt connected when Netty's own {@code channelActive} has gone through the pipeline (which
     * Netty fires after the connect promise's listeners): the race is won only then, so the user's handler,
     * added to the winner next, never sees that one, only the one fired for it.
     */
    private final class ActiveWatch extends ChannelInboundHandlerAdapter {
      @Override
      public void channelActive(ChannelHandlerContext ctx) {
        ctx.fireChannelActive();
        ctx.pipeline().remove(this);
        if (!closed) {
          ended(null);
        }
      }
    }

    /** The connect ended: connected when {@code failure} is null. */
    private void ended(AttemptFailure failure) {
      Outcome o = outcome;
      if (o == null) {
        connectedEarly = failure == null;
        endedEarly = failure;
        return;
      }
      outcome = null; // told once
      report(o, failure);
    }

    private void report(Outcome o, AttemptFailure failure) {
      if (failure == null) {
        o.connected();
      } else {
        o.failed(failure.kind(), failure.error());
      }
    }

    @Override
    public boolean connected() {
      return connectedAtOnce;
    }

    @Override
    public void watch(Outcome outcome) {
      if (connectedEarly || endedEarly != null) {
        AttemptFailure failure = endedEarly;
        loop.execute(() -> { // later, as the contract says, and not after close()
          if (!closed) {
            report(outcome, failure);
          }
        });
        return;
      }
      this.outcome = outcome;
    }

    @Override
    public void close() {
      closed = true;
      outcome = null;
      closeQuietly(channel);
    }

    @Override
    public void handOver(Ready<Channel> ready) {
      ready.ready(channel); // connected and registered already: the handler is added by the connector
    }

    @Override
    public String toString() {
      return "attempt on " + channel;
    }
  }
}
