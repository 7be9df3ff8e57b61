package io.github.connectbylist.api;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * One connection attempt that has ended: which pair, when it started and ended (measured from the start of
 * the connect), and how it ended. The trace of a connect is its list of attempts in start order.
 *
 * @param index the attempt's place in start order, from 0; {@link #NOT_STARTED} for a destination the
 *     destination policy denied, which is in the trace but was never started (its failure is {@link
 *     FailureKind#DENIED})
 * @param pair the pair tried
 * @param startedAt when the socket started connecting
 * @param endedAt when the attempt connected, failed, or was ended
 * @param failure why it failed, or {@code null} for the attempt that connected
 * @param error the error it failed with, or {@code null} for the attempt that connected
 */
public record Attempt(
    int index, AddressPair pair, Duration startedAt, Duration endedAt, FailureKind failure, IOException error) {

  /** The index of a denied destination: it was never started. */
  public static final int NOT_STARTED = -1;

  /**
   * Checks the record.
   *
   * @param index the attempt's place in start order
   * @param pair the pair tried
   * @param startedAt when it started
   * @param endedAt when it ended
   * @param failure why it failed, or {@code null}
   * @param error its error, or {@code null}
   * @throws IllegalArgumentException when only one of {@code failure} and {@code error} is given
   */
  public Attempt {
    Objects.requireNonNull(pair, "pair");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(endedAt, "endedAt");
    if ((failure == null) != (error == null)) {
      throw new IllegalArgumentException("failure and error come together: " + failure + ", " + error);
    }
  }

  /**
   * Whether this attempt connected.
   *
   * @return {@code true} for the winner of a connect
   */
  public boolean connected() {
    return failure == null;
  }

  /**
   * How long the attempt ran.
   *
   * @return from its start to its end
   */
  public Duration duration() {
    return endedAt.minus(startedAt);
  }

  @Override
  public String toString() {
    return (index == NOT_STARTED ? "denied " : "#" + index + " ") + pair + " " + startedAt.toNanos() / 1e6 + "ms.." + endedAt.toNanos() / 1e6 + "ms "
        + (connected() ? "CONNECTED" : failure + " (" + error.getMessage() + ")");
  }
}
