/** Ranker and scheduler {@code sequential}: input order, one attempt at a time, as WSAConnectByList. */
@SuppressWarnings("requires-automatic") // auto-service, at compile time only: it ships no descriptor
module io.github.connectbylist.strategy.sequential {
  requires transitive io.github.connectbylist.api; // its types are in this module's public signatures
  requires static com.google.auto.service;

  exports io.github.connectbylist.strategy.sequential;

  provides io.github.connectbylist.api.StrategyProvider with io.github.connectbylist.strategy.sequential.SequentialProvider;
}
