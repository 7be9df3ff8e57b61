package io.github.connectbylist.internal;

import io.github.connectbylist.api.StrategyOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A strategy named in text: {@code name} or {@code name(key=value, key=value)}, as users write it in code,
 * on the command line and in the system property {@code connectbylist.strategy}.
 *
 * @param name the provider's name
 * @param options the options, in the order written
 */
public record StrategySpec(String name, StrategyOptions options) {

  public static StrategySpec parse(String text) {
    Objects.requireNonNull(text, "strategy");
    String s = text.trim();
    int open = s.indexOf('(');
    if (open < 0) {
      requireName(s, text);
      return new StrategySpec(s, StrategyOptions.empty());
    }
    if (!s.endsWith(")")) {
      throw new IllegalArgumentException("strategy '" + text + "' opens '(' but does not end with ')'");
    }
    String name = s.substring(0, open).trim();
    requireName(name, text);
    String body = s.substring(open + 1, s.length() - 1).trim();
    Map<String, String> options = new LinkedHashMap<>();
    if (!body.isEmpty()) {
      for (String part : body.split(",")) {
        int eq = part.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException(
              "strategy '" + text + "': option '" + part.trim() + "' is not written key=value");
        }
        String key = part.substring(0, eq).trim();
        if (options.put(key, part.substring(eq + 1).trim()) != null) {
          throw new IllegalArgumentException("strategy '" + text + "' gives option " + key + " twice");
        }
      }
    }
    return new StrategySpec(name, StrategyOptions.of(options));
  }

  private static void requireName(String name, String text) {
    if (!isName(name)) {
      throw new IllegalArgumentException("strategy '" + text + "' does not start with a name such as sequential");
    }
  }

  /** A letter or digit, then letters, digits, dots, dashes and underscores (by hand: no regex on a first path). */
  private static boolean isName(String name) {
    if (name.isEmpty() || !isLetterOrDigit(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isLetterOrDigit(c) && c != '.' && c != '_' && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  @Override
  public String toString() {
    return options.isEmpty() ? name : name + "(" + options + ")";
  }
}
