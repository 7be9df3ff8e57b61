package io.github.connectbylist.strategy.rfc6724;

import io.github.connectbylist.api.TextFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The policy table of RFC 6724 section 2.1: longest-prefix lookup of an address's precedence and label,
 * plus the IPv4 scopes of section 3.2. It reads and writes the {@code label}, {@code precedence} and
 * {@code scopev4} lines of glibc's {@code /etc/gai.conf}; as in glibc, any line of a kind replaces the
 * whole default table of that kind.
 */
public final class PolicyTable {
  /** The host's file, read by {@link #host()}. */
  public static final Path HOST_GAI_CONF = Path.of("/etc/gai.conf");

  /**
   * The largest gai.conf read: 1 MiB. glibc's own is under 3 KB; the limit keeps {@code gai-conf=/dev/zero}
   * or a huge file from filling the heap.
   */
  public static final int MAX_GAI_CONF_BYTES = 1 << 20;

  /** One row of a table: a prefix and the precedence, label or scope of the addresses in it. */
  public record Entry(Prefix prefix, int value) {
    /**
     * Checks the value.
     *
     * @param prefix the prefix
     * @param value its precedence, label or scope, not negative
     */
    public Entry {
      Objects.requireNonNull(prefix, "prefix");
      if (value < 0) {
        throw new IllegalArgumentException("value of " + prefix + " is negative: " + value);
      }
    }

    static Entry of(String prefix, int value) {
      return new Entry(Prefix.parse(prefix), value);
    }
  }

  /** Longer prefixes first. A class, not a lambda: the default table is built in a connect's first path. */
  private static final Comparator<Entry> LONGEST_FIRST = new Comparator<>() {
    @Override
    public int compare(Entry a, Entry b) {
      return Integer.compare(b.prefix().length(), a.prefix().length());
    }
  };

  private static final List<Entry> DEFAULT_PRECEDENCE = List.of(
      Entry.of("::1/128", 50), Entry.of("::/0", 40), Entry.of("::ffff:0:0/96", 35), Entry.of("2002::/16", 30),
      Entry.of("2001::/32", 5), Entry.of("fc00::/7", 3), Entry.of("::/96", 1), Entry.of("fec0::/10", 1),
      Entry.of("3ffe::/16", 1));
  private static final List<Entry> DEFAULT_LABELS = List.of(
      Entry.of("::1/128", 0), Entry.of("::/0", 1), Entry.of("::ffff:0:0/96", 4), Entry.of("2002::/16", 2),
      Entry.of("2001::/32", 5), Entry.of("fc00::/7", 13), Entry.of("::/96", 3), Entry.of("fec0::/10", 11),
      Entry.of("3ffe::/16", 12));
  /** Section 3.2: 127/8 and 169.254/16 are link-local in scope, every other IPv4 address global. */
  private static final List<Entry> DEFAULT_SCOPES_V4 = List.of(
      Entry.of("::ffff:169.254.0.0/112", Scope.LINK_LOCAL), Entry.of("::ffff:127.0.0.0/104", Scope.LINK_LOCAL),
      Entry.of("::ffff:0.0.0.0/96", Scope.GLOBAL));

  private static final PolicyTable RFC_6724 = new PolicyTable(DEFAULT_PRECEDENCE, DEFAULT_LABELS, DEFAULT_SCOPES_V4);

  private final List<Entry> precedence;
  private final List<Entry> labels;
  private final List<Entry> scopesV4;
  private final Entry[] precedenceLongestFirst;
  private final Entry[] labelsLongestFirst;
  private final Entry[] scopesV4LongestFirst;

  private PolicyTable(List<Entry> precedence, List<Entry> labels, List<Entry> scopesV4) {
    this.precedence = List.copyOf(precedence);
    this.labels = List.copyOf(labels);
    this.scopesV4 = List.copyOf(scopesV4);
    this.precedenceLongestFirst = longestFirst(this.precedence);
    this.labelsLongestFirst = longestFirst(this.labels);
    this.scopesV4LongestFirst = longestFirst(this.scopesV4);
  }

  /**
   * The default table of RFC 6724 section 2.1.
   *
   * @return the table
   */
  public static PolicyTable rfc6724() {
    return RFC_6724;
  }

