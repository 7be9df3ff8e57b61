package io.github.connectbylist.internal;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.FailureKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The attempts of one connect as its caller sees them: every attempt in start order, with the destinations
 * the policy denied placed where they were denied in time.
 */
final class Trace {
  private final List<Attempt> denied = new ArrayList<>();

  /** Records a denied destination at {@code nowNanos}; returns its record, an attempt that never started. */
  Attempt denied(ConnectPlan.Denied d, long nowNanos) {
    Duration now = Duration.ofNanos(nowNanos);
    Attempt a = new Attempt(Attempt.NOT_STARTED, AddressPair.toDestination(d.destination()), now, now,
        FailureKind.DENIED, Failures.madeUp(d.reason()));
    denied.add(a);
    return a;
  }

  boolean anyDenied() {
    return !denied.isEmpty();
  }

  /** The attempts of {@code slots} that ended, in start order, with the denied ones merged in by time. */
  List<Attempt> attempts(Slots<?> slots) {
    List<Attempt> list = new ArrayList<>(slots.started() + denied.size());
    int d = 0;
    for (int i = 0; i < slots.started(); i++) {
      Attempt a = slots.attempt(i).attempt;
      if (a != null) {
        while (d < denied.size() && denied.get(d).startedAt().compareTo(a.startedAt()) <= 0) {
          list.add(denied.get(d++));
        }
        list.add(a);
      }
    }
    while (d < denied.size()) {
      list.add(denied.get(d++));
    }
    return list;
  }
}
