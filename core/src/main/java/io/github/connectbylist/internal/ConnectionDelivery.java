package io.github.connectbylist.internal;

import io.github.connectbylist.Connection;
import io.github.connectbylist.api.Answer;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.engine.Delivery;
import io.github.connectbylist.engine.SocketAttempt;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;

/** Makes the caller's {@link Connection} from the winning socket. */
public final class ConnectionDelivery implements Delivery<SocketChannel, Connection> {
  public static final ConnectionDelivery INSTANCE = new ConnectionDelivery();

  private ConnectionDelivery() {}

  @Override
  public Connection deliver(SocketChannel channel, List<Attempt> attempts, Attempt winner, Duration elapsed)
      throws IOException {
    return deliver(channel, attempts, List.of(), winner, elapsed);
  }

  @Override
  public Connection deliver(
      SocketChannel channel, List<Attempt> attempts, List<Answer> answers, Attempt winner, Duration elapsed)
      throws IOException {
    return new Connection(channel, (InetSocketAddress) channel.getLocalAddress(),
        (InetSocketAddress) channel.getRemoteAddress(), attempts, answers, winner, elapsed);
  }

  @Override
  public void discard(Connection connection) {
    SocketAttempt.closeQuietly(connection.channel());
  }

  @Override
  public void discardConnection(SocketChannel channel) {
    SocketAttempt.closeQuietly(channel);
  }
}
