package io.github.connectbylist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.Strategies;
import io.github.connectbylist.api.NamedStrategy;
import io.github.connectbylist.api.StrategyOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's strategy tables say what the declarations say. In a row, each option is written {@code
 * `name=default`}, and "the options of `x`" stands for all of those of {@code x}, the strategy it builds on; the
 * options so named must be exactly those the strategy declares, each with its declared default, and a priority the
 * row states must be the declared one. Every strategy the command line finds has its row. The tables keep their
 * prose; this keeps their facts from drifting from the code, which is where each one is written.
 */
class ReadmeStrategyTablesTest {
  private static final Pattern OPTION = Pattern.compile("`([a-z][a-z0-9-]*)=([^`]*)`");
  private static final Pattern INHERITED = Pattern.compile("the options of `([a-z0-9.-]+)`");
  private static final Pattern PRIORITY = Pattern.compile("priority (-?[0-9]+)");

  private final Strategies strategies = Strategies.discovered();
  private final List<String> readme = readme();

  private static List<String> readme() {
    Path file = Path.of("..", "README.md");
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new AssertionError("the README is read from the module's parent: " + file.toAbsolutePath(), e);
    }
  }

  @Test
  void theTableOfStrategiesMatchesTheirDeclarations() {
    List<List<String>> rows = table("## Pick a strategy at run time", "name", "kind");
    List<String> seen = new ArrayList<>();
    for (List<String> row : rows) {
      NamedStrategy.Kind kind = NamedStrategy.Kind.valueOf(row.get(1).toUpperCase(java.util.Locale.ROOT));
      String name = unquote(row.get(0));
      checkRow(row, List.of(find(kind, name)), row.get(row.size() - 1));
      seen.add(kind + " " + name);
    }
    for (NamedStrategy<?> s : all(NamedStrategy.Kind.RANKER, NamedStrategy.Kind.SCHEDULER)) {
      if (s.priority() >= 0) {
        assertTrue(seen.contains(s.kind() + " " + s.name()), s + " has no row in the README's table: " + seen);
      }
    }
  }

  @Test
  void theTableOfClientModelsMatchesTheirDeclarations() {
    List<List<String>> rows = table("## Real clients as strategies", "name", "client, version");
    List<String> seen = new ArrayList<>();
    for (List<String> row : rows) {
      String name = unquote(row.get(0));
      checkRow(row, List.of(find(NamedStrategy.Kind.RANKER, name), find(NamedStrategy.Kind.SCHEDULER, name)),
          row.get(row.size() - 1));
      seen.add(name);
    }
    for (NamedStrategy<?> s : all(NamedStrategy.Kind.RANKER, NamedStrategy.Kind.SCHEDULER)) {
      if (s.priority() < 0) {
        assertTrue(seen.contains(s.name()), s + " has no row in the README's table of clients: " + seen);
      }
    }
  }

  @Test
  void theTableOfResolversMatchesTheirDeclarations() {
    List<List<String>> rows = table("## Connect by name", "name", "module");
    List<String> seen = new ArrayList<>();
    for (List<String> row : rows) {
      String name = unquote(row.get(0));
      checkRow(row, List.of(find(NamedStrategy.Kind.RESOLVER, name)), row.get(row.size() - 1));
      seen.add(name);
    }
    for (NamedStrategy<?> s : strategies.resolvers()) {
      assertTrue(seen.contains(s.name()), s + " has no row in the README's table of resolvers: " + seen);
    }
  }

  @Test
  void theTablesOfOneStrategysOptionsGiveTheDeclaredDefaults() {
    checkOptionTable(table("## Happy Eyeballs v2", "option", "default"),
        find(NamedStrategy.Kind.SCHEDULER, "happy-eyeballs"));
    checkOptionTable(table("## History: connects that remember", "option", "default"),
        find(NamedStrategy.Kind.RANKER, "history"));
  }

  /** One row: the options named and their defaults are the declared ones, and so is a priority it states. */
  private void checkRow(List<String> row, List<NamedStrategy<?>> described, String optionsCell) {
    String where = "the README's row of " + described.get(0).name();
    Map<String, StrategyOption<?>> declared = new TreeMap<>();
    for (NamedStrategy<?> s : described) {
      for (StrategyOption<?> o : s.options()) {
        declared.put(o.name(), o);
      }
    }
    Map<String, String> written = new TreeMap<>();
    Matcher option = OPTION.matcher(optionsCell);
    while (option.find()) {
      written.put(option.group(1), option.group(2));
    }
    Matcher inherited = INHERITED.matcher(optionsCell);
    while (inherited.find()) {
      for (StrategyOption<?> o : find(described.get(0).kind(), inherited.group(1)).options()) {
        written.putIfAbsent(o.name(), o.defaultText());
      }
    }
    assertEquals(declared.keySet(), written.keySet(), where + " names other options than the code declares (write "
        + "each as `name=default`): " + String.join(" | ", row));
    for (Map.Entry<String, String> e : written.entrySet()) {
      checkDefault(where, declared.get(e.getKey()), e.getValue());
    }
    Matcher priority = PRIORITY.matcher(String.join(" | ", row));
    while (priority.find()) {
      assertEquals(described.get(0).priority(), Integer.parseInt(priority.group(1)),
          where + " states another priority than the code declares");
    }
  }

  /** A default as the README writes it ({@code 300s} or {@code 5m} alike) is the declared one. */
  private static void checkDefault(String where, StrategyOption<?> declared, String written) {
    assertEquals(declared.defaultValue(), declared.parse(written),
        where + " gives " + declared.name() + "=" + written + "; the code's default is " + declared);
  }

  /** A table of {@code | option | default | meaning |}: each option is declared, with that default. */
  private static void checkOptionTable(List<List<String>> rows, NamedStrategy<?> strategy) {
    assertFalse(rows.isEmpty(), "no options table for " + strategy);
    TreeSet<String> names = new TreeSet<>();
    for (List<String> row : rows) {
      String name = unquote(row.get(0));
      StrategyOption<?> declared = strategy.option(name);
      assertNotNull(declared, "the README's table of " + strategy + " lists " + name + ", which it does not declare");
      String cell = row.get(1);
      int open = cell.indexOf('`');
      checkDefault("the README's table of " + strategy, declared, cell.substring(open + 1, cell.indexOf('`', open + 1)));
      names.add(name);
    }
    assertEquals(rows.size(), names.size(), "each option once: " + names);
  }

  /** The rows (without the header and its rule) of the first table in a section whose header starts so. */
  private List<List<String>> table(String section, String... header) {
    boolean inSection = false;
    List<List<String>> rows = new ArrayList<>();
    boolean inTable = false;
    for (String line : readme) {
      if (line.startsWith("## ")) {
        if (inSection && inTable) {
          break;
        }
        inSection = line.startsWith(section);
        continue;
      }
      if (!inSection) {
        continue;
      }
      if (inTable) {
        if (!line.startsWith("|")) {
          break;
        }
        if (!line.startsWith("|---")) {
          rows.add(cells(line));
        }
      } else if (line.startsWith("|") && cells(line).subList(0, header.length).equals(List.of(header))) {
        inTable = true;
      }
    }
    assertFalse(rows.isEmpty(), "the README has no table " + List.of(header) + " in section " + section);
    return rows;
  }

  private static List<String> cells(String line) {
    String inner = line.trim();
    inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
    List<String> cells = new ArrayList<>();
    for (String cell : inner.split("\\|", -1)) {
      cells.add(cell.trim());
    }
    return cells;
  }

  private static String unquote(String cell) {
    return cell.replace("`", "").trim();
  }

  private NamedStrategy<?> find(NamedStrategy.Kind kind, String name) {
    for (NamedStrategy<?> s : all(kind)) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("the README names " + kind + " " + name + ", which the command line does not find");
  }

  private List<NamedStrategy<?>> all(NamedStrategy.Kind... kinds) {
    List<NamedStrategy<?>> all = new ArrayList<>();
    for (NamedStrategy.Kind kind : kinds) {
      all.addAll(switch (kind) {
        case RANKER -> strategies.rankers();
        case SCHEDULER -> strategies.schedulers();
        case RESOLVER -> strategies.resolvers();
      });
    }
    return all;
  }
}
