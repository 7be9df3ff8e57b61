package io.github.connectbylist.jsonfile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.connectbylist.api.TextFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads JSON files that users write (the lab's scenarios, sessions and experiments, the emulator's
 * networks) so that every error is one line a person can
 * act on: the file, and for bad JSON the line, the column and what was expected there. A file is read with
 * {@link TextFiles}: a device or a FIFO is refused, and so is a file over {@link #MAX_BYTES}. A key given twice
 * and anything after the top-level value are errors, not silently dropped. Numbers keep the text they were
 * written as ({@code 1.9}, {@code 9e18}, {@code 1e400}: {@link WrittenNumber}), so that a message shows them as
 * the user wrote them and a whole number is never read from a fraction.
 */
public final class JsonFiles {
  /** The largest file read: 1 MiB, far more than a scenario or a network of the largest size takes. */
  public static final int MAX_BYTES = 1 << 20;

  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private JsonFiles() {}

  /**
   * Reads and parses a user's file.
   *
   * @param file the file
   * @return its top-level value
   * @throws IOException naming the file: missing, not a regular file, too large, unreadable, not UTF-8, or
   *     not JSON (with line and column)
   */
  public static JsonNode read(Path file) throws IOException {
    return parse(TextFiles.read(file, MAX_BYTES), file.toString());
  }

  /**
   * The file that {@code ref}, named in another file and not a built-in name, stands for: a path relative to
   * {@code directory}. One that is neither says so and lists the built-in names.
   *
   * @param kind what is named, such as {@code scenario}
   * @param ref the name as written
   * @param builtIns the built-in names of that kind
   * @param directory where a relative path starts
   * @param where the file that names it, for messages, or {@code null}
   * @return the file
   * @throws IOException when there is no such file
   */
  public static Path referenced(String kind, String ref, List<String> builtIns, Path directory, String where)
      throws IOException {
    String neither = (where == null ? "" : where + ": ") + kind + " '" + ref + "' is neither a built-in " + kind
        + " (" + String.join(", ", builtIns) + ") nor ";
    Path file;
    try {
      file = directory.resolve(ref);
    } catch (java.nio.file.InvalidPathException e) {
      throw new IllegalArgumentException(neither + "a path");
    }
    if (!java.nio.file.Files.exists(file)) {
      throw new IOException(neither + "a file (" + file + ": no such file)");
    }
    return file;
  }

  /**
   * One of a module's own files, read as a user's file is, so that it is held to the same rules.
   *
   * @param owner the class whose package the resource's name is relative to
   * @param resource the resource's name
   * @param where its name in messages
   * @return its top-level value
   */
  public static JsonNode builtIn(Class<?> owner, String resource, String where) {
    try (InputStream in = owner.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the resource " + resource + " of " + owner.getPackageName() + " is missing");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), where);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode parse(String text, String where) throws IOException {
    try (JsonParser parser = JSON.createParser(text)) {
      return JsonTree.read(parser);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String position = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
      throw new IOException(where + ": " + position + withoutContent(e.getOriginalMessage()), e);
    }
  }

  /**
   * Jackson's message without what it quotes from the file ({@code Unrecognized token 'root'}): what was
   * expected, in its words, and not what is there, since the file may be one the caller could not read
   * otherwise. A key given twice is the exception: its name is what the user needs, and it is JSON.
   */
  static String withoutContent(String message) {
    String m = message == null ? "" : message.replace('\n', ' ');
    int expecting = m.indexOf("was expecting");
    if (expecting >= 0) {
      return "unexpected text, " + withoutPosition(m.substring(expecting));
    }
    int expected = m.indexOf(": expected ");
    if (expected >= 0) {
      return "unexpected text, " + withoutPosition(m.substring(expected + 2));
    }
    if (m.startsWith("Unexpected end-of-input") || m.startsWith("Duplicate field")
        || m.startsWith("Unexpected text after the top-level value") || m.endsWith("its exponent is past 2^31")) {
      return withoutPosition(m);
    }
    return "not JSON here";
  }

  /** Jackson adds where an unclosed object started; the message already says where the error is. */
  private static String withoutPosition(String m) {
    int at = m.indexOf(" (for ");
    if (at < 0) {
      at = m.indexOf(" (start marker at");
    }
    return (at < 0 ? m : m.substring(0, at)).trim();
  }
}
