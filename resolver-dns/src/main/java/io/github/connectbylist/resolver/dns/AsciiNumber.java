package io.github.connectbylist.resolver.dns;

/**
 * A whole number written in ASCII digits only. {@code Integer.parseInt} takes any Unicode digit (full-width
 * {@code ５３} is 53) and a sign; an option, a port or a file read by this module takes neither.
 */
final class AsciiNumber {
  private AsciiNumber() {}

  /**
   * Reads {@code text} as a number from {@code min} to {@code max}.
   *
   * @param text the digits
   * @param min the smallest value taken
   * @param max the largest value taken
   * @return the value, or -1 when {@code text} is not one to nine ASCII digits within the bounds
   */
  static int parse(String text, int min, int max) {
    if (text.isEmpty() || text.length() > 9) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value < min || value > max ? -1 : value;
  }
}
