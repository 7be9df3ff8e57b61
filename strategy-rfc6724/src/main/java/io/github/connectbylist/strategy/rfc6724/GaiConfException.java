package io.github.connectbylist.strategy.rfc6724;

/** A line of a gai.conf file that cannot be read; the message and {@link #lineNumber()} say which. */
public final class GaiConfException extends IllegalArgumentException {
  /**
   * The 1-based number of the bad line.
   */
  private final int lineNumber;

  GaiConfException(String source, int lineNumber, String line, String why) {
    super(source + " line " + lineNumber + ": " + why + ": '" + line.trim() + "'");
    this.lineNumber = lineNumber;
  }

  /**
   * The line, counted from 1.
   *
   * @return the 1-based number of the bad line
   */
  public int lineNumber() {
    return lineNumber;
  }
}
