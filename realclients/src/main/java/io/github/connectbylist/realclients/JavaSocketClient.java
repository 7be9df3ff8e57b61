package io.github.connectbylist.realclients;

import io.github.connectbylist.emulator.EmulatedHost;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The plain JDK: {@code new Socket(address, port)} for each address of {@code InetAddress.getAllByName(name)}
 * in the JDK's order (IPv4 first, unless {@code java.net.preferIPv6Addresses} says otherwise), one after
 * another, each until the kernel gives up; in a JVM of its own in the host ({@link JavaSocketProbe}). No
 * model: {@code sequential/sequential} connects as it does, but in the order of the resolver the lab gives it,
 * not the JDK's. The run is killed at the timeout.
 */
final class JavaSocketClient implements RealClient {

  @Override
  public String name() {
    return "java-socket";
  }

  @Override
  public Optional<String> model() {
    return Optional.empty();
  }

  @Override
  public Optional<String> unavailable() {
    return Optional.empty();
  }

  /**
   * The JDK's {@code java.version}: {@code Java 17.0.15}.
   *
   * @return the version
   */
  @Override
  public String version() {
    return "Java " + System.getProperty("java.version");
  }

  @Override
  public Process start(EmulatedHost host, String name, int port, Duration timeout) throws IOException {
    Programs.check(name, port, timeout);
    return ClientProcess.start(host.jvm(JavaSocketProbe.class.getName(),
        List.of(Programs.bare(name), Integer.toString(port))), timeout, Optional.empty());
  }

  @Override
  public String toString() {
    return name();
  }
}
