/**
 * The connect strategies of widely used clients (OkHttp 5, Go, Node.js, Python asyncio, curl, Chrome,
 * Firefox) as rankers and schedulers, so that they can be compared with each other and with ours on the same
 * networks, in the lab and on real sockets.
 */
@SuppressWarnings("requires-automatic") // auto-service, at compile time only: it ships no descriptor
module io.github.connectbylist.strategy.clients {
  requires transitive io.github.connectbylist.api; // its types are in this module's public signatures
  requires static com.google.auto.service;

  exports io.github.connectbylist.strategy.clients;

  provides io.github.connectbylist.api.StrategyProvider with io.github.connectbylist.strategy.clients.ClientProvider;
}
