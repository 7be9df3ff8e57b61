package io.github.connectbylist.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The adapter's tests' server on {@code 127.0.0.1}: echoes what it reads, and greets first ({@code "220 hello"})
 * when asked, on any transport. Closing it closes the accepted channels too, while the loop still runs: the
 * server's side of a connection the client closed may not have read its EOF yet, and a loop shut down with it open
 * leaves its socket in CLOSE_WAIT.
 */
final class EchoServer implements AutoCloseable {
  private final Channel channel;
  private final ChannelGroup accepted;

  private EchoServer(Channel channel, ChannelGroup accepted) {
    this.channel = channel;
    this.accepted = accepted;
  }

  static EchoServer start(EventLoopGroup group, Class<? extends ServerChannel> type, boolean greetFirst)
      throws InterruptedException {
    ChannelGroup accepted = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    Channel server = new ServerBootstrap().group(group).channel(type)
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            accepted.add(ch);
            ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
              @Override
              public void channelActive(ChannelHandlerContext ctx) {
                if (greetFirst) {
                  ctx.writeAndFlush(Unpooled.copiedBuffer("220 hello", StandardCharsets.US_ASCII));
                }
                ctx.fireChannelActive();
              }

              @Override
              public void channelRead(ChannelHandlerContext ctx, Object msg) {
                ctx.writeAndFlush(msg); // echo
              }
            });
          }
        }).bind("127.0.0.1", 0).sync().channel();
    return new EchoServer(server, accepted);
  }

  InetSocketAddress address() {
    return (InetSocketAddress) channel.localAddress();
  }

  @Override
  public void close() throws InterruptedException {
    channel.close().sync();
    accepted.close().sync();
  }
}
