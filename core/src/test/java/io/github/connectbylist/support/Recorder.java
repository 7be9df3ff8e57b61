package io.github.connectbylist.support;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.ConnectListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener that keeps what it hears, and the threads it heard it on. */
public final class Recorder implements ConnectListener {
  public final List<List<AddressPair>> rankings = new CopyOnWriteArrayList<>();
  public final List<AddressPair> started = new CopyOnWriteArrayList<>();
  public final List<Attempt> ended = new CopyOnWriteArrayList<>();
  public final List<String> threads = new CopyOnWriteArrayList<>();

  @Override
  public void connectStarted(List<AddressPair> rankedPairs) {
    rankings.add(rankedPairs);
  }

  @Override
  public void attemptStarted(int index, AddressPair pair, Duration at) {
    started.add(pair);
    threads.add(Thread.currentThread().getName());
  }

  @Override
  public void attemptEnded(Attempt attempt) {
    ended.add(attempt);
  }
}
