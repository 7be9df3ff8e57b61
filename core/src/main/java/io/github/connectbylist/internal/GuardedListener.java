package io.github.connectbylist.internal;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.Answer;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.ConnectListener;
import java.time.Duration;
import java.util.List;

/**
 * Reports and swallows what a user's listener throws, an {@link Error} included, so that a broken listener
 * cannot break a connect: a listener observes, and what it throws changes nothing of the connect's outcome
 * (a {@linkplain Fatal fatal} error excepted, which stops the event loop).
 */
public final class GuardedListener implements ConnectListener {
  private final ConnectListener delegate;

  private GuardedListener(ConnectListener delegate) {
    this.delegate = delegate;
  }

  public static ConnectListener wrap(ConnectListener listener) {
    return listener == ConnectListener.NONE || listener instanceof GuardedListener
        ? listener : new GuardedListener(listener);
  }

  @Override
  public void connectStarted(List<AddressPair> rankedPairs) {
    try {
      delegate.connectStarted(rankedPairs);
    } catch (Throwable e) {
      report("connectStarted", e);
    }
  }

  @Override
  public void answered(Answer answer, List<AddressPair> rankedPairs) {
    try {
      delegate.answered(answer, rankedPairs);
    } catch (Throwable e) {
      report("answered", e);
    }
  }

  @Override
  public void attemptStarted(int index, AddressPair pair, Duration at) {
    try {
      delegate.attemptStarted(index, pair, at);
    } catch (Throwable e) {
      report("attemptStarted", e);
    }
  }

  @Override
  public void attemptEnded(Attempt attempt) {
    try {
      delegate.attemptEnded(attempt);
    } catch (Throwable e) {
      report("attemptEnded", e);
    }
  }

  @Override
  public void connectEnded(List<Attempt> attempts, Attempt winner, Duration elapsed) {
    try {
      delegate.connectEnded(attempts, winner, elapsed);
    } catch (Throwable e) {
      report("connectEnded", e);
    }
  }

  private static void report(String method, Throwable e) {
    Fatal.rethrowIfFatal(e);
    Log.warning("a ConnectListener threw from " + method + "; the connect goes on", e);
  }
}
