package io.github.connectbylist.lab;

import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.FailureKind;
import java.util.List;

/**
 * One simulated connect as it ran: the same attempt records a real connect gives.
 *
 * @param attempts every attempt, in start order
 * @param connected whether an attempt connected
 * @param failure why it failed, or {@code null}
 * @param elapsedNanos time to connect, or to fail
 * @param wasted attempts opened and then abandoned while pending
 */
public record Trace(List<Attempt> attempts, boolean connected, FailureKind failure, long elapsedNanos, int wasted) {
  /**
   * Copies the attempts.
   *
   * @param attempts every attempt, in start order
   * @param connected whether an attempt connected
   * @param failure why it failed, or {@code null}
   * @param elapsedNanos time to connect, or to fail
   * @param wasted attempts abandoned while pending
   */
  public Trace {
    attempts = List.copyOf(attempts);
  }
}
