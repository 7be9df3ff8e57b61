package io.github.connectbylist.examples;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.Connection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@code connectAsync}: a connect that never blocks its caller, and what runs when it completes. */
public final class AsyncConnect {
  private AsyncConnect() {
  }

  /** Connects to one of the addresses without blocking, and prints the winner from the event loop. */
  public static void connect(List<InetSocketAddress> addresses) {
    // snippet:start async
    try (ConnectByList cbl = ConnectByList.builder()
        .socketOption(StandardSocketOptions.TCP_NODELAY, true)   // set on every attempt's socket
        .build()) {
      CompletableFuture<Void> done = cbl.connectAsync(addresses)   // never blocks; completes on the event loop
          .thenAccept(AsyncConnect::use);                          // runs on the event loop: keep it quick
      done.join();                                   // here only because close() ends the connects still pending
    }
    // snippet:end async
  }

  private static void use(Connection c) {
    try (c) {
      System.out.println("async: " + c.remoteAddress());   // use c.channel()
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
