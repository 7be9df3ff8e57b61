package io.github.connectbylist.resolver.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.connectbylist.ConnectByList;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.Query;
import io.github.connectbylist.testbed.DnsReply;
import io.github.connectbylist.testbed.DnsServer;
import io.github.connectbylist.testbed.DnsServer.RecordType;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's DNS cases of what a user (or the host) gives the resolver: hosts files, server lists, options
 * and names. Each must be taken case-insensitively where DNS is, read with bounds, in ASCII only, and refused
 * with one clear error that names what was wrong; nothing may throw an {@link Error}.
 */
class HostileResolverInputTest {
  private DnsServer dns;

  @BeforeEach
  void start() throws Exception {
    dns = DnsServer.start();
  }

  @AfterEach
  void stop() {
    dns.close();
  }

  private DnsResolver withHosts(Path hosts) {
    return DnsResolver.builder().servers(List.of(dns.address())).hostsFile(hosts).timeout(Duration.ofSeconds(1))
        .build();
  }

  private static RecordingAnswers resolve(DnsResolver resolver, String name) throws InterruptedException {
    RecordingAnswers answers = new RecordingAnswers();
    resolver.resolve(name, answers);
    assertTrue(answers.awaitDone(10), "done within 10 s: " + answers);
    return answers;
  }

  // Audit case 10: the hosts file is matched case-insensitively, with every address of a name.

  @Test
  void theHostsFileMatchesUppercaseLocalhost(@TempDir Path dir) throws Exception {
    Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost\n::1 localhost ip6-localhost\n");
    try (DnsResolver r = withHosts(hosts)) {
      RecordingAnswers answers = resolve(r, "LOCALHOST");
      assertEquals(List.of("127.0.0.1"), answers.report(Query.A).literals(), answers.toString());
      assertEquals(List.of("0:0:0:0:0:0:0:1"), answers.report(Query.AAAA).literals(), answers.toString());
      answers = resolve(r, "Ip6-LocalHost.");
      assertEquals(List.of("0:0:0:0:0:0:0:1"), answers.report(Query.AAAA).literals(), answers.toString());
    }
    assertEquals(0, dns.queries("localhost", RecordType.A), "DNS was not asked");
  }

  @Test
  void theHostsFileGivesEveryAddressOfANameInFileOrder(@TempDir Path dir) throws Exception {
    Path hosts = Files.writeString(dir.resolve("hosts"), """
        # comments, blank lines, tabs and aliases, as hosts(5) has them
        127.0.0.2\tmulti.test   alias.test  # café: a comment may hold any byte

        127.0.0.1 MULTI.test
        ::1 multi.test
        127.0.0.2 multi.test
        127.0.0.9 exämple.test
        127.0.0.１ full-width.test
        """);
    try (DnsResolver r = withHosts(hosts)) {
      RecordingAnswers answers = resolve(r, "multi.test");
      assertEquals(List.of("127.0.0.2", "127.0.0.1"), answers.report(Query.A).literals(), answers.toString());
      assertEquals(List.of("0:0:0:0:0:0:0:1"), answers.report(Query.AAAA).literals(), answers.toString());
      assertEquals(List.of("127.0.0.2"), resolve(r, "alias.test").report(Query.A).literals());
      assertEquals(FailureKind.NO_SUCH_NAME, resolve(r, "full-width.test").report(Query.A).failure(),
          "a line whose address is not ASCII is skipped: DNS (the testbed: NXDOMAIN) is asked");
    }
  }

  // Audit case 1: a hosts file is read with bounds; /dev/zero fails cleanly, never with an Error.