  /**
   * A table of your own; {@code scopesV4} entries must be IPv4-mapped prefixes.
   *
   * @param precedence rows of precedence
   * @param labels rows of labels
   * @param scopesV4 rows of IPv4 scopes
   * @return the table
   */
  public static PolicyTable of(List<Entry> precedence, List<Entry> labels, List<Entry> scopesV4) {
    return new PolicyTable(precedence, labels, scopesV4);
  }

  /**
   * The host's table: {@code /etc/gai.conf} where it exists and can be read, else the RFC 6724 default.
   *
   * @return the table
   * @throws GaiConfException when the file has a line that cannot be read
   */
  public static PolicyTable host() {
    if (!Files.isReadable(HOST_GAI_CONF)) {
      return RFC_6724;
    }
    try {
      return fromGaiConf(HOST_GAI_CONF);
    } catch (IOException e) {
      return RFC_6724;
    }
  }

  /**
   * Reads a gai.conf file; see {@link #parseGaiConf(String, String)}.
   *
   * @param file a gai.conf file: a regular file of at most {@link #MAX_GAI_CONF_BYTES}, in UTF-8
   * @return the table
   * @throws IOException in one line naming the file, when it is missing, not a regular file (a device, a
   *     FIFO), larger than the limit, not UTF-8 or not readable
   * @throws GaiConfException naming the line that cannot be read
   */
  public static PolicyTable fromGaiConf(Path file) throws IOException {
    return parseGaiConf(TextFiles.read(file, MAX_GAI_CONF_BYTES), file.toString());
  }

