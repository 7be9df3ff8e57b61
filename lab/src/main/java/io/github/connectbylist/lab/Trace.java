package io.github.connectbylist.lab;

import io.github.connectbylist.api.Answer;
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
 * @param answers for a connect by name, the answers of its resolution that came before it ended
 */
public record Trace(
    List<Attempt> attempts, boolean connected, FailureKind failure, long elapsedNanos, int wasted, List<Answer> answers) {

  /**
   * A connect to a list: no answers.
   *
   * @param attempts every attempt, in start order
   * @param connected whether an attempt connected
   * @param failure why it failed, or {@code null}
   * @param elapsedNanos time to connect, or to fail
   * @param wasted attempts abandoned while pending
   */
  public Trace(List<Attempt> attempts, boolean connected, FailureKind failure, long elapsedNanos, int wasted) {
    this(attempts, connected, failure, elapsedNanos, wasted, List.of());
  }

  /**
   * Copies the attempts.
   *
   * @param attempts every attempt, in start order
   * @param connected whether an attempt connected
   * @param failure why it failed, or {@code null}
   * @param elapsedNanos time to connect, or to fail
   * @param wasted attempts abandoned while pending
   * @param answers the answers of a connect by name
   */
  public Trace {
    attempts = List.copyOf(attempts);
    answers = List.copyOf(answers);
  }
}