  @Test
  void hostsDevZeroFailsAtBuildWithOneClearErrorInsteadOfKillingTheConnect() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConnectByList.builder()
        .resolver("dns(servers=" + dns.serverSpec() + ", hosts=/dev/zero, timeout=1s)").build().close());
    assertTrue(e.getMessage().contains("/dev/zero") && e.getMessage().contains("regular file"), e.getMessage());
  }

  @Test
  void aHostsFileOverTheSizeCapFailsAtBuildNamingThePathAndTheLimit(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("big-hosts");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(HostsFile.MAX_BYTES + 1); // sparse: costs no disk
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withHosts(big).close());
    assertTrue(e.getMessage().contains(big.toString()) && e.getMessage().contains("16 MiB"), e.getMessage());
  }

  @Test
  void aHostsFileWithAnOverlongLineFailsAtBuildNamingThePathAndTheLimit(@TempDir Path dir) throws Exception {
    Path longLine = Files.writeString(dir.resolve("hosts"), "127.0.0.1 " + "a".repeat(HostsFile.MAX_LINE) + "\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withHosts(longLine).close());
    assertTrue(e.getMessage().contains(longLine.toString()) && e.getMessage().contains("line 1"), e.getMessage());
  }

  @Test
  void aHostsFileThatBecomesUnreadableFailsTheLookupNamingThePath(@TempDir Path dir) throws Exception {
    Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 a.test\n");
    try (DnsResolver r = withHosts(hosts)) {
      assertEquals(List.of("127.0.0.1"), resolve(r, "a.test").report(Query.A).literals());
      Files.delete(hosts);
      Files.createDirectory(hosts); // not a regular file any more
      RecordingAnswers answers = resolve(r, "a.test");
      assertEquals(FailureKind.RESOLUTION_FAILED, answers.report(Query.A).failure(), answers.toString());
      assertTrue(answers.report(Query.A).error().getMessage().contains(hosts.toString()), answers.toString());
    }
  }

  @Test
  void aHostsFileThatDoesNotExistFailsAtBuildNamingThePath(@TempDir Path dir) {
    Path missing = dir.resolve("missing");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withHosts(missing).close());
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  // Audit case 10: the servers option is exactly [v6]:port, v4:port or a literal, in ASCII.

  @Test
  void serversThatAreNotExactlyAnAddressAndAnAsciiPortAreRefused() {
    for (String bad : List.of("[::1]x53", "[::1]53", "[::1]:", "[::1]:53x", "[::1", "::1]", "[127.0.0.1]:53",
        "127.0.0.1:", "127.0.0.1:５３", "１２７.0.0.1", "::１", "[::１]:53", "127.0.0.1:+53", "127.0.0.1:-1",
        "127.0.0.1:0", "127.0.0.1:65536", "127.0.0.1:999999999999", "127.1", "127.0.0.1:53:53", "", "+",
        "127.0.0.1++::1", "localhost", "[fe80::1%lo]:53", "127.0.0.1 :53", "256.0.0.1")) {
      try {
        List<InetSocketAddress> parsed = DnsResolverProvider.parseServers(bad);
        fail("'" + bad + "' was taken as " + parsed);
      } catch (IllegalArgumentException expected) {
        assertTrue(expected.getMessage().contains("servers"), expected.getMessage());
      }
    }
    assertEquals(List.of(new InetSocketAddress("127.0.0.1", 5353), new InetSocketAddress("::1", 53),
        new InetSocketAddress("::1", 5300), new InetSocketAddress("127.0.0.2", 53), new InetSocketAddress("::2", 53)),
        DnsResolverProvider.parseServers("127.0.0.1:5353+[::1]+[::1]:5300+127.0.0.2+::2"));
  }

  // Review of issue 17: each query holds a socket per server it asks, so the list of servers is bounded.

  @Test
  void moreServersThanTheLimitAreRefusedWithOneLineNamingIt() {
    String nine = String.join("+", java.util.Collections.nCopies(DnsResolver.MAX_SERVERS + 1, "127.0.0.1:53"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConnectByList.builder()
        .resolver("dns(servers=" + nine + ")").build().close());
    assertEquals("option servers: 9 given, at most 8 are taken (each query holds a socket per server it asks)",
        e.getMessage());
    List<InetSocketAddress> many = java.util.Collections.nCopies(DnsResolver.MAX_SERVERS + 1, dns.address());
    e = assertThrows(IllegalArgumentException.class, () -> DnsResolver.builder().servers(many));
    assertEquals("servers: 9 given, at most 8 are taken (each query holds a socket per server it asks)",
        e.getMessage());
    String eight = String.join("+", java.util.Collections.nCopies(DnsResolver.MAX_SERVERS, dns.serverSpec()));
    assertEquals(DnsResolver.MAX_SERVERS, DnsResolverProvider.parseServers(eight).size(), "the limit itself is taken");
  }

  // Review of issue 17: a hosts file is read in linear time, and on the resolver's thread, not the caller's.

  @Test
  void aHostsFileWithOneNameOfManyAddressesIsReadInLinearTime(@TempDir Path dir) throws Exception {
    int count = 300_000; // quadratic: 4.5e10 comparisons, minutes; linear: well under a second
    StringBuilder text = new StringBuilder(count * 24);
    for (int i = 0; i < count; i++) {
      text.append("2001:db8::").append(Integer.toHexString(i >> 16)).append(':').append(Integer.toHexString(i & 0xFFFF))
          .append(" many.test\n");
    }
    Path hosts = Files.writeString(dir.resolve("hosts"), text);
    long start = System.nanoTime();
    HostsFile file = HostsFile.given(hosts);
    long millis = (System.nanoTime() - start) / 1_000_000;
    List<InetAddress> v6 = file.lookup("many.test").orElseThrow().ipv6();
    assertEquals(count, v6.size());
    assertEquals("2001:db8:0:0:0:0:0:0", v6.get(0).getHostAddress());
    assertEquals("2001:db8:0:0:0:0:4:93df", v6.get(count - 1).getHostAddress(), "file order");
    assertTrue(millis < 10_000, "read " + Files.size(hosts) + " bytes in " + millis + " ms");
  }

  @Test
  void aChangedHostsFileIsReadOnTheResolversThreadNotTheCallers(@TempDir Path dir) throws Exception {
    Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 a.test\n");
    try (DnsResolver r = withHosts(hosts)) {
      ThreadRecordingAnswers unchanged = new ThreadRecordingAnswers();
      r.resolve("a.test", unchanged); // read when the resolver was built: answered at once, here
      assertTrue(unchanged.awaitDone(10), unchanged.toString());
      assertEquals(Thread.currentThread().getName(), unchanged.thread, "an unchanged file costs no hop");
      Files.writeString(hosts, "127.0.0.2 a.test\n");
      Files.setLastModifiedTime(hosts, FileTime.from(Instant.now().plusSeconds(5)));
      ThreadRecordingAnswers changed = new ThreadRecordingAnswers();
      r.resolve("a.test", changed);
      assertTrue(changed.awaitDone(10), changed.toString());
      assertEquals(List.of("127.0.0.2"), changed.report(Query.A).literals(), changed.toString());
      assertTrue(changed.thread.startsWith("connectbylist-dns-"), "read on the resolver's thread, not the caller's "
          + "(a connect's event loop): " + changed.thread);
    }
  }

  /** Answers that note the thread of the first report. */
  private static final class ThreadRecordingAnswers extends RecordingAnswers {
    volatile String thread;

    @Override
    public void answered(Query query, List<InetAddress> addresses) {
      if (thread == null) {
        thread = Thread.currentThread().getName();
      }
      super.answered(query, addresses);
    }
  }

  @Test
  void theCacheOptionTakesAsciiDigitsOnly() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConnectByList.builder()
        .resolver("dns(servers=" + dns.serverSpec() + ", cache=２５６)").build().close());
    assertTrue(e.getMessage().contains("cache"), e.getMessage());
  }

  @Test
  void aHostNameThatIsNotAsciiIsNoSuchNameWithoutAQuery() throws Exception {
    dns.reply("xn--exmple-cua.test", RecordType.A, DnsReply.addresses("127.0.0.1"));
    try (DnsResolver r = DnsResolver.builder().servers(List.of(dns.address())).noHostsFile().build()) {
      for (String name : List.of("exämple.test", "a b.test", "tab\t.test", "ｘ.test", "a..test", "-")) {
        RecordingAnswers answers = resolve(r, name);
        assertEquals(FailureKind.NO_SUCH_NAME, answers.report(Query.A).failure(), name + ": " + answers);
        assertEquals(FailureKind.NO_SUCH_NAME, answers.report(Query.AAAA).failure(), name + ": " + answers);
      }
      assertEquals(0, dns.queriesReceived(), "refused before any query was sent");
      assertEquals(List.of("127.0.0.1"), resolve(r, "xn--exmple-cua.test").report(Query.A).literals(),
          "an IDN in its ASCII form is a name like any other");
    }
  }
}
