package io.github.connectbylist.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import io.github.connectbylist.testbed.DnsReply;
import io.github.connectbylist.testbed.DnsServer;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;

/**
 * A real client, run as its users run it, connecting to a name whose resolver returns the scenario's addresses
 * in order: each sample is the client's own time to connect, measured by the client (curl's {@code
 * time_connect}, Node's and Python's clocks around their connect call, OkHttp's event listener), so process
 * start is not in it. A failed connect is {@code NaN}.
 */
sealed interface RealClient
    permits RealClient.Curl, RealClient.Node, RealClient.Asyncio, RealClient.OkHttp, RealClient.Go {
  /** The connect timeout given to every client that has one, so no scenario waits for minutes. */
  int CONNECT_TIMEOUT_SECONDS = 10;

  /** The client and its version, as printed in the table. */
  String name();

  /** The model of this client, as {@code ranker/scheduler}, with the options this run gives the client. */
  String model();

  /** Why the client cannot run here, if it cannot. */
  Optional<String> unavailable();

  /** {@code runs} connects to {@code addresses}, one sample per connect. */
  List<Double> connectTimes(List<InetSocketAddress> addresses, int runs) throws IOException, InterruptedException;

  /** Every client the validation knows; those not installed are skipped with a note. */
  static List<RealClient> all(Path scripts, DnsServer dns) {
    return List.of(new Curl(), new Node(scripts), new Asyncio(scripts), new OkHttp(), new Go(scripts, dns));
  }

  /** curl, with {@code --resolve} giving every address to one name and {@code --connect-timeout 10}. */
  record Curl() implements RealClient {
    @Override
    public String name() {
      return "curl " + version("curl", "--version").map(v -> v.split(" ")[1]).orElse("?");
    }

    @Override
    public String model() {
      return "curl-7.88/curl-7.88(connect-timeout=" + CONNECT_TIMEOUT_SECONDS + "s)";
    }

    @Override
    public Optional<String> unavailable() {
      return unlessInstalled("curl", "--version");
    }

    @Override
    public List<Double> connectTimes(List<InetSocketAddress> addresses, int runs) throws IOException, InterruptedException {
      int port = addresses.get(0).getPort();
      List<String> literals = new ArrayList<>();
      for (InetSocketAddress a : addresses) {
        literals.add(a.getAddress() instanceof Inet6Address ? "[" + literal(a) + "]" : literal(a));
      }
      List<Double> out = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        List<String> lines = run(List.of("curl", "-s", "-o", "/dev/null", "--connect-timeout",
            Integer.toString(CONNECT_TIMEOUT_SECONDS), "--resolve", "validation.test:" + port + ":" + String.join(",", literals),
            "-w", "%{time_connect} %{remote_ip}\\n", "http://validation.test:" + port + "/"));
        String[] fields = lines.isEmpty() ? new String[0] : lines.get(0).trim().split(" ");
        // An empty reply (the testbed closes at once) is curl's exit 52 or 56; time_connect is set when it connected.
        out.add(fields.length == 2 && !fields[1].isEmpty() && Double.parseDouble(fields[0]) > 0
            ? Double.parseDouble(fields[0]) * 1000 : Double.NaN);
      }
      return out;
    }
  }

  /** Node.js's {@code net.connect} with {@code autoSelectFamily} and a lookup that returns every address. */
  record Node(Path scripts) implements RealClient {
    @Override
    public String name() {
      return "Node.js " + version("node", "--version").orElse("?");
    }

    @Override
    public String model() {
      return "node/node";
    }

    @Override
    public Optional<String> unavailable() {
      return unlessInstalled("node", "--version");
    }

    @Override
    public List<Double> connectTimes(List<InetSocketAddress> addresses, int runs) throws IOException, InterruptedException {
      return script(addresses, "node", scripts.resolve("node-connect.js").toString(), Integer.toString(runs),
          Integer.toString(addresses.get(0).getPort()));
    }
  }

  /** Python asyncio's {@code create_connection} with {@code happy_eyeballs_delay=0.25}. */
  record Asyncio(Path scripts) implements RealClient {
    @Override
    public String name() {
      return "Python asyncio " + version("python3", "--version").map(v -> v.replace("Python ", "")).orElse("?")
          + " (happy_eyeballs_delay=0.25)";
    }

    @Override
    public String model() {
      return "asyncio(happy-eyeballs-delay=250ms)/asyncio(happy-eyeballs-delay=250ms)";
    }

    @Override
    public Optional<String> unavailable() {
      return unlessInstalled("python3", "--version");
    }

    @Override
    public List<Double> connectTimes(List<InetSocketAddress> addresses, int runs) throws IOException, InterruptedException {
      return script(addresses, "python3", scripts.resolve("asyncio-connect.py").toString(), Integer.toString(runs),
          Integer.toString(addresses.get(0).getPort()), "0.25");
    }
  }

  /** OkHttp 5 in this JVM (from Maven), fast fallback on; a sample runs from the call's start to its TCP connect. */
  record OkHttp() implements RealClient {
    @Override
    public String name() {
      return "OkHttp " + okhttp3.OkHttp.VERSION;
    }

    @Override
    public String model() {
      return "okhttp5/okhttp5";
    }

    @Override
    public Optional<String> unavailable() {
      return Optional.empty();
    }

    @Override
    public List<Double> connectTimes(List<InetSocketAddress> addresses, int runs) {
      List<InetAddress> resolved = new ArrayList<>();
      addresses.forEach(a -> resolved.add(a.getAddress()));
      long[] marks = new long[2];
      OkHttpClient client = new OkHttpClient.Builder()
          .dns(hostname -> resolved)
          .fastFallback(true)
          .retryOnConnectionFailure(false)
          .connectionPool(new ConnectionPool(0, 1, TimeUnit.MILLISECONDS))
          .connectTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
          .eventListener(new EventListener() {
            @Override
            public void callStart(Call call) {
              marks[0] = System.nanoTime();
            }

            @Override
            public void connectEnd(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol) {
              marks[1] = System.nanoTime();
              call.cancel(); // the validation measures connecting, not HTTP
            }
          })
          .build();
      Request request = new Request.Builder().url("http://validation.test:" + addresses.get(0).getPort() + "/").build();
      List<Double> out = new ArrayList<>();
      try {
        for (int i = 0; i < runs; i++) {
          marks[1] = 0;
          try {
            client.newCall(request).execute().close();
          } catch (IOException expected) {
            // cancelled at connectEnd, or failed
          }
          out.add(marks[1] != 0 ? (marks[1] - marks[0]) / 1e6 : Double.NaN);
        }
      } finally {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
      }
      return out;
    }
  }

  /**
   * Go's {@code net.Dialer} with {@code Timeout} 10 s, built from {@code go-connect.go}; the name is answered
   * by the testbed's DNS server, since Go races families only for a name.
   */
  record Go(Path scripts, DnsServer dns) implements RealClient {
    @Override
    public String name() {
      return version("go", "version").map(v -> v.split(" ")[2]).orElse("go") + " net.Dialer";
    }

    @Override
    public String model() {
      return "go/go(dial-timeout=" + CONNECT_TIMEOUT_SECONDS + "s)";
    }

    @Override
    public Optional<String> unavailable() {
      return version("go", "version").isPresent() ? Optional.empty()
          : Optional.of("Go is not installed (apt-get install golang-go gives Go 1.19)");
    }

    @Override
    public List<Double> connectTimes(List<InetSocketAddress> addresses, int runs) throws IOException, InterruptedException {
      Path binary = java.nio.file.Files.createTempDirectory("go-connect").resolve("go-connect");
      run(List.of("go", "build", "-o", binary.toString(), scripts.resolve("go-connect.go").toString()));
      List<String> v4 = new ArrayList<>();
      List<String> v6 = new ArrayList<>();
      addresses.forEach(a -> (a.getAddress() instanceof Inet6Address ? v6 : v4).add(literal(a)));
      dns.reply("validation.test", DnsServer.RecordType.A, v4.isEmpty() ? DnsReply.empty()
          : DnsReply.addresses(v4.toArray(String[]::new)));
      dns.reply("validation.test", DnsServer.RecordType.AAAA, v6.isEmpty() ? DnsReply.empty()
          : DnsReply.addresses(v6.toArray(String[]::new)));
      try {
        return samples(run(List.of(binary.toString(), Integer.toString(runs),
            "validation.test:" + addresses.get(0).getPort(), dns.address().getAddress().getHostAddress() + ":"
                + dns.address().getPort(), Integer.toString(CONNECT_TIMEOUT_SECONDS))));
      } finally {
        java.nio.file.Files.deleteIfExists(binary);
        java.nio.file.Files.deleteIfExists(binary.getParent());
      }
    }
  }

  /** Runs a client script with the addresses as its last arguments; one sample per line it prints. */
  private static List<Double> script(List<InetSocketAddress> addresses, String... command)
      throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(List.of(command));
    addresses.forEach(a -> all.add(literal(a)));
    return samples(run(all));
  }

  private static Optional<String> unlessInstalled(String... versionCommand) {
    return version(versionCommand).isPresent() ? Optional.empty()
        : Optional.of(versionCommand[0] + " is not installed");
  }

  private static String literal(InetSocketAddress a) {
    String host = a.getAddress().getHostAddress();
    int zone = host.indexOf('%');
    return zone < 0 ? host : host.substring(0, zone);
  }

  private static List<Double> samples(List<String> lines) {
    List<Double> out = new ArrayList<>();
    for (String line : lines) {
      out.add(line.startsWith("FAIL") ? Double.NaN : Double.parseDouble(line.trim()));
    }
    return out;
  }

  private static Optional<String> version(String... command) {
    try {
      List<String> lines = run(List.of(command));
      return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(0).trim());
    } catch (IOException | InterruptedException e) {
      return Optional.empty();
    }
  }

  private static List<String> run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(false).redirectInput(ProcessBuilder.Redirect.from(
        new java.io.File("/dev/null"))).start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        lines.add(line);
      }
    }
    p.waitFor();
    return lines;
  }
}
