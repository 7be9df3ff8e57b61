package io.github.connectbylist.cli;

import io.github.connectbylist.api.StrategyOptions;

/**
 * Reads the whole number of a command-line option ({@code --runs}, {@code --threads}, ...) as the rest of the
 * project does ({@link StrategyOptions#readWhole}): ASCII digits only, nothing rounded or wrapped, within the
 * option's range. Picocli's own {@code int} reading takes full-width digits and says "is not an int"; this says
 * what the option allows: {@code --runs 0 is out of range: give a whole number from 1 to 1000000}.
 */
final class WholeOption {
  private WholeOption() {}

  /**
   * @param option the option's name, such as {@code --runs}
   * @param text what the user gave
   * @param min the least allowed
   * @param max the greatest allowed
   * @return the number
   * @throws BadInput naming the option, the text and the range
   */
  static long read(String option, String text, long min, long max) {
    return read(option, text, min, max, "from " + min + " to " + max);
  }

  /**
   * @param range what the option takes, after "a whole number": {@code from 1 to 1000000}, {@code of 0 (one per
   *     core) or more, up to 1024}
   * @throws BadInput naming the option, the text and {@code range}
   */
  static long read(String option, String text, long min, long max, String range) {
    String subject = option + " " + text;
    long value;
    try {
      value = StrategyOptions.readWhole(subject, text, Long.MIN_VALUE, Long.MAX_VALUE); // ASCII, no coercion
    } catch (IllegalArgumentException e) {
      throw new BadInput(subject + (text.trim().matches("-?[0-9]+") ? " is out of range: give a whole number "
          : " is not a whole number: give one ") + range);
    }
    if (value < 0 && min == 0) {
      throw new BadInput(subject + " must not be negative: give a whole number " + range);
    }
    if (value < min || value > max) {
      throw new BadInput(subject + " is out of range: give a whole number " + range);
    }
    return value;
  }
}
