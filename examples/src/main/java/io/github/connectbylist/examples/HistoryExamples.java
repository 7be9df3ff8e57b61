package io.github.connectbylist.examples;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.History;
import io.github.connectbylist.strategy.happyeyeballs.HistoryRanker;
import java.time.Duration;
import java.util.List;

/**
 * What an instance remembers across connects, and the ranker that reads it. Close it to close every instance.
 *
 * @param own an instance with its own history, the default
 * @param shared a history for instances that learn together
 * @param learning an instance that learns in {@code shared}
 * @param forgetful an instance that remembers nothing
 */
record HistoryExamples(ConnectByList own, History shared, ConnectByList learning, ConnectByList forgetful)
    implements AutoCloseable {

  static HistoryExamples instances() {
    // snippet:start history
    ConnectByList own = ConnectByList.builder().build();                                    // its own History (the default)
    History shared = History.builder().maxEntries(10_000).expiry(Duration.ofMinutes(30)).build();
    ConnectByList learning = ConnectByList.builder().history(shared).build();               // instances that learn together
    ConnectByList forgetful = ConnectByList.builder().history(History.none()).build();      // every connect starts from nothing
    // snippet:end history
    return new HistoryExamples(own, shared, learning, forgetful);
  }

  /** Ranker {@code history} with its options as text, and over a base ranker of one's own. */
  static List<ConnectByList.Builder> rankers() {
    // snippet:start history-ranker
    ConnectByList.Builder tuned = ConnectByList.builder().strategy("history(rtt-leeway=10ms, explore-every=32)");
    ConnectByList.Builder overMine = ConnectByList.builder().ranker(HistoryRanker.builder().base(new MyRanker()).build());
    // snippet:end history-ranker
    return List.of(tuned, overMine);
  }

  @Override
  public void close() {
    own.close();
    learning.close();
    forgetful.close();
  }
}
