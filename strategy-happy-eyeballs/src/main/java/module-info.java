/** Ranker and scheduler {@code happy-eyeballs}: RFC 8305 family interleaving and staggered attempts. */
module io.github.connectbylist.strategy.happyeyeballs {
  requires io.github.connectbylist.api;
  requires transitive io.github.connectbylist.strategy.rfc6724;
  requires static com.google.auto.service;

  exports io.github.connectbylist.strategy.happyeyeballs;

  provides io.github.connectbylist.api.AddressPairRanker.Provider
      with io.github.connectbylist.strategy.happyeyeballs.HappyEyeballsRankerProvider;
  provides io.github.connectbylist.api.AttemptScheduler.Provider
      with io.github.connectbylist.strategy.happyeyeballs.HappyEyeballsSchedulerProvider;
}
