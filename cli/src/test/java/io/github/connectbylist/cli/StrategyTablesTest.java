package io.github.connectbylist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.Strategies;
import io.github.connectbylist.api.NamedStrategy;
import io.github.connectbylist.api.StrategyOption;
import io.github.connectbylist.internal.KnownModules;
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
 * The strategy tables of the README and of {@code docs/} say what the declarations say. In a row, each option is
 * written {@code `name=default`}, and "the options of `x`" stands for all of those of {@code x}, the strategy it
 * builds on; the options so named must be exactly those the strategy declares, each with its declared default, and
 * a priority the row states must be the declared one. Every strategy the command line finds has its row, and the
 * README's short table names exactly those that can be the default. The tables keep their prose; this keeps their
 * facts from drifting from the code, which is where each one is written.
 */
class StrategyTablesTest {
  private static final Pattern OPTION = Pattern.compile("`([a-z][a-z0-9-]*)=([^`]*)`");
  private static final Pattern INHERITED = Pattern.compile("the options of `([a-z0-9.-]+)`");
  private static final Pattern PRIORITY = Pattern.compile("priority (-?[0-9]+)");

  private final Strategies strategies = Strategies.discovered();

  /** A page of the documentation, read from the module's parent: {@code README.md} or {@code docs/NAME.md}. */
  private static List<String> page(String path) {
    Path file = Path.of("..", path);
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new AssertionError("the documentation is read from the module's parent: " + file.toAbsolutePath(), e);
    }
  }

  @Test
  void theReadmesTableNamesEveryStrategyThatCanBeTheDefault() {
    List<List<String>> rows = table(page("README.md"), "name", "kind", "module");
    TreeSet<String> written = new TreeSet<>();
    TreeSet<String> saidDefault = new TreeSet<>();
    for (List<String> row : rows) {
      NamedStrategy.Kind kind = kind(row);
      String name = find(kind, unquote(row.get(0))).name();
      written.add(kind + " " + name);
      String artifact = KnownModules.artifactOf(name);
      assertEquals(artifact == null ? "core" : artifact.substring("connectbylist-".length()), unquote(row.get(2)),
          "the README's module of " + kind + " " + name);
      if (row.get(3).contains("the default")) {
        saidDefault.add(kind + " " + name);
      }
    }
    TreeSet<String> defaults = new TreeSet<>();
    for (NamedStrategy.Kind kind : NamedStrategy.Kind.values()) {
      all(kind).stream().max(java.util.Comparator.comparingInt(NamedStrategy::priority))
          .ifPresent(s -> defaults.add(kind + " " + s.name()));
    }
    assertEquals(defaults, saidDefault, "the README's rows that say \"the default\" are the highest priorities");
    TreeSet<String> declared = new TreeSet<>();
    for (NamedStrategy<?> s : all(NamedStrategy.Kind.values())) {
      if (s.priority() >= 0) {
        declared.add(s.kind() + " " + s.name());
      }
    }
    assertEquals(declared, written, "the README's table of strategies names those that can be the default");
  }

  @Test
  void theTableOfStrategiesMatchesTheirDeclarations() {
    List<List<String>> rows = table(page("docs/usage.md"), "name", "kind", "what it does");
    List<String> seen = new ArrayList<>();
    for (List<String> row : rows) {
      NamedStrategy.Kind kind = kind(row);
      String name = unquote(row.get(0));
      checkRow(row, List.of(find(kind, name)), row.get(row.size() - 1));
      seen.add(kind + " " + name);
    }
    for (NamedStrategy<?> s : all(NamedStrategy.Kind.RANKER, NamedStrategy.Kind.SCHEDULER)) {
      if (s.priority() >= 0) {
        assertTrue(seen.contains(s.kind() + " " + s.name()), s + " has no row in its table: " + seen);
      }
    }
  }

  @Test
  void theTableOfClientModelsMatchesTheirDeclarations() {
    List<List<String>> rows = table(page("docs/client-strategies.md"), "name", "client, version");
    List<String> seen = new ArrayList<>();
    for (List<String> row : rows) {
      String name = unquote(row.get(0));
      checkRow(row, List.of(find(NamedStrategy.Kind.RANKER, name), find(NamedStrategy.Kind.SCHEDULER, name)),
          row.get(row.size() - 1));
      seen.add(name);
    }
    for (NamedStrategy<?> s : all(NamedStrategy.Kind.RANKER, NamedStrategy.Kind.SCHEDULER)) {
      if (s.priority() < 0) {
        assertTrue(seen.contains(s.name()), s + " has no row in its table of clients: " + seen);
      }
    }
  }

  @Test
  void theTableOfResolversMatchesTheirDeclarations() {
    List<List<String>> rows = table(page("docs/connect-by-name.md"), "name", "module");
    List<String> seen = new ArrayList<>();
    for (List<String> row : rows) {
      String name = unquote(row.get(0));
      checkRow(row, List.of(find(NamedStrategy.Kind.RESOLVER, name)), row.get(row.size() - 1));
      seen.add(name);
    }
    for (NamedStrategy<?> s : strategies.resolvers()) {
      assertTrue(seen.contains(s.name()), s + " has no row in its table of resolvers: " + seen);
    }
  }

  @Test
  void theTablesOfOneStrategysOptionsGiveTheDeclaredDefaults() {
    checkOptionTable(table(page("docs/happy-eyeballs.md"), "option", "default"),
        find(NamedStrategy.Kind.SCHEDULER, "happy-eyeballs"));
    checkOptionTable(table(page("docs/history.md"), "option", "default"),
        find(NamedStrategy.Kind.RANKER, "history"));
  }

  /** One row: the options named and their defaults are the declared ones, and so is a priority it states. */
  private void checkRow(List<String> row, List<NamedStrategy<?>> described, String optionsCell) {
    String where = "the row of " + described.get(0).name();
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

  /** A default as the documentation writes it ({@code 300s} or {@code 5m} alike) is the declared one. */
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
      assertNotNull(declared, "the table of " + strategy + " lists " + name + ", which it does not declare");
      String cell = row.get(1);
      int open = cell.indexOf('`');
      checkDefault("the table of " + strategy, declared, cell.substring(open + 1, cell.indexOf('`', open + 1)));
      names.add(name);
    }
    assertEquals(rows.size(), names.size(), "each option once: " + names);
  }

  /** The rows (without the header and its rule) of the first table on the page whose header starts so. */
  private static List<List<String>> table(List<String> page, String... header) {
    List<List<String>> rows = new ArrayList<>();
    boolean inTable = false;
    for (String line : page) {
      if (inTable) {
        if (!line.startsWith("|")) {
          break;
        }
        if (!line.startsWith("|---")) {
          rows.add(cells(line));
        }
      } else if (line.startsWith("|") && startsWith(cells(line), header)) {
        inTable = true;
      }
    }
    assertFalse(rows.isEmpty(), "the page has no table " + List.of(header));
    return rows;
  }

  private static boolean startsWith(List<String> cells, String... header) {
    return cells.size() >= header.length && cells.subList(0, header.length).equals(List.of(header));
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

  /** The kind a row's second cell names: {@code ranker}, {@code scheduler} or {@code resolver}. */
  private static NamedStrategy.Kind kind(List<String> row) {
    return NamedStrategy.Kind.valueOf(row.get(1).toUpperCase(java.util.Locale.ROOT));
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
    throw new AssertionError(
        "the documentation names " + kind + " " + name + ", which the command line does not find");
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
