package io.github.connectbylist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 11: every bad input is one line on standard error and exit status 2, with no exception's name,
 * no stack trace and no {@link OutOfMemoryError}; nothing is coerced, ignored, or echoed from a file the caller
 * could not read. One test per case of the audit, asserting the exact line. Nothing here connects anywhere; the
 * commands fail before they would.
 */
class BadInputTest {
  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** Runs the command line and checks: exit status 2, exactly {@code line} on standard error, nothing on output. */
  private void assertBadInput(String line, String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    int status = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    String text = err.toString();
    assertEquals(2, status, "exit status of " + String.join(" ", args) + ": " + text);
    assertEquals(1, text.lines().count(), "one line: " + text);
    assertEquals(line, text.strip());
    assertFalse(text.contains("Exception") || text.contains("Error:") || text.contains("\tat "), text);
    assertEquals("", out.toString(), "nothing on standard output");
  }

  private Path experiment(String more) throws Exception {
    Path file = dir.resolve("e.json");
    Files.writeString(file, "{\"strategies\": [\"sequential/sequential\"], \"scenarios\": [\"broken-ipv6\"]"
        + (more.isEmpty() ? "" : ", " + more) + "}");
    return file;
  }

  private String outDir() {
    return dir.resolve("report").toString();
  }

  @Test
  void realWithAnExperimentFile() throws Exception {
    assertBadInput("connectbylist experiment: --real goes with lazy-eye: experiment lazy-eye --real [--clients ...]",
        "experiment", experiment("").toString(), "--real", "--out", outDir());
  }

  @Test
  void clientsWithoutReal() {
    assertBadInput("connectbylist experiment: --clients and --repetitions go with --real: experiment lazy-eye --real "
        + "[--clients ...] [--repetitions N]", "experiment", "lazy-eye", "--clients", "curl", "--out", outDir());
  }

  @Test
  void realWithAClientThatDoesNotExist() {
    assertBadInput("connectbylist experiment: --clients: unknown client 'wget'; the clients are curl, node, asyncio, "
        + "asyncio-250ms, go, okhttp, java-socket, chromium, firefox, connectbylist:RANKER/SCHEDULER",
        "experiment", "lazy-eye", "--real", "--clients", "curl,wget", "--out", outDir());
  }

  @Test
  void realWithTheSimulatorsRuns() {
    assertBadInput("connectbylist experiment: --runs, --seed, --session-runs and --conformance are the simulator's: "
        + "with --real give --clients and --repetitions", "experiment", "lazy-eye", "--real", "--runs", "5", "--out",
        outDir());
  }

  @Test
  void realWithNoRepetitions() {
    assertBadInput("connectbylist experiment: --repetitions 0 is out of range: give a whole number from 1 to 100",
        "experiment", "lazy-eye", "--real", "--repetitions", "0", "--out", outDir());
  }

  @Test
  void runsZero() {
    assertBadInput("connectbylist experiment: --runs 0 is out of range: give a whole number from 1 to 1000000",
        "experiment", "--runs", "0", "--out", outDir());
  }

  @Test
  void runsMinusFive() {
    assertBadInput("connectbylist experiment: --runs -5 is out of range: give a whole number from 1 to 1000000",
        "experiment", "--runs", "-5", "--out", outDir());
  }

  @Test
  void sessionRunsMinusOne() {
    assertBadInput("connectbylist experiment: --session-runs -1 is out of range: give a whole number from 1 to "
        + "1000000", "experiment", "--session-runs", "-1", "--out", outDir());
  }

  @Test
  void demoTimeoutZeroMilliseconds() {
    assertBadInput("connectbylist demo: Invalid value for option '--timeout': '0ms' is out of range: give a duration "
        + "from 1ms to 24h (see 'connectbylist demo --help')", "demo", "--timeout", "0ms");
  }

  @Test
  void outIsAnExistingFile() throws Exception {
    Path file = Files.writeString(dir.resolve("existing"), "");
    assertBadInput("connectbylist experiment: --out " + file + ": is a file, not a directory",
        "experiment", experiment("").toString(), "--out", file.toString());
  }

