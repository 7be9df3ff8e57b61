package io.github.connectbylist.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Experiment, scenario and session files that are wrong, careless or hostile: each is refused before anything
 * runs, in one message naming the file, the field, the value as written and what is allowed. Nothing is coerced,
 * silently ignored, or allowed to overflow or fill the heap.
 */
class HostileLabFilesTest {
  @TempDir
  Path dir;

  /** An experiment of one strategy and one built-in scenario, with {@code more} fields. */
  private Path experiment(String more) throws IOException {
    Path file = dir.resolve("e.json");
    Files.writeString(file, "{\"strategies\": [\"sequential/sequential\"], \"scenarios\": [\"broken-ipv6\"]"
        + (more.isEmpty() ? "" : ", " + more) + "}");
    return file;
  }

  private String error(Path file) {
    Exception e = assertThrows(Exception.class, () -> Experiment.read(file));
    assertTrue(e instanceof IllegalArgumentException || e instanceof IOException, e.toString());
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    return e.getMessage();
  }

  @Test
  void runsOf4294967297IsOutOfRangeNotReadAsOne() throws Exception {
    Path file = experiment("\"runs\": 4294967297");
    assertEquals(file + ": runs: 4294967297 is out of range: give a whole number from 1 to 1000000", error(file));
  }

  @Test
  void runsOfAbcIsRefusedNotReadAsTheDefault() throws Exception {
    Path file = experiment("\"runs\": \"abc\"");
    assertEquals(file + ": runs: \"abc\" is not a whole number: give one from 1 to 1000000", error(file));
  }

  @Test
  void runsOfOnePointNineIsRefusedNotReadAsOne() throws Exception {
    Path file = experiment("\"runs\": 1.9");
    assertEquals(file + ": runs: 1.9 is not a whole number: give one from 1 to 1000000", error(file));
    assertEquals(file + ": runs: 10.0 is not a whole number: give one from 1 to 1000000",
        error(experiment("\"runs\": 10.0")));
  }

  @Test
  void deadlineMsOf9e18IsOutOfRangeNotAnArithmeticException() throws Exception {
    Path file = experiment("\"deadline-ms\": 9e18");
    assertEquals(file + ": deadline-ms: 9e18 is out of range: give a whole number from 1 to 86400000", error(file));
    assertEquals(file + ": deadline-ms: 9000000000000000000 is out of range: give a whole number from 1 to 86400000",
        error(experiment("\"deadline-ms\": 9000000000000000000")));
  }

  // Review of issue 17: a number is shown as the user wrote it (the JSON token's text), not as BigDecimal prints it.

  @Test
  void runsOf1e400IsShownAsWrittenNotAs1EPlus400() throws Exception {
    Path file = experiment("\"runs\": 1e400");
    assertEquals(file + ": runs: 1e400 is out of range: give a whole number from 1 to 1000000", error(file));
    assertEquals(file + ": runs: 1e3 is not a whole number: give one from 1 to 1000000",
        error(experiment("\"runs\": 1e3")));
    assertEquals(file + ": runs: -0 is out of range: give a whole number from 1 to 1000000",
        error(experiment("\"runs\": -0")));
    assertEquals(file + ": runs: 1E-400 is out of range: give a whole number from 1 to 1000000",
        error(experiment("\"runs\": 1E-400")));
    Files.writeString(file, "1e400");
    assertEquals(file + ": the file must hold one JSON object {...}, not 1e400", error(file));
  }

  @Test
  void aSweepValueIsShownAsWritten() throws Exception {
    Path file = dir.resolve("e.json");
    Files.writeString(file, "{\"scenarios\": [\"broken-ipv6\"], \"sweeps\": [{\"strategy\": "
        + "\"happy-eyeballs/happy-eyeballs(connection-attempt-delay={})\", \"values\": [\"50ms\", 1e1]}]}");
    assertEquals(file + ": sweep of connection-attempt-delay: value '1e1' is not a duration such as 50ms, as the "
        + "first value is (the values are the axis of a plot)", error(file));
  }

