package io.github.connectbylist.internal;

import io.github.connectbylist.api.ConnectListener;
import java.io.IOException;
import java.net.SocketOption;
import java.nio.channels.SocketChannel;
import java.util.Map;

/**
 * What every connect of one {@code ConnectByList} shares: the event loop, the listener, the socket options
 * applied before each attempt connects, and whether the winner goes back to blocking mode.
 *
 * @param loop drives pending attempts
 * @param listener hears every step; already guarded against exceptions
 * @param socketOptions set on every attempt's channel before it connects
 * @param blocking whether the winning channel is handed over in blocking mode
 */
public record CallSettings(
    EventLoop loop, ConnectListener listener, Map<SocketOption<?>, Object> socketOptions, boolean blocking) {

  public CallSettings {
    socketOptions = Map.copyOf(socketOptions);
  }

  @SuppressWarnings("unchecked")
  void applyOptions(SocketChannel channel) throws IOException {
    for (Map.Entry<SocketOption<?>, Object> e : socketOptions.entrySet()) {
      channel.setOption((SocketOption<Object>) e.getKey(), e.getValue());
    }
  }
}
