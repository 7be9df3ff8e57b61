package io.github.connectbylist.benchmarks;

import io.github.connectbylist.ConnectByList;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One fresh JVM's connects to one good loopback address, for {@code benchmarks/perf-table.sh}: 2000 connects
 * in a row, each timed from the call to a connected socket and closed outside the timed span, as {@code
 * benchmarks/clients/go-dial.go} times Go's dialer. Prints connect 1 in ms, the median of connects 2 to 7 and
 * the median of connects 1001 to 2000 in µs, and for {@code connectbylist} the time of {@code build()} in ms,
 * made before the first connect:
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.connectbylist.benchmarks.PerfProbe socket 127.0.0.1:PORT
 * build_ms - first_ms 0.91 lukewarm_us 201.3 warm_us 48.7</pre>
 *
 * <p>Modes: {@code socket}, a plain {@code java.net.Socket} connected with the 250 ms timeout of {@link
 * Connector#plainSocketLoop}; {@code channel}, {@code SocketChannel.open(address)}; {@code connectbylist},
 * ConnectByList's default strategy. Up to the end of the measurement the probe runs no lambda, string
 * concatenation or {@code String.format} of its own, whose first bootstrap would cost a fresh JVM milliseconds
 * that are not the connect's.
 */
public final class PerfProbe {
  private static final int CONNECTS = 2000;
  private static final int WARM_FROM = 1000; // connects 1001..2000, counted from 1

  private PerfProbe() {}

  /**
   * Runs the connects and prints the line.
   *
   * @param args the mode ({@code socket}, {@code channel} or {@code connectbylist}) and the address as {@code
   *     HOST:PORT}, the host a literal ({@code [::1]} in brackets)
   * @throws IOException when a connect fails
   */
  public static void main(String[] args) throws IOException {
    String mode = args[0];
    boolean channel = mode.equals("channel");
    if (!channel && !mode.equals("socket") && !mode.equals("connectbylist")) {
      throw new IllegalArgumentException("mode: socket, channel or connectbylist");
    }
    int colon = args[1].lastIndexOf(':');
    String host = args[1].substring(0, colon).replace("[", "").replace("]", "");
    InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(host),
        Integer.parseInt(args[1].substring(colon + 1)));
    List<InetSocketAddress> addresses = List.of(address);

    ConnectByList cbl = null;
    long buildNanos = -1;
    if (mode.equals("connectbylist")) {
      long start = System.nanoTime();
      cbl = ConnectByList.builder().timeout(Connector.DEADLINE).build();
      buildNanos = System.nanoTime() - start;
    }
    long[] nanos = new long[CONNECTS];
    for (int i = 0; i < CONNECTS; i++) {
      long start = System.nanoTime();
      Closeable connected;
      if (cbl != null) {
        connected = cbl.connect(addresses);
      } else if (channel) {
        connected = SocketChannel.open(address);
      } else {
        Socket socket = new Socket();
        socket.connect(address, (int) Connector.ATTEMPT_DELAY.toMillis());
        connected = socket;
      }
      nanos[i] = System.nanoTime() - start;
      connected.close();
    }
    if (cbl != null) {
      cbl.close();
    }

    System.out.println(String.format(Locale.ROOT, "build_ms %s first_ms %.3f lukewarm_us %.1f warm_us %.1f",
        buildNanos < 0 ? "-" : String.format(Locale.ROOT, "%.2f", buildNanos / 1e6), nanos[0] / 1e6,
        median(nanos, 1, 7) / 1e3, median(nanos, WARM_FROM, CONNECTS) / 1e3));
  }

  /** The median of {@code nanos[from..to)}. */
  private static double median(long[] nanos, int from, int to) {
    long[] sorted = Arrays.copyOfRange(nanos, from, to);
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }
}
