package io.github.connectbylist.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.netty.NettyConnector;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The Netty client connects, raced, and its handler sees the winner become active once. */
class NettyExampleTest {

  @Test
  void theBootstrapsHandlerGetsTheWinner() throws Exception {
    try (Loopback loopback = new Loopback()) {
      InetSocketAddress good = loopback.testbed.accepting("127.0.0.1").address();
      AtomicInteger active = new AtomicInteger();
      ChannelInboundHandlerAdapter handler = new ChannelInboundHandlerAdapter() {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
          active.incrementAndGet();
          ctx.fireChannelActive();
        }
      };
      try (NettyExample client = NettyExample.connect(handler, "127.0.0.1", good.getPort())) {
        assertEquals(good, client.channel().remoteAddress());
        assertEquals(1, active.get());
        assertTrue(client.channel().hasAttr(NettyConnector.TRACE), "the race's trace is on the winner");
      }
    }
  }
}
