package io.github.connectbylist.resolver.dns;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a small configuration file (a hosts file, {@code resolv.conf}) with bounds: only a regular file (so
 * never {@code /dev/zero}, a FIFO or a directory, which would fill memory or block), at most a size and a
 * line length, each failure one {@link IOException} that names the path and the limit. Bytes are read as
 * ISO-8859-1, one char each, for the caller to check that what it uses is ASCII.
 */
final class BoundedFile {
  private BoundedFile() {}

  /**
   * The file's attributes, following links.
   *
   * @param what what the file is, for messages, such as {@code "hosts file"}
   * @param path the file
   * @return its attributes
   * @throws IOException naming the path when it does not exist or cannot be read
   */
  static BasicFileAttributes attributes(String what, Path path) throws IOException {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new IOException(what + " " + path + " does not exist", e);
    } catch (IOException | SecurityException e) {
      throw new IOException(what + " " + path + " cannot be read: " + e, e);
    }
  }

  /**
   * The lines of {@code path}, without their line ends.
   *
   * @param what what the file is, for messages
   * @param path the file
   * @param maxBytes the largest file read
   * @param maxLine the longest line read, in bytes
   * @return the lines
   * @throws IOException naming the path and the limit when the file is not a regular one, is larger than
   *     {@code maxBytes}, has a line longer than {@code maxLine}, or cannot be read
   */
  static List<String> lines(String what, Path path, int maxBytes, int maxLine) throws IOException {
    String limits = " (read only as a regular file of at most " + size(maxBytes) + ", lines of at most "
        + maxLine + " bytes)";
    BasicFileAttributes attributes = attributes(what, path);
    if (!attributes.isRegularFile()) {
      throw new IOException(what + " " + path + " is not a regular file" + limits);
    }
    if (attributes.size() > maxBytes) {
      throw new IOException(what + " " + path + " is " + attributes.size() + " bytes, over the limit of "
          + size(maxBytes));
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path)) {
      bytes = in.readNBytes(maxBytes + 1); // it may have grown since its size was read
    } catch (IOException | SecurityException e) {
      throw new IOException(what + " " + path + " cannot be read: " + e, e);
    }
    if (bytes.length > maxBytes) {
      throw new IOException(what + " " + path + " is over the limit of " + size(maxBytes));
    }
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == '\n') {
        int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
        if (end - start > maxLine) {
          throw new IOException(what + " " + path + ": line " + (lines.size() + 1) + " is longer than the limit of "
              + maxLine + " bytes");
        }
        if (i < bytes.length || end > start) {
          lines.add(new String(bytes, start, end - start, StandardCharsets.ISO_8859_1));
        }
        start = i + 1;
      }
    }
    return lines;
  }

  private static String size(int bytes) {
    if (bytes % (1 << 20) == 0) {
      return (bytes >> 20) + " MiB";
    }
    return bytes % 1024 == 0 ? (bytes >> 10) + " KiB" : bytes + " bytes";
  }
}
