/**
 * Ranker and scheduler {@code happy-eyeballs}: RFC 8305 family interleaving and staggered attempts; and
 * ranker {@code history}: Happy Eyeballs v3's stateful rules over that order, or over any other ranker by name.
 */
module io.github.connectbylist.strategy.happyeyeballs {
  requires io.github.connectbylist.api;
  requires transitive io.github.connectbylist.strategy.rfc6724;
  requires static com.google.auto.service;

  exports io.github.connectbylist.strategy.happyeyeballs;

  provides io.github.connectbylist.api.StrategyProvider
      with io.github.connectbylist.strategy.happyeyeballs.HappyEyeballsProvider;
}
