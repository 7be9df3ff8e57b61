package io.github.connectbylist.emulator;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.ConnectFailedException;
import io.github.connectbylist.Connection;
import io.github.connectbylist.api.Addresses;
import io.github.connectbylist.api.Attempt;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A JVM run inside an emulated host ({@link EmulatedHost#jvm}) that holds one {@code ConnectByList} and
 * connects each time it reads a line: {@code ADDRESS:PORT ...} for a list. It prints one line per connect:
 * {@code ok SOURCE -> DESTINATION ELAPSED_MS | ATTEMPTS} or {@code failed KIND ELAPSED_MS | ATTEMPTS}, each
 * attempt {@code #i SOURCE->DESTINATION START-END KIND}, times in ms. Arguments: {@code ranker scheduler
 * timeout-ms}, {@code default} for the library's own strategy. Stops at the end of its input.
 */
public final class ConnectProbe {
  private ConnectProbe() {}

  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
    ConnectByList.Builder builder = ConnectByList.builder().timeout(Duration.ofMillis(Long.parseLong(args[2])));
    if (!args[0].equals("default")) {
      builder.ranker(args[0]);
    }
    if (!args[1].equals("default")) {
      builder.scheduler(args[1]);
    }
    try (ConnectByList cbl = builder.build()) {
      System.out.println("ready");
      System.out.flush();
      for (String line; (line = in.readLine()) != null; ) {
        List<InetSocketAddress> to = new ArrayList<>();
        for (String a : line.trim().split(" ")) {
          int colon = a.lastIndexOf(':');
          to.add(new InetSocketAddress(Addresses.parseLiteral(a.substring(0, colon).replace("[", "").replace("]", "")),
              Integer.parseInt(a.substring(colon + 1))));
        }
        long start = System.nanoTime();
        String out;
        try (Connection c = cbl.connect(to)) {
          out = "ok " + Addresses.text(c.localAddress().getAddress()) + " -> " + Addresses.text(
              c.remoteAddress().getAddress()) + " " + millis(System.nanoTime() - start) + " | " + attempts(c.attempts());
        } catch (ConnectFailedException e) {
          out = "failed " + e.kind() + " " + millis(System.nanoTime() - start) + " | " + attempts(e.attempts());
        }
        System.out.println(out);
        System.out.flush();
      }
    }
  }

  private static String attempts(List<Attempt> attempts) {
    StringBuilder b = new StringBuilder();
    for (Attempt a : attempts) {
      b.append('#').append(a.index()).append(' ')
          .append(a.pair().source() == null ? "*" : Addresses.text(a.pair().source().address())).append("->")
          .append(Addresses.text(a.pair().destinationAddress())).append(' ')
          .append(millis(a.startedAt().toNanos())).append('-').append(millis(a.endedAt().toNanos())).append(' ')
          .append(a.failure() == null ? "CONNECTED" : a.failure()).append("; ");
    }
    return b.toString();
  }

  private static String millis(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.3f", nanos / 1e6);
  }
}
