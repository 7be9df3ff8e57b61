/**
 * The connect strategies of widely used clients (OkHttp 5, Go, Node.js, Python asyncio, curl, Chrome,
 * Firefox) as rankers and schedulers, so that they can be compared with each other and with ours on the same
 * networks, in the lab and on real sockets.
 */
module io.github.connectbylist.strategy.clients {
  requires io.github.connectbylist.api;
  requires static com.google.auto.service;

  exports io.github.connectbylist.strategy.clients;

  provides io.github.connectbylist.api.AddressPairRanker.Provider
      with io.github.connectbylist.strategy.clients.ClientRankerProvider.OkHttp,
          io.github.connectbylist.strategy.clients.ClientRankerProvider.Go,
          io.github.connectbylist.strategy.clients.ClientRankerProvider.Node,
          io.github.connectbylist.strategy.clients.ClientRankerProvider.Asyncio,
          io.github.connectbylist.strategy.clients.ClientRankerProvider.Curl,
          io.github.connectbylist.strategy.clients.ClientRankerProvider.Curl788,
          io.github.connectbylist.strategy.clients.ClientRankerProvider.Chrome,
          io.github.connectbylist.strategy.clients.ClientRankerProvider.Firefox;
  provides io.github.connectbylist.api.AttemptScheduler.Provider
      with io.github.connectbylist.strategy.clients.ClientSchedulerProvider.OkHttp,
          io.github.connectbylist.strategy.clients.ClientSchedulerProvider.Go,
          io.github.connectbylist.strategy.clients.ClientSchedulerProvider.Node,
          io.github.connectbylist.strategy.clients.ClientSchedulerProvider.Asyncio,
          io.github.connectbylist.strategy.clients.ClientSchedulerProvider.Curl,
          io.github.connectbylist.strategy.clients.ClientSchedulerProvider.Curl788,
          io.github.connectbylist.strategy.clients.ClientSchedulerProvider.Chrome,
          io.github.connectbylist.strategy.clients.ClientSchedulerProvider.Firefox;
}
