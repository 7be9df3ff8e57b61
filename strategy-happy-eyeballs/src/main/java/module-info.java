/**
 * Ranker and scheduler {@code happy-eyeballs}: RFC 8305 family interleaving and staggered attempts; and
 * ranker {@code history}: Happy Eyeballs v3's stateful rules over that order.
 */
module io.github.connectbylist.strategy.happyeyeballs {
  requires io.github.connectbylist.api;
  requires transitive io.github.connectbylist.strategy.rfc6724;
  requires static com.google.auto.service;

  exports io.github.connectbylist.strategy.happyeyeballs;

  uses io.github.connectbylist.api.AddressPairRanker.Provider; // the history ranker's base, by name

  provides io.github.connectbylist.api.AddressPairRanker.Provider
      with io.github.connectbylist.strategy.happyeyeballs.HappyEyeballsRankerProvider,
          io.github.connectbylist.strategy.happyeyeballs.HistoryRankerProvider;
  provides io.github.connectbylist.api.AttemptScheduler.Provider
      with io.github.connectbylist.strategy.happyeyeballs.HappyEyeballsSchedulerProvider;
}
