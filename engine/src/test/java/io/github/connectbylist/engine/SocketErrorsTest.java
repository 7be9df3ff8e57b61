package io.github.connectbylist.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.connectbylist.api.FailureKind;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

/** The messages are those Linux's strerror gives and the JDK passes on. */
class SocketErrorsTest {
  @Test
  void mapsTheJdksExceptionsToKinds() {
    assertEquals(FailureKind.REFUSED, SocketErrors.kindOf(new ConnectException("Connection refused")));
    assertEquals(FailureKind.NETWORK_UNREACHABLE, SocketErrors.kindOf(new SocketException("Network is unreachable")));
    assertEquals(FailureKind.HOST_UNREACHABLE, SocketErrors.kindOf(new NoRouteToHostException("No route to host")));
    assertEquals(FailureKind.HOST_UNREACHABLE, SocketErrors.kindOf(new ConnectException("No route to host")));
    assertEquals(FailureKind.TIMED_OUT, SocketErrors.kindOf(new ConnectException("Connection timed out")));
    assertEquals(FailureKind.TIMED_OUT, SocketErrors.kindOf(new SocketTimeoutException()));
    assertEquals(FailureKind.ADDRESS_UNAVAILABLE, SocketErrors.kindOf(new BindException("Cannot assign requested address")));
    assertEquals(FailureKind.OTHER, SocketErrors.kindOf(new IOException((String) null)));
  }
}
