package io.github.connectbylist.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.ConnectFailedException;
import io.github.connectbylist.ConnectRequest;
import io.github.connectbylist.api.AttemptScheduler;
import io.github.connectbylist.api.Deadline;
import io.github.connectbylist.strategy.happyeyeballs.HappyEyeballsScheduler;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.testbed.DnsReply;
import io.github.connectbylist.testbed.DnsServer;
import io.github.connectbylist.testbed.LeakCheck;
import io.github.connectbylist.testbed.Testbed;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real Netty client and server on loopback: the client's connects go through {@link NettyConnector}, with
 * black-holed and refusing endpoints from the testbed in the way.
 */
class NettyConnectorTest {
  private static final AttributeKey<String> TAG = AttributeKey.valueOf("tag");

  private LeakCheck leaks;
  private Set<String> threadsBefore;
  private EventLoopGroup group;
  private EchoServer server;
  private Testbed testbed;
  private InetSocketAddress good;
  private ConnectByList cbl;

  /** dnsjava's first use opens descriptors for the JVM's life (its selector, its random source). */
  @org.junit.jupiter.api.BeforeAll
  static void warmUpDnsjava() throws Exception {
    try (DnsServer dns = DnsServer.start(); ConnectByList warm = ConnectByList.builder()
        .resolver("dns(servers=" + dns.serverSpec() + ", hosts=none, timeout=1s)").build()) {
      dns.reply("warm.test", DnsServer.RecordType.A, DnsReply.addresses("127.0.0.1"));
      try (Testbed t = new Testbed()) {
        warm.connect("warm.test", t.accepting("127.0.0.1").address().getPort()).close();
      }
    }
  }

  @BeforeEach
  void start() throws Exception {
    threadsBefore = threadNames();
    leaks = LeakCheck.start();
    group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    server = EchoServer.start(group, NioServerSocketChannel.class, false);
    good = server.address();
    testbed = new Testbed();
    cbl = ConnectByList.builder().timeout(Duration.ofSeconds(5)).build();
  }

  @AfterEach
  void stop() throws Exception {
    cbl.close();
    server.close(); // its accepted channels too, while the loop still runs
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    testbed.close();
    leaks.assertNoneOpen();
    Set<String> left = threadNames();
    left.removeAll(threadsBefore);
    // the JVM's first build() starts a warm-up thread that ends by itself: not this test's to wait for
    left.removeIf(n -> n.startsWith("dnsjava") || n.startsWith("globalEventExecutor") || n.equals("connectbylist-warmup"));
    assertEquals(Set.of(), left, "threads left behind");
  }

  private static Set<String> threadNames() throws InterruptedException {
    Thread.sleep(100);
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
        .collect(Collectors.toCollection(java.util.HashSet::new));
  }

  private Bootstrap bootstrap(ChannelHandler handler) {
    return new Bootstrap().group(group).channel(NioSocketChannel.class).handler(handler);
  }

  private InetSocketAddress hole() throws Exception {
    return Testbed.ipv6LoopbackAvailable() ? testbed.blackHoled("::1", good.getPort()).address()
        : testbed.blackHoled("127.0.0.5", good.getPort()).address();
  }

  @Test
  void pastABlackHoleAfterOneDelayTheWinnerEchoesAndItsHandlerSeesOneChannelActive() throws Exception {
    Seen seen = new Seen();
    NettyConnector connector = NettyConnector.of(bootstrap(new ChannelInitializer<Channel>() {
      @Override
      protected void initChannel(Channel ch) {
        ch.pipeline().addLast(seen);
      }
    }).option(ChannelOption.TCP_NODELAY, true).attr(TAG, "mine"), cbl);
    long start = System.nanoTime();
    Channel ch = connector.connect(List.of(hole(), good)).sync().channel();
    long millis = (System.nanoTime() - start) / 1_000_000;
    try {
      assertTrue(millis >= 240 && millis < 2000, "one connection attempt delay, then the good address: " + millis + " ms");
      assertEquals(good, ch.remoteAddress());
      assertTrue(ch.isActive());
      assertInstanceOf(NioSocketChannel.class, ch);
      assertTrue(ch.eventLoop().inEventLoop() || ch.eventLoop() == group.next(), "registered with the Bootstrap's loop");
      ch.writeAndFlush(Unpooled.copiedBuffer("hello", StandardCharsets.US_ASCII)).sync();
      assertEquals("hello", seen.read.get(5, TimeUnit.SECONDS));
      assertEquals(1, seen.added.get(), "the pipeline was initialised once");
      assertEquals(1, seen.registered.get());
      assertEquals(1, seen.active.get(), "exactly one channelActive");
      assertEquals("mine", ch.attr(TAG).get(), "the Bootstrap's attributes");
      assertTrue(((NioSocketChannel) ch).config().isTcpNoDelay(), "the Bootstrap's options");
      RaceTrace trace = ch.attr(NettyConnector.TRACE).get();
      assertEquals(2, trace.attempts().size(), "the black hole lost the race: " + trace.attempts());
      assertEquals(FailureKind.CANCELLED, trace.attempts().get(0).failure());
      assertTrue(trace.winner().connected());
    } finally {
      ch.close().sync();
    }
  }

