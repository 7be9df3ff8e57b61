package io.github.connectbylist.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.connectbylist.Strategies;
import io.github.connectbylist.api.Addresses;
import io.github.connectbylist.api.Answer;
import io.github.connectbylist.api.Attempt;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.Query;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in scenarios with HTTPS records (RFC 9460) in virtual time, with exact times: this library's strategies
 * ask for the records and connect where they say, the client models do not ask and connect to the name's AAAA and A
 * addresses; the {@code https} part of a scenario file is read strictly; the report marks the HTTPS answer, and a
 * lost query's failure is not drawn as an answer.
 */
class HttpsScenarioTest {
  private static final Strategies STRATEGIES = Strategies.discovered();
  private static final Duration DEADLINE = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> OURS = List.of("rfc6724/happy-eyeballs", "happy-eyeballs/happy-eyeballs",
      "history/happy-eyeballs");
  private static final List<String> CLIENTS = List.of("chrome/chrome", "firefox/firefox", "curl/curl",
      "okhttp5/okhttp5", "go/go", "node/node", "asyncio/asyncio");

  /** Run 0, asking for service records as the experiment would for this strategy. */
  private static Trace run(String scenario, String strategy) {
    return run(ScenarioFormat.builtIn(scenario), strategy);
  }

  private static Trace run(Scenario s, String strategy) {
    String[] parts = Experiment.split(strategy);
    return Simulation.connect(s, STRATEGIES.ranker(parts[0]), STRATEGIES.scheduler(parts[1]), 1, 0, DEADLINE,
        ServiceRecords.asked(strategy));
  }

  private static Attempt winner(Trace t) {
    assertTrue(t.connected(), "connected: " + t);
    return t.attempts().stream().filter(Attempt::connected).findFirst().orElseThrow();
  }

  private static String to(Attempt a) {
    return Addresses.format(a.pair().destinationAddress(), a.pair().destination().getPort());
  }

  private static boolean heardHttps(Trace t) {
    return t.answers().stream().anyMatch(a -> a.query().isService());
  }

  private static long ms(Trace t) {
    assertEquals(0, t.elapsedNanos() % 1_000_000, "whole milliseconds: the scenarios' times are fixed");
    return t.elapsedNanos() / 1_000_000;
  }

  @Test
  void ourStrategiesAskForServiceRecordsAndTheClientModelsDoNot() {
    for (String s : OURS) {
      assertTrue(ServiceRecords.asked(s), s);
    }
    assertTrue(ServiceRecords.asked("sequential/sequential(attempt-timeout=250ms)"));
    for (String s : CLIENTS) {
      assertFalse(ServiceRecords.asked(s), s);
      assertTrue(ServiceRecords.note(s).startsWith("not asked: models "), ServiceRecords.note(s));
    }
    assertFalse(ServiceRecords.asked("happy-eyeballs/chrome"), "a client's scheduler is that client's");
    assertFalse(ServiceRecords.asked("asyncio(happy-eyeballs-delay=250ms)/asyncio(happy-eyeballs-delay=250ms)"));
  }

  @Test
  void hintsAheadOfSlowAddressesStartTheConnectOnTheHints() {
    for (String s : OURS) {
      Trace t = run("https-hints-ahead", s);
      Attempt a = winner(t);
      assertEquals(20, a.startedAt().toMillis(), s + ": on the ipv6hint when the HTTPS answer came, at 20 ms");
      assertEquals("[2001:db8:10::1]:443", to(a));
      assertNotNull(a.pair().service(), "an endpoint of the record");
      assertEquals(40, ms(t), s);
    }
    assertEquals(520, ms(run("https-hints-ahead", "sequential/sequential")), "waits for every answer, 500 ms");
    for (String s : CLIENTS) {
      Trace t = run("https-hints-ahead", s);
      assertEquals(520, ms(t), s + ": the AAAA at 500 ms, then 20 ms");
      assertFalse(heardHttps(t), s + " never asked");
    }
  }

