package io.github.connectbylist.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every ```java block of the README and of docs/**.md is code that this module compiles and runs: the line
 * before the block names where, {@code <!-- snippet: PATH#NAME -->} (several references, separated by spaces, are
 * joined with one blank line; {@code PATH} alone is the whole file), PATH relative to the repository's root, and
 * the block must be that text exactly (see {@link Snippets}).
 *
 * <p>To update the docs from the code: {@code mvn -B -o test -pl examples -Dtest=SnippetsTest
 * -Dsnippets.update=true}. The blocks are then rewritten in place, and the test passes.
 */
class SnippetsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern MARKER = Pattern.compile("^\\s*<!-- snippet: (.+?) -->\\s*$");
  private static final boolean UPDATE = Boolean.getBoolean("snippets.update");
  /** A fence that opens Java as GitHub reads it: any case, spaces before the language, attributes after it. */
  private static final Pattern JAVA_FENCE = Pattern.compile("```\\s*java\\b.*", Pattern.CASE_INSENSITIVE);
  /** Where a snippet may come from: code this module compiles. */
  private static final Pattern COMPILED = Pattern.compile("examples/src/(main|test)/java/[^#\\s]+\\.java(#\\S+)?");

  @Test
  void everyJavaBlockIsTheCodeItsMarkerNames() throws IOException {
    List<String> problems = new ArrayList<>();
    List<Path> docs = docs();
    assertFalse(docs.isEmpty(), "no README.md under " + ROOT);
    for (Path doc : docs) {
      problems.addAll(check(doc));
    }
    if (!problems.isEmpty()) {
      fail(problems.size() + " snippet(s) differ from the code; to rewrite them from it, run "
          + "`mvn -B -o test -pl examples -Dtest=SnippetsTest -Dsnippets.update=true`\n\n"
          + String.join("\n\n", problems));
    }
  }

  /** README.md and every .md under docs/, in a stable order. */
  static List<Path> docs() throws IOException {
    List<Path> docs = new ArrayList<>();
    if (Files.isRegularFile(ROOT.resolve("README.md"))) {
      docs.add(ROOT.resolve("README.md"));
    }
    Path dir = ROOT.resolve("docs");
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
      }
    }
    return docs;
  }

  /** The problems of one file; in update mode, the file rewritten and only what cannot be fixed reported. */
  private static List<String> check(Path doc) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(doc, StandardCharsets.UTF_8));
    Snippets snippets = new Snippets(ROOT);
    String where = ROOT.relativize(doc).toString();
    List<String> problems = new ArrayList<>();
    boolean changed = false;
    for (int i = 0; i < lines.size(); i++) {
      String fence = lines.get(i);
      if (!JAVA_FENCE.matcher(fence.strip()).matches()) {
        continue;
      }
      int indent = fence.length() - fence.stripLeading().length();
      int end = i + 1;
      while (end < lines.size() && !lines.get(end).strip().equals("```")) {
        end++;
      }
      String at = where + ":" + (i + 1);
      Matcher marker = i > 0 ? MARKER.matcher(lines.get(i - 1)) : null;
      if (marker == null || !marker.matches()) {
        problems.add(at + ": a ```java block without a <!-- snippet: PATH#NAME --> line before it");
        i = end;
        continue;
      }
      String expected;
      try {
        List<String> parts = new ArrayList<>();
        for (String reference : marker.group(1).strip().split("\\s+")) {
          if (!COMPILED.matcher(reference).matches() || reference.contains("..")) {
            throw new IllegalArgumentException(reference + " is not code this module compiles: name a file under "
                + "examples/src/main/java or examples/src/test/java");
          }
          parts.add(snippets.text(reference));
        }
        expected = String.join("\n\n", parts);
      } catch (IllegalArgumentException e) {
        problems.add(at + ": " + e.getMessage());
        i = end;
        continue;
      }
      List<String> block = lines.subList(i + 1, end);
      String actual = String.join("\n", block.stream()
          .map(l -> l.length() >= indent && l.substring(0, indent).isBlank() ? l.substring(indent) : l.strip()).toList());
      if (!actual.equals(expected)) {
        if (UPDATE) {
          String pad = " ".repeat(indent);
          List<String> replacement = expected.lines().map(l -> l.isEmpty() ? l : pad + l).toList();
          block.clear();
          block.addAll(replacement);
          end = i + 1 + replacement.size();
          changed = true;
        } else {
          problems.add(at + ": differs from " + marker.group(1).strip() + "\n--- expected (the code)\n" + expected
              + "\n--- actual (the doc)\n" + actual + "\n---");
        }
      }
      i = end;
    }
    if (changed) {
      Files.writeString(doc, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
    return problems;
  }
}
