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
    return new SocketIo(pair, bindSource);
  }

  /** One socket's attempt, watched by the event loop's selector. */
  private final class SocketIo extends SocketAttempt implements EventLoop.ReadyHandler {
    private SelectionKey key;
    private Outcome outcome;

    SocketIo(AddressPair pair, boolean bindSource) throws AttemptFailure {
      super(pair, bindSource, options);
    }

    @Override
    public void watch(Outcome outcome) throws IOException {
      this.outcome = outcome;
      key = loop.register(channel, SelectionKey.OP_CONNECT, this);
    }

    @Override
    public void ready(SelectionKey ready) {
      finish(outcome);
    }

    @Override
    public void close() {
      closeChannel();
    }

    @Override
    public void handOver(Ready<SocketChannel> ready) {
      if (key == null) {
        blockingIfAsked(ready);
        return;
      }
      key.cancel(); // left registered, a connected socket would wake the selector on every select
      if (blocking) {
        loop.afterDeregistration(() -> blockingIfAsked(ready)); // blocking mode needs the key flushed first
      } else {
        blockingIfAsked(ready);
      }
    }

    private void blockingIfAsked(Ready<SocketChannel> ready) {
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
}