  /**
   * Reads gai.conf text: {@code label PREFIX N}, {@code precedence PREFIX N}, {@code scopev4 PREFIX N}
   * ({@code scopev4} takes {@code ::ffff:a.b.c.d/96+n} or {@code a.b.c.d/n}), {@code reload yes|no}
   * (ignored), and {@code #} comments. Kinds without lines keep the RFC 6724 defaults. Numbers are ASCII
   * digits.
   *
   * @param text the text of a gai.conf file
   * @return the table
   * @param source names the text in error messages, such as the file's path
   * @throws GaiConfException naming the line that cannot be read and what was expected there, without
   *     quoting it
   */
  public static PolicyTable parseGaiConf(String text, String source) {
    List<Entry> precedence = new ArrayList<>();
    List<Entry> labels = new ArrayList<>();
    List<Entry> scopes = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int hash = line.indexOf('#');
      String[] words = (hash < 0 ? line : line.substring(0, hash)).trim().split("\\s+");
      if (words.length == 1 && words[0].isEmpty()) {
        continue;
      }
      String keyword = words[0].toLowerCase(Locale.ROOT);
      if (keyword.equals("reload")) {
        if (words.length != 2 || !(words[1].equals("yes") || words[1].equals("no"))) {
          throw new GaiConfException(source, i + 1, "reload takes yes or no");
        }
        continue;
      }
      List<Entry> target = switch (keyword) {
        case "label" -> labels;
        case "precedence" -> precedence;
        case "scopev4" -> scopes;
        default -> throw new GaiConfException(source, i + 1,
            "unknown keyword; expected label, precedence, scopev4 or reload, or a # comment");
      };
      if (words.length != 3) {
        throw new GaiConfException(source, i + 1, keyword + " takes a prefix and a number, such as '" + keyword
            + (keyword.equals("scopev4") ? " 10.0.0.0/8 5'" : " ::/0 1'"));
      }
      Prefix prefix;
      try {
        prefix = Prefix.read(words[1]);
      } catch (IllegalArgumentException e) {
        throw new GaiConfException(source, i + 1, "the prefix " + e.getMessage());
      }
      if (keyword.equals("scopev4") && !prefix.isIpv4Mapped()) {
        throw new GaiConfException(source, i + 1, "scopev4 takes an IPv4 prefix");
      }
      int value = value(words[2]);
      if (value == NEGATIVE) {
        throw new GaiConfException(source, i + 1, "the value must not be negative: give 0 to " + Integer.MAX_VALUE);
      }
      if (value < 0) {
        throw new GaiConfException(source, i + 1, "the value is not a whole number from 0 to " + Integer.MAX_VALUE);
      }
      target.add(new Entry(prefix, value));
    }
    return new PolicyTable(
        precedence.isEmpty() ? DEFAULT_PRECEDENCE : precedence,
        labels.isEmpty() ? DEFAULT_LABELS : labels,
        scopes.isEmpty() ? DEFAULT_SCOPES_V4 : scopes);
  }

  private static final int NEGATIVE = -2;

  /** The number, {@link #NEGATIVE} for a negative one, or -1 when it is not ASCII digits that fit an int. */
  private static int value(String word) {
    int start = word.startsWith("-") ? 1 : 0;
    if (word.length() == start || word.length() - start > 10) {
      return -1;
    }
    for (int i = start; i < word.length(); i++) {
      if (word.charAt(i) < '0' || word.charAt(i) > '9') {
        return -1;
      }
    }
    long value = Long.parseLong(word.substring(start));
    return value > Integer.MAX_VALUE ? -1 : start == 1 ? (value == 0 ? 0 : NEGATIVE) : (int) value;
  }

  /**
   * The table as gai.conf lines, which {@link #parseGaiConf} reads back to an equal table.
   *
   * @return the text, which {@link #parseGaiConf} reads back
   */
  public String toGaiConf() {
    StringBuilder s = new StringBuilder();
    labels.forEach(e -> s.append("label ").append(e.prefix()).append(' ').append(e.value()).append('\n'));
    precedence.forEach(e -> s.append("precedence ").append(e.prefix()).append(' ').append(e.value()).append('\n'));
    scopesV4.forEach(e -> s.append("scopev4 ").append(e.prefix()).append(' ').append(e.value()).append('\n'));
    return s.toString();
  }

  /**
   * The precedence rows.
   *
   * @return the rows, as given
   */
  public List<Entry> precedenceEntries() {
    return precedence;
  }

  /**
   * The label rows.
   *
   * @return the rows, as given
   */
  public List<Entry> labelEntries() {
    return labels;
  }

  /**
   * The IPv4 scope rows (section 3.2, or scopev4 lines).
   *
   * @return the rows, as given
   */
  public List<Entry> scopeV4Entries() {
    return scopesV4;
  }

  /**
   * The precedence of an address (section 2.1), by longest matching prefix.
   *
   * @param address the address; IPv4 is looked up in mapped form
   * @return the precedence
   */
  public int precedence(InetAddress address) {
    long[] bits = AddressBits.of(address);
    return precedence(bits[0], bits[1]);
  }

  /**
   * The label of an address (section 2.1), by longest matching prefix.
   *
   * @param address the address; IPv4 is looked up in mapped form
   * @return the label
   */
  public int label(InetAddress address) {
    long[] bits = AddressBits.of(address);
    return label(bits[0], bits[1]);
  }

  int precedence(long high, long low) {
    return lookUp(precedenceLongestFirst, high, low, 0);
  }

  int label(long high, long low) {
    return lookUp(labelsLongestFirst, high, low, 0);
  }

  /** The scope of an IPv4 address (in mapped form): section 3.2, or the scopev4 lines. */
  int scopeV4(long high, long low) {
    return lookUp(scopesV4LongestFirst, high, low, Scope.GLOBAL);
  }

  private static int lookUp(Entry[] longestFirst, long high, long low, int otherwise) {
    for (Entry e : longestFirst) {
      if (e.prefix().contains(high, low)) {
        return e.value();
      }
    }
    return otherwise;
  }

  private static Entry[] longestFirst(List<Entry> entries) {
    Entry[] sorted = entries.toArray(new Entry[0]);
    Arrays.sort(sorted, LONGEST_FIRST);
    return sorted;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PolicyTable t && t.precedence.equals(precedence) && t.labels.equals(labels)
        && t.scopesV4.equals(scopesV4);
  }

  @Override
  public int hashCode() {
    return Objects.hash(precedence, labels, scopesV4);
  }

  @Override
  public String toString() {
    return equals(RFC_6724) ? "PolicyTable[RFC 6724 default]" : "PolicyTable[\n" + toGaiConf() + "]";
  }
}
