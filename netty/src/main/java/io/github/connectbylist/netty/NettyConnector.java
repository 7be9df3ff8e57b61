package io.github.connectbylist.netty;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.ConnectRequest;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.BootstrapConfig;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoop;
import io.netty.channel.nio.NioIoHandle;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Connects a configured Netty {@link Bootstrap} with ConnectByList: the race runs on the Bootstrap's own
 * event loop with its strategies (Happy Eyeballs by default), and only the winner is handed to the user,
 * registered with that loop, with the Bootstrap's options and attributes, its handler added to its pipeline
 * alone, once. This answers the worry of netty/netty#9540, that racing {@code Bootstrap.connect} attempts
 * would initialise a handler pipeline more than once.
 *
 * <pre>{@code
 * Bootstrap b = new Bootstrap().group(group).channel(NioSocketChannel.class).handler(initializer);
 * NettyConnector connector = NettyConnector.of(b, ConnectByList.builder().build());
 * Channel ch = connector.connect("example.com", 443).sync().channel();
 * }</pre>
 *
 * <ul>
 *   <li>Every transport: on NIO ({@link NioSocketChannel} on a group of {@code NioIoHandler} loops) the
 *       attempts are plain JDK socket channels on the loop's selector (Netty 4.2's {@code IoHandle}), and
 *       the winner is made a channel as a server makes an accepted socket one. With any other socket channel
 *       (epoll's {@code EpollSocketChannel} on {@code EpollIoHandler} loops, io_uring's {@code
 *       IoUringSocketChannel} on {@code IoUringIoHandler} loops) each attempt is a channel of the Bootstrap's
 *       type, registered and connected on the loop with nothing of the user's in its pipeline and reading
 *       nothing; the winner then gets the handler, sees {@code channelRegistered} and {@code channelActive}
 *       once each, and starts reading; the losers close unseen. A group that does not fit the channel type
 *       fails each attempt as Bootstrap fails its connect ("incompatible event loop type").
 *   <li>The deadline is the {@link ConnectByList}'s, or a request's own ({@link #connect(ConnectRequest)});
 *       {@code CONNECT_TIMEOUT_MILLIS} is not read. The sources, resolver, history and destination policy
 *       are the {@code ConnectByList}'s too. The Bootstrap's remote and local
 *       addresses are not used; a local address is refused (give sources to the {@code ConnectByList}).
 *   <li>Socket options that matter before the handshake ({@code SO_RCVBUF}, {@code SO_SNDBUF}, {@code
 *       TCP_NODELAY}, {@code SO_KEEPALIVE}, {@code SO_REUSEADDR}, {@code SO_LINGER}, {@code IP_TOS}) are set
 *       on every attempt; every option goes to the winner's channel config, as Bootstrap does.
 *   <li>The future's {@link ChannelFuture#channel()} is the winner once it succeeded; a failed connect fails
 *       it with the {@link io.github.connectbylist.ConnectFailedException} (a {@link java.net.ConnectException})
 *       that carries every attempt. Cancelling it ends the race and closes every attempt.
 *   <li>The winner's channel has attribute {@link #TRACE}: every attempt and answer of its race.
 * </ul>
 */
public final class NettyConnector {
  /** The attribute with a channel's {@link RaceTrace}. */
  public static final AttributeKey<RaceTrace> TRACE = AttributeKey.valueOf(NettyConnector.class, "trace");

  private final ConnectByList cbl;
  private final EventLoopGroup group;
  private final ChannelHandler handler;
  private final Map<ChannelOption<?>, Object> options;
  private final Map<AttributeKey<?>, Object> attributes;
  private final Map<SocketOption<?>, Object> socketOptions;
  /** Makes the attempts' channels; null on NIO, whose attempts are JDK socket channels. */
  private final Supplier<? extends Channel> channels;

  private NettyConnector(BootstrapConfig config, ConnectByList cbl, boolean nio) {
    this.cbl = cbl;
    this.group = config.group();
    this.handler = config.handler();
    this.options = new LinkedHashMap<>(config.options());
    this.attributes = new LinkedHashMap<>(config.attrs());
    this.socketOptions = beforeTheHandshake(options);
    this.channels = nio ? null : config.channelFactory()::newChannel;
  }

  /**
   * A connector for the Bootstrap's group, channel type, handler, options and attributes (as they are now),
   * racing with {@code cbl}, which the caller keeps and closes.
   *
   * @param bootstrap a Bootstrap with a group, a socket channel type that fits it (NIO, epoll, io_uring) and a
   *     handler
   * @param cbl the strategies, resolver, deadline and policy to connect with
   * @return the connector
   * @throws IllegalArgumentException naming what the Bootstrap lacks, or what the adapter cannot take
   */
  public static NettyConnector of(Bootstrap bootstrap, ConnectByList cbl) {
    Objects.requireNonNull(bootstrap, "bootstrap");
    Objects.requireNonNull(cbl, "cbl");
    BootstrapConfig config = bootstrap.config();
    if (config.group() == null) {
      throw new IllegalArgumentException("the Bootstrap has no group(...)");
    }
    if (config.handler() == null) {
      throw new IllegalArgumentException("the Bootstrap has no handler(...): the winner's pipeline is made from it");
    }
    if (config.localAddress() != null) {
      throw new IllegalArgumentException("the Bootstrap binds " + config.localAddress() + ": every attempt has its own "
          + "source; give the sources to ConnectByList.builder().localAddresses(...)");
    }
    if (config.channelFactory() == null) {
      throw new IllegalArgumentException("the Bootstrap has no channel(...): use channel(NioSocketChannel.class), "
          + "EpollSocketChannel.class or IoUringSocketChannel.class");
    }
    Channel probe = config.channelFactory().newChannel(); // the type it makes; closed at once
    Class<?> type = probe.getClass();
    probe.unsafe().closeForcibly();
    if (!(probe instanceof SocketChannel)) {
      throw new IllegalArgumentException("the Bootstrap makes " + type.getName() + " channels; the race connects "
          + "TCP socket channels: NioSocketChannel, EpollSocketChannel, IoUringSocketChannel");
    }
    boolean nioLoop = config.group().next() instanceof IoEventLoop loop && loop.isCompatible(NioIoHandle.class);
    if (type == NioSocketChannel.class && !nioLoop) {
      throw new IllegalArgumentException("the Bootstrap's group runs " + config.group().next().getClass().getName()
          + ", which cannot run NioSocketChannel: use new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory()) "
          + "with it, or the channel of the group's transport (EpollSocketChannel, IoUringSocketChannel)");
    }
    return new NettyConnector(config, cbl, type == NioSocketChannel.class);
  }

  /**
   * Connects to {@code host} by name: resolves it with the instance's resolver and races the answers as
   * they arrive (RFC 8305 section 3), on the Bootstrap's event loop; {@code connect(ConnectRequest.to(host,
   * port))}.
   *
   * @param host a host name, or an IP address literal
   * @param port the port, 1 to 65535
   * @return the future channel; cancel it to end the race
   * @throws IllegalArgumentException when the host is empty or the port out of range
   * @throws IllegalStateException when the {@code ConnectByList} is closed
   */
  public ChannelFuture connect(String host, int port) {
    return connect(ConnectRequest.to(host, port));
  }

  /**
   * Connects to one of {@code addresses}, raced on the Bootstrap's event loop; {@code
   * connect(ConnectRequest.to(addresses))}.
   *
   * @param addresses the destinations, IPv4 and IPv6 mixed, in the order a resolver gave them
   * @return the future channel; cancel it to end the race
   * @throws IllegalArgumentException naming a bad address
   * @throws IllegalStateException when the {@code ConnectByList} is closed
   */
  public ChannelFuture connect(List<? extends InetSocketAddress> addresses) {
    return connect(ConnectRequest.to(addresses));
  }

  /**
   * Connects as {@code request} asks, raced on the Bootstrap's event loop: with its own timeout (as a
   * Bootstrap's {@code CONNECT_TIMEOUT_MILLIS} would be, per connect) and sources, if it has them, else the
   * {@code ConnectByList}'s.
   *
   * @param request what to connect to
   * @return the future channel; cancel it to end the race
   * @throws IllegalStateException when the {@code ConnectByList} is closed
   */
  public ChannelFuture connect(ConnectRequest request) {
    EventLoop loop = group.next();
    if (channels != null) {
      return raceOfChannels(loop, cbl.connectAsync(request, cbl.engine(new LoopDriver(loop),
          new ChannelTransport(loop, channels, options), new ChannelHandOver(attributes))));
    }
    IoEventLoop nio = (IoEventLoop) loop;
    return race(nio, cbl.connectAsync(request, cbl.engine(new LoopDriver(nio), new LoopTransport(nio, socketOptions),
        new ChannelDelivery(handler, options, attributes))));
  }

  /**
   * The user's future of a race through the transport's own channels: the winner is registered and
   * connected already, and becomes the user's here, on its loop: the handler added to its pipeline alone,
   * {@code channelRegistered} and {@code channelActive} fired for it once, reading started as the options say.
   */
  private ChannelFuture raceOfChannels(EventLoop loop, CompletableFuture<Channel> race) {
    RaceFuture result = new RaceFuture(loop);
    result.onCancel(() -> race.cancel(false));
    race.whenComplete((channel, error) -> {
      if (error != null) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        result.tryFailure(cause);
      } else if (loop.inEventLoop()) { // the race was won once Netty's own channelActive had passed (ActiveWatch)
        handToTheUser(channel, result);
      } else {
        loop.execute(() -> handToTheUser(channel, result));
      }
    });
    return result;
  }

  private void handToTheUser(Channel channel, RaceFuture result) {
    if (!result.setUncancellable()) { // cancelled as it won: no handler of the user's sees it; and from here on
      ChannelTransport.closeQuietly(channel); // a cancel cannot land between the handler and the result
      return;
    }
    try {
      ChannelTransport.restoreOptions(channel, options); // before the handler, so that what it sets stays set
      channel.pipeline().addLast(handler); // an initializer runs now: the channel is registered
      channel.pipeline().fireChannelRegistered();
      if (channel.isActive()) {
        channel.pipeline().fireChannelActive(); // the attempt's own went to Netty's head and tail only
      }
    } catch (RuntimeException e) {
      ChannelTransport.closeQuietly(channel);
      result.tryFailure(e);
      return;
    }
    if (!result.won(channel)) {
      channel.close();
    }
  }

  /** The user's future: the winner, once registered with the loop; the race's failure, as it is. */
  private static ChannelFuture race(EventLoop loop, CompletableFuture<NioSocketChannel> race) {
    RaceFuture result = new RaceFuture(loop);
    result.onCancel(() -> race.cancel(false));
    race.whenComplete((channel, error) -> { // on the loop, where the race ran
      if (error != null) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        result.tryFailure(cause);
        return;
      }
      if (result.isDone()) { // cancelled as it won
        channel.unsafe().closeForcibly();
        return;
      }
      loop.register(channel).addListener(registered -> {
        if (!registered.isSuccess()) {
          channel.unsafe().closeForcibly();
          result.tryFailure(registered.cause());
        } else if (!result.won(channel)) {
          channel.close();
        }
      });
    });
    return result;
  }

  /** The Bootstrap's options that the kernel must see before the handshake, as JDK socket options. */
  private static Map<SocketOption<?>, Object> beforeTheHandshake(Map<ChannelOption<?>, Object> options) {
    Map<SocketOption<?>, Object> early = new LinkedHashMap<>();
    for (Map.Entry<ChannelOption<?>, Object> o : options.entrySet()) {
      ChannelOption<?> k = o.getKey();
      Object v = o.getValue();
      if (k == ChannelOption.SO_RCVBUF) {
        early.put(StandardSocketOptions.SO_RCVBUF, v);
      } else if (k == ChannelOption.SO_SNDBUF) {
        early.put(StandardSocketOptions.SO_SNDBUF, v);
      } else if (k == ChannelOption.TCP_NODELAY) {
        early.put(StandardSocketOptions.TCP_NODELAY, v);
      } else if (k == ChannelOption.SO_KEEPALIVE) {
        early.put(StandardSocketOptions.SO_KEEPALIVE, v);
      } else if (k == ChannelOption.SO_REUSEADDR) {
        early.put(StandardSocketOptions.SO_REUSEADDR, v);
      } else if (k == ChannelOption.SO_LINGER) {
        early.put(StandardSocketOptions.SO_LINGER, v);
      } else if (k == ChannelOption.IP_TOS) {
        early.put(StandardSocketOptions.IP_TOS, v);
      }
    }
    return early;
  }

  @Override
  public String toString() {
    return "NettyConnector[" + group + ", " + cbl + "]";
  }
}