  @Test
  void aNumberWhoseExponentCannotBeReadIsOneLineWithItsPosition() throws Exception {
    Path file = experiment("\"runs\": 1e999999999999");
    assertEquals(file + ": line 1, column 81: Number 1e999999999999 is too large to read: its exponent is past "
        + "2^31", error(file));
  }

  @Test
  void anEmptyFileIsNothingNotABlank() throws Exception {
    Path file = Files.writeString(dir.resolve("e.json"), " \n");
    assertEquals(file + ": the file must hold one JSON object {...}, not nothing", error(file));
  }

  @Test
  void sessionRunsOfMaxIntIsOutOfRangeBeforeAnythingIsAllocated() throws Exception {
    Path file = experiment("\"session-runs\": 2147483647, \"sessions\": [\"broken-ipv6-session\"]");
    assertEquals(file + ": session-runs: 2147483647 is out of range: give a whole number from 1 to 1000000",
        error(file));
  }

  @Test
  void anUnknownKeyIsRefusedNamingTheKeyTheFileAndTheKnownKeys() throws Exception {
    Path file = experiment("\"sesion-runs\": 3");
    assertEquals(file + ": unknown key 'sesion-runs'; the keys are name, seed, runs, deadline-ms, strategies, sweeps, "
        + "scenarios, sessions, session-runs", error(file));
  }

  @Test
  void anUnknownKeyInsideAScenarioIsRefusedToo() throws Exception {
    Path scenario = dir.resolve("s.json");
    Files.writeString(scenario, "{\"name\": \"s\", \"destinations\": [\"192.0.2.1:443\"], \"sources\": [],"
        + " \"network\": [{\"behaviour\": \"connects\", \"latency\": {\"fixed-ms\": 10, \"jitter-ms\": 5}}]}");
    Path file = dir.resolve("e.json");
    Files.writeString(file, "{\"strategies\": [\"sequential/sequential\"], \"scenarios\": [\"s.json\"]}");
    assertEquals(scenario + ": network.latency: unknown key 'jitter-ms'; the keys are fixed-ms, uniform-ms, log-normal",
        error(file));
  }