  @Test
  void thePortKeyMovesTheServiceOnlyForThoseWhoAsked() {
    for (String s : List.of("sequential/sequential", "rfc6724/happy-eyeballs", "happy-eyeballs/happy-eyeballs",
        "history/happy-eyeballs")) {
      Trace t = run("https-port", s);
      assertEquals("[2001:db8:10::1]:8443", to(winner(t)), s);
      assertEquals(1, t.attempts().size(), s);
      assertEquals(30, ms(t), s + ": answers at 10 ms, connected 20 ms later on the record's port");
    }
    for (String s : CLIENTS) {
      Trace t = run("https-port", s);
      assertFalse(t.connected(), s);
      assertEquals(FailureKind.REFUSED, t.failure(), s);
      assertEquals(List.of("[2001:db8:10::1]:443", "192.0.2.10:443"), t.attempts().stream().map(HttpsScenarioTest::to)
          .toList(), s + ": port 443 refuses on both families");
      assertEquals(52, ms(t), s);
    }
  }

  @Test
  void anHttp3OnlyRecordIsNeverConnectedByTcp() {
    for (String s : new ArrayList<>(List.of("sequential/sequential", "rfc6724/happy-eyeballs",
        "happy-eyeballs/happy-eyeballs", "history/happy-eyeballs", "chrome/chrome", "go/go"))) {
      Trace t = run("https-h3-only", s);
      for (Attempt a : t.attempts()) {
        assertFalse(to(a).contains("2001:db8:30::1") || to(a).contains("192.0.2.30"), s + " tried " + a);
        assertNull(a.pair().service(), s);
      }
      assertEquals("[2001:db8:10::1]:443", to(winner(t)), s);
      assertEquals(s.startsWith("sequential") ? 40 : 30, ms(t),
          s + ": at 10 ms on AAAA (sequential waits for the h3 target's answers, at 20 ms)");
    }
  }

  @Test
  void anAliasChainOfTwoHopsCostsTwoMoreRoundTripsThenTheRecordsHintWins() {
    for (String s : OURS) {
      Trace t = run("https-alias-chain", s);
      Answer https = t.answers().stream().filter(a -> a.query() == Query.HTTPS).findFirst().orElseThrow();
      assertEquals(45, https.at().toMillis(), "(2 hops + 1) x 15 ms");
      Attempt a = winner(t);
      assertEquals(45, a.startedAt().toMillis(), s + ": waited for the records within the resolution delay");
      assertEquals("[2001:db8:40::1]:443", to(a), s + ": the CDN's ipv6hint");
      assertEquals(55, ms(t), s);
    }
    Trace sequential = run("https-alias-chain", "sequential/sequential");
    assertEquals("[2001:db8:40::1]:443", to(winner(sequential)));
    assertEquals(65, ms(sequential), "after pool.cdn.test's answers at 55 ms");
    for (String s : CLIENTS) {
      Trace t = run("https-alias-chain", s);
      assertEquals("[2001:db8:10::1]:443", to(winner(t)), s);
      assertEquals(70, ms(t), s + ": the name's own address, 60 ms away");
    }
  }

  @Test
  void aLateHttpsAnswerIsWaitedForWithinTheResolutionDelayAndNoLonger() {
    for (String s : OURS) {
      Trace slightly = run("https-slightly-late", s);
      Attempt a = winner(slightly);
      assertEquals(40, a.startedAt().toMillis(), s + ": the HTTPS answer 30 ms after AAAA and A, waited for");
      assertEquals(List.of("h2", "http/1.1"), a.pair().service().tcpProtocols(), "and its ALPN is known");
      assertEquals(60, ms(slightly), s);
      Trace very = run("https-very-late", s);
      assertEquals(60, winner(very).startedAt().toMillis(), s + ": 10 ms + the 50 ms Resolution Delay, no more");
      assertNull(winner(very).pair().service(), "the record came after the connect");
      assertEquals(80, ms(very), s);
    }
    assertEquals(60, ms(run("https-slightly-late", "sequential/sequential")));
    assertEquals(230, ms(run("https-very-late", "sequential/sequential")), "waits for every answer");
    for (String s : CLIENTS) {
      assertEquals(30, ms(run("https-slightly-late", s)), s);
      assertEquals(30, ms(run("https-very-late", s)), s);
    }
  }

