package io.github.connectbylist.internal;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.engine.AttemptFailure;
import io.github.connectbylist.engine.SocketAttempt;
import io.github.connectbylist.engine.SocketErrors;
import io.github.connectbylist.engine.Transport;
import java.io.IOException;
import java.net.SocketOption;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Map;

/**
 * Attempts on real non-blocking sockets: family-specific, bound to the pair's source when asked, given the
 * caller's options before connecting, watched by the event loop's selector, and handed over in blocking
 * mode unless the caller asked otherwise.
 */
public final class SocketTransport implements Transport<SocketChannel> {

  private final EventLoop loop;
  private final Map<SocketOption<?>, Object> options;
  private final boolean blocking;

  public SocketTransport(EventLoop loop, Map<SocketOption<?>, Object> options, boolean blocking) {
    this.loop = loop;
    this.options = Map.copyOf(options);
    this.blocking = blocking;
  }

  @Override
  public Io<SocketChannel> open(AddressPair pair, boolean bindSource) throws AttemptFailure {
    SocketAttempt started = SocketAttempt.start(pair, bindSource, options);
    return new SocketIo(started.channel(), started.connected());
  }

  /** One socket's attempt. */
  private final class SocketIo implements Io<SocketChannel>, EventLoop.ReadyHandler {
    private final SocketChannel channel;
    private final boolean connectedAtOnce;
    private SelectionKey key;
    private Outcome outcome;

    SocketIo(SocketChannel channel, boolean connectedAtOnce) {
      this.channel = channel;
      this.connectedAtOnce = connectedAtOnce;
    }

    @Override
    public boolean connected() {
      return connectedAtOnce;
    }

    @Override
    public void watch(Outcome outcome) throws IOException {
      this.outcome = outcome;
      key = loop.register(channel, SelectionKey.OP_CONNECT, this);
    }

    @Override
    public void ready(SelectionKey ready) {
      try {
        if (channel.finishConnect()) {
          outcome.connected();
        }
      } catch (IOException e) {
        outcome.failed(SocketErrors.kindOf(e), e);
      }
    }

    @Override
    public void close() {
      closeQuietly(channel);
    }

    @Override
    public void handOver(Ready<SocketChannel> ready) {
      if (key == null) {
        finish(ready);
        return;
      }
      key.cancel(); // left registered, a connected socket would wake the selector on every select
      if (blocking) {
        loop.afterDeregistration(() -> finish(ready)); // blocking mode needs the key flushed first
      } else {
        finish(ready);
      }
    }

    private void finish(Ready<SocketChannel> ready) {
      try {
        if (blocking) {
          channel.configureBlocking(true);
        }
      } catch (IOException | RuntimeException e) {
        IOException error = e instanceof IOException io ? io : new IOException(e.toString(), e);
        ready.failed(SocketErrors.kindOf(error), error);
        return;
      }
      ready.ready(channel);
    }
  }

  static void closeQuietly(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      Log.debug("closing an attempt's socket failed", e);
    }
  }
}
