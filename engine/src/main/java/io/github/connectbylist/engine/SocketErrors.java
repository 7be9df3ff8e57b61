package io.github.connectbylist.engine;

import io.github.connectbylist.api.FailureKind;
import java.io.IOException;
import java.net.BindException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.util.Locale;

/**
 * What a socket's exception means, for the transports that see one (core's, an adapter's): Java gives no
 * errno, only exception types and the text of {@code strerror}, so the text is read where the type says too
 * little. Used where the failure happens; the kind then travels with the error.
 */
public final class SocketErrors {
  private SocketErrors() {}

  /**
   * The kind of a socket's failure.
   *
   * @param e what {@code connect}, {@code finishConnect} or {@code bind} threw
   * @return its kind; {@link FailureKind#OTHER} when nothing says more
   */
  public static FailureKind kindOf(IOException e) {
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