  @Test
  void theHttpsPartChangesNothingForAConnectThatDoesNotAskForIt() throws Exception {
    ObjectNode with = (ObjectNode) JSON.readTree(Files.readString(
        Path.of("src/main/resources/io/github/connectbylist/lab/scenarios/https-slightly-late.json")));
    ((ObjectNode) with.get("resolution")).set("aaaa", JSON.readTree("{\"delay\": {\"uniform-ms\": [5, 80]}}"));
    ((ObjectNode) with.get("network").get(0)).set("latency", JSON.readTree("{\"uniform-ms\": [10, 90]}"));
    ObjectNode without = with.deepCopy();
    ((ObjectNode) without.get("resolution")).remove("https");
    Scenario a = ScenarioFormat.parse(with, "with");
    Scenario b = ScenarioFormat.parse(without, "without");
    for (int run = 0; run < 20; run++) {
      Trace x = Simulation.connect(a, STRATEGIES.ranker("go"), STRATEGIES.scheduler("go"), 7, run, DEADLINE, false);
      Trace y = Simulation.connect(b, STRATEGIES.ranker("go"), STRATEGIES.scheduler("go"), 7, run, DEADLINE, false);
      assertEquals(y.elapsedNanos(), x.elapsedNanos(), "run " + run + ": same draws");
      assertEquals(y.answers().toString(), x.answers().toString());
    }
  }

  @Test
  void theHttpsExperimentRunsEveryScenarioAndSaysWhoAsked(@TempDir Path dir) throws Exception {
    Experiment e = Experiment.https().withRuns(3);
    assertEquals(ScenarioFormat.HTTPS_BUILT_IN.size(), e.scenarios().size());
    Results results = ExperimentRunner.run(e, 2);
    ResultsWriter.write(results, dir);
    JsonNode cells = JSON.readTree(Files.readString(dir.resolve("results.json"))).get("cells");
    assertEquals(e.scenarios().size() * Experiment.HTTPS_STRATEGIES.size(), cells.size());
    for (JsonNode c : cells) {
      if (c.get("scenario").asText().equals("ipv6-only-nat64")) {
        assertNull(c.get("asked_for_service_records"), "no HTTPS records there: nothing to ask");
        continue;
      }
      assertEquals(ServiceRecords.asked(c.get("strategy").asText()), c.get("asked_for_service_records").asBoolean());
    }
    String html = Files.readString(dir.resolve("report.html"));
    assertTrue(html.contains("<th>HTTPS records</th>"), "a column says who asked");
    assertTrue(html.contains("<td>asked</td>") && html.contains("not asked: client model"));
    assertTrue(html.contains("chrome/chrome (no HTTPS query)"), "the timeline row says so too");
    assertTrue(html.contains("they model clients that do not use this library's endpoint logic"));
    assertTrue(html.contains("ExtractHttpsResults"), "each client's own behaviour, with its source");
    assertTrue(html.contains("stroke=\"#9467bd\" stroke-width=\"2\"/>") && html.contains(">HTTPS<title>HTTPS "),
        "the HTTPS answer is marked on the timeline like AAAA and A, in purple");
    assertTrue(html.contains(">quic AAAA<title>"), "a target's answer, teal, with the target's first label");
    assertTrue(html.contains(" \u2605<title>"), "a record's endpoint is starred");
    assertTrue(html.contains("fill=\"#ff7f0e\">NAT64 AAAA<title>"), "the NAT64 discovery's answer, orange");
    assertFalse(Files.readString(dir.resolve("summary.csv")).isEmpty());
  }

