package io.github.connectbylist.lab;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the lab's JSON files (scenarios, experiments) so that every error is one line a person can act on:
 * the file, and for bad JSON the line and column.
 */
final class JsonFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonFiles() {}

  /**
   * @throws IOException naming the file: missing, unreadable, or not JSON (with line and column)
   */
  static JsonNode read(Path file) throws IOException {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new IOException(file + ": no such file", e);
    } catch (IOException e) {
      throw new IOException(file + ": cannot be read: " + e.getMessage(), e);
    }
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
      throw new IOException(file + ": " + where + e.getOriginalMessage().replace('\n', ' '), e);
    }
  }
}
