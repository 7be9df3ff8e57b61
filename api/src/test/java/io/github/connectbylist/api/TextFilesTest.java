package io.github.connectbylist.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file a user names is read without hanging, without filling the heap, and fails in one line. */
class TextFilesTest {
  @TempDir
  Path dir;

  @Test
  void devZeroFailsInOneLineNamingThePathAndTheLimit() {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.exists(zero), "no /dev/zero here");
    IOException e = assertThrows(IOException.class, () -> TextFiles.read(zero, 4096));
    assertEquals("/dev/zero: is not a regular file (a device, a pipe or a socket); give a regular file of at most "
        + "4096 bytes", e.getMessage());
  }

  @Test
  void aFifoFailsWithoutBlocking() throws Exception {
    Path fifo = dir.resolve("fifo");
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException noMkfifo) {
      assumeTrue(false, "no mkfifo here");
      return;
    }
    assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");
    IOException e = assertThrows(IOException.class, () -> TextFiles.read(fifo, 4096));
    assertEquals(fifo + ": is not a regular file (a device, a pipe or a socket); give a regular file of at most "
        + "4096 bytes", e.getMessage());
  }

  @Test
  void aFileLargerThanTheLimitIsRefused() throws Exception {
    Path big = dir.resolve("big");
    Files.write(big, new byte[4097]);
    IOException e = assertThrows(IOException.class, () -> TextFiles.read(big, 4096));
    assertEquals(big + ": is larger than 4096 bytes; give a regular file of at most 4096 bytes", e.getMessage());
    Files.write(big, new byte[4096]);
    assertEquals(4096, TextFiles.read(big, 4096).length());
  }

  @Test
  void aMissingFileADirectoryAndBytesThatAreNotUtf8AreOneLineEach() throws Exception {
    Path missing = dir.resolve("missing");
    assertEquals(missing + ": no such file or directory",
        assertThrows(IOException.class, () -> TextFiles.read(missing, 4096)).getMessage());
    assertEquals(dir + ": is a directory; give a regular file of at most 4096 bytes",
        assertThrows(IOException.class, () -> TextFiles.read(dir, 4096)).getMessage());
    Path latin1 = dir.resolve("latin1");
    Files.write(latin1, new byte[] {'s', 'e', 'c', (byte) 0xe9, 't'});
    String message = assertThrows(IOException.class, () -> TextFiles.read(latin1, 4096)).getMessage();
    assertEquals(latin1 + ": is not UTF-8 text", message);
    assertFalse(message.contains("sec"), "no content");
  }
}