  @Test
  void aLostHttpsQueryIsMarkedWhereTheResolverGaveUpNotAsAnAnswer(@TempDir Path dir) throws Exception {
    Scenario lost = scenario("""
        "https": {"answer": "lost"}""", 300);
    Trace sequential = run(lost, "sequential/sequential");
    Answer https = sequential.answers().stream().filter(a -> a.query() == Query.HTTPS).findFirst().orElseThrow();
    assertEquals(300, https.at().toMillis(), "the resolver's timeout");
    assertTrue(lost.resolution().lost(https));
    assertEquals(80, ms(run(lost, "happy-eyeballs/happy-eyeballs")),
        "AAAA and A at 10 ms, the lost HTTPS answer waited for 50 ms, then a 20 ms connect");
    assertEquals(320, ms(sequential), "waits for every answer, the lost one until the resolver gives up");
    Scenario servfail = scenario("servfail", """
        "https": {"answer": "servfail", "delay": {"fixed-ms": 30}}""", 300);
    Answer failed = run(servfail, "sequential/sequential").answers().stream().filter(a -> a.query() == Query.HTTPS)
        .findFirst().orElseThrow();
    assertTrue(failed.failed() && !servfail.resolution().lost(failed), "a SERVFAIL came from the server: " + failed);
    Experiment e = new Experiment("lost", 1, 1, DEADLINE, List.of("sequential/sequential"), List.of(lost, servfail));
    ResultsWriter.write(ExperimentRunner.run(e), dir);
    String html = Files.readString(dir.resolve("report.html"));
    assertTrue(html.contains("stroke=\"#999999\" stroke-dasharray=\"1 2\"/>"), "grey and dotted");
    assertTrue(html.contains("fill=\"#999999\" font-style=\"italic\">HTTPS lost (timeout)<title>HTTPS case.test: never answered; the resolver "
        + "gave up at 300.0 ms</title>"), html);
    assertTrue(html.contains(">HTTPS\u2717<title>"), "a SERVFAIL is a failure the server sent");
    assertFalse(html.contains(">HTTPS<title>"), "neither is drawn as an answer");
  }

  /** A name with both families at 10 ms, connecting in 20 ms, and the https part given. */
  private static Scenario scenario(String https, double timeoutMillis) throws Exception {
    return scenario("case", https, timeoutMillis);
  }

  private static Scenario scenario(String name, String https, double timeoutMillis) throws Exception {
    String json = """
        {"name": "%s", "destinations": ["[2001:db8:10::1]:443", "192.0.2.10:443"],
         "sources": [{"address": "2001:db8:1::2", "prefix": 64}, {"address": "198.51.100.2", "prefix": 24}],
         "resolution": {"name": "case.test", "timeout-ms": %s, "aaaa": {"delay": {"fixed-ms": 10}},
           "a": {"delay": {"fixed-ms": 10}}, %s},
         "network": [], "otherwise": {"behaviour": "connects", "latency": {"fixed-ms": 20}}}
        """.formatted(name, timeoutMillis, https);
    return ScenarioFormat.parse(JSON.readTree(json), "case.json");
  }

  private static String refused(String https) {
    return assertThrows(IllegalArgumentException.class, () -> scenario(https, 5000)).getMessage();
  }

