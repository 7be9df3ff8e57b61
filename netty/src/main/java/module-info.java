/**
 * ConnectByList for Netty: a configured {@code Bootstrap}'s connect raced with ConnectByList's strategies on
 * Netty's own NIO event loop; only the winner becomes a Netty channel, and its pipeline is initialised once.
 */
module io.github.connectbylist.netty {
  requires transitive io.github.connectbylist.core;
  requires transitive io.netty.transport;
  requires io.netty.common;

  exports io.github.connectbylist.netty;
}
