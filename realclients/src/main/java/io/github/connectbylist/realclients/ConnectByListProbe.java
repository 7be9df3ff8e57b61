package io.github.connectbylist.realclients;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.ConnectFailedException;
import io.github.connectbylist.Connection;
import io.github.connectbylist.api.Addresses;
import io.github.connectbylist.api.Attempt;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Locale;

/**
 * ConnectByList's program, run in a JVM of its own in the client host: one connect by name with a ranker, a
 * scheduler and a resolver, no deadline of its own. Our own strategies resolve with {@code dns} (AAAA and A
 * apart, as they arrive, which RFC 8305 section 3 needs). A client model resolves as its client does, with the
 * system's {@code getaddrinfo} ({@code system}, the JDK keeping the order the system gives: {@code
 * java.net.preferIPv6Addresses=system}), whose answer is whole and sorted by RFC 6724: the models take that
 * order as given, as Chrome, Firefox, curl and Go take their resolvers' (each
 * waits for both answers, through getaddrinfo or, in Go and Chromium, a resolver of its own).
 *
 * <p>The measured connect comes after one warm-up connect by name to {@code localhost} on an instance of its own
 * (so that the measured one is its instance's first: a history ranker knows nothing), a listener of its own
 * on the host's loopback (which the relay never sees): a fresh JVM's first connect loads classes and warms code
 * for some 15 ms (more on a busy machine), which would be counted as strategy here. That cost is real, and
 * the lukewarm benchmark measures it; this program measures the strategy.
 *
 * <p>Prints {@code connected SOURCE -> DESTINATION | ATTEMPTS} and exits with 0, or {@code failed KIND | ATTEMPTS}
 * and exits with 1; each attempt {@code #I DESTINATION START-END RESULT}, in ms since the connect began.
 */
final class ConnectByListProbe {
  private ConnectByListProbe() {}

  /**
   * Connects once.
   *
   * @param args the ranker's spec, the scheduler's, the name and the port
   */
  public static void main(String[] args) {
    boolean model = RealClients.isClientModel(args[0]);
    if (model) {
      System.setProperty("java.net.preferIPv6Addresses", "system"); // before InetAddress is first used
    }
    int exit;
    String resolver = model ? "system" : "dns";
    warmUp(args[0], args[1], resolver);
    try (ConnectByList cbl = ConnectByList.builder().ranker(args[0]).scheduler(args[1]).resolver(resolver).build()) {
      try (Connection c = cbl.connect(args[2], Integer.parseInt(args[3]))) {
        System.out.println("connected " + Addresses.text(c.localAddress().getAddress()) + " -> "
            + Addresses.text(c.remoteAddress().getAddress()) + " | " + attempts(c.attempts()));
        exit = 0;
      } catch (ConnectFailedException e) {
        System.out.println("failed " + e.kind() + " | " + attempts(e.attempts()));
        exit = 1;
      } catch (IOException e) {
        System.out.println("failed " + e);
        exit = 1;
      }
    }
    System.out.flush();
    System.exit(exit);
  }

  /** On an instance of its own, so that the measured connect is its instance's first (history has nothing). */
  @SuppressWarnings("try") // the connection is only made and closed
  private static void warmUp(String ranker, String scheduler, String resolver) {
    try (ConnectByList cbl = ConnectByList.builder().ranker(ranker).scheduler(scheduler).resolver(resolver).build();
        ServerSocket listener = new ServerSocket(0);
        Connection c = cbl.connect("localhost", listener.getLocalPort())) {
      listener.accept().close();
    } catch (IOException e) {
      System.out.println("warm-up failed, going on: " + e);
    }
  }

  private static String attempts(List<Attempt> attempts) {
    StringBuilder b = new StringBuilder();
    for (Attempt a : attempts) {
      b.append('#').append(a.index()).append(' ').append(Addresses.text(a.pair().destinationAddress())).append(' ')
          .append(String.format(Locale.ROOT, "%.1f-%.1f", a.startedAt().toNanos() / 1e6, a.endedAt().toNanos() / 1e6))
          .append(' ').append(a.failure() == null ? "CONNECTED" : a.failure()).append("; ");
    }
    return b.toString();
  }
}
