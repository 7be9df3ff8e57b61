package io.github.connectbylist.netty;

import io.github.connectbylist.api.Answer;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.engine.Delivery;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.AttributeKey;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Makes the winner a Netty channel, as a server makes an accepted socket one: an {@link NioSocketChannel}
 * around the connected JDK channel, with the Bootstrap's options and attributes and its handler added once.
 * It is registered with the event loop afterwards ({@link NettyConnector}); the handler then sees {@code
 * channelRegistered} and {@code channelActive}, once each.
 */
final class ChannelDelivery implements Delivery<SocketChannel, NioSocketChannel> {
  private final ChannelHandler handler;
  private final Map<ChannelOption<?>, Object> options;
  private final Map<AttributeKey<?>, Object> attributes;

  ChannelDelivery(ChannelHandler handler, Map<ChannelOption<?>, Object> options, Map<AttributeKey<?>, Object> attributes) {
    this.handler = handler;
    this.options = options;
    this.attributes = attributes;
  }

  @Override
  public NioSocketChannel deliver(SocketChannel ch, List<Attempt> attempts, Attempt winner, Duration elapsed)
      throws IOException {
    return deliver(ch, attempts, List.of(), winner, elapsed);
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public NioSocketChannel deliver(
      SocketChannel ch, List<Attempt> attempts, List<Answer> answers, Attempt winner, Duration elapsed)
      throws IOException {
    NioSocketChannel channel = new NioSocketChannel(ch);
    try {
      for (Map.Entry<ChannelOption<?>, Object> o : options.entrySet()) {
        channel.config().setOption((ChannelOption) o.getKey(), o.getValue()); // as Bootstrap: unknown ones are ignored
      }
      for (Map.Entry<AttributeKey<?>, Object> a : attributes.entrySet()) {
        channel.attr((AttributeKey) a.getKey()).set(a.getValue());
      }
      channel.attr(NettyConnector.TRACE).set(new RaceTrace(attempts, answers, winner, elapsed));
      channel.pipeline().addLast(handler);
      return channel;
    } catch (RuntimeException e) {
      channel.unsafe().closeForcibly();
      throw new IOException("the winner could not be made a Netty channel: " + e, e);
    }
  }

  @Override
  public void discard(NioSocketChannel channel) {
    channel.unsafe().closeForcibly();
  }

  @Override
  public void discardConnection(SocketChannel ch) {
    try {
      ch.close();
    } catch (IOException ignored) {
      // releasing a connection nobody takes
    }
  }
}
