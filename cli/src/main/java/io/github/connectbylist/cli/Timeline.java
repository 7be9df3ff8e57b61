package io.github.connectbylist.cli;

import io.github.connectbylist.api.Attempt;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Prints the attempts of a connect as a table: pair, start, end, outcome. */
final class Timeline {
  private Timeline() {}

  static void print(PrintWriter out, List<Attempt> attempts) {
    int width = Math.max(4, attempts.stream().mapToInt(a -> a.pair().toString().length()).max().orElse(4));
    out.printf(Locale.ROOT, "  %-3s %-" + width + "s %10s %10s  %s%n", "#", "pair", "start ms", "end ms", "outcome");
    for (Attempt a : attempts) {
      out.printf(Locale.ROOT, "  %-3d %-" + width + "s %10s %10s  %s%n", a.index(), a.pair(), millis(a.startedAt()),
          millis(a.endedAt()), a.connected() ? "CONNECTED" : a.failure() + " (" + a.error().getMessage() + ")");
    }
  }

  static String millis(Duration d) {
    return String.format(Locale.ROOT, "%.1f", d.toNanos() / 1e6);
  }
}
