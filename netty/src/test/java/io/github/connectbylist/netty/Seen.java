package io.github.connectbylist.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a client's handler saw, for the adapter's tests on every transport: how often it was added, registered and
 * made active (once each, on the winner alone), and the first bytes it read. One instance per connected channel.
 */
final class Seen extends ChannelInboundHandlerAdapter {
  final AtomicInteger added = new AtomicInteger();
  final AtomicInteger registered = new AtomicInteger();
  final AtomicInteger active = new AtomicInteger();
  final CompletableFuture<String> read = new CompletableFuture<>();

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    added.incrementAndGet();
  }

  @Override
  public void channelRegistered(ChannelHandlerContext ctx) {
    registered.incrementAndGet();
    ctx.fireChannelRegistered();
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    active.incrementAndGet();
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    read.complete(((ByteBuf) msg).toString(StandardCharsets.US_ASCII));
    ((ByteBuf) msg).release();
  }
}
