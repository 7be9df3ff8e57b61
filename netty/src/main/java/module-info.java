/**
 * ConnectByList for Netty: a configured {@code Bootstrap}'s connect raced with ConnectByList's strategies on
 * Netty's own event loop, NIO, epoll or io_uring; only the winner gets the Bootstrap's handler, once.
 */
module io.github.connectbylist.netty {
  requires transitive io.github.connectbylist.core;
  requires transitive io.netty.transport;
  requires transitive io.netty.common; // AttributeKey is in NettyConnector's signatures

  exports io.github.connectbylist.netty;
}
