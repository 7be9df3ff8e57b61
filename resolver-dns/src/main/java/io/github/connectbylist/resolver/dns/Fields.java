package io.github.connectbylist.resolver.dns;

import java.util.ArrayList;
import java.util.List;

/**
 * The blank-separated fields of a configuration line ({@code hosts(5)}, {@code resolv.conf(5)}): split at runs of
 * the blanks of C's {@code isspace} (space, tab, line feed, vertical tab, form feed, carriage return), as glibc
 * splits them; by hand, not with a regular expression, whose engine a first lookup would load for one split (a
 * few milliseconds in a fresh JVM). Another control character is part of its field, which is then no name.
 */
final class Fields {
  private Fields() {}

  /**
   * The fields of {@code line}, none empty.
   *
   * @param line one line, without its line break
   * @return the fields, in order
   */
  static List<String> of(String line) {
    List<String> fields = new ArrayList<>(4);
    int start = -1;
    for (int i = 0; i <= line.length(); i++) {
      boolean blank = i == line.length() || isSpace(line.charAt(i));
      if (blank && start >= 0) {
        fields.add(line.substring(start, i));
        start = -1;
      } else if (!blank && start < 0) {
        start = i;
      }
    }
    return fields;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
  }
}
