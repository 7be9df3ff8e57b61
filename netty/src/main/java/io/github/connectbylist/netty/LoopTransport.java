package io.github.connectbylist.netty;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.engine.AttemptFailure;
import io.github.connectbylist.engine.SocketAttempt;
import io.github.connectbylist.engine.Transport;
import io.netty.channel.IoEvent;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.channel.nio.NioIoHandle;
import io.netty.channel.nio.NioIoOps;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.net.SocketOption;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SocketChannel;
import java.util.Map;

/**
 * Attempts as plain JDK socket channels registered with the Netty event loop's own selector (Netty 4.2's
 * {@link NioIoHandle}): the race uses the loop's thread and selector, and no attempt is a Netty channel.
 * The winner is handed over still non-blocking and deregistered, for {@link ChannelDelivery} to make it one.
 */
final class LoopTransport implements Transport<SocketChannel> {
  private final IoEventLoop loop;
  private final Map<SocketOption<?>, Object> socketOptions;

  LoopTransport(IoEventLoop loop, Map<SocketOption<?>, Object> socketOptions) {
    this.loop = loop;
    this.socketOptions = socketOptions;
  }

  @Override
  public Io<SocketChannel> open(AddressPair pair, boolean bindSource) throws AttemptFailure {
    return new Attempt(pair, bindSource);
  }

  /** One attempt: a channel connecting, and its registration with the loop while it is watched. */
  private final class Attempt extends SocketAttempt {
    private IoRegistration registration;
    private Outcome outcome;
    private boolean closed;

    Attempt(AddressPair pair, boolean bindSource) throws AttemptFailure {
      super(pair, bindSource, socketOptions);
    }

    @Override
    public void watch(Outcome outcome) throws IOException {
      this.outcome = outcome;
      Future<IoRegistration> f = loop.register(new Handle());
      if (f.isDone()) {
        registered(f);
      } else {
        f.addListener(done -> registered(f));
      }
    }

    private void registered(Future<IoRegistration> f) {
      if (!f.isSuccess()) {
        Outcome o = outcome;
        outcome = null;
        if (o != null && !closed) {
          o.failed(FailureKind.OTHER, new IOException("could not register with the event loop: " + f.cause(), f.cause()));
        }
        return;
      }
      registration = f.getNow();
      if (closed) {
        registration.cancel();
      } else {
        registration.submit(NioIoOps.CONNECT);
      }
    }

    /** The selector said the connect finished, one way or the other. */
    void connectReady() {
      Outcome o = outcome;
      if (o == null) {
        return;
      }
      outcome = null; // the outcome is told once: a second readiness of the selector finds none
      if (!finish(o)) {
        outcome = o; // not yet: the selector will tell again
        return;
      }
      cancelRegistration();
    }

    private void cancelRegistration() {
      if (registration != null) {
        registration.cancel();
        registration = null;
      }
    }

    /** Abandons the attempt; its outcome is not reported after this. */
    @Override
    public void close() {
      closed = true;
      outcome = null;
      cancelRegistration();
      closeChannel();
    }

    /** Netty closes what is registered when the loop shuts down: the attempt fails, if anyone still listens. */
    void loopShutDown() {
      Outcome o = outcome;
      close();
      if (o != null) {
        o.failed(FailureKind.CANCELLED, new IOException("the event loop shut down"));
      }
    }

    @Override
    public void handOver(Ready<SocketChannel> ready) {
      cancelRegistration(); // the winner's channel goes to a Netty channel, which registers it anew
      ready.ready(channel);
    }

    /** The attempt as the loop's selector sees it. */
    private final class Handle implements NioIoHandle {
      @Override
      public SelectableChannel selectableChannel() {
        return channel;
      }

      @Override
      public void handle(IoRegistration r, IoEvent event) {
        connectReady();
      }

      @Override
      public void close() {
        loopShutDown();
      }
    }
  }
}
