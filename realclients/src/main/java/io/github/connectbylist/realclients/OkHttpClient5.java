package io.github.connectbylist.realclients;

import io.github.connectbylist.emulator.EmulatedHost;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * OkHttp 5 (the {@code okhttp-jvm} this module depends on) fetching {@code http://NAME:PORT/} with a default
 * client ({@code new OkHttpClient()}: fast fallback on, a new attempt 250 ms after the last or at a failure,
 * connect timeout 10 s), in a JVM of its own in the host ({@link OkHttpProbe}); it resolves with the JDK's
 * resolver, so through the host's {@code resolv.conf}. The run is killed at the timeout.
 */
final class OkHttpClient5 implements RealClient {

  @Override
  public String name() {
    return "okhttp";
  }

  @Override
  public Optional<String> model() {
    return Optional.of("okhttp5/okhttp5");
  }

  @Override
  public Optional<String> unavailable() {
    return Optional.empty();
  }

  /**
   * {@code OkHttp.VERSION}: {@code OkHttp 5.5.1}.
   *
   * @return the version
   */
  @Override
  public String version() {
    return "OkHttp " + okhttp3.OkHttp.VERSION;
  }

  @Override
  public Process start(EmulatedHost host, String name, int port, Duration timeout) throws IOException {
    Programs.check(name, port, timeout);
    return ClientProcess.start(host.jvm(OkHttpProbe.class.getName(), List.of(Programs.url(name, port))), timeout,
        Optional.empty());
  }

  @Override
  public String toString() {
    return name();
  }
}
