package io.github.connectbylist.internal;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.Answer;
import io.github.connectbylist.api.AttemptScheduler.Schedule;
import io.github.connectbylist.api.Decision;
import io.github.connectbylist.api.FailureKind;

/**
 * Takes over when a strategy's schedule throws, so that a broken scheduler costs speed, not the
 * connection: it waits for the running attempts, then tries the rest one at a time.
 */
final class FallbackSchedule implements Schedule {
  private int pairCount;
  private int started;
  private int running;

  FallbackSchedule(int pairCount, int started, int running) {
    this.pairCount = pairCount;
    this.started = started;
    this.running = running;
  }

  @Override
  public Decision next(long nowNanos) {
    if (running > 0 || started == pairCount) {
      return Decision.awaitAttemptEnd();
    }
    started++;
    running++;
    return Decision.startNext();
  }

  @Override
  public void attemptFailed(int index, FailureKind kind, long nowNanos) {
    running = Math.max(0, running - 1);
  }

  @Override
  public void answered(Answer answer, java.util.List<AddressPair> rankedPairs, long nowNanos) {
    pairCount = rankedPairs.size();
  }

  @Override
  public String toString() {
    return "fallback(one at a time)";
  }
}