  @Test
  void aLossOnAPathThatIsNotLossyIsRefusedNotIgnored() throws Exception {
    Path scenario = dir.resolve("s.json");
    Files.writeString(scenario, "{\"name\": \"s\", \"destinations\": [\"192.0.2.1:443\"], \"sources\": [],"
        + " \"network\": [{\"behaviour\": \"connects\", \"latency\": {\"fixed-ms\": 10}, \"loss\": 0.2}]}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScenarioFormat.read(scenario));
    assertEquals(scenario + ": network.loss: only a lossy path has a loss; this one is connects", e.getMessage());
  }

  @Test
  void anUnknownScenarioNameListsTheBuiltIns() throws Exception {
    Path file = dir.resolve("e.json");
    Files.writeString(file, "{\"strategies\": [\"sequential/sequential\"], \"scenarios\": [\"brokn-ipv6\"]}");
    assertEquals(file + ": scenario 'brokn-ipv6' is neither a built-in scenario (dual-stack-healthy, broken-ipv6, "
        + "slow-ipv6, lossy-ipv4, many-addresses-one-working, all-down, multi-homed-bad-source, slow-aaaa, lost-aaaa, "
        + "slow-a, https-hints-ahead, https-port, https-h3-only, https-alias-chain, https-slightly-late, "
        + "https-very-late, ipv6-only-nat64) nor a file (" + dir.resolve("brokn-ipv6") + ": no such file)", error(file));
    Files.writeString(file, "{\"strategies\": [\"sequential/sequential\"], \"sessions\": [\"brokn\"]}");
    assertTrue(error(file).contains("session 'brokn' is neither a built-in session (broken-ipv6-session, "),
        error(file));
  }

  @Test
  void runsTimesScenariosTimesStrategiesOverTheLimitIsRefusedNamingTheLimit() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Experiment.builtIn().withRuns(1_000_000));
    assertEquals("7 strategies x 10 scenarios x 1000000 runs, and 7 strategies x 4 sessions x 200 clients make "
        + "70140000 simulated connects; an experiment may make at most 2000000: give fewer runs, clients, strategies, "
        + "scenarios or sessions", e.getMessage());
  }

  @Test
  void thousandsOfStrategiesAreRefusedBeforeEachCellTakesItsHistogram() throws Exception {
    StringBuilder strategies = new StringBuilder();
    for (int i = 0; i < 201; i++) {
      strategies.append(i == 0 ? "" : ", ").append("\"sequential/sequential(attempt-timeout=").append(i + 1)
          .append("ms)\"");
    }
    Path file = dir.resolve("e.json");
    Files.writeString(file, "{\"runs\": 1, \"strategies\": [" + strategies + "], \"scenarios\": [\"broken-ipv6\", "
        + "\"slow-ipv6\", \"all-down\", \"slow-a\", \"lost-aaaa\"]}");
    assertEquals(file + ": 201 strategies x 5 scenarios make 1005 cells; an experiment may have at most 1000: give "
        + "fewer strategies, sweep values, scenarios or sessions", error(file));
  }

  @Test
  void aScenarioOfManyPairsIsBoundedByTheAttemptLimit() throws Exception {
    StringBuilder destinations = new StringBuilder();
    for (int i = 1; i <= 256; i++) {
      destinations.append(i == 1 ? "" : ", ").append("\"192.0.2.").append(i % 256).append(":443\"");
    }
    StringBuilder sources = new StringBuilder();
    for (int i = 1; i <= 64; i++) {
      sources.append(i == 1 ? "" : ", ").append("{\"address\": \"198.51.100.").append(i).append("\"}");
    }
    Path scenario = dir.resolve("wide.json");
    Files.writeString(scenario, "{\"name\": \"wide\", \"destinations\": [" + destinations + "], \"sources\": ["
        + sources + "], \"network\": [], \"otherwise\": {\"behaviour\": \"unreachable\"}}");
    Path file = dir.resolve("e.json");
    Files.writeString(file, "{\"runs\": 2000, \"strategies\": [\"sequential/sequential\"], \"scenarios\": "
        + "[\"wide.json\"]}");
    assertEquals(file + ": 1 strategies x 1 scenarios x 2000 runs, each connect with up to its scenario's pairs "
        + "(each destination with each source of its family), make up to 32768000 attempts; an experiment may make at "
        + "most 10000000: give fewer runs, clients, strategies, scenarios, destinations or sources", error(file));
  }

  @Test
  void aScenarioOfMoreThan256DestinationsIsRefused() throws Exception {
    StringBuilder destinations = new StringBuilder();
    for (int i = 0; i < 257; i++) {
      destinations.append(i == 0 ? "" : ", ").append("\"192.0.2.1:").append(i + 1).append('"');
    }
    Path scenario = dir.resolve("many.json");
    Files.writeString(scenario, "{\"name\": \"many\", \"destinations\": [" + destinations + "], \"sources\": [],"
        + " \"network\": []}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScenarioFormat.read(scenario));
    assertEquals(scenario + ": destinations: 257 destinations; a scenario may have at most 256", e.getMessage());
  }

  @Test
  void devZeroAsAnExperimentFailsInOneLineNamingThePathAndTheLimit() {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.exists(zero), "no /dev/zero here");
    assertEquals("/dev/zero: is not a regular file (a device, a pipe or a socket); give a regular file of at most "
        + "1048576 bytes", error(zero));
  }

  @Test
  void aFileThatIsNotJsonIsNotEchoed() throws Exception {
    Path shadow = dir.resolve("shadow");
    Files.writeString(shadow, "root:$6$SECRET-HASH$:19000:0:99999:7:::\n");
    String message = error(shadow);
    assertEquals(shadow + ": line 1, column 1: unexpected text, was expecting (JSON String, Number, Array, Object or "
        + "token 'null', 'true' or 'false')", message);
    assertFalse(message.contains("SECRET") || message.contains("root"), message);
  }

  @Test
  void aKeyGivenTwiceIsAnErrorNotTheLastOneWins() throws Exception {
    Path file = experiment("\"runs\": 5, \"runs\": 500000");
    assertTrue(error(file).startsWith(file + ": line 1, column "), error(file));
    assertTrue(error(file).endsWith("Duplicate field 'runs'"), error(file));
  }

  @Test
  void aPortOfFullWidthDigitsIsNotAPort() throws Exception {
    Path scenario = dir.resolve("s.json");
    Files.writeString(scenario, "{\"name\": \"s\", \"destinations\": [\"192.0.2.1:\uff14\uff14\uff13\"], "
        + "\"sources\": [], \"network\": []}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScenarioFormat.read(scenario));
    assertEquals(scenario + ": destinations: '192.0.2.1:\uff14\uff14\uff13' needs a port number from 1 to 65535",
        e.getMessage());
  }

  @Test
  void aSweepOfEndlesslyManyValuesIsRefusedBeforeItIsListed() throws Exception {
    Path file = dir.resolve("e.json");
    Files.writeString(file, "{\"scenarios\": [\"broken-ipv6\"], \"sweeps\": [{\"strategy\": "
        + "\"happy-eyeballs/happy-eyeballs(connection-attempt-delay={})\", \"from\": \"0ms\", \"to\": \"24h\", "
        + "\"step\": \"1ns\"}]}");
    assertEquals(file + ": sweeps: from 0ms to 24h by 1ns is more than 1000 values, the most a sweep may have",
        error(file));
    Files.writeString(file, "{\"scenarios\": [\"broken-ipv6\"], \"sweeps\": [{\"strategy\": \"x/y(z={})\", "
        + "\"from\": 0, \"to\": \"Infinity\", \"step\": 1}]}");
    assertEquals(file + ": sweeps: to Infinity is not a duration such as 250ms, 2s or 1.5s", error(file));
  }

  @Test
  void aSweepValueThatCannotBePlottedIsRefusedBeforeTheRun() throws Exception {
    Path file = dir.resolve("e.json");
    Files.writeString(file, "{\"scenarios\": [\"broken-ipv6\"], \"sweeps\": [{\"strategy\": "
        + "\"happy-eyeballs/happy-eyeballs(adaptive={})\", \"values\": [\"true\", \"false\"]}]}");
    assertEquals(file + ": sweep of adaptive: value 'true' is not a duration such as 50ms, as the first value is (the "
        + "values are the axis of a plot)", error(file));
  }

  @Test
  void phasesOutOfOrderAreSaidInTheMillisecondsAsWritten() throws Exception {
    Path session = dir.resolve("session.json");
    Files.writeString(session, "{\"name\": \"s\", \"scenario\": \"dual-stack-healthy\", \"phases\": ["
        + "{\"from-ms\": 20000, \"network\": []}, {\"from-ms\": 10000, \"network\": []}]}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SessionFormat.read(session));
    assertEquals(session + ": phases.from-ms: 10000 comes after 20000: phases must be in time order", e.getMessage());
  }

  @Test
  void aLogNormalTailIsCutAtOneDayInsteadOfOverflowing() {
    Latency wild = new Latency.LogNormal(86_400_000, 10);
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 1000; i++) {
      long nanos = wild.sampleNanos(random);
      assertTrue(nanos >= 0 && nanos <= Duration.ofDays(1).toNanos(), "drew " + nanos);
    }
  }
}
