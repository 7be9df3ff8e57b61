/** Ranker {@code rfc6724}: RFC 6724 source and destination address selection, its policy table and gai.conf. */
module io.github.connectbylist.strategy.rfc6724 {
  requires io.github.connectbylist.api;
  requires static com.google.auto.service;

  exports io.github.connectbylist.strategy.rfc6724;

  provides io.github.connectbylist.api.StrategyProvider
      with io.github.connectbylist.strategy.rfc6724.Rfc6724Provider;
}
