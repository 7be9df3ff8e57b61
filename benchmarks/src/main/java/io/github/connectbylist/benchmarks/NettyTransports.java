package io.github.connectbylist.benchmarks;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.netty.NettyConnector;
import io.github.connectbylist.testbed.Testbed;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
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
 * The Netty adoption on each of Netty's transports: a connect (then close) through {@code Bootstrap.connect},
 * address by address with a 250 ms {@code CONNECT_TIMEOUT_MILLIS}, against {@link NettyConnector} on the
 * same Bootstrap, on NIO, epoll and io_uring, on a good address and on [black-holed IPv6 {@code ::1}, good
 * IPv4] from the testbed. A transport that cannot run here fails its set-up with Netty's reason.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class NettyTransports {

  @Param({"good-first", "black-holed-v6-then-good-v4"})
  public String scenario;

  @Param({"nio", "epoll", "io_uring"})
  public String transport;

  @Param({"netty-bootstrap", "netty-connector"})
  public String way;

  private Testbed testbed;
  private List<InetSocketAddress> addresses;
  private EventLoopGroup group;
  private Bootstrap bootstrap;
  private ConnectByList cbl;
  private NettyConnector connector;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    IoHandlerFactory handlers;
    Class<? extends Channel> channel;
    switch (transport) {
      case "nio" -> {
        handlers = NioIoHandler.newFactory();
        channel = NioSocketChannel.class;
      }
      case "epoll" -> {
        Epoll.ensureAvailability();
        handlers = EpollIoHandler.newFactory();
        channel = EpollSocketChannel.class;
      }
      case "io_uring" -> {
        IoUring.ensureAvailability();
        handlers = IoUringIoHandler.newFactory();
        channel = IoUringSocketChannel.class;
      }
      default -> throw new IllegalArgumentException("no transport '" + transport + "'");
    }
    testbed = new Testbed();
    addresses = Scenario.byId(scenario).start(testbed);
    group = new MultiThreadIoEventLoopGroup(1, handlers);
    bootstrap = new Bootstrap().group(group).channel(channel)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Connector.ATTEMPT_DELAY.toMillis())
        .handler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {}
        });
    cbl = ConnectByList.builder().timeout(Connector.DEADLINE).build();
    connector = NettyConnector.of(bootstrap, cbl);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws InterruptedException {
    cbl.close();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    testbed.close();
  }

  @Benchmark
  public boolean connect() {
    if (way.equals("netty-connector")) {
      connector.connect(addresses).syncUninterruptibly().channel().close().syncUninterruptibly();
      return true;
    }
    for (InetSocketAddress a : addresses) { // what a Netty client does with a list: one at a time
      ChannelFuture f = bootstrap.connect(a).awaitUninterruptibly();
      if (f.isSuccess()) {
        f.channel().close().syncUninterruptibly();
        return true;
      }
    }
    return false;
  }
}
