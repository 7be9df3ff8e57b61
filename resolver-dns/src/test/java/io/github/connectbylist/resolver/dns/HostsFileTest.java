package io.github.connectbylist.resolver.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.api.Query;
import io.github.connectbylist.testbed.DnsReply;
import io.github.connectbylist.testbed.DnsServer;
import io.github.connectbylist.testbed.DnsServer.RecordType;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hosts(5), read with bounds, case-insensitively, in ASCII, and again only when the file changes. */
class HostsFileTest {

  private static List<String> v4(HostsFile f, String key) throws IOException {
    return f.lookup(key).orElseThrow().ipv4().stream().map(InetAddress::getHostAddress).toList();
  }

  @Test
  void aChangedFileIsReadAgainAndAnUnchangedOneIsNot(@TempDir Path dir) throws Exception {
    Path path = Files.writeString(dir.resolve("hosts"), "127.0.0.1 a.test\n");
    HostsFile f = HostsFile.given(path);
    assertEquals(List.of("127.0.0.1"), v4(f, "a.test"));
    Files.writeString(path, "127.0.0.2 a.test\r\n127.0.0.3 b.test"); // CRLF, no final newline
    Files.setLastModifiedTime(path, FileTime.from(Instant.now().plusSeconds(5)));
    assertEquals(List.of("127.0.0.2"), v4(f, "a.test"));
    assertEquals(List.of("127.0.0.3"), v4(f, "b.test"));
  }

  @Test
  void aMissingSystemFileListsNothingAndABrokenOneIsAnError(@TempDir Path dir) throws Exception {
    HostsFile missing = HostsFile.system(dir.resolve("missing"));
    assertTrue(missing.lookup("a.test").isEmpty());
    HostsFile fifoLike = HostsFile.system(Path.of("/dev/zero"));
    IOException e = assertThrows(IOException.class, () -> fifoLike.lookup("a.test"));
    assertTrue(e.getMessage().contains("/dev/zero") && e.getMessage().contains("16 MiB"), e.getMessage());
  }

  @Test
  void aFifoIsRefusedWithoutBlocking(@TempDir Path dir) throws Exception {
    Path fifo = dir.resolve("fifo");
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException noMkfifo) {
      return; // not on this system: /dev/zero above covers special files
    }
    if (mkfifo.waitFor() != 0) {
      return;
    }
    IOException e = assertThrows(IOException.class, () -> HostsFile.given(fifo));
    assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
  }

  @Test
  void theSystemsUnreadableHostsFileIsSkippedForDns(@TempDir Path dir) throws Exception {
    Path hosts = Files.createDirectory(dir.resolve("hosts")); // unreadable as a hosts file
    try (DnsServer dns = DnsServer.start();
        DnsResolver r = DnsResolver.builder().servers(List.of(dns.address())).systemHostsFileAt(hosts).build()) {
      dns.reply("a.test", RecordType.A, DnsReply.addresses("127.0.0.5"));
      RecordingAnswers answers = new RecordingAnswers();
      r.resolve("a.test", answers);
      assertTrue(answers.awaitDone(5), answers.toString());
      assertEquals(List.of("127.0.0.5"), answers.report(Query.A).literals(), "DNS answered, with a warning logged");
    }
  }
}
