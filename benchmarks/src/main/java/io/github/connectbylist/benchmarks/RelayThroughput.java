package io.github.connectbylist.benchmarks;

import io.github.connectbylist.emulator.Fate;
import io.github.connectbylist.emulator.Family;
import io.github.connectbylist.emulator.HostSpec;
import io.github.connectbylist.emulator.InterfaceSpec;
import io.github.connectbylist.emulator.Network;
import io.github.connectbylist.emulator.Prefix;
import io.github.connectbylist.emulator.Topology;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How many packets per second the relay carries (issue 19: at least 50,000), under a load that adapts to it: a
 * TCP stream from the client host to the server host with no rule, whose sender the relay's own pace clocks
 * (a UDP flood would only measure the kernel's queue dropping what the relay has not read yet). Each
 * invocation sends 1 MiB and waits until the server has read it; {@code packets} is what the relay forwarded
 * per second, data segments and ACKs both, {@code burst} the MiB per second. Needs root and {@code
 * /dev/net/tun}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RelayThroughput {
  private static final int CHUNK = 1 << 20;

  private Network net;
  private ServerSocket server;
  private Socket sender;
  private OutputStream out;
  private final AtomicLong received = new AtomicLong();
  private final byte[] chunk = new byte[CHUNK];
  private long sent;

  /** The packets the relay forwarded, reported per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Packets {
    /** Forwarded so far in this iteration. */
    public long packets;
  }

  @Setup(Level.Trial)
  public void up() throws IOException {
    net = Network.up(new Topology("throughput", List.of(
        new HostSpec("client", List.of(new InterfaceSpec("eth0", List.of(Prefix.parse("192.0.2.2/24"))))),
        new HostSpec("server", List.of(new InterfaceSpec("eth0", List.of(Prefix.parse("198.51.100.2/24")))))),
        List.of(), Optional.empty()));
    InetSocketAddress to = new InetSocketAddress(net.host("server").address(Family.IPV4), 9000);
    server = net.host("server").call(() -> {
      ServerSocket s = new ServerSocket();
      s.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 9000));
      return s;
    });
    Thread reader = new Thread(() -> {
      try (Socket in = server.accept(); InputStream stream = in.getInputStream()) {
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = stream.read(buffer)) >= 0; ) {
          received.addAndGet(n);
        }
      } catch (IOException e) {
        // closed at the end
      }
    });
    reader.setDaemon(true);
    reader.start();
    sender = net.host("client").call(() -> {
      Socket s = new Socket();
      s.connect(to);
      return s;
    });
    out = sender.getOutputStream();
  }

  @TearDown(Level.Trial)
  public void down() throws IOException {
    sender.close();
    server.close();
    net.close();
  }

  @Benchmark
  public void burst(Packets counter) throws IOException {
    long before = net.count(Fate.FORWARDED);
    out.write(chunk);
    out.flush();
    sent += CHUNK;
    while (received.get() < sent) {
      Thread.onSpinWait();
    }
    counter.packets += net.count(Fate.FORWARDED) - before;
  }
}
