/**
 * Ranker and scheduler {@code happy-eyeballs}: RFC 8305 family interleaving and staggered attempts; and
 * ranker {@code history}: Happy Eyeballs v3's stateful rules over that order, or over any other ranker by name.
 */
@SuppressWarnings("requires-automatic") // auto-service, at compile time only: it ships no descriptor
module io.github.connectbylist.strategy.happyeyeballs {
  requires transitive io.github.connectbylist.api; // its types are in this module's public signatures
  requires transitive io.github.connectbylist.strategy.rfc6724;
  requires static com.google.auto.service;

  exports io.github.connectbylist.strategy.happyeyeballs;

  provides io.github.connectbylist.api.StrategyProvider
      with io.github.connectbylist.strategy.happyeyeballs.HappyEyeballsProvider;
}
