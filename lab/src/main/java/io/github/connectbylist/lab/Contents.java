package io.github.connectbylist.lab;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The report's table of contents, gathered as its headings are written and drawn at the top, so that a report
 * of forty charts is read by section: each part (scenarios, sweeps, sessions) with a link to each of its
 * sections. Every heading gets an id of its own, made from its title, so that links hold from outside too.
 */
final class Contents {
  private record Entry(int level, String id, String title) {}

  private final List<Entry> entries = new ArrayList<>();
  private final Set<String> ids = new HashSet<>();

  /**
   * A heading: {@code <h1>} for a part, {@code <h2>} for a section of it, with an id made from its title.
   *
   * @param level 1 or 2
   * @param title what it says
   * @return the heading's HTML
   */
  String heading(int level, String title) {
    return heading(level, title, title);
  }

  /**
   * A heading with an id made from {@code id} rather than from its title.
   *
   * @param level 1 or 2
   * @param id what the id is made from
   * @param title what it says
   * @return the heading's HTML
   */
  String heading(int level, String id, String title) {
    Entry e = new Entry(level, unique(id), title);
    entries.add(e);
    return "<h" + level + " id=\"" + Svg.esc(e.id()) + "\">" + Svg.esc(title) + "</h" + level + ">\n";
  }

  /** The table: one line per part, its sections linked after it. */
  String html() {
    if (entries.isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder("<nav class=\"toc\"><b>Contents</b><ul>");
    String before = null; // what goes before the next link: it opens a line, or follows a part or a section
    for (Entry e : entries) {
      String link = "<a href=\"#" + Svg.esc(e.id()) + "\">" + Svg.esc(e.title()) + "</a>";
      if (e.level() == 1) {
        s.append(before == null ? "" : "</li>").append("<li>").append(link);
        before = ": ";
      } else {
        s.append(before == null ? "<li>" : before).append(link);
        before = " \u00b7 ";
      }
    }
    return s.append("</li></ul></nav>\n").toString();
  }

  /** The title with anything but letters, digits, {@code . _ -} made {@code -}, numbered when taken. */
  private String unique(String title) {
    String base = title.replaceAll("[^A-Za-z0-9._-]", "-");
    String id = base;
    for (int n = 2; !ids.add(id); n++) {
      id = base + "-" + n;
    }
    return id;
  }
}
