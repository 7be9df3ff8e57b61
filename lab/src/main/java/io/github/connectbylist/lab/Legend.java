package io.github.connectbylist.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A chart's legend, and the note under it that names the lines lying on top of each other: a line hidden under
 * another looks like a missing one, so the report says which lines coincide instead of leaving it to be guessed.
 */
final class Legend {
  private Legend() {}

  /**
   * One sample per line, in {@link Style#of} order, each followed by its remark in grey when it has one.
   *
   * @param names the lines' names
   * @param remarks per line, what to add (such as "never connected"), or empty
   */
  static String html(List<String> names, List<String> remarks) {
    StringBuilder s = new StringBuilder("<div class=\"legend\">");
    for (int i = 0; i < names.size(); i++) {
      String remark = remarks.isEmpty() ? "" : remarks.get(i);
      s.append("<span>").append(Style.of(i).swatch()).append(' ').append(Svg.esc(names.get(i)))
          .append(remark.isEmpty() ? "" : " <small>(" + Svg.esc(remark) + ")</small>").append("</span>");
    }
    return s.append("</div>\n").toString();
  }

  /** One sample per line, no remarks. */
  static String html(List<String> names) {
    return html(names, List.of());
  }

  /**
   * The lines that coincide, as groups of two or more names in their order: lines coincide when their keys (what
   * they plot) are equal.
   */
  static List<List<String>> coinciding(List<String> names, List<?> keys) {
    Map<Object, List<String>> byKey = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      byKey.computeIfAbsent(Objects.requireNonNull(keys.get(i)), k -> new ArrayList<>()).add(names.get(i));
    }
    List<List<String>> groups = new ArrayList<>();
    byKey.values().stream().filter(g -> g.size() > 1).forEach(groups::add);
    return groups;
  }

  /**
   * A sentence naming the lines that coincide, such as "The curves of A, B and C coincide.", or empty when none do.
   *
   * @param what the lines' name, plural: "curves", "lines"
   */
  static String coincidenceNote(String what, List<String> names, List<?> keys) {
    List<List<String>> groups = coinciding(names, keys);
    if (groups.isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder("The ").append(what).append(" of ").append(and(groups.get(0))).append(" coincide");
    for (List<String> g : groups.subList(1, groups.size())) {
      s.append(", as do those of ").append(and(g));
    }
    return s.append(" (the same values): one line shows, with each one's marker at its own place along it.").toString();
  }

  /** "A", "A and B", "A, B and C". */
  static String and(List<String> names) {
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
  }
}
