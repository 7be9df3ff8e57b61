package io.github.connectbylist.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.ConnectFailedException;
import io.github.connectbylist.ConnectRequest;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.testbed.LeakCheck;
import io.github.connectbylist.testbed.Testbed;
import io.github.connectbylist.testbed.ThreadCheck;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A real Netty client and server on Netty's native transports, epoll and io_uring, over loopback: the
 * client's connects go through {@link NettyConnector}, which races the transport's own channels, with
 * black-holed and refusing endpoints from the testbed in the way. A transport the kernel or the machine
 * cannot run is skipped with Netty's reason.
 */
class NativeTransportsTest {
  private static final AttributeKey<String> TAG = AttributeKey.valueOf("native-tag");

  /** A native transport: its loops, its client and server channels, and whether it runs here. */
  enum Native {
    EPOLL(EpollSocketChannel.class, EpollServerSocketChannel.class) {
      @Override
      IoHandlerFactory handlers() {
        return EpollIoHandler.newFactory();
      }

      @Override
      Throwable unavailabilityCause() {
        return Epoll.isAvailable() ? null : Epoll.unavailabilityCause();
      }
    },
    IO_URING(IoUringSocketChannel.class, IoUringServerSocketChannel.class) {
      @Override
      IoHandlerFactory handlers() {
        return IoUringIoHandler.newFactory();
      }

      @Override
      Throwable unavailabilityCause() {
        return IoUring.isAvailable() ? null : IoUring.unavailabilityCause();
      }
    };

    final Class<? extends Channel> client;
    final Class<? extends ServerChannel> server;

    Native(Class<? extends Channel> client, Class<? extends ServerChannel> server) {
      this.client = client;
      this.server = server;
    }

    abstract IoHandlerFactory handlers();

    /** Null when the transport runs here. */
    abstract Throwable unavailabilityCause();
  }

  private Native transport;
  private LeakCheck leaks;
  private ThreadCheck threads;
  private EventLoopGroup group;
  private EchoServer server;
  private Testbed testbed;
  private InetSocketAddress good;
  private ConnectByList cbl;

  /** Loads the native libraries once, before any descriptor is counted. */
  @BeforeAll
  static void loadTheNativeLibraries() {
    for (Native n : Native.values()) {
      n.unavailabilityCause();
    }
  }

  /** Starts an echo server (or one that greets first) and the client's group, on {@code n}; skips where it cannot run. */
  private void start(Native n, boolean greetFirst) throws Exception {
    Throwable why = n.unavailabilityCause();
    Assumptions.assumeTrue(why == null, () -> n + " is not available here: " + why);
    transport = n;
    threads = ThreadCheck.start();
    leaks = LeakCheck.start();
    group = new MultiThreadIoEventLoopGroup(1, n.handlers());
    server = EchoServer.start(group, n.server, greetFirst);
    good = server.address();
    testbed = new Testbed();
    cbl = ConnectByList.builder().timeout(Duration.ofSeconds(5)).build();
  }

  @AfterEach
  void stop() throws Exception {
    if (transport == null) {
      return; // skipped
    }
    cbl.close();
    server.close();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    testbed.close();
    leaks.assertNoneOpen();
    threads.assertNoneLeft();
  }

  private Bootstrap bootstrap(ChannelHandler handler) {
    return new Bootstrap().group(group).channel(transport.client).handler(handler);
  }

