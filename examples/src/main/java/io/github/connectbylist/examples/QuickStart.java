package io.github.connectbylist.examples;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.ConnectFailedException;
import io.github.connectbylist.ConnectRequest;
import io.github.connectbylist.Connection;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** {@code java QuickStart HOST PORT ADDRESS...}: connects to the ADDRESSes on PORT, then to HOST by name. */
public final class QuickStart {
  public static void main(String... args) throws Exception {
    String host = args[0];
    int port = Integer.parseInt(args[1]);
    List<InetSocketAddress> addresses = Stream.of(args).skip(2)    // literals, such as 2001:db8::10 192.0.2.10
        .map(address -> new InetSocketAddress(address, port)).toList();
    try (ConnectByList cbl = ConnectByList.builder()
        .strategy("happy-eyeballs(connection-attempt-delay=250ms)")   // or leave it out: the best discovered one
        .timeout(Duration.ofSeconds(10))                              // overall deadline, exact
        .build()) {
      try (Connection c = cbl.connect(addresses)) {                   // blocking; connectAsync never blocks
        SocketChannel channel = c.channel();                          // connected, in blocking mode
        System.out.println(c.localAddress() + " -> " + c.remoteAddress() + " in " + c.elapsed());
        c.attempts().forEach(System.out::println);                    // every attempt: pair, start, end, outcome
      } catch (ConnectFailedException e) {
        System.out.println(e.kind() + ": " + e.attempts());           // every attempt, not just the last error
      }
      try (Connection d = cbl.connect(ConnectRequest.to(host, port)   // a name and port, or a list,
          .timeout(Duration.ofSeconds(3)))) {                         // with this call's own deadline
        System.out.println("by name: " + d.remoteAddress());
      }
    }
  }
}
