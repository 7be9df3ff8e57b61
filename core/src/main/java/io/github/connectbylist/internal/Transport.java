package io.github.connectbylist.internal;

import io.github.connectbylist.api.AddressPair;
import java.io.IOException;

/**
 * How a connect's attempts reach the network: real non-blocking sockets ({@link SocketTransport}) or a
 * simulated network in the lab. The orchestrator ({@link ConnectCall}) is the same for both.
 *
 * @param <C> what a connected attempt yields, such as a {@code SocketChannel}
 */
public interface Transport<C> {

  /**
   * Opens an attempt and starts connecting {@code pair}.
   *
   * @param bindSource whether to bind the pair's source before connecting
   * @throws IOException when the attempt failed at once, such as a refusal seen on the spot
   */
  Io<C> open(AddressPair pair, boolean bindSource) throws IOException;

  /** One attempt in progress. */
  interface Io<C> {

    /** Whether it connected already, during {@link Transport#open}; the fast path needs no watching. */
    boolean connected();

    /** On the driver's thread: report the outcome to {@code outcome}, later, on the driver's thread. */
    void watch(Outcome outcome) throws IOException;

    /** Abandons the attempt: whatever it opened is released. */
    void close();

    /** The attempt won: makes its connection ready for the caller and passes it to {@code ready}. */
    void handOver(Ready<C> ready);
  }

  /** How a watched attempt ended. */
  interface Outcome {
    void connected();

    void failed(IOException error);
  }

  /** The winner's connection, or why it could not be handed over. */
  interface Ready<C> {
    void ready(C connection);

    void failed(IOException error);
  }
}
