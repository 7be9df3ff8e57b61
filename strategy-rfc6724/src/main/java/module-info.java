/** Ranker {@code rfc6724}: RFC 6724 source and destination address selection, its policy table and gai.conf. */
// requires-automatic: auto-service, at compile time only, ships no descriptor; module: the name is the RFC's number
@SuppressWarnings({"requires-automatic", "module"})
module io.github.connectbylist.strategy.rfc6724 {
  requires transitive io.github.connectbylist.api; // its types are in this module's public signatures
  requires static com.google.auto.service;

  exports io.github.connectbylist.strategy.rfc6724;

  provides io.github.connectbylist.api.StrategyProvider
      with io.github.connectbylist.strategy.rfc6724.Rfc6724Provider;
}
