package io.github.connectbylist.strategy.rfc6724;

/**
 * A line of a gai.conf file that cannot be read; the message and {@link #lineNumber()} say which, and what was
 * expected there. The message never quotes the line: the file may be one the caller could not read otherwise
 * ({@code gai-conf=/etc/shadow}), and an error message must not show it.
 */
public final class GaiConfException extends IllegalArgumentException {
  /**
   * The 1-based number of the bad line.
   */
  private final int lineNumber;

  GaiConfException(String source, int lineNumber, String why) {
    super(source + " line " + lineNumber + ": " + why);
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