  /** An initializer that adds {@code seen} and counts the pipelines it initialised, over every channel. */
  private static ChannelInitializer<Channel> counting(AtomicInteger pipelines, ChannelHandler seen) {
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(Channel ch) {
        pipelines.incrementAndGet();
        ch.pipeline().addLast(seen);
      }
    };
  }

  private InetSocketAddress hole() throws Exception {
    return Testbed.ipv6LoopbackAvailable() ? testbed.blackHoled("::1", good.getPort()).address()
        : testbed.blackHoled("127.0.0.5", good.getPort()).address();
  }

  @ParameterizedTest
  @EnumSource(Native.class)
  void pastABlackHoleAfterOneDelayTheWinnerEchoesAndOnlyItsPipelineSeesTheHandlerOnce(Native n) throws Exception {
    start(n, false);
    Seen seen = new Seen();
    AtomicInteger pipelines = new AtomicInteger();
    NettyConnector connector = NettyConnector.of(bootstrap(counting(pipelines, seen))
        .option(ChannelOption.TCP_NODELAY, true).attr(TAG, "mine"), cbl);
    long start = System.nanoTime();
    Channel ch = connector.connect(List.of(hole(), good)).sync().channel();
    long millis = (System.nanoTime() - start) / 1_000_000;
    try {
      assertTrue(millis >= 240 && millis < 2000, "one connection attempt delay, then the good address: " + millis + " ms");
      assertInstanceOf(n.client, ch, "the transport's own channel");
      assertEquals(good, ch.remoteAddress());
      assertTrue(ch.isActive());
      ch.writeAndFlush(Unpooled.copiedBuffer("hello", StandardCharsets.US_ASCII)).sync();
      assertEquals("hello", seen.read.get(5, TimeUnit.SECONDS));
      assertEquals(1, pipelines.get(), "one pipeline initialised: the loser (the black hole) never had the handler");
      assertEquals(1, seen.added.get());
      assertEquals(1, seen.registered.get(), "exactly one channelRegistered");
      assertEquals(1, seen.active.get(), "exactly one channelActive");
      assertEquals("mine", ch.attr(TAG).get(), "the Bootstrap's attributes");
      assertEquals(Boolean.TRUE, ch.config().getOption(ChannelOption.TCP_NODELAY), "the Bootstrap's options");
      assertTrue(ch.config().isAutoRead(), "reading as the Bootstrap says, once the handler is there");
      assertEquals(30_000, ch.config().getConnectTimeoutMillis(), "Netty's default back, once the race is over");
      RaceTrace trace = ch.attr(NettyConnector.TRACE).get();
      assertEquals(2, trace.attempts().size(), "the black hole lost the race: " + trace.attempts());
      assertEquals(FailureKind.CANCELLED, trace.attempts().get(0).failure());
      assertTrue(trace.winner().connected());
    } finally {
      ch.close().sync();
    }
  }

  @ParameterizedTest
  @EnumSource(Native.class)
  void aServerThatSpeaksFirstLosesNoByteBeforeTheHandlerIsThere(Native n) throws Exception {
    start(n, true);
    Seen seen = new Seen();
    Channel ch = NettyConnector.of(bootstrap(counting(new AtomicInteger(), seen)), cbl)
        .connect(List.of(good)).sync().channel();
    try {
      assertEquals("220 hello", seen.read.get(5, TimeUnit.SECONDS));
      assertEquals(1, seen.active.get());
    } finally {
      ch.close().sync();
    }
  }

  @ParameterizedTest
  @EnumSource(Native.class)
  void aHandlerThatTurnsAutoReadOffKeepsItOffAndSeesTheBootstrapsOptions(Native n) throws Exception {
    start(n, true);
    java.util.concurrent.CompletableFuture<String> seenInActive = new java.util.concurrent.CompletableFuture<>();
    ChannelInboundHandlerAdapter backpressure = new ChannelInboundHandlerAdapter() {
      @Override
      public void channelActive(ChannelHandlerContext ctx) {
        seenInActive.complete(ctx.channel().config().isAutoRead() + " " + ctx.channel().config().getConnectTimeoutMillis());
        ctx.channel().config().setAutoRead(false); // a proxy's back-pressure: read only when asked
        ctx.fireChannelActive();
      }
    };
    Channel ch = NettyConnector.of(bootstrap(backpressure).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 7_000), cbl)
        .connect(List.of(good)).sync().channel();
    try {
      assertEquals("true 7000", seenInActive.get(5, TimeUnit.SECONDS), "the handler sees the Bootstrap's options, not the race's");
      Thread.sleep(100);
      assertFalse(ch.config().isAutoRead(), "what the handler set stays set");
    } finally {
      ch.close().sync();
    }
  }

  @ParameterizedTest
  @EnumSource(Native.class)
  void aCancelledConnectLeavesNothingOpenAndNoHandlerSawIt(Native n) throws Exception {
    start(n, false);
    AtomicInteger pipelines = new AtomicInteger();
    ChannelFuture f = NettyConnector.of(bootstrap(counting(pipelines, new Seen())), cbl).connect(List.of(hole()));
    Thread.sleep(100);
    assertTrue(f.cancel(false));
    assertTrue(f.isCancelled());
    assertFalse(f.channel().isOpen(), "a closed placeholder, as CLOSE_ON_FAILURE expects");
    assertEquals(0, pipelines.get());
    // stop() waits for the attempt's descriptor to be gone, and for no thread to be left
  }

  @ParameterizedTest
  @EnumSource(Native.class)
  void twoThousandConnectsLeakNothingAndRunOnNettysLoopAlone(Native n) throws Exception {
    start(n, false);
    AtomicInteger pipelines = new AtomicInteger();
    NettyConnector connector = NettyConnector.of(bootstrap(counting(pipelines, new ChannelInboundHandlerAdapter() {
      @Override
      public boolean isSharable() {
        return true;
      }
    })), cbl);
    for (int i = 0; i < 2000; i++) {
      Channel ch = connector.connect(List.of(good)).sync().channel();
      ch.close().sync();
    }
    assertEquals(2000, pipelines.get());
    assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("connectbylist")),
        "the race ran on Netty's loop: no thread of ConnectByList's started");
  }

  @ParameterizedTest
  @EnumSource(Native.class)
  void failuresKeepTheirKindsRefusedAndTimedOut(Native n) throws Exception {
    start(n, false);
    NettyConnector connector = NettyConnector.of(bootstrap(new Seen()), cbl);
    ChannelFuture refused = connector.connect(List.of(testbed.refusing("127.0.0.2").address())).await();
    ConnectFailedException r = assertInstanceOf(ConnectFailedException.class, refused.cause());
    assertEquals(FailureKind.REFUSED, r.kind());
    assertEquals(FailureKind.REFUSED, r.attempts().get(0).failure());
    ChannelFuture late = connector.connect(ConnectRequest.to(List.of(hole())).timeout(Duration.ofMillis(300))).await();
    ConnectFailedException t = assertInstanceOf(ConnectFailedException.class, late.cause());
    assertEquals(FailureKind.TIMED_OUT, t.kind());
    assertFalse(late.channel().isActive());
  }
}
