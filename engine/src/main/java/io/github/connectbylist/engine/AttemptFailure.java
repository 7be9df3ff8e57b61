package io.github.connectbylist.engine;

import io.github.connectbylist.api.FailureKind;
import java.io.IOException;
import java.util.Objects;

/**
 * An attempt that failed as it opened, with its kind decided by the transport that saw it fail: a socket's
 * exception read by its type and text where it was thrown, a simulated network's fate as it was scripted.
 * The kind is never read back out of a message later. Carries no stack trace of its own: the cause has the
 * one that matters.
 */
public final class AttemptFailure extends IOException {
  private static final long serialVersionUID = 1L;

  /** Why the attempt failed. */
  private final FailureKind kind;

  /**
   * @param kind why the attempt failed
   * @param error what it failed with, which the trace keeps
   */
  public AttemptFailure(FailureKind kind, IOException error) {
    super(error.getMessage(), error);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /**
   * Why the attempt failed.
   *
   * @return the kind
   */
  public FailureKind kind() {
    return kind;
  }

  /**
   * What the attempt failed with.
   *
   * @return the error, the cause of this exception
   */
  public IOException error() {
    return (IOException) getCause();
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
