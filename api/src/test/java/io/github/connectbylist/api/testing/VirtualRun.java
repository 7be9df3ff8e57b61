package io.github.connectbylist.api.testing;

import io.github.connectbylist.api.AttemptScheduler.Schedule;
import io.github.connectbylist.api.Decision;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Runs a schedule against scripted attempt outcomes under a virtual clock, the way the orchestrator runs it
 * against sockets, and returns the exact timeline. No sleeping, no sockets. Shared with the strategy
 * modules' tests through this module's test jar.
 */
public final class VirtualRun {
  /** What an attempt does. */
  public enum Kind { CONNECTS, FAILS, HANGS }

  /** What the n-th started attempt does, and after how long. */
  public record Outcome(Kind kind, long afterNanos) {
    public static Outcome connectsAfter(long ms) {
      return new Outcome(Kind.CONNECTS, ms * 1_000_000);
    }

    public static Outcome failsAfter(long ms) {
      return new Outcome(Kind.FAILS, ms * 1_000_000);
    }

    public static Outcome hangs() {
      return new Outcome(Kind.HANGS, Long.MAX_VALUE);
    }
  }

  /** One attempt as it ran: times in milliseconds; result CONNECTED, FAILED, ENDED (by the schedule) or OPEN. */
  public record Span(int index, double startMs, double endMs, String result) {
    @Override
    public String toString() {
      return "#" + index + " " + startMs + ".." + endMs + " " + result;
    }
  }

  /** The timeline, and how the connect ended: CONNECTED, GAVE_UP, or DEADLINE. */
  public record Result(List<Span> spans, String end, double endMs) {}

  private record Completion(long at, int index) {}

  public static Result run(Schedule schedule, List<Outcome> outcomes, long deadlineMs) {
    return new VirtualRun(schedule, outcomes, deadlineMs * 1_000_000).go();
  }

  private final Schedule schedule;
  private final List<Outcome> outcomes;
  private final long deadline;
  private final PriorityQueue<Completion> completions = new PriorityQueue<>(
      (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Integer.compare(a.index, b.index));
  private final List<long[]> spans = new ArrayList<>();
  private final List<String> results = new ArrayList<>();
  private int running;
  private long wake = Long.MAX_VALUE;
  private String end;
  private long endAt;

  private VirtualRun(Schedule schedule, List<Outcome> outcomes, long deadline) {
    this.schedule = schedule;
    this.outcomes = outcomes;
    this.deadline = deadline;
  }

  private Result go() {
    drive(0);
    while (end == null) {
      Completion next = completions.peek();
      long at = Math.min(Math.min(next == null ? Long.MAX_VALUE : next.at, wake), deadline);
      if (at == Long.MAX_VALUE) {
        throw new AssertionError("the schedule waits for nothing: " + spans());
      }
      if (next != null && next.at == at) {
        completions.poll();
        if (!"OPEN".equals(results.get(next.index))) {
          continue; // ended by the schedule before it could complete
        }
        running--;
        spans.get(next.index)[1] = at;
        if (outcomes.get(next.index).kind() == Kind.CONNECTS) {
          results.set(next.index, "CONNECTED");
          schedule.attemptConnected(next.index, at);
          finish("CONNECTED", at);
        } else {
          results.set(next.index, "FAILED");
          schedule.attemptFailed(next.index, at);
          drive(at);
        }
      } else if (deadline == at) {
        finish("DEADLINE", at); // as in the orchestrator, the deadline is checked before the schedule is asked
      } else {
        wake = Long.MAX_VALUE;
        drive(at);
      }
    }
    List<Span> out = spans();
    return new Result(out, end, endAt / 1e6);
  }

  private void drive(long now) {
    for (int guard = 0; guard < 10_000 && end == null; guard++) {
      Decision d = schedule.next(now);
      if (d instanceof Decision.StartNext) {
        int index = spans.size();
        if (index == outcomes.size()) {
          throw new AssertionError("started more attempts than pairs");
        }
        spans.add(new long[] {now, -1});
        results.add("OPEN");
        running++;
        Outcome o = outcomes.get(index);
        if (o.kind() != Kind.HANGS) {
          completions.add(new Completion(now + o.afterNanos(), index));
        }
      } else if (d instanceof Decision.EndAttempt e) {
        running--;
        spans.get(e.index())[1] = now;
        results.set(e.index(), "ENDED");
        schedule.attemptFailed(e.index(), now);
      } else if (d instanceof Decision.WakeAt w) {
        wake = w.nanos();
        return;
      } else {
        if (running == 0) {
          finish("GAVE_UP", now);
        }
        return;
      }
    }
  }

  private void finish(String how, long at) {
    end = how;
    endAt = at;
  }

  private List<Span> spans() {
    List<Span> out = new ArrayList<>();
    for (int i = 0; i < spans.size(); i++) {
      long[] s = spans.get(i);
      out.add(new Span(i, s[0] / 1e6, s[1] < 0 ? -1 : s[1] / 1e6, results.get(i)));
    }
    return out;
  }
}