  @Test
  void aCancelledConnectLeavesNoSocketOpen() throws Exception {
    NettyConnector connector = NettyConnector.of(bootstrap(new Seen()), cbl);
    ChannelFuture f = connector.connect(List.of(hole()));
    Thread.sleep(100);
    assertTrue(f.cancel(false));
    assertTrue(f.isCancelled());
    assertFalse(f.channel().isOpen(), "a closed placeholder, as CLOSE_ON_FAILURE expects");
    // the leak check in stop() waits for the attempt's socket to be gone
  }

  @Test
  void twoThousandConnectsLeakNothingAndStartNoThreadOfOurs() throws Exception {
    NettyConnector connector = NettyConnector.of(bootstrap(new ChannelInitializer<Channel>() { // @Sharable
      @Override
      protected void initChannel(Channel ch) {
        ch.pipeline().addLast(new ChannelInboundHandlerAdapter());
      }
    }), cbl);
    for (int i = 0; i < 2000; i++) {
      Channel ch = connector.connect(List.of(good)).sync().channel();
      ch.close().sync();
    }
    assertFalse(threadNames().stream().anyMatch(n -> n.startsWith("connectbylist-loop")),
        "the race ran on Netty's loop: ConnectByList's own event loop never started");
  }

  @Test
  void aFailedConnectFailsTheFutureWithEveryAttempt() throws Exception {
    InetSocketAddress refused = testbed.refusing("127.0.0.2").address();
    ChannelFuture f = NettyConnector.of(bootstrap(new Seen()), cbl).connect(List.of(refused)).await();
    assertFalse(f.isSuccess());
    ConnectException e = assertInstanceOf(ConnectException.class, f.cause());
    ConnectFailedException failed = assertInstanceOf(ConnectFailedException.class, e);
    assertEquals(FailureKind.REFUSED, failed.kind());
    assertEquals(1, failed.attempts().size());
    assertFalse(f.channel().isActive());
  }

  @Test
  void theScheduleSeesTheDeadlineOfTheConnectItServesTheRequestsElseTheInstances() throws Exception {
    java.util.concurrent.BlockingQueue<Deadline> seen = new java.util.concurrent.LinkedBlockingQueue<>();
    AttemptScheduler recording = (pairs, deadline, history) -> {
      seen.add(deadline);
      return HappyEyeballsScheduler.standard().newSchedule(pairs, deadline, history);
    };
    try (ConnectByList timed = ConnectByList.builder().scheduler(recording).timeout(Duration.ofSeconds(7)).build()) {
      NettyConnector.of(bootstrap(new Seen()), timed).connect(List.of(good)).sync().channel().close().sync();
      assertEquals(Deadline.after(Duration.ofSeconds(7)), seen.poll(5, TimeUnit.SECONDS), "the instance's");
      NettyConnector.of(bootstrap(new Seen()), timed).connect(ConnectRequest.to(List.of(good)).timeout(Duration.ofSeconds(3)))
          .sync().channel().close().sync();
      assertEquals(Deadline.after(Duration.ofSeconds(3)), seen.poll(5, TimeUnit.SECONDS), "the request's own");
    }
  }

  @Test
  void byNameTheAnswersRaceOnTheLoop() throws Exception {
    try (DnsServer dns = DnsServer.start(); ConnectByList named = ConnectByList.builder()
        .resolver("dns(servers=" + dns.serverSpec() + ", hosts=none, timeout=1s)").timeout(Duration.ofSeconds(5)).build()) {
      dns.reply("echo.test", DnsServer.RecordType.A, DnsReply.addresses("127.0.0.1"));
      Seen seen = new Seen();
      Channel ch = NettyConnector.of(bootstrap(seen), named).connect("echo.test", good.getPort()).sync().channel();
      try {
        assertEquals(good, ch.remoteAddress());
        assertEquals(2, ch.attr(NettyConnector.TRACE).get().answers().size(), "AAAA (empty) and A");
        assertEquals(1, seen.active.get());
      } finally {
        ch.close().sync();
      }
    }
  }

  @Test
  void whatTheAdapterCannotTakeIsRefusedWithAReason() throws Exception {
    EventLoopGroup local = new MultiThreadIoEventLoopGroup(1, LocalIoHandler.newFactory());
    try {
      IllegalArgumentException loop = assertThrows(IllegalArgumentException.class, () -> NettyConnector.of(
          new Bootstrap().group(local).channel(NioSocketChannel.class).handler(new Seen()), cbl));
      assertTrue(loop.getMessage().contains("NioIoHandler"), loop.getMessage());
      IllegalArgumentException notTcp = assertThrows(IllegalArgumentException.class, () -> NettyConnector.of(
          new Bootstrap().group(local).channel(LocalChannel.class).handler(new Seen()), cbl));
      assertTrue(notTcp.getMessage().contains("TCP socket channels"), notTcp.getMessage());
    } finally {
      local.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }
    IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
        () -> NettyConnector.of(new Bootstrap().group(group).channel(LocalChannel.class).handler(new Seen()), cbl));
    assertTrue(type.getMessage().contains("NioSocketChannel"), type.getMessage());
    IllegalArgumentException handler = assertThrows(IllegalArgumentException.class,
        () -> NettyConnector.of(new Bootstrap().group(group).channel(NioSocketChannel.class), cbl));
    assertTrue(handler.getMessage().contains("handler"), handler.getMessage());
    assertThrows(IllegalStateException.class, () -> {
      ChannelFuture pending = NettyConnector.of(bootstrap(new Seen()), cbl).connect(List.of(hole()));
      try {
        pending.channel();
      } finally {
        pending.cancel(false);
      }
    }, "no channel before the race is won");
  }
}
