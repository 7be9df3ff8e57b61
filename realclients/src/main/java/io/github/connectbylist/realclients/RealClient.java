package io.github.connectbylist.realclients;

import io.github.connectbylist.emulator.EmulatedHost;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * A real client, unchanged, as a subject of the Lazy Eye study on an emulated network: it makes one request to
 * a name and port from inside an emulated host, with its own defaults (its resolver reads the host's {@code
 * resolv.conf}), and the network's packet log, never the client's own output, says what it did.
 */
public interface RealClient {

  /**
   * The client's short name, as {@code --clients} takes it: {@code curl}, {@code chromium}, ...
   *
   * @return the name
   */
  String name();

  /**
   * The strategy of {@code strategy-clients} (or ours) that models this client, as {@code ranker/scheduler}.
   *
   * @return the spec, or empty when nothing models it
   */
  Optional<String> model();

  /**
   * Why it cannot run here, with how to install it.
   *
   * @return one line such as {@code chromium is not installed: apt-get install chromium}, or empty
   */
  Optional<String> unavailable();

  /**
   * Its version as it reports it, such as {@code curl 7.88.1}.
   *
   * @return the version, one line
   * @throws IOException when it cannot be asked
   */
  String version() throws IOException;

  /**
   * Starts one request to {@code name:port} from inside {@code host}: an HTTP GET of {@code /} where the client
   * speaks HTTP, a TCP connect otherwise. The process ends by itself within {@code timeout} (the client's own
   * limit where it has one, else a kill).
   *
   * @param host the client host
   * @param name the name to resolve
   * @param port the port
   * @param timeout how long it may take
   * @return the running process
   * @throws IOException when it cannot start
   */
  Process start(EmulatedHost host, String name, int port, Duration timeout) throws IOException;
}
