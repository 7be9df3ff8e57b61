package io.github.connectbylist.internal;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.FailureKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The attempts of one connect as its caller sees them: every attempt in start order, with the destinations
 * the policy denied placed where they were denied in time.
 */
final class Trace {
  private List<Attempt> denied = List.of(); // made at the first denial: most connects have none

  /** Records a denied destination at {@code nowNanos}; returns its record, an attempt that never started. */
  Attempt denied(ConnectPlan.Denied d, long nowNanos) {
    Duration now = Duration.ofNanos(nowNanos);
    Attempt a = new Attempt(Attempt.NOT_STARTED, AddressPair.toDestination(d.destination()), now, now,
        FailureKind.DENIED, Failures.madeUp(d.reason()));
    if (!(denied instanceof ArrayList)) {
      denied = new ArrayList<>();
    }
    denied.add(a);
    return a;
  }

  boolean anyDenied() {
    return !denied.isEmpty();
  }

  /** The attempts of {@code slots} that ended, in start order, with the denied ones merged in by time. */
  List<Attempt> attempts(Slots<?> slots) {
    if (denied.isEmpty() && slots.started() == 1) { // the common case: one attempt, nothing denied
      Attempt a = slots.attempt(0).attempt;
      return a == null ? List.of() : List.of(a);
    }
    Attempt[] list = new Attempt[slots.started() + denied.size()];
    int n = 0;
    int d = 0;
    for (int i = 0; i < slots.started(); i++) {
      Attempt a = slots.attempt(i).attempt;
      if (a != null) {
        while (d < denied.size() && denied.get(d).startedAt().compareTo(a.startedAt()) <= 0) {
          list[n++] = denied.get(d++);
        }
        list[n++] = a;
      }
    }
    while (d < denied.size()) {
      list[n++] = denied.get(d++);
    }
    // immutable, so that the Connection and the exception keep it without a copy
    return List.of(n == list.length ? list : Arrays.copyOf(list, n));
  }
}
