package io.github.connectbylist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.connectbylist.emulator.Network;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code emulate}: the network as it will be built, a command run in a host with its status passed on and the
 * packets summed up, and every bad input one line with status 2 before anything is built.
 */
class EmulateCommandTest {
  private static final String DUAL = Path.of("..", "docs", "networks", "dual-stack-slow-ipv6.json").toString();

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void printShowsTheNetworkAndBuildsNothing() {
    assertEquals(0, run("emulate", DUAL, "--print"), err.toString());
    assertTrue(out.toString().contains("client"), out.toString());
    assertTrue(out.toString().contains("dual.test"), out.toString());
  }

  @Test
  void aCommandRunsInTheHostAndItsStatusIsTheCommands() throws Exception {
    assumeTrue(Network.unavailable().isEmpty(), () -> "skipped: " + Network.unavailable().orElse(""));
    Path pcap = dir.resolve("out.pcap");
    int status = run("emulate", DUAL, "--pcap", pcap.toString(), "--serve", "server:80", "--",
        "bash", "-c", "exec 3<>/dev/tcp/198.51.100.2/80; exit 3");
    assertEquals(3, status, out + "\n" + err);
    String text = out.toString();
    assertTrue(text.contains("ran in client and exited with 3"), text);
    assertTrue(text.contains("packets:"), text);
    assertTrue(text.contains("198.51.100.2:80"), "the SYN to the server's HTTP port is in the summary: " + text);
    assertTrue(Files.size(pcap) > 24, "the pcap file has its header and packets");
  }

  @Test
  void badInputIsOneLineAndStatusTwo() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"name\": \"x\", \"hosts\": [], \"colour\": 1}");
    assertBad(2, "emulate", bad.toString(), "--", "true");
    assertBad(2, "emulate", DUAL);
    assertBad(2, "emulate", DUAL, "--host", "nobody", "--", "true");
    assertBad(2, "emulate", DUAL, "--serve", "server", "--", "true");
    assertBad(2, "emulate", DUAL, "--serve", "server:0", "--", "true");
    assertBad(2, "emulate", dir.resolve("missing.json").toString(), "--print");
  }

  private void assertBad(int expected, String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    assertEquals(expected, run(args), String.join(" ", args) + ": " + err);
    assertEquals(1, err.toString().lines().count(), "one line: " + err);
    assertTrue(err.toString().startsWith("connectbylist emulate: "), err.toString());
  }
}
