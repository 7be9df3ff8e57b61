package io.github.connectbylist;

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

  /**
   * Made by the orchestrator; public so that other transports and tests can make one too.
   *
   * @param kind why the connect failed
   * @param message what happened; the attempts are appended
   * @param attempts every attempt, in start order
   * @param last the attempt whose error becomes the cause, or {@code null}
   */
  public ConnectFailedException(FailureKind kind, String message, List<Attempt> attempts, Attempt last) {
    super(message + describe(attempts));
    this.kind = kind;
    this.attempts = List.copyOf(attempts);
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
   * FailureKind#CANCELLED} when the caller cancelled or interrupted it, else the kind of the last attempt
   * to end.
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
