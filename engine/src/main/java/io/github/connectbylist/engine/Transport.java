package io.github.connectbylist.engine;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.FailureKind;
import java.io.IOException;

/**
 * How a connect's attempts reach the network: core's non-blocking sockets, the simulated network of the
 * testkit and the lab, or an adapter's channels. Every method runs on the {@link Driver}'s thread, except
 * that a blocking {@code connect} of core's own sockets opens its first attempts on the caller's thread.
 *
 * <p>A transport says why an attempt failed, with a {@link FailureKind}, where it sees it fail: only it
 * knows what its errors mean.
 *
 * @param <C> what a connected attempt yields, such as a {@code SocketChannel}
 */
public interface Transport<C> {

  /**
   * Opens an attempt and starts connecting {@code pair}.
   *
   * @param pair the source and destination
   * @return the attempt in progress
   * @param bindSource whether to bind the pair's source before connecting (else the OS picks it)
   * @throws AttemptFailure when the attempt failed at once, such as a refusal seen on the spot, with its
   *     kind; whatever it opened is released
   */
  Io<C> open(AddressPair pair, boolean bindSource) throws AttemptFailure;

  /** One attempt in progress. */
  interface Io<C> {

    /**
     * Whether it connected already, during {@link Transport#open}; then it is never watched.
     *
     * @return {@code true} when it connected on the spot
     */
    boolean connected();

    /**
     * Reports the outcome to {@code outcome}, later, on the driver's thread, once. Called at most once,
     * and never after {@link #close()}.
     *
     * @param outcome told how it ends
     * @throws IOException when the attempt cannot be watched; it counts as failed
     */
    void watch(Outcome outcome) throws IOException;

    /** Abandons the attempt: whatever it opened is released, and {@code outcome} is not called after this. */
    void close();

    /**
     * The attempt won: makes its connection ready for the caller and passes it to {@code ready}, now or
     * later on the driver's thread. If {@link #close()} is called meanwhile, the connection is released
     * and {@code ready} may still be called, with either method.
     *
     * @param ready told when the connection is ready, or why it is not
     */
    void handOver(Ready<C> ready);
  }

  /** How a watched attempt ended. */
  interface Outcome {

    /** The attempt connected. */
    void connected();

    /**
     * The attempt failed.
     *
     * @param kind why, as the transport reads its error
     * @param error what it failed with
     */
    void failed(FailureKind kind, IOException error);
  }

  /** The winner's connection, or why it could not be handed over. */
  interface Ready<C> {

    /**
     * The connection is ready for the caller.
     *
     * @param connection the connection
     */
    void ready(C connection);

    /**
     * The connection could not be made ready; whatever it held is released.
     *
     * @param kind why, as the transport reads its error
     * @param error what it failed with
     */
    void failed(FailureKind kind, IOException error);
  }
}
