package io.github.connectbylist.realclients;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.Strategies;
import io.github.connectbylist.emulator.EmulatedHost;
import io.github.connectbylist.lab.Experiment;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * ConnectByList itself with one strategy, {@code ranker/scheduler}: one connect by name in a JVM of its own in
 * the host ({@link ConnectByListProbe}) with the {@code dns} resolver for our own strategies (it reads the host's
 * {@code resolv.conf}) and {@code system} for a client's model, which resolves as its client does; no deadline (a deadline changes what some models do: Go's splits it between addresses). Its
 * name is {@code connectbylist:} and the spec, its model the spec itself: with a client's model
 * ({@code connectbylist:chrome/chrome}) it runs the model on the same network as the client. The run is killed
 * at the timeout.
 */
final class ConnectByListClient implements RealClient {
  /** What names a ConnectByList client before its strategy. */
  static final String PREFIX = "connectbylist:";

  private final String spec;
  private final String ranker;
  private final String scheduler;

  /**
   * A client with that strategy, checked now.
   *
   * @param spec {@code ranker/scheduler}, each a name with options if any
   * @throws IllegalArgumentException when it is not written so, or names a strategy or an option there is not
   */
  ConnectByListClient(String spec) {
    String[] parts = Experiment.split(spec);
    Strategies found = Strategies.discovered();
    found.ranker(parts[0]);
    found.scheduler(parts[1]);
    this.spec = spec;
    this.ranker = parts[0];
    this.scheduler = parts[1];
  }

  @Override
  public String name() {
    return PREFIX + spec;
  }

  @Override
  public Optional<String> model() {
    return Optional.of(spec);
  }

  @Override
  public Optional<String> unavailable() {
    return Optional.empty();
  }

  /**
   * ConnectByList's version, from its jar: {@code ConnectByList 0.1.0-SNAPSHOT}.
   *
   * @return the version
   */
  @Override
  public String version() {
    String v = ConnectByList.class.getPackage().getImplementationVersion();
    if (v == null) {
      try (InputStream in = ConnectByList.class.getResourceAsStream(
          "/META-INF/maven/io.github.connectbylist/connectbylist-core/pom.properties")) {
        if (in != null) {
          Properties p = new Properties();
          p.load(in);
          v = p.getProperty("version");
        }
      } catch (IOException e) {
        // no version to tell
      }
    }
    return "ConnectByList " + (v == null ? "(version unknown)" : v);
  }

  @Override
  public Process start(EmulatedHost host, String name, int port, Duration timeout) throws IOException {
    Programs.check(name, port, timeout);
    return ClientProcess.start(host.jvm(ConnectByListProbe.class.getName(),
        List.of(ranker, scheduler, Programs.bare(name), Integer.toString(port))), timeout, Optional.empty());
  }

  @Override
  public String toString() {
    return name();
  }
}
