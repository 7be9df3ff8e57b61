package io.github.connectbylist.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Regions of source files marked {@code // snippet:start NAME} and {@code // snippet:end NAME}: the code the
 * docs show. A name may mark several pieces of one file; they are joined with one blank line. Each piece is
 * de-indented by its common indentation, and no marker line is ever part of the text.
 */
final class Snippets {
  private static final Pattern MARKER = Pattern.compile("^\\s*// snippet:(start|end) (\\S+)\\s*$");

  private final Path root;

  /** @param root the directory that snippet paths are relative to: the repository's */
  Snippets(Path root) {
    this.root = root;
  }

  /**
   * The text of {@code reference}: {@code PATH#NAME}, or {@code PATH} alone for the whole file without its
   * marker lines.
   *
   * @throws IllegalArgumentException when the file or the region does not exist, or a region is not closed
   */
  String text(String reference) {
    int hash = reference.indexOf('#');
    String path = hash < 0 ? reference : reference.substring(0, hash);
    List<String> lines = read(path);
    if (hash < 0) {
      return String.join("\n", lines.stream().filter(l -> !MARKER.matcher(l).matches()).toList()).strip();
    }
    String name = reference.substring(hash + 1);
    List<String> pieces = new ArrayList<>();
    List<String> piece = null;
    int number = 0;
    for (String line : lines) {
      number++;
      Matcher m = MARKER.matcher(line);
      if (!m.matches()) {
        if (piece != null) {
          piece.add(line);
        }
        continue;
      }
      if (!m.group(2).equals(name)) {
        continue;
      }
      if (m.group(1).equals("start")) {
        if (piece != null) {
          throw new IllegalArgumentException(path + ":" + number + ": snippet " + name + " starts again before it ends");
        }
        piece = new ArrayList<>();
      } else {
        if (piece == null) {
          throw new IllegalArgumentException(path + ":" + number + ": snippet " + name + " ends without a start");
        }
        pieces.add(deindent(piece));
        piece = null;
      }
    }
    if (piece != null) {
      throw new IllegalArgumentException(path + ": snippet " + name + " starts but never ends");
    }
    if (pieces.isEmpty()) {
      throw new IllegalArgumentException(path + " has no snippet " + name);
    }
    return String.join("\n\n", pieces);
  }

  private List<String> read(String path) {
    try {
      return Files.readAllLines(root.resolve(path), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no file " + path + " (relative to " + root.toAbsolutePath().normalize() + ")", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lines without the indentation they share, blank lines not counted; leading and trailing blank lines dropped. */
  private static String deindent(List<String> lines) {
    int common = Integer.MAX_VALUE;
    for (String line : lines) {
      if (!line.isBlank()) {
        common = Math.min(common, line.length() - line.stripLeading().length());
      }
    }
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      out.add(line.isBlank() ? "" : line.substring(common).stripTrailing());
    }
    while (!out.isEmpty() && out.get(0).isEmpty()) {
      out.remove(0);
    }
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return String.join("\n", out);
  }
}
