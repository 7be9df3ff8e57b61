package io.github.connectbylist.strategy.rfc6724;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.connectbylist.api.StrategyOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rfc6724(gai-conf=PATH)} with a path a hostile or careless user chose: one clear line, nothing leaked. */
class GaiConfOptionTest {
  @TempDir
  Path dir;

  private static String error(String path) {
    return assertThrows(IllegalArgumentException.class,
        () -> Rfc6724Ranker.fromOptions(StrategyOptions.of(Map.of("gai-conf", path)))).getMessage();
  }

  @Test
  void aFileWhoseFirstLineIsSecretIsNotEchoed() throws Exception {
    // As /etc/shadow would be: the message says where and what was expected, never what is there.
    Path shadow = dir.resolve("shadow");
    Files.writeString(shadow, "root:$6$SECRET-HASH$:19000:0:99999:7:::\n");
    String message = error(shadow.toString());
    assertEquals(shadow + " line 1: unknown keyword; expected label, precedence, scopev4 or reload, or a # comment",
        message);
    assertFalse(message.contains("SECRET") || message.contains("root"), message);
  }

  @Test
  void noBadLineIsEchoed() {
    String[] secrets = {"frobnicate-SECRET ::/0 1", "precedence SECRET/8 1", "precedence ::/0 SECRET",
        "label ::/0 SECRET 2", "label 10.0.0.0/SECRET 1", "scopev4 2001:db8:5ec::/48 2", "reload SECRET"};
    for (String line : secrets) {
      GaiConfException e = assertThrows(GaiConfException.class, () -> PolicyTable.parseGaiConf(line, "gai.conf"));
      assertFalse(e.getMessage().contains("SECRET") || e.getMessage().contains("5ec"), e.getMessage());
      assertEquals(1, e.lineNumber());
    }
  }

  @Test
  void devZeroFailsInOneLineNamingThePathAndTheLimitInsteadOfFillingTheHeap() {
    assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero here");
    assertEquals("option gai-conf: /dev/zero: is not a regular file (a device, a pipe or a socket); give a regular "
        + "file of at most 1048576 bytes", error("/dev/zero"));
  }

  @Test
  void aFileLargerThanTheLimitIsRefused() throws Exception {
    Path big = dir.resolve("big.conf");
    Files.writeString(big, "# padding\n".repeat(PolicyTable.MAX_GAI_CONF_BYTES / 10 + 1));
    assertEquals("option gai-conf: " + big + ": is larger than 1048576 bytes; give a regular file of at most "
        + "1048576 bytes", error(big.toString()));
  }

  @Test
  void aDirectoryAndAMissingFileAreOneLineWithoutAnExceptionName() {
    assertEquals("option gai-conf: " + dir + ": is a directory; give a regular file of at most 1048576 bytes",
        error(dir.toString()));
    assertEquals("option gai-conf: " + dir.resolve("absent") + ": no such file or directory",
        error(dir.resolve("absent").toString()));
  }

  @Test
  void aPathWithANulCharacterIsSaidToBeNoPath() {
    assertEquals("option gai-conf=a\u0000b is not a path: give none, host or the path of a gai.conf file",
        error("a\u0000b"));
  }

  @Test
  void nonAsciiDigitsAreNotNumbers() {
    // Integer.parseInt reads '\uff14\uff10' as 40; glibc does not.
    GaiConfException value = assertThrows(GaiConfException.class,
        () -> PolicyTable.parseGaiConf("precedence ::/0 \uff14\uff10", "gai.conf"));
    assertEquals("gai.conf line 1: the value is not a whole number from 0 to 2147483647", value.getMessage());
    GaiConfException length = assertThrows(GaiConfException.class,
        () -> PolicyTable.parseGaiConf("precedence ::/\uff11\uff16 40", "gai.conf"));
    assertEquals("gai.conf line 1: the prefix has no prefix length after '/': give one from 0 to 128",
        length.getMessage());
    GaiConfException large = assertThrows(GaiConfException.class,
        () -> PolicyTable.parseGaiConf("\n\nprecedence ::/0 4294967336", "gai.conf"));
    assertEquals("gai.conf line 3: the value is not a whole number from 0 to 2147483647", large.getMessage());
  }
}
