package io.github.connectbylist.examples;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.strategy.happyeyeballs.HappyEyeballsScheduler;

/**
 * Happy Eyeballs' options, given as text and as a typed instance.
 *
 * @param asText a new attempt every 100 ms, two addresses of the first family first
 * @param asInstance at most four attempts in flight, each delay from history
 */
record HappyEyeballsOptions(ConnectByList.Builder asText, ConnectByList.Builder asInstance) {

  static HappyEyeballsOptions both() {
    // snippet:start options
    ConnectByList.Builder asText = ConnectByList.builder().strategy("happy-eyeballs(connection-attempt-delay=100ms, first-address-family-count=2)");
    ConnectByList.Builder asInstance = ConnectByList.builder().scheduler(HappyEyeballsScheduler.builder().maxConcurrentAttempts(4).adaptive(true).build());
    // snippet:end options
    return new HappyEyeballsOptions(asText, asInstance);
  }
}
