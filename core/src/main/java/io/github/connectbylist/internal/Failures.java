package io.github.connectbylist.internal;

import io.github.connectbylist.api.FailureKind;
import java.io.IOException;
import java.net.BindException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.util.Locale;

/**
 * Maps the exceptions of {@code SocketChannel} to failure kinds. Java gives no errno, only exception types
 * and the text of {@code strerror}, so the text is read where the type says too little.
 */
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
   * An error we make up rather than catch, such as a simulated attempt's: {@link #classify} reads its kind
   * from {@code message}, the operating system's text. Without a stack trace, for the reason above.
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

  public static FailureKind classify(IOException e) {
    if (e instanceof SocketTimeoutException) {
      return FailureKind.TIMED_OUT;
    }
    if (e instanceof NoRouteToHostException) {
      return FailureKind.HOST_UNREACHABLE;
    }
    if (e instanceof BindException) {
      return FailureKind.ADDRESS_UNAVAILABLE;
    }
    String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    if (message.contains("refused")) {
      return FailureKind.REFUSED;
    }
    if (message.contains("network is unreachable")) {
      return FailureKind.NETWORK_UNREACHABLE;
    }
    if (message.contains("no route to host") || message.contains("host is unreachable")) {
      return FailureKind.HOST_UNREACHABLE;
    }
    if (message.contains("timed out")) {
      return FailureKind.TIMED_OUT;
    }
    if (message.contains("cannot assign requested address") || message.contains("address not available")) {
      return FailureKind.ADDRESS_UNAVAILABLE;
    }
    return FailureKind.OTHER;
  }
}
