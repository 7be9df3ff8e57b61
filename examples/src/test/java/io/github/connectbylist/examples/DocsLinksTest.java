package io.github.connectbylist.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README and the pages of docs/ hold together: every relative link lands on a file that exists, and on a
 * heading of it where it names one (GitHub's anchors), and every page of docs/ can be reached from the README by
 * following links from page to page, as a newcomer would.
 */
class DocsLinksTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  /** A Markdown link's target, with or without a title: {@code [text](target)} or {@code [text](target "title")}. */
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

  @Test
  void everyLinkLandsAndEveryPageIsLinked() throws IOException {
    List<Path> pages = SnippetsTest.docs();
    List<String> problems = new ArrayList<>();
    Map<Path, Set<Path>> links = new HashMap<>();
    for (Path page : pages) {
      List<String> lines = prose(page);
      for (int i = 0; i < lines.size(); i++) {
        Matcher link = LINK.matcher(lines.get(i));
        while (link.find()) {
          String target = link.group(1);
          if (target.matches("[a-z]+:.*")) {
            continue;                                          // https:, mailto:: not ours to check
          }
          String where = ROOT.relativize(page) + ":" + (i + 1) + ": " + target;
          int hash = target.indexOf('#');
          String file = hash < 0 ? target : target.substring(0, hash);
          Path landing = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
          if (!Files.exists(landing)) {
            problems.add(where + ": no such file");
            continue;
          }
          if (!landing.equals(page)) {
            links.computeIfAbsent(page, p -> new HashSet<>()).add(landing);
          }
          if (hash >= 0 && landing.toString().endsWith(".md")
              && !anchors(landing).contains(target.substring(hash + 1))) {
            problems.add(where + ": no such heading in " + ROOT.relativize(landing));
          }
        }
      }
    }
    Set<Path> reached = reachable(ROOT.resolve("README.md"), links);
    for (Path page : pages) {
      if (!reached.contains(page)) {
        problems.add(ROOT.relativize(page) + ": cannot be reached from the README");
      }
    }
    assertEquals(List.of(), problems, "the docs' links");
  }

  /** The pages reached from {@code start} by following links, {@code start} included. */
  private static Set<Path> reachable(Path start, Map<Path, Set<Path>> links) {
    Set<Path> reached = new HashSet<>(List.of(start));
    Deque<Path> next = new ArrayDeque<>(reached);
    while (!next.isEmpty()) {
      for (Path to : links.getOrDefault(next.poll(), Set.of())) {
        if (reached.add(to)) {
          next.add(to);
        }
      }
    }
    return reached;
  }

  /** The lines of a page outside its fenced blocks, where a {@code ](x)} is code, not a link. */
  private static List<String> prose(Path page) throws IOException {
    List<String> prose = new ArrayList<>();
    boolean fenced = false;
    for (String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
      if (line.strip().startsWith("```")) {
        fenced = !fenced;
        prose.add("");
      } else {
        prose.add(fenced ? "" : line);
      }
    }
    return prose;
  }

  /** GitHub's anchor of each heading: lower case, punctuation dropped, spaces as hyphens. */
  private static Set<String> anchors(Path page) throws IOException {
    Set<String> anchors = new TreeSet<>();
    for (String line : prose(page)) {
      if (line.startsWith("#")) {
        String text = line.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT);
        anchors.add(text.replaceAll("[^\\p{L}\\p{N}_\\- ]", "").replace(' ', '-'));
      }
    }
    return anchors;
  }
}
