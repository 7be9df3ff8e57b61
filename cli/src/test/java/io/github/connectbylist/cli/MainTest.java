package io.github.connectbylist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.testbed.Endpoint;
import io.github.connectbylist.testbed.Testbed;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The commands as a user runs them, on loopback only. */
class MainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void demoComparesEveryStrategyOnTheTestbed() {
    assertEquals(0, run("demo", "--timeout", "1s", "--scheduler", "happy-eyeballs(connection-attempt-delay=100ms)"),
        err.toString());
    String text = out.toString();
    assertTrue(text.matches("(?s).*sequential\\s+sequential\\s+TIMED_OUT.*"), text);
    assertTrue(text.matches("(?s).*sequential\\s+happy-eyeballs\\(connection-attempt-delay=100ms\\)\\s+connected.*"),
        "a scheduler given is compared too: " + text);
    assertTrue(text.matches("(?s).*sequential\\s+sequential\\(attempt-timeout=250ms\\)\\s+connected\\s+[\\d.]+\\s+3\\s+127\\.0\\.0\\.1:.*"),
        text);
    assertTrue(text.matches("(?s).*happy-eyeballs\\s+happy-eyeballs\\s+connected\\s+[\\d.]+\\s+[23]\\s+127\\.0\\.0\\.1:.*"),
        text);
    String inARow = text.substring(text.indexOf("connects in a row on one instance"));
    assertTrue(inARow.contains("history("), "the default strategy keeps history: " + inARow);
    assertTrue(inARow.matches("(?s).*\\n1\\s+connected\\s+[\\d.]+\\s+3\\s+127\\.0\\.0\\.1:.*"),
        "the first connect meets the black hole and the refusal: " + inARow);
    for (int i = 2; i <= 5; i++) {
      assertTrue(inARow.matches("(?s).*\\n" + i + "\\s+connected\\s+[\\d.]+\\s+1\\s+127\\.0\\.0\\.1:.*"),
          "connect " + i + " goes straight to the good endpoint: " + inARow);
    }
    assertTrue(text.matches("(?s).*\\ngo\\s+go\\s+connected\\s+[\\d.]+\\s+[23]\\s+127\\.0\\.0\\.1:.*"),
        "each client model as a whole, after the library's strategies: " + text);
    assertTrue(!text.matches("(?s).*\\nsequential\\s+chrome\\s.*"), "models are not crossed with other rankers");
    if (Testbed.ipv6LoopbackAvailable()) {
      String byName = text.substring(text.indexOf("by name: slow-aaaa.test"));
      assertTrue(byName.matches("(?s).*\\nhappy-eyeballs\\s+connected\\s+[\\d.]+\\s+[\\d.]+\\s+127\\.0\\.0\\.1:.*"),
          "Happy Eyeballs goes on the A answer after the resolution delay: " + byName);
      assertTrue(byName.matches("(?s).*\\nsequential\\s+connected\\s+[\\d.]+\\s+[\\d.]+\\s+\\[::1\\]:.*"),
          "sequential waits for both answers, then IPv6 first: " + byName);
    }
  }

  @Test
  void connectByNamePrintsTheResolutionAndDenyPrivateRefusesLoopback() throws Exception {
    try (Testbed testbed = new Testbed(); io.github.connectbylist.testbed.DnsServer dns =
        io.github.connectbylist.testbed.DnsServer.start()) {
      Endpoint good = testbed.accepting("127.0.0.1");
      dns.reply("named.test", io.github.connectbylist.testbed.DnsServer.RecordType.A,
          io.github.connectbylist.testbed.DnsReply.addresses("127.0.0.1"));
      String resolver = "dns(servers=" + dns.serverSpec() + ", hosts=none, timeout=1s)";
      assertEquals(0, run("connect", "--resolver", resolver, "named.test:" + good.address().getPort()), err.toString());
      String text = out.toString();
      assertTrue(text.contains("resolution of named.test:") && text.contains("AAAA") && text.contains("no addresses"),
          text);
      assertTrue(text.contains("-> 127.0.0.1:" + good.address().getPort() + " in "), text);
      out.getBuffer().setLength(0);
      assertEquals(1, run("connect", "--deny-private", "127.0.0.1:" + good.address().getPort()));
      assertTrue(out.toString().contains("failed: DENIED") && out.toString().contains("loopback"), out.toString());
      assertEquals(2, run("connect", "--resolver", "dns(servers=nowhere)", "named.test:80"));
      assertTrue(err.toString().contains("servers") && err.toString().contains("nowhere"), err.toString());
    }
  }

  @Test
  void connectWithAServicePrintsTheRecordsAndTheEndpointThatWon() throws Exception {
    try (Testbed testbed = new Testbed(); io.github.connectbylist.testbed.DnsServer dns =
        io.github.connectbylist.testbed.DnsServer.start()) {
      int origin = testbed.refusing("127.0.0.1").address().getPort();
      int moved = testbed.accepting("127.0.0.1").address().getPort();
      dns.reply("_" + origin + "._https.svc.test", io.github.connectbylist.testbed.DnsServer.RecordType.HTTPS,
          io.github.connectbylist.testbed.DnsReply.services(
              io.github.connectbylist.testbed.ServiceRecord.service(1, ".").alpn("h2").port(moved)));
      dns.reply("svc.test", io.github.connectbylist.testbed.DnsServer.RecordType.A,
          io.github.connectbylist.testbed.DnsReply.addresses("127.0.0.1"));
      String resolver = "dns(servers=" + dns.serverSpec() + ", hosts=none, timeout=1s)";
      assertEquals(0, run("connect", "--resolver", resolver, "--service", "https", "svc.test:" + origin), err.toString());
      String text = out.toString();
      assertTrue(text.contains("HTTPS") && text.contains("1 svc.test. alpn=h2 port=" + moved), text);
      assertTrue(text.contains("offer ALPN [h2, http/1.1]"), text);
      assertTrue(text.contains("-> 127.0.0.1:" + moved + " in "), "the record's port: " + text);
      assertEquals(2, run("connect", "--service", "no scheme", "svc.test:443"));
      assertTrue(err.toString().contains("URI scheme"), err.toString());
    }
  }

  @Test
  void aNegativeRepeatIsBadInput() {
    assertOneLineError("--repeat -1", "negative", "demo", "--repeat", "-1");
  }

  @Test
  void connectPrintsTheTimelineAndTheWinner() throws Exception {
    try (Testbed testbed = new Testbed()) {
      Endpoint refused = testbed.refusing("127.0.0.2");
      Endpoint good = testbed.accepting("127.0.0.1");
      assertEquals(0, run("connect", "--strategy", "sequential", "127.0.0.2:" + refused.address().getPort(),
          "127.0.0.1:" + good.address().getPort()), err.toString());
      String text = out.toString();
      assertTrue(text.contains("REFUSED"), text);
      assertTrue(text.contains("CONNECTED"), text);
      assertTrue(text.contains("-> 127.0.0.1:" + good.address().getPort() + " in "), text);
    }
  }

  @Test
  void aFailedConnectExitsWithOne() throws Exception {
    try (Testbed testbed = new Testbed()) {
      Endpoint refused = testbed.refusing("127.0.0.2");
      assertEquals(1, run("connect", "127.0.0.2:" + refused.address().getPort()));
      assertTrue(out.toString().contains("failed: REFUSED"), out.toString());
    }
  }

  @Test
  void badArgumentsAreUsageErrors() {
    assertEquals(2, run("connect", "127.0.0.1"));
    assertTrue(err.toString().contains("HOST:PORT"), err.toString());
    assertEquals(2, run("connect", "--scheduler", "nope", "127.0.0.1:9"));
    assertTrue(err.toString().contains("no scheduler named 'nope'"), err.toString());
  }

  /** Exit status 2 and exactly one line on standard error that names the input; no stack trace. */
  private void assertOneLineError(String names, String says, String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    assertEquals(2, run(args), "exit status of " + String.join(" ", args));
    String text = err.toString();
    assertEquals(1, text.lines().count(), "one line: " + text);
    assertTrue(text.contains(names), "names the input " + names + ": " + text);
    assertTrue(text.contains(says), "says " + says + ": " + text);
    assertFalse(text.contains("\tat ") || text.contains("Exception"), "no stack trace: " + text);
  }

  @Test
  void badDestinationsGetOneLineThatNamesThemAndExitTwo() {
    assertOneLineError("'0.0.0.0:80'", "unspecified address", "connect", "0.0.0.0:80");
    assertOneLineError("'[::]:80'", "unspecified address", "connect", "127.0.0.1:9", "[::]:80");
    assertOneLineError("'127.0.0.1:0'", "port 0", "connect", "127.0.0.1:0");
    assertOneLineError("'127.0.0.1:70000'", "1 to 65535", "connect", "127.0.0.1:70000");
    assertOneLineError("'224.0.0.1:80'", "multicast", "connect", "224.0.0.1:80");
    assertOneLineError("'localhost:http'", "no port number", "connect", "localhost:http");
    assertOneLineError("'soon'", "not a duration", "connect", "--timeout", "soon", "127.0.0.1:9");
    assertOneLineError("'nope'", "no scheduler named", "demo", "--scheduler", "nope");
    assertOneLineError("--strategy sequential", "give it alone, or --ranker and --scheduler", "connect", "--strategy",
        "sequential", "--ranker", "rfc6724", "127.0.0.1:9");
    assertTrue(out.toString().isEmpty(), "nothing on standard output for bad input: " + out);
  }

  @Test
  void badExperimentFilesGetOneLineWithTheFileAndForJsonTheLineAndColumn(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path missing = dir.resolve("missing.json");
    assertOneLineError(missing.toString(), "no such file", "experiment", missing.toString());

    java.nio.file.Path malformed = dir.resolve("malformed.json");
    java.nio.file.Files.writeString(malformed, "{\n  \"name\": \"x\",\n  \"strategies\": [\"sequential/sequential\"\n  \"scenarios\": []\n}\n");
    assertOneLineError(malformed.toString(), "line 4, column 3", "experiment", malformed.toString());

    java.nio.file.Path unknown = dir.resolve("unknown.json");
    java.nio.file.Files.writeString(unknown, "{\"strategies\": [\"nope/sequential\"], \"scenarios\": [\"broken-ipv6\"]}");
    assertOneLineError(unknown.toString(), "no ranker named 'nope'", "experiment", unknown.toString());

    java.nio.file.Path scenario = dir.resolve("scenario.json");
    java.nio.file.Files.writeString(scenario, "{\"name\": \"s\", \"destinations\": [\"192.0.2.1:443\"], \"sources\": [],"
        + " \"network\": [{\"behaviour\": \"teleports\"}]}");
    java.nio.file.Path usesIt = dir.resolve("uses-it.json");
    java.nio.file.Files.writeString(usesIt, "{\"strategies\": [\"sequential/sequential\"], \"scenarios\": [\"scenario.json\"]}");
    assertOneLineError(scenario.toString(), "'teleports' is not one of", "experiment", usesIt.toString());
  }

  @Test
  void verboseAddsTheStackTrace() {
    assertEquals(2, run("--verbose", "connect", "0.0.0.0:80"));
    assertTrue(err.toString().lines().count() > 1 && err.toString().contains("\tat "), err.toString());
    err.getBuffer().setLength(0);
    assertEquals(2, run("connect", "--verbose", "127.0.0.1:0"));
    assertTrue(err.toString().contains("\tat "), "also after the subcommand: " + err);
  }

  @Test
  void experimentRunsTheBuiltInSetAndWritesTheReport(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    assertEquals(0, run("experiment", "--runs", "20", "--session-runs", "2", "--out", dir.toString()), err.toString());
    assertTrue(out.toString().contains(
        "2800 simulated connects (7 strategies x 10 scenarios x 20 runs; 1400 in 4 sessions x 2 clients)"), out.toString());
    for (String file : new String[] {"runs.csv", "summary.csv", "sessions.csv", "session-summary.csv", "results.json",
        "report.html"}) {
      assertTrue(java.nio.file.Files.size(dir.resolve(file)) > 0, file);
    }
  }

  @Test
  void httpsRunsTheScenariosWithHttpsRecordsAndMarksTheHttpsAnswer(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    assertEquals(0, run("experiment", "https", "--runs", "2", "--out", dir.toString()), err.toString());
    assertTrue(out.toString().contains("154 simulated connects (11 strategies x 7 scenarios x 2 runs"), out.toString());
    String html = java.nio.file.Files.readString(dir.resolve("report.html"));
    assertTrue(html.contains(">HTTPS<title>HTTPS https-hints-ahead.test at 20.0ms"), "the HTTPS answer's mark");
    assertTrue(html.contains("<th>HTTPS records</th>") && html.contains("not asked: client model"));
    assertTrue(java.nio.file.Files.readString(dir.resolve("results.json")).contains("\"asked_for_service_records\" : true"));
  }

  @Test
  void lazyEyePrintsThePapersTableWithTheModelsBesideIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    assertEquals(0, run("experiment", "lazy-eye", "--out", dir.toString()), err.toString());
    String text = out.toString();
    assertTrue(text.matches("(?s).*\\nchrome/chrome\\s+300 ms\\s+yes\\s+none \\(waits for AAAA\\)\\s+1/1\\n"
        + "Chrome 130 \\(paper\\)\\s+300 ms\\s+yes\\s+none\\s+1/1\\n.*"), text);
    assertTrue(text.matches("(?s).*\\nhappy-eyeballs/happy-eyeballs\\s+250 ms\\s+yes\\s+50 ms\\s+10/10\\n.*"), text);
    assertTrue(java.nio.file.Files.readString(dir.resolve("lazy-eye.csv")).startsWith("strategy,connection_attempt_delay"));
    assertTrue(java.nio.file.Files.readString(dir.resolve("report.html")).contains("Firefox 132 (paper)"));
  }

  @Test
  void conformanceAndThreadsWithAnExperimentFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path file = dir.resolve("e.json");
    java.nio.file.Files.writeString(file, "{\"runs\": 10, \"strategies\": [\"node/node\"], \"scenarios\": "
        + "[\"broken-ipv6\"]}");
    assertEquals(0, run("experiment", file.toString(), "--conformance", "--threads", "1", "--out",
        dir.resolve("out").toString()), err.toString());
    assertTrue(out.toString().contains("on 1 threads"), out.toString());
    assertTrue(out.toString().matches("(?s).*\\nnode/node\\s+250 ms\\s+yes.*"), out.toString());
    assertTrue(java.nio.file.Files.readString(dir.resolve("out/report.html")).contains("Lazy Eye test cases"));
    assertOneLineError("--threads", "0 (one per core) or more", "experiment", file.toString(), "--threads", "-1");
  }

  @Test
  void strategiesListsWhatWasDiscoveredWithOptions() {
    assertEquals(0, run("strategies"));
    assertTrue(out.toString().contains("attempt-timeout=none"), out.toString());
    assertTrue(out.toString().contains("connection-attempt-delay=250ms"), out.toString());
    assertTrue(out.toString().contains("ranker history, scheduler happy-eyeballs"), out.toString());
    assertTrue(out.toString().contains("default"), out.toString());
  }
}
