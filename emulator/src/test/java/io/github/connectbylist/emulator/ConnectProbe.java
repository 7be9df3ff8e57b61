package io.github.connectbylist.emulator;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.ConnectFailedException;
import io.github.connectbylist.Connection;
import io.github.connectbylist.api.Addresses;
import io.github.connectbylist.api.Answer;
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
 * connects each time it reads a line: {@code ADDRESS:PORT ...} for a list, or one {@code NAME:PORT} for a
 * connect by name through the instance's resolver. It prints one line per connect: {@code ok SOURCE ->
 * DESTINATION ELAPSED_MS | ATTEMPTS} or {@code failed KIND ELAPSED_MS | ATTEMPTS}, each attempt {@code #i
 * SOURCE->DESTINATION START-END KIND}, times in ms; a connect by name adds {@code || ANSWERS}, each answer as
 * {@link Answer#toString()} writes it, the NAT64 discovery's ({@code ipv4only.arpa}) among them. A line it
 * cannot read gets {@code error WHY}. Arguments: {@code ranker scheduler timeout-ms [resolver]}, {@code default}
 * for the library's own strategy, and a resolver spec such as {@code dns(servers=[2001:db8:53::53]:53,
 * hosts=none)} for the names (the library's default resolver without one). Stops at the end of its input.
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
    if (args.length > 3 && !args[3].equals("default")) {
      builder.resolver(args[3]);
    }
    try (ConnectByList cbl = builder.build()) {
      System.out.println("ready");
      System.out.flush();
      for (String line; (line = in.readLine()) != null; ) {
        System.out.println(connect(cbl, line.trim().split(" ")));
        System.out.flush();
      }
    }
  }

  /** One line's connect, and the line that tells how it went. */
  private static String connect(ConnectByList cbl, String[] tokens) {
    List<InetSocketAddress> to = new ArrayList<>();
    String name = null;
    int namePort = 0;
    for (String a : tokens) {
      int colon = a.lastIndexOf(':');
      if (colon <= 0) {
        return "error no port in '" + a + "': give ADDRESS:PORT or NAME:PORT";
      }
      String host = a.substring(0, colon);
      int port;
      try {
        port = Integer.parseInt(a.substring(colon + 1));
        if (Addresses.looksLiteral(host)) {
          to.add(new InetSocketAddress(Addresses.parseLiteral(host.replace("[", "").replace("]", "")), port));
          continue;
        }
      } catch (IllegalArgumentException e) { // a bad port or literal: the probe reads on
        return "error '" + a + "': " + e.getMessage();
      }
      if (tokens.length == 1) {
        name = host;
        namePort = port;
      } else {
        return "error a name connects alone, not in a list: '" + String.join(" ", tokens) + "'";
      }
    }
    long start = System.nanoTime();
    try (Connection c = name != null ? cbl.connect(name, namePort) : cbl.connect(to)) {
      return "ok " + Addresses.text(c.localAddress().getAddress()) + " -> " + Addresses.text(
          c.remoteAddress().getAddress()) + " " + millis(System.nanoTime() - start) + " | " + attempts(c.attempts())
          + answers(c.answers());
    } catch (ConnectFailedException e) {
      return "failed " + e.kind() + " " + millis(System.nanoTime() - start) + " | " + attempts(e.attempts())
          + answers(e.answers());
    } catch (java.io.IOException e) {
      return "error closing the connection: " + e;
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

  /** {@code || ANSWER; ANSWER; } for a connect by name, nothing for a list (which has no answers). */
  private static String answers(List<Answer> answers) {
    if (answers.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("||");
    for (Answer a : answers) {
      b.append(' ').append(a).append(';');
    }
    return b.toString();
  }

  private static String millis(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.3f", nanos / 1e6);
  }
}
