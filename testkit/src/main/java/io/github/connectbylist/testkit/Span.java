package io.github.connectbylist.testkit;

/**
 * One attempt as it ran, in milliseconds since the connect started.
 *
 * @param index the attempt's place in start order
 * @param startMs when it started
 * @param endMs when it connected, failed, or was closed
 * @param outcome {@code CONNECTED}, or the kind it ended with: {@code REFUSED} as scripted, {@code TIMED_OUT}
 *     when the schedule or the deadline ended it, {@code CANCELLED} when another attempt won
 */
public record Span(int index, double startMs, double endMs, String outcome) {

  @Override
  public String toString() {
    return "#" + index + " " + startMs + ".." + endMs + " " + outcome;
  }
}
