package io.github.connectbylist.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a text file that a user named (a strategy option such as {@code gai-conf=PATH}, a lab file) so that
 * nothing the user names can hang, exhaust the heap or produce an exception's name: a device such as {@code
 * /dev/zero} or a FIFO is refused before it is opened, a file is read up to a size limit and no further, and
 * every problem is one line, {@code PATH: what is wrong}, without the file's content.
 */
public final class TextFiles {
  private TextFiles() {}

  /**
   * The text of a regular file of at most {@code maxBytes} bytes, in UTF-8.
   *
   * @param file the file
   * @param maxBytes the size limit
   * @return its text
   * @throws IOException with the one-line message {@code PATH: what is wrong}: no such file, not a regular file,
   *     larger than the limit, not UTF-8, permission denied, ...
   */
  public static String read(Path file, int maxBytes) throws IOException {
    String limit = "give a regular file of at most " + maxBytes + " bytes";
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      throw new IOException(file + ": " + (Files.isDirectory(file) ? "is a directory" : "is not a regular file "
          + "(a device, a pipe or a socket)") + "; " + limit);
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(maxBytes + 1); // a file that grew after the check still stops here
    } catch (IOException e) {
      throw new IOException(file + ": " + problem(file, e), e);
    }
    if (bytes.length > maxBytes) {
      throw new IOException(file + ": is larger than " + maxBytes + " bytes; " + limit);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IOException(file + ": is not UTF-8 text", e);
    }
  }

  /**
   * What went wrong with a file, in words rather than an exception's name, for a message that already names
   * the file: {@code no such file or directory}, {@code permission denied}, {@code not a directory}, or the
   * reason the operating system gave; followed by the path the problem is with when that is another one (a
   * parent directory of the file).
   *
   * @param named the file the message names
   * @param e what reading or writing it threw
   * @return the words
   */
  public static String problem(Path named, IOException e) {
    String words;
    if (e instanceof NoSuchFileException) {
      words = "no such file or directory";
    } else if (e instanceof AccessDeniedException) {
      words = "permission denied";
    } else if (e instanceof FileAlreadyExistsException) {
      words = "already exists";
    } else if (e instanceof NotDirectoryException) {
      words = "not a directory";
    } else if (e instanceof FileSystemException f && f.getReason() != null) {
      words = f.getReason().toLowerCase(Locale.ROOT);
    } else {
      return e.getMessage() != null ? e.getMessage() : "input or output failed";
    }
    String file = ((FileSystemException) e).getFile();
    return file == null || sameFile(file, named) ? words : words + " (" + file + ")";
  }

  private static boolean sameFile(String file, Path named) {
    try {
      return Path.of(file).toAbsolutePath().normalize().equals(named.toAbsolutePath().normalize());
    } catch (java.nio.file.InvalidPathException e) {
      return false;
    }
  }
}
