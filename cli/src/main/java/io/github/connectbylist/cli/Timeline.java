package io.github.connectbylist.cli;

import io.github.connectbylist.api.Addresses;
import io.github.connectbylist.api.Answer;
import io.github.connectbylist.api.Attempt;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Prints a connect: the answers of its resolution, if any, then its attempts as a table. */
final class Timeline {
  private Timeline() {}

  static void print(PrintWriter out, List<Attempt> attempts) {
    print(out, List.of(), attempts);
  }

  static void print(PrintWriter out, List<Answer> answers, List<Attempt> attempts) {
    if (!answers.isEmpty()) {
      String host = answers.get(0).host();
      for (Answer a : answers) {
        if (!a.isNat64Discovery()) {
          host = a.host(); // the connect's name: its first answer is its own (a target's follows its record's)
          break;
        }
      }
      out.println("  resolution of " + host + ":");
      for (Answer a : answers) { // a service's target, or the NAT64 discovery, is named
        out.printf(Locale.ROOT, "    %-5s at %8s ms  %s%s%n", a.query(), millis(a.at()),
            a.host().equals(host) ? "" : a.host() + ": ", what(a));
      }
    }
    int width = Math.max(4, attempts.stream().mapToInt(a -> a.pair().toString().length()).max().orElse(4));
    out.printf(Locale.ROOT, "  %-3s %-" + width + "s %10s %10s  %s%n", "#", "pair", "start ms", "end ms", "outcome");
    for (Attempt a : attempts) {
      out.printf(Locale.ROOT, "  %-3s %-" + width + "s %10s %10s  %s%n", a.index() == Attempt.NOT_STARTED ? "-"
          : Integer.toString(a.index()), a.pair(), millis(a.startedAt()), millis(a.endedAt()),
          a.connected() ? "CONNECTED" : a.failure() + " (" + a.error().getMessage() + ")");
    }
  }

  private static String what(Answer a) {
    if (a.failed()) {
      return a.failure() + " (" + a.error().getMessage() + ")";
    }
    if (a.query().isService()) {
      return a.services().isEmpty() ? "no records" : a.services().toString();
    }
    if (a.addresses().isEmpty()) {
      return "no addresses";
    }
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < a.addresses().size(); i++) {
      s.append(i == 0 ? "" : ", ").append(Addresses.text(a.addresses().get(i)));
    }
    return s.toString();
  }

  static String millis(Duration d) {
    return String.format(Locale.ROOT, "%.1f", d.toNanos() / 1e6);
  }
}
