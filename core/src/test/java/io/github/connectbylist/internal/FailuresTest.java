package io.github.connectbylist.internal;

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
class FailuresTest {
  @Test
  void mapsTheJdksExceptionsToKinds() {
    assertEquals(FailureKind.REFUSED, Failures.classify(new ConnectException("Connection refused")));
    assertEquals(FailureKind.NETWORK_UNREACHABLE, Failures.classify(new SocketException("Network is unreachable")));
    assertEquals(FailureKind.HOST_UNREACHABLE, Failures.classify(new NoRouteToHostException("No route to host")));
    assertEquals(FailureKind.HOST_UNREACHABLE, Failures.classify(new ConnectException("No route to host")));
    assertEquals(FailureKind.TIMED_OUT, Failures.classify(new ConnectException("Connection timed out")));
    assertEquals(FailureKind.TIMED_OUT, Failures.classify(new SocketTimeoutException()));
    assertEquals(FailureKind.ADDRESS_UNAVAILABLE, Failures.classify(new BindException("Cannot assign requested address")));
    assertEquals(FailureKind.OTHER, Failures.classify(new IOException((String) null)));
  }
}
