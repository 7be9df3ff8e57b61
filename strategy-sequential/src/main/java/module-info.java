/** Ranker and scheduler {@code sequential}: input order, one attempt at a time, as WSAConnectByList. */
module io.github.connectbylist.strategy.sequential {
  requires io.github.connectbylist.api;
  requires static com.google.auto.service;

  exports io.github.connectbylist.strategy.sequential;

  provides io.github.connectbylist.api.StrategyProvider with io.github.connectbylist.strategy.sequential.SequentialProvider;
}
