package io.github.connectbylist.benchmarks;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.ConnectByListSocketFactory;
import io.github.connectbylist.api.NameResolver;
import io.github.connectbylist.api.Query;
import io.github.connectbylist.netty.NettyConnector;
import io.github.connectbylist.testbed.Testbed;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * What a library gains from the one-line adoptions: a connect (then close) through Netty's {@code
 * Bootstrap.connect} against {@link NettyConnector}, and through a plain {@code java.net.Socket} against
 * {@link ConnectByListSocketFactory}, on a testbed scenario. Without ConnectByList a client tries the
 * addresses in turn, each with a 250 ms connect timeout ({@code CONNECT_TIMEOUT_MILLIS} for Netty); with it,
 * one instance per trial races them with the default strategy (its history included), the socket factory
 * by a name whose answer (written here, no DNS) is the scenario's addresses.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class Adoption {
  private static final String NAME = "adopt.test";

  @Param({"good-first", "black-holed-v6-then-good-v4"})
  public String scenario;

  @Param({"netty-bootstrap", "netty-connector", "socket", "socket-factory"})
  public String way;

  private Testbed testbed;
  private List<InetSocketAddress> addresses;
  private EventLoopGroup group;
  private Bootstrap bootstrap;
  private ConnectByList cbl;
  private NettyConnector connector;
  private ConnectByListSocketFactory factory;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    testbed = new Testbed();
    addresses = Scenario.byId(scenario).start(testbed);
    group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Connector.ATTEMPT_DELAY.toMillis())
        .handler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {}
        });
    List<InetAddress> answer = new ArrayList<>();
    for (InetSocketAddress a : addresses) {
      answer.add(a.getAddress());
    }
    NameResolver table = (host, answers) -> {
      answers.answered(Query.BOTH, answer);
      answers.done();
      return NameResolver.Lookup.DONE;
    };
    cbl = ConnectByList.builder().resolver(table).timeout(Connector.DEADLINE).build();
    connector = NettyConnector.of(bootstrap, cbl);
    factory = new ConnectByListSocketFactory(cbl);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws InterruptedException {
    cbl.close();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    testbed.close();
  }

  @Benchmark
  public boolean connect() throws IOException {
    switch (way) {
      case "netty-bootstrap" -> {
        for (InetSocketAddress a : addresses) { // what a Netty client does with a list: one at a time
          ChannelFuture f = bootstrap.connect(a).awaitUninterruptibly();
          if (f.isSuccess()) {
            f.channel().close().syncUninterruptibly();
            return true;
          }
        }
        return false;
      }
      case "netty-connector" -> {
        connector.connect(addresses).syncUninterruptibly().channel().close().syncUninterruptibly();
        return true;
      }
      case "socket" -> {
        for (InetSocketAddress a : addresses) { // new Socket(host, port), with a timeout, address by address
          try (Socket s = new Socket()) {
            s.connect(a, (int) Connector.ATTEMPT_DELAY.toMillis());
            return true;
          } catch (IOException next) {
            // the next address
          }
        }
        return false;
      }
      default -> {
        try (Socket s = factory.createSocket(NAME, addresses.get(0).getPort())) {
          return s.isConnected();
        }
      }
    }
  }
}