  @Test
  void badHttpsPartsAreRefusedWithAMessageThatNamesTheKey() {
    assertEquals("case.json: resolution.https: unknown key 'recrods'; the keys are answer, delay, records, alias-hops, "
        + "targets", refused("\"https\": {\"recrods\": []}"));
    assertEquals("case.json: resolution.https.answer: 'addresses' is not one of records, empty, nxdomain, servfail, "
        + "lost", refused("\"https\": {\"answer\": \"addresses\"}"));
    assertEquals("case.json: resolution.https.records: missing: give a list [...]", refused("\"https\": {}"));
    assertEquals("case.json: resolution.https.records: give at least one record, or the answer empty for a name "
        + "without records (NODATA)", refused("\"https\": {\"records\": []}"));
    assertEquals("case.json: resolution.https.records: only an answer of records has records; this one is empty",
        refused("\"https\": {\"answer\": \"empty\", \"records\": [{\"priority\": 1}]}"));
    assertEquals("case.json: resolution.https.records.priority: missing: give the SvcPriority, 1 to 65535 (lower is "
        + "preferred)", refused("\"https\": {\"records\": [{\"target\": \".\"}]}"));
    assertEquals("case.json: resolution.https.records.priority: 0 is out of range: give a whole number from 1 to 65535",
        refused("\"https\": {\"records\": [{\"priority\": 0}]}"));
    assertEquals("case.json: resolution.https.records: unknown key 'ech'; the keys are priority, target, alpn, "
        + "no-default-alpn, port, ipv4hint, ipv6hint", refused("\"https\": {\"records\": [{\"priority\": 1, \"ech\": \"x\"}]}"));
    assertEquals("case.json: resolution.https.records.ipv4hint: '2001:db8::1' is not an IPv4 address",
        refused("\"https\": {\"records\": [{\"priority\": 1, \"ipv4hint\": [\"2001:db8::1\"]}]}"));
    assertEquals("case.json: resolution.https.records.port: 70000 is out of range: give a whole number from 1 to 65535",
        refused("\"https\": {\"records\": [{\"priority\": 1, \"port\": 70000}]}"));
    assertEquals("case.json: resolution.https.records.no-default-alpn: give true or false, not \"yes\"",
        refused("\"https\": {\"records\": [{\"priority\": 1, \"alpn\": [\"h3\"], \"no-default-alpn\": \"yes\"}]}"));
    assertEquals("case.json: resolution.https.records.no-default-alpn: without alpn the record offers no protocol at "
        + "all (RFC 9460 section 7.1.1)", refused("\"https\": {\"records\": [{\"priority\": 1, \"no-default-alpn\": true}]}"));
    assertEquals("case.json: resolution.https.records: the target 'svc.test' has no answers: give its aaaa and a in "
        + "targets", refused("\"https\": {\"records\": [{\"priority\": 1, \"target\": \"svc.test\"}]}"));
    assertEquals("case.json: resolution.https.targets.other.test: no record has the target 'other.test'",
        refused("\"https\": {\"records\": [{\"priority\": 1}], \"targets\": {\"other.test\": {\"aaaa\": {}}}}"));
    assertEquals("case.json: resolution.https.targets.case.test: 'case.test' is the name connected to: its addresses are "
        + "the aaaa and a answers, not a target's",
        refused("\"https\": {\"records\": [{\"priority\": 1}], \"targets\": {\"case.test\": {\"aaaa\": {}}}}"));
    assertEquals("case.json: resolution.https.targets.svc.test.aaaa.addresses: '192.0.2.7' is not an IPv6 address",
        refused("\"https\": {\"records\": [{\"priority\": 1, \"target\": \"svc.test\"}], \"targets\": {\"svc.test\": "
            + "{\"aaaa\": {\"addresses\": [\"192.0.2.7\"]}}}}"));
    assertEquals("case.json: resolution.https.targets.svc.test.a.addresses: missing: an answer of addresses needs at "
        + "least one (or give the answer empty)", refused("\"https\": {\"records\": [{\"priority\": 1, \"target\": "
            + "\"svc.test\"}], \"targets\": {\"svc.test\": {\"a\": {}}}}"));
    assertEquals("case.json: resolution.https.alias-hops: 9 is out of range: give a whole number from 0 to 8",
        refused("\"https\": {\"alias-hops\": 9, \"records\": [{\"priority\": 1}]}"));
    assertEquals("case.json: resolution.https.records.target: '.' after alias-hops would be the last alias's name, which "
        + "the scenario does not have: give the target's name and its answers in targets",
        refused("\"https\": {\"alias-hops\": 1, \"records\": [{\"priority\": 1, \"target\": \".\"}]}"));
  }

