package io.github.connectbylist.benchmarks;

import io.github.connectbylist.Connection;
import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of {@code inFlight} concurrent connects to one good loopback address: {@code connectAsync}
 * calls of one ConnectByList (one event-loop thread), against the same number of raw non-blocking connects
 * finished on one selector. One operation is the whole batch, so connects per second is the score times
 * {@code inFlight}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class Concurrency {
  @Param({"1", "100", "1000"})
  public int inFlight;

  private Selector selector;

  @Setup
  public void setUp() throws IOException {
    selector = Selector.open();
  }

  @TearDown
  public void tearDown() throws IOException {
    selector.close();
  }

  @Benchmark
  public void connectAsync(GoodLoopbackEndpoint good) throws IOException {
    @SuppressWarnings({"unchecked", "rawtypes"}) // an array of a generic type is made raw
    CompletableFuture<Connection>[] batch = new CompletableFuture[inFlight];
    for (int i = 0; i < inFlight; i++) {
      batch[i] = good.cbl.connectAsync(good.addresses);
    }
    for (CompletableFuture<Connection> f : batch) {
      f.join().close();
    }
  }

  @Benchmark
  public void raw(GoodLoopbackEndpoint good) throws IOException {
    SocketChannel[] batch = new SocketChannel[inFlight];
    int pending = 0;
    for (int i = 0; i < inFlight; i++) {
      SocketChannel channel = SocketChannel.open();
      channel.configureBlocking(false);
      batch[i] = channel;
      if (channel.connect(good.address) || channel.finishConnect()) {
        continue;
      }
      channel.register(selector, SelectionKey.OP_CONNECT);
      pending++;
    }
    while (pending > 0) {
      selector.select();
      for (SelectionKey key : selector.selectedKeys()) {
        if (((SocketChannel) key.channel()).finishConnect()) {
          key.cancel();
          pending--;
        }
      }
      selector.selectedKeys().clear();
    }
    selector.selectNow(); // flush the cancelled keys
    for (SocketChannel channel : batch) {
      channel.close();
    }
  }
}