  @Test
  void outUnderProcNope() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc")), "no /proc here");
    assertBadInput("connectbylist experiment: --out /proc/nope/x: cannot create the directory: no such file or "
        + "directory (/proc/nope)", "experiment", experiment("").toString(), "--out", "/proc/nope/x");
  }

  @Test
  void outUnderAFile() throws Exception {
    Path file = Files.writeString(dir.resolve("existing"), "");
    Path under = file.resolve("x");
    String line = runExpectingTwo("experiment", experiment("").toString(), "--out", under.toString());
    assertTrue(line.startsWith("connectbylist experiment: --out " + under + ": cannot create the directory: "), line);
  }

  /** For the cases whose reason is the operating system's words: exit status 2 and one line, returned. */
  private String runExpectingTwo(String... args) {
    err.getBuffer().setLength(0);
    assertEquals(2, Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args), err.toString());
    assertEquals(1, err.toString().lines().count(), err.toString());
    assertFalse(err.toString().contains("Exception"), err.toString());
    return err.toString().strip();
  }

  @Test
  void runsOfMaxIntIsRefusedNotAnOutOfMemoryError() {
    assertBadInput("connectbylist experiment: --runs 2147483647 is out of range: give a whole number from 1 to "
        + "1000000", "experiment", "--runs", "2147483647", "--out", outDir());
  }

  @Test
  void sessionRunsOfMaxIntInJsonIsRefusedNotAnOutOfMemoryError() throws Exception {
    Path file = experiment("\"session-runs\": 2147483647, \"sessions\": [\"broken-ipv6-session\"]");
    assertBadInput("connectbylist experiment: " + file + ": session-runs: 2147483647 is out of range: give a whole "
        + "number from 1 to 1000000", "experiment", file.toString(), "--out", outDir());
  }

  @Test
  void runsTimesScenariosTimesStrategiesAboveTheLimitIsRefusedBeforeItRuns() {
    assertBadInput("connectbylist experiment: the built-in experiment: 7 strategies x 10 scenarios x 1000000 runs, "
        + "and 7 strategies x 4 sessions x 200 clients make 70140000 simulated connects; an experiment may make at "
        + "most 2000000: give fewer runs, clients, strategies, scenarios or sessions",
        "experiment", "--runs", "1000000", "--out", outDir());
    assertFalse(Files.exists(dir.resolve("report")), "nothing written");
  }

  @Test
  void aBadStrategyLeavesNoReportDirectoryBehind() throws Exception {
    Path file = dir.resolve("e.json");
    Files.writeString(file, "{\"strategies\": [\"sequential/sequential\", \"nope/sequential\"], \"scenarios\": "
        + "[\"broken-ipv6\"]}");
    String line = runExpectingTwo("experiment", file.toString(), "--out", outDir());
    assertTrue(line.startsWith("connectbylist experiment: " + file + ": no ranker named 'nope'"), line);
    assertFalse(Files.exists(dir.resolve("report")), "checked before the directory is made");
  }

  @Test
  void gaiConfOfDevZeroIsRefusedNotAnOutOfMemoryError() {
    assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero here");
    assertBadInput("connectbylist connect: option gai-conf: /dev/zero: is not a regular file (a device, a pipe or a "
        + "socket); give a regular file of at most 1048576 bytes",
        "connect", "--ranker", "rfc6724(gai-conf=/dev/zero)", "127.0.0.1:9");
  }

  @Test
  void gaiConfWhoseFirstLineIsSecretDoesNotEchoIt() throws Exception {
    Path shadow = dir.resolve("shadow");
    Files.writeString(shadow, "root:$6$SECRET-HASH$:19000:0:99999:7:::\nbin:*:19000:0:99999:7:::\n");
    assertBadInput("connectbylist connect: " + shadow + " line 1: unknown keyword; expected label, precedence, "
        + "scopev4 or reload, or a # comment", "connect", "--ranker", "rfc6724(gai-conf=" + shadow + ")",
        "127.0.0.1:9");
    assertFalse(err.toString().contains("SECRET"), err.toString());
  }

  @Test
  void anExperimentFileWhoseFirstLineIsSecretDoesNotEchoIt() throws Exception {
    Path shadow = dir.resolve("shadow");
    Files.writeString(shadow, "root:$6$SECRET-HASH$:19000:0:99999:7:::\n");
    assertBadInput("connectbylist experiment: " + shadow + ": line 1, column 1: unexpected text, was expecting (JSON "
        + "String, Number, Array, Object or token 'null', 'true' or 'false')", "experiment", shadow.toString(),
        "--out", outDir());
  }

  @Test
  void deadlineMsOf9e18IsRefusedNotAnArithmeticException() throws Exception {
    Path file = experiment("\"deadline-ms\": 9e18");
    assertBadInput("connectbylist experiment: " + file + ": deadline-ms: 9e18 is out of range: give a whole number "
        + "from 1 to 86400000", "experiment", file.toString(), "--out", outDir());
  }

  @Test
  void runsOf1e400IsPrintedAsWrittenNotAs1EPlus400() throws Exception {
    Path file = experiment("\"runs\": 1e400");
    assertBadInput("connectbylist experiment: " + file + ": runs: 1e400 is out of range: give a whole number from 1 "
        + "to 1000000", "experiment", file.toString(), "--out", outDir());
  }

  @Test
  void runsOf4294967297IsRefusedNotReadAsOne() throws Exception {
    Path file = experiment("\"runs\": 4294967297");
    assertBadInput("connectbylist experiment: " + file + ": runs: 4294967297 is out of range: give a whole number "
        + "from 1 to 1000000", "experiment", file.toString(), "--out", outDir());
    assertBadInput("connectbylist experiment: --runs 4294967297 is out of range: give a whole number from 1 to 1000000",
        "experiment", "--runs", "4294967297", "--out", outDir());
  }

  @Test
  void runsOfAbcIsRefusedNotReadAsAThousand() throws Exception {
    Path file = experiment("\"runs\": \"abc\"");
    assertBadInput("connectbylist experiment: " + file + ": runs: \"abc\" is not a whole number: give one from 1 to "
        + "1000000", "experiment", file.toString(), "--out", outDir());
    assertBadInput("connectbylist experiment: --runs abc is not a whole number: give one from 1 to 1000000",
        "experiment", "--runs", "abc", "--out", outDir());
  }

  @Test
  void runsOfOnePointNineIsRefusedNotReadAsOne() throws Exception {
    Path file = experiment("\"runs\": 1.9");
    assertBadInput("connectbylist experiment: " + file + ": runs: 1.9 is not a whole number: give one from 1 to "
        + "1000000", "experiment", file.toString(), "--out", outDir());
    assertBadInput("connectbylist experiment: --runs 1.9 is not a whole number: give one from 1 to 1000000",
        "experiment", "--runs", "1.9", "--out", outDir());
  }

  @Test
  void aDurationOfTenToTheThirtyMinutesIsOutOfRangeNotTwoHundredNinetyTwoYears() {
    String huge = "1" + "0".repeat(30) + "m";
    assertBadInput("connectbylist connect: Invalid value for option '--timeout': '" + huge + "' is out of range: give "
        + "a duration from 1ms to 24h (see 'connectbylist connect --help')", "connect", "--timeout", huge,
        "127.0.0.1:9");
    assertBadInput("connectbylist connect: option attempt-timeout=" + huge + " is out of range: give a duration from "
        + "1ns to 24h", "connect", "--scheduler", "sequential(attempt-timeout=" + huge + ")", "127.0.0.1:9");
  }

  @Test
  void durationsInMessagesAreAsTheUserWroteThemNotPt0s() {
    assertBadInput("connectbylist connect: option attempt-timeout=0.000s is out of range: give a duration from 1ns to "
        + "24h", "connect", "--scheduler", "sequential(attempt-timeout=0.000s)", "127.0.0.1:9");
    assertBadInput("connectbylist connect: Invalid value for option '--timeout': '0.0001s' is out of range: give a "
        + "duration from 1ms to 24h (see 'connectbylist connect --help')", "connect", "--timeout", "0.0001s",
        "127.0.0.1:9");
  }

  @Test
  void anUnknownJsonKeyIsRefusedNamingTheKeyTheFileAndTheKnownKeys() throws Exception {
    Path file = experiment("\"sesion-runs\": 3");
    assertBadInput("connectbylist experiment: " + file + ": unknown key 'sesion-runs'; the keys are name, seed, runs, "
        + "deadline-ms, strategies, sweeps, scenarios, sessions, session-runs", "experiment", file.toString(),
        "--out", outDir());
  }

  @Test
  void anUnknownScenarioNameListsTheBuiltIns() throws Exception {
    Path file = dir.resolve("e.json");
    Files.writeString(file, "{\"strategies\": [\"sequential/sequential\"], \"scenarios\": [\"brokn-ipv6\"]}");
    assertBadInput("connectbylist experiment: " + file + ": scenario 'brokn-ipv6' is neither a built-in scenario "
        + "(dual-stack-healthy, broken-ipv6, slow-ipv6, lossy-ipv4, many-addresses-one-working, all-down, "
        + "multi-homed-bad-source, slow-aaaa, lost-aaaa, slow-a, https-hints-ahead, https-port, https-h3-only, "
        + "https-alias-chain, https-slightly-late, https-very-late, ipv6-only-nat64) nor a file (" + dir.resolve("brokn-ipv6")
        + ": no such file)", "experiment", file.toString(), "--out", outDir());
  }

  @Test
  void aBadHttpsPartOfAScenarioIsOneLineThatNamesTheKey() throws Exception {
    Path scenario = dir.resolve("s.json");
    Files.writeString(scenario, "{\"name\": \"s\", \"destinations\": [\"192.0.2.1:443\"], \"sources\": [], "
        + "\"resolution\": {\"name\": \"s.test\", \"aaaa\": {}, \"a\": {}, \"https\": {\"records\": "
        + "[{\"priority\": 1, \"ipv6hint\": [\"192.0.2.9\"]}]}}, \"network\": []}");
    Path file = dir.resolve("e.json");
    Files.writeString(file, "{\"strategies\": [\"happy-eyeballs/happy-eyeballs\"], \"scenarios\": [\"s.json\"]}");
    assertBadInput("connectbylist experiment: " + scenario + ": resolution.https.records.ipv6hint: '192.0.2.9' is not "
        + "an IPv6 address", "experiment", file.toString(), "--out", outDir());
    Files.writeString(scenario, "{\"name\": \"s\", \"destinations\": [\"192.0.2.1:443\"], \"sources\": [], "
        + "\"resolution\": {\"name\": \"s.test\", \"aaaa\": {}, \"a\": {}, \"https\": {\"answer\": \"lost\", "
        + "\"records\": [{\"priority\": 1}]}}, \"network\": []}");
    assertBadInput("connectbylist experiment: " + scenario + ": resolution.https.records: only an answer of records "
        + "has records; this one is lost", "experiment", file.toString(), "--out", outDir());
  }

  @Test
  void nonAsciiDigitsAreNotNumbers() {
    assertBadInput("connectbylist experiment: --runs \uff11\uff10 is not a whole number: give one from 1 to 1000000",
        "experiment", "--runs", "\uff11\uff10", "--out", outDir());
    assertBadInput("connectbylist experiment: --seed \u0669 is not a whole number: give one from -9223372036854775808 "
        + "to 9223372036854775807", "experiment", "--seed", "\u0669", "--out", outDir());
    assertBadInput("connectbylist connect: '127.0.0.1:\uff18\uff10' has no port number", "connect",
        "127.0.0.1:\uff18\uff10");
    assertBadInput("connectbylist connect: Invalid value for option '--timeout': '\uff11\uff10ms' is not a duration "
        + "such as 250ms, 2s or 1.5s (see 'connectbylist connect --help')", "connect", "--timeout", "\uff11\uff10ms",
        "127.0.0.1:9");
  }

  @Test
  void threadsAndRepeatHaveAnUpperBound() {
    assertBadInput("connectbylist experiment: --threads 99999 is out of range: give a whole number of 0 (one per "
        + "core) or more, up to 1024", "experiment", "--threads", "99999", "--out", outDir());
    assertBadInput("connectbylist demo: --repeat 5000 is out of range: give a whole number from 0 to 1000", "demo",
        "--repeat", "5000");
  }

  @Test
  void aFileNameWithControlCharactersCannotDriveTheTerminal() {
    String name = dir.resolve("bad\u001b[31m.json").toString();
    assertBadInput("connectbylist experiment: " + name.replace('\u001b', '?') + ": no such file or directory",
        "experiment", name, "--out", outDir());
  }

  @Test
  void anErrorThatEscapesACommandIsOneLineWithoutItsName() {
    StringWriter text = new StringWriter();
    int status = new OneLineErrors(new Main()).handleError(new OutOfMemoryError("Java heap space"),
        new PrintWriter(text, true));
    assertEquals(1, status);
    assertEquals(1, text.toString().lines().count(), text.toString());
    assertTrue(text.toString().startsWith("connectbylist: out of memory: the Java heap's limit is "), text.toString());
    assertFalse(text.toString().contains("OutOfMemoryError") || text.toString().contains("\tat "), text.toString());
  }
}
