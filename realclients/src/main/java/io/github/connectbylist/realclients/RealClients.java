package io.github.connectbylist.realclients;

import io.github.connectbylist.lab.LazyEye;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The real clients, by name. Each makes one request from inside an emulated host with its own defaults,
 * resolving the name itself through the host's {@code resolv.conf}:
 *
 * <table>
 *   <caption>The clients</caption>
 *   <tr><th>Name</th><th>What runs</th><th>Model</th></tr>
 *   <tr><td>{@code curl}</td><td>{@code curl -sS -o /dev/null --max-time T http://NAME:PORT/}</td>
 *       <td>{@code curl-7.88/curl-7.88} before curl 8.16, {@code curl/curl} from it on</td></tr>
 *   <tr><td>{@code node}</td><td>{@code node -e} with {@code net.connect({host, port})} (Node 20 or later)</td>
 *       <td>{@code node/node}</td></tr>
 *   <tr><td>{@code asyncio}</td><td>{@code python3 -c} with {@code asyncio.open_connection(host, port)}</td>
 *       <td>{@code asyncio/asyncio}</td></tr>
 *   <tr><td>{@code asyncio-250ms}</td><td>the same with {@code happy_eyeballs_delay=0.25}</td>
 *       <td>{@code asyncio(happy-eyeballs-delay=250ms)/asyncio(happy-eyeballs-delay=250ms)}</td></tr>
 *   <tr><td>{@code go}</td><td>a Go program, {@code net.Dialer{}.Dial("tcp", host:port)}</td>
 *       <td>{@code go/go}</td></tr>
 *   <tr><td>{@code okhttp}</td><td>OkHttp 5, {@code GET http://NAME:PORT/} with {@code new OkHttpClient()}, in a
 *       JVM of its own</td><td>{@code okhttp5/okhttp5}</td></tr>
 *   <tr><td>{@code java-socket}</td><td>a {@code java.net.Socket} to each address of {@code
 *       InetAddress.getAllByName} in turn, in a JVM of its own</td><td>none</td></tr>
 *   <tr><td>{@code chromium}</td><td>headless Chromium, {@code --dump-dom http://NAME:PORT/}</td>
 *       <td>{@code chrome/chrome}</td></tr>
 *   <tr><td>{@code firefox}</td><td>headless Firefox ESR, {@code --screenshot} of {@code http://NAME:PORT/}</td>
 *       <td>{@code firefox/firefox}</td></tr>
 *   <tr><td>{@code connectbylist:R/S}</td><td>ConnectByList with ranker {@code R} and scheduler {@code S} and
 *       the {@code dns} resolver ({@code system} for a client's model), in a JVM of its own</td><td>{@code R/S}</td></tr>
 * </table>
 *
 * <p>A started client's process carries its standard output and standard error merged: read it or close it.
 * The process ends when the client and everything it started are gone and its temporary folder (a browser's
 * profile) is deleted; it is killed at the timeout, with everything it started, unless it ends first.
 */
public final class RealClients {
  private static final List<String> FIXED = List.of("curl", "node", "asyncio", "asyncio-250ms", "go", "okhttp",
      "java-socket", "chromium", "firefox");

  private RealClients() {}

  /**
   * Every client, in a fixed order: curl, node, asyncio, asyncio-250ms, go, okhttp, java-socket, chromium,
   * firefox, then ConnectByList with each strategy of the Lazy Eye set ({@link LazyEye#BUILT_IN_STRATEGIES}:
   * its own, and each client's model). Those not installed here are in the list; ask {@link
   * RealClient#unavailable()}.
   *
   * @return the clients
   */
  public static List<RealClient> all() {
    List<RealClient> all = new ArrayList<>();
    for (String name : FIXED) {
      all.add(fixed(name));
    }
    for (String spec : LazyEye.BUILT_IN_STRATEGIES) {
      all.add(connectByList(spec));
    }
    return List.copyOf(all);
  }

  /**
   * The names {@link #named} takes, in {@link #all()}'s order, ConnectByList's as {@code
   * connectbylist:RANKER/SCHEDULER}.
   *
   * @return the names
   */
  public static List<String> names() {
    List<String> names = new ArrayList<>(FIXED);
    names.add(ConnectByListClient.PREFIX + "RANKER/SCHEDULER");
    return List.copyOf(names);
  }

  /**
   * The clients of these names, in the order given.
   *
   * @param names names among {@link #names()}; ConnectByList with any strategy, such as {@code
   *     connectbylist:chrome/chrome} or {@code connectbylist:rfc6724/sequential(attempt-timeout=250ms)}
   * @return the clients
   * @throws IllegalArgumentException in one line, naming an unknown client (with the names there are), a bad
   *     strategy, or a name given twice
   */
  public static List<RealClient> named(List<String> names) {
    List<RealClient> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String name : names) {
      java.util.Objects.requireNonNull(name, "name");
      RealClient client = named(name);
      if (!seen.add(client.name())) {
        throw new IllegalArgumentException("client " + client.name() + " is named twice");
      }
      out.add(client);
    }
    return List.copyOf(out);
  }

  private static RealClient named(String name) {
    if (name.startsWith(ConnectByListClient.PREFIX)) {
      String spec = name.substring(ConnectByListClient.PREFIX.length());
      try {
        return connectByList(spec);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("client " + name + ": " + oneLine(e.getMessage()), e);
      }
    }
    if (!FIXED.contains(name)) {
      throw new IllegalArgumentException("unknown client '" + name + "'; the clients are "
          + String.join(", ", names()));
    }
    return fixed(name);
  }

  /**
   * ConnectByList with one strategy, as a client: a model run on the same network as the client it models.
   *
   * @param spec {@code ranker/scheduler}, such as {@code chrome/chrome}
   * @return the client, named {@code connectbylist:SPEC}
   * @throws IllegalArgumentException when the spec is not {@code ranker/scheduler} or names a strategy or an
   *     option there is not
   */
  public static RealClient connectByList(String spec) {
    java.util.Objects.requireNonNull(spec, "spec");
    return new ConnectByListClient(spec);
  }

  /**
   * Whether a ranker spec is one of {@code strategy-clients}' client models, which resolve as their clients do.
   *
   * @param rankerSpec such as {@code chrome} or {@code asyncio(happy-eyeballs-delay=250ms)}
   * @return {@code true} for a client model
   */
  static boolean isClientModel(String rankerSpec) {
    int paren = rankerSpec.indexOf('(');
    String name = paren < 0 ? rankerSpec : rankerSpec.substring(0, paren);
    for (io.github.connectbylist.strategy.clients.Client c : io.github.connectbylist.strategy.clients.Client.values()) {
      if (c.strategyName().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static RealClient fixed(String name) {
    return switch (name) {
      case "curl" -> new CurlClient();
      case "node" -> new NodeClient();
      case "asyncio" -> new AsyncioClient(Optional.empty());
      case "asyncio-250ms" -> new AsyncioClient(Optional.of(Duration.ofMillis(250)));
      case "go" -> new GoClient();
      case "okhttp" -> new OkHttpClient5();
      case "java-socket" -> new JavaSocketClient();
      case "chromium" -> new ChromiumClient();
      case "firefox" -> new FirefoxClient();
      default -> throw new IllegalArgumentException("unknown client '" + name + "'");
    };
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s*\\R\\s*", "; ");
  }
}