  @Test
  void aNetworkRuleMayNameAPort() throws Exception {
    String json = """
        {"name": "p", "destinations": ["192.0.2.10:443"], "sources": [],
         "network": [{"destination": "192.0.2.10", "port": 0, "behaviour": "black-holed"}]}""";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ScenarioFormat.parse(JSON.readTree(json), "p.json"));
    assertEquals("p.json: network.port: 0 is out of range: give a whole number from 1 to 65535", e.getMessage());
    Scenario port = ScenarioFormat.builtIn("https-port");
    assertEquals(8443, port.network().rules().get(2).port());
    assertEquals(0, ScenarioFormat.builtIn("slow-a").network().rules().get(0).port(), "no port: any");
  }

  @Test
  void theBuiltInHttpsScenariosAreLoadedByNameButNotInTheBuiltInExperiment() {
    for (String name : ScenarioFormat.HTTPS_BUILT_IN) {
      Scenario s = ScenarioFormat.builtIn(name);
      assertEquals(name, s.name());
      assertTrue(s.resolution().hasHttps() || s.resolution().nat64() != null, name);
      assertFalse(s.description().isEmpty(), name);
    }
    assertEquals(ScenarioFormat.BUILT_IN.size(), Experiment.builtIn().scenarios().size());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScenarioFormat.builtIn("https"));
    assertTrue(e.getMessage().contains("https-hints-ahead"), e.getMessage());
  }

  @Test
  void onAnIpv6OnlyNetworkOnlyAClientThatSynthesizesLeavesTheBlackHole() {
    for (String s : OURS) {
      Trace t = run("ipv6-only-nat64", s);
      Attempt won = winner(t);
      assertEquals("[64:ff9b::c000:20a]:443", to(won), s + ": 192.0.2.10 behind the discovered prefix");
      assertEquals(260, won.startedAt().toMillis(), s + ": a Connection Attempt Delay after the native attempt");
      assertEquals(290, ms(t), s);
      assertTrue(t.answers().stream().anyMatch(a -> a.isNat64Discovery()), s + ": the discovery is in the trace");
    }
    for (String s : CLIENTS) {
      Trace t = run("ipv6-only-nat64", s);
      assertFalse(t.connected(), s + ": the A answer tried as it is has no route, the native address is a black hole");
      assertFalse(t.answers().stream().anyMatch(a -> a.isNat64Discovery()), s + ": no discovery either");
    }
  }

  @Test
  void manyHintsAreRefusedBeforeAnythingRuns() {
    StringBuilder hints = new StringBuilder();
    for (int i = 0; i <= Limits.MAX_RECORDS; i++) {
      hints.append(i == 0 ? "" : ", ").append("\"2001:db8::").append(Integer.toHexString(i + 1)).append('"');
    }
    assertEquals("case.json: resolution.https.records.ipv6hint: 65 addresses; at most 64",
        refused("\"https\": {\"records\": [{\"priority\": 1, \"ipv6hint\": [" + hints + "]}]}"));
  }

  @Test
  void aBadNat64PartIsRefusedNamingTheKey() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScenarioFormat.parse(JSON.readTree("""
        {"name": "n", "destinations": ["192.0.2.10:443"], "sources": [],
         "resolution": {"aaaa": {}, "a": {}, "nat64": {"discovery": "192.0.0.170"}}}"""), "n.json"));
    assertEquals("n.json: resolution.nat64.discovery: the discovery answer is an IPv6 address, not /192.0.0.170",
        e.getMessage());
    IllegalArgumentException self = assertThrows(IllegalArgumentException.class, () -> ScenarioFormat.parse(
        JSON.readTree("""
        {"name": "n", "destinations": ["192.0.2.10:443"], "sources": [], "resolution": {"name": "ipv4only.arpa",
         "aaaa": {}, "a": {}, "nat64": {"discovery": "64:ff9b::c000:aa"}}}"""), "n.json"));
    assertTrue(self.getMessage().contains("cannot have a nat64 part"), self.getMessage());
  }
}
