package io.github.connectbylist.netty;

import io.github.connectbylist.api.Answer;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.engine.Delivery;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The winner of a race through the transport's own channels ({@link ChannelTransport}): already a connected
 * channel registered with the loop, given here the Bootstrap's attributes and its {@link RaceTrace}. The
 * user's handler is not added here but by {@link NettyConnector} once the connect is the caller's, so a
 * connect cancelled as it won closes a channel that no handler of the user's ever saw.
 */
final class ChannelHandOver implements Delivery<Channel, Channel> {
  private final Map<AttributeKey<?>, Object> attributes;

  ChannelHandOver(Map<AttributeKey<?>, Object> attributes) {
    this.attributes = attributes;
  }

  @Override
  public Channel deliver(Channel channel, List<Attempt> attempts, Attempt winner, Duration elapsed) {
    return deliver(channel, attempts, List.of(), winner, elapsed);
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Channel deliver(Channel channel, List<Attempt> attempts, List<Answer> answers, Attempt winner,
      Duration elapsed) {
    for (Map.Entry<AttributeKey<?>, Object> a : attributes.entrySet()) {
      channel.attr((AttributeKey) a.getKey()).set(a.getValue());
    }
    channel.attr(NettyConnector.TRACE).set(new RaceTrace(attempts, answers, winner, elapsed));
    return channel;
  }

  @Override
  public void discard(Channel channel) {
    ChannelTransport.closeQuietly(channel);
  }

  @Override
  public void discardConnection(Channel channel) {
    ChannelTransport.closeQuietly(channel);
  }
}
