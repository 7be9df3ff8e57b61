package io.github.connectbylist;

import io.github.connectbylist.api.Answer;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.FailureKind;
import java.net.ConnectException;
import java.util.List;

/**
 * No attempt connected. Unlike WSAConnectByList, which keeps only the last attempt's error, this carries
 * every attempt with its pair, timing and error; the last attempt to end gives the cause, the others are
 * suppressed exceptions.
 */
public final class ConnectFailedException extends ConnectException {
  /** Why the connect failed. */
  private final FailureKind kind;
  private final transient List<Attempt> attempts;
  private final transient List<Answer> answers;

  /**
   * Made by the orchestrator; public so that other transports and tests can make one too.
   *
   * @param kind why the connect failed
   * @param message what happened; the attempts are appended
   * @param attempts every attempt, in start order
   * @param last the attempt whose error becomes the cause, or {@code null}
   */
  public ConnectFailedException(FailureKind kind, String message, List<Attempt> attempts, Attempt last) {
    this(kind, message, attempts, List.of(), last);
  }

  /**
   * For a connect by name: with the answers of its resolution.
   *
   * @param kind why the connect failed
   * @param message what happened; the attempts are appended
   * @param attempts every attempt, in start order, with the denied destinations
   * @param answers every answer of the resolution, in the order they came
   * @param last the attempt whose error becomes the cause, or {@code null}
   */
  public ConnectFailedException(
      FailureKind kind, String message, List<Attempt> attempts, List<Answer> answers, Attempt last) {
    super(message + describe(attempts));
    this.kind = kind;
    this.attempts = List.copyOf(attempts);
    this.answers = List.copyOf(answers);
    if (last != null) {
      initCause(last.error());
    }
    for (Attempt a : attempts) {
      if (a != last && a.error() != null) {
        addSuppressed(a.error());
      }
    }
  }

  /**
   * Why the connect failed: {@link FailureKind#TIMED_OUT} when the deadline passed, {@link
   * FailureKind#CANCELLED} when the caller cancelled or interrupted it, {@link FailureKind#DENIED} when the
   * destination policy denied every address, {@link FailureKind#NO_SUCH_NAME} or {@link
   * FailureKind#RESOLUTION_FAILED} when a name gave no address, else the kind of the last attempt to end.
   *
   * @return the connect's failure kind
   */
  public FailureKind kind() {
    return kind;
  }

  /**
   * Every attempt, in start order.
   *
   * @return the attempts, each with its pair, timing and error
   */
  public List<Attempt> attempts() {
    return attempts;
  }

  /**
   * For a connect by name, every answer of its resolution in the order they came; empty otherwise.
   *
   * @return the answers, each with its query, time, addresses or failure
   */
  public List<Answer> answers() {
    return answers;
  }

  private static String describe(List<Attempt> attempts) {
    if (attempts.isEmpty()) {
      return "; no attempt started";
    }
    StringBuilder s = new StringBuilder();
    for (Attempt a : attempts) {
      s.append(s.length() == 0 ? ": " : "; ").append(a);
    }
    return s.toString();
  }
}
