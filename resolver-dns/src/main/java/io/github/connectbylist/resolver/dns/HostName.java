package io.github.connectbylist.resolver.dns;

import java.util.Locale;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * A host name as this resolver takes it: ASCII letters, digits, hyphens and underscores in labels of 1 to 63
 * characters, a hyphen neither first nor last in a label, 253 characters at most, one trailing dot allowed
 * (RFC 1123 section 2.1, RFC 1035 section 2.3.4; underscores as real zones have them). An internationalized
 * name is given in its ASCII form ({@code xn--...}, RFC 5891). dnsjava would send any character, escaped; a
 * name with a space, a control character or a non-ASCII letter is refused here before a query is sent.
 */
final class HostName {
  private HostName() {}

  /**
   * Whether {@code text} is a host name as described above.
   *
   * @param text the name
   * @return {@code true} when it is
   */
  static boolean isValid(String text) {
    String name = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    if (name.isEmpty() || name.length() > 253) {
      return false;
    }
    int labelStart = 0;
    for (int i = 0; i <= name.length(); i++) {
      if (i == name.length() || name.charAt(i) == '.') {
        int length = i - labelStart;
        if (length < 1 || length > 63 || name.charAt(labelStart) == '-' || name.charAt(i - 1) == '-') {
          return false;
        }
        labelStart = i + 1;
        continue;
      }
      char c = name.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /**
   * The name in the form hosts files and the cache are keyed by: lower case, without the trailing dot.
   *
   * @param valid a name for which {@link #isValid} holds
   * @return the key
   */
  static String key(String valid) {
    String lower = valid.toLowerCase(Locale.ROOT); // ASCII only, so ROOT is exact
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  /**
   * Why {@code text} is refused.
   *
   * @param text a name for which {@link #isValid} does not hold
   * @return the message
   */
  static String notAHostName(String text) {
    return "'" + text + "' is not an ASCII host name (letters, digits, '-', '_' in labels of 1 to 63; an"
        + " internationalized name in its xn-- form)";
  }

  /**
   * The absolute DNS name of {@code text}: no search domains are appended.
   *
   * @param text a host name
   * @return the name
   * @throws IllegalArgumentException saying why when {@code text} is not a host name as described above
   */
  static Name parse(String text) {
    if (text == null || !isValid(text)) {
      throw new IllegalArgumentException(notAHostName(text));
    }
    try {
      return Name.fromString(key(text) + ".");
    } catch (TextParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a host name: " + e.getMessage(), e);
    }
  }
}
