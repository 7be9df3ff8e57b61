package io.github.connectbylist.internal;

import io.github.connectbylist.api.FailureKind;
import java.io.IOException;
import java.net.SocketTimeoutException;

/** The errors the orchestrator makes itself, for attempts it ends and destinations it denies: without a stack trace. */
public final class Failures {
  private Failures() {}

  /**
   * The error of an attempt that we closed rather than one a socket threw: {@code TIMED_OUT} as a {@link
   * SocketTimeoutException}, anything else as a plain {@link IOException}. No stack trace: it would only show
   * the event loop, and filling it in costs more than the rest of a simulated attempt.
   */
  public static IOException closedBy(FailureKind kind, String why) {
    return kind == FailureKind.TIMED_OUT ? new ClosedByTimeout(why) : madeUp(why);
  }

  /**
   * An error we make up rather than catch, such as a denied destination's. Without a stack trace, for the
   * reason above.
   */
  public static IOException madeUp(String message) {
    return new MadeUp(message);
  }

  private static final class MadeUp extends IOException {
    MadeUp(String message) {
      super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  private static final class ClosedByTimeout extends SocketTimeoutException {
    ClosedByTimeout(String message) {
      super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

}
