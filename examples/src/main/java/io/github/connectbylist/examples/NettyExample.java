package io.github.connectbylist.examples;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.netty.NettyConnector;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * A Netty client whose {@code Bootstrap} connect is raced by ConnectByList on the Bootstrap's own event loop.
 * Closing it closes the channel, the {@code ConnectByList} and the event loop group.
 *
 * @param channel the winner, with the Bootstrap's handler
 * @param cbl the instance that raced it
 */
record NettyExample(Channel channel, ConnectByList cbl) implements AutoCloseable {

  /** Connects a client with {@code handler} to {@code host} and {@code port}. */
  static NettyExample connect(ChannelHandler handler, String host, int port) throws InterruptedException {
    Bootstrap b = bootstrap(handler);
    // snippet:start netty
    ConnectByList cbl = ConnectByList.builder().build();          // once; close it when the client closes
    NettyConnector connector = NettyConnector.of(b, cbl);
    Channel ch = connector.connect(host, port).sync().channel();   // instead of b.connect(...)
    // snippet:end netty
    return new NettyExample(ch, cbl);
  }

  private static Bootstrap bootstrap(ChannelHandler handler) {
    // snippet:start netty
    // b, as you have it now, on any of:
    Bootstrap b = new Bootstrap().group(new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory())).channel(NioSocketChannel.class);
    // new Bootstrap().group(new MultiThreadIoEventLoopGroup(EpollIoHandler.newFactory())).channel(EpollSocketChannel.class)
    // new Bootstrap().group(new MultiThreadIoEventLoopGroup(IoUringIoHandler.newFactory())).channel(IoUringSocketChannel.class)
    // snippet:end netty
    return b.handler(handler);
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    cbl.close();
    channel.eventLoop().parent().shutdownGracefully().syncUninterruptibly();
  }
}
