package io.github.connectbylist.strategy.clients;

import static io.github.connectbylist.testkit.Script.connectsAfter;
import static io.github.connectbylist.testkit.Script.failsAfter;
import static io.github.connectbylist.testkit.Script.hangs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.api.StrategyOptions;
import io.github.connectbylist.testkit.ScheduleRun;
import io.github.connectbylist.testkit.ScheduleRun.Result;
import io.github.connectbylist.testkit.Span;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each model's pacing through the real orchestrator under a virtual clock, at exact times: what tells the
 * clients apart is which failure starts the next attempt, and how long one attempt may run.
 */
class ClientSchedulersTest {

  private static ScheduleRun model(Client client, String... options) {
    Map<String, String> map = new java.util.HashMap<>();
    for (int i = 0; i < options.length; i += 2) {
      map.put(options[i], options[i + 1]);
    }
    StrategyOptions o = StrategyOptions.of(map);
    return ScheduleRun.of(client.scheduler(o)).ranker(client.ranker(o));
  }

  /** Destinations by family: {@code "6"} or {@code "4"} each, numbered in order. */
  private static List<InetSocketAddress> families(String... families) {
    List<InetSocketAddress> out = new ArrayList<>();
    for (int i = 0; i < families.length; i++) {
      out.add(new InetSocketAddress(families[i].equals("6") ? "2001:db8::" + (i + 1) : "192.0.2." + (i + 1), 443));
    }
    return out;
  }

  private static List<Boolean> ipv6ByAttempt(Result r) {
    List<Boolean> out = new ArrayList<>();
    r.attempts().forEach(a -> out.add(a.pair().isIpv6()));
    return out;
  }

  @Test
  void okHttpStartsAtOnceOnlyWhenNothingIsInFlight() {
    Result alone = model(Client.OKHTTP5).run(failsAfter(100), hangs(), connectsAfter(5));
    assertEquals(List.of(new Span(0, 0, 100, "REFUSED"), new Span(1, 100, 355, "CANCELLED"),
        new Span(2, 350, 355, "CONNECTED")), alone.spans());
    Result inFlight = model(Client.OKHTTP5).run(hangs(), failsAfter(10), connectsAfter(1));
    assertEquals(List.of(new Span(0, 0, 501, "CANCELLED"), new Span(1, 250, 260, "REFUSED"),
        new Span(2, 500, 501, "CONNECTED")), inFlight.spans(), "the refusal at 260 ms waits out the 250 ms");
  }

  @Test
  void okHttpEndsEachAttemptAtItsConnectTimeout() {
    Result r = model(Client.OKHTTP5, "connect-timeout", "1s").run(hangs(), hangs());
    assertEquals(List.of(new Span(0, 0, 1000, "TIMED_OUT"), new Span(1, 250, 1250, "TIMED_OUT")), r.spans());
    assertEquals(1250, r.endMs());
  }

  @Test
  void goRacesTheFirstFamilyAloneForThreeHundredMilliseconds() {
    Result r = model(Client.GO).destinations(families("6", "6", "4")).run(hangs(), connectsAfter(10));
    assertEquals(List.of(new Span(0, 0, 310, "CANCELLED"), new Span(1, 300, 310, "CONNECTED")), r.spans());
    assertEquals(List.of(true, false), ipv6ByAttempt(r), "the fallback racer jumps the second IPv6 address");
  }

  @Test
  void theFallbackDelayRunsFromTheFirstAttemptNotFromTheStartOfAConnectByName() {
    // A connect by name asks a scheduler that waits for resolution at the time resolution ended: 120 ms in.
    // The clients start their fallback timer with their first attempt (the issue-20 study found the models
    // falling back up to 180 ms early on a real network, where DNS takes time).
    for (Client c : List.of(Client.CHROME, Client.GO, Client.FIREFOX, Client.CURL_7_88)) {
      io.github.connectbylist.api.AttemptScheduler.Schedule s = c.scheduler(StrategyOptions.of(Map.of()))
          .newSchedule(List.of(io.github.connectbylist.api.AddressPair.toDestination(families("6").get(0)),
              io.github.connectbylist.api.AddressPair.toDestination(families("6", "4").get(1))),
              io.github.connectbylist.api.Deadline.none(), io.github.connectbylist.api.PathHistory.none(0));
      long resolved = 120_000_000L;
      assertTrue(s.next(resolved) instanceof io.github.connectbylist.api.Decision.StartPair p && p.pair().isIpv6(),
          c + ": IPv6 first");
      io.github.connectbylist.api.Decision wait = s.next(resolved);
      long delay = switch (c) {
        case CHROME, GO -> 300;
        case FIREFOX -> 250;
        default -> 200;
      };
      assertTrue(wait instanceof io.github.connectbylist.api.Decision.WakeAt w && w.nanos() == resolved
          + delay * 1_000_000L, c + ": the fallback " + delay + " ms after the first attempt, not at " + delay
          + " ms: " + wait);
    }
  }

  @Test
  void goStartsTheFallbackAtOnceWhenThePrimaryRunsOut() {
    Result r = model(Client.GO).destinations(families("6", "4")).run(failsAfter(20), connectsAfter(5));
    assertEquals(List.of(new Span(0, 0, 20, "REFUSED"), new Span(1, 20, 25, "CONNECTED")), r.spans());
  }

  @Test
  void goSplitsTheDeadlineAmongARacersAddresses() {
    Result r = model(Client.GO).deadline(Duration.ofSeconds(9)).destinations(families("6", "6", "6", "4"))
        .run(hangs(), failsAfter(5), hangs(), hangs());
    assertEquals(List.of(new Span(0, 0, 3000, "TIMED_OUT"), new Span(1, 300, 305, "REFUSED"),
        new Span(2, 3000, 6000, "TIMED_OUT"), new Span(3, 6000, 9000, "TIMED_OUT")), r.spans(),
        "9 s over 3 IPv6 addresses, then 6 s over 2, then the rest");
    Result floor = model(Client.GO, "dial-timeout", "3s").destinations(families("6", "6", "6"))
        .run(hangs(), hangs());
    assertEquals(List.of(new Span(0, 0, 2000, "TIMED_OUT"), new Span(1, 2000, 3000, "TIMED_OUT")), floor.spans(),
        "a 1 s share is raised to the 2 s floor; the third address never gets a turn");
  }

  @Test
  void goWithoutADeadlineLetsABlackHoleHoldItsFamily() {
    Result r = model(Client.GO).deadline(Duration.ofSeconds(60)).destinations(families("6", "6", "4"))
        .run(hangs(), hangs(), connectsAfter(5));
    assertEquals(new Span(0, 0, 30_000, "TIMED_OUT"), r.spans().get(0), "with a deadline: half of it");
  }

  @Test
  void nodeAbortsEachAttemptButTheLastAfterItsTimeout() {
    Result r = model(Client.NODE).run(hangs(), hangs(), connectsAfter(400));
    assertEquals(List.of(new Span(0, 0, 250, "TIMED_OUT"), new Span(1, 250, 500, "TIMED_OUT"),
        new Span(2, 500, 900, "CONNECTED")), r.spans());
    Result slowPath = model(Client.NODE).run(connectsAfter(300), connectsAfter(300));
    assertEquals(List.of(new Span(0, 0, 250, "TIMED_OUT"), new Span(1, 250, 550, "CONNECTED")), slowPath.spans(),
        "a working path slower than 250 ms is aborted");
    assertThrows(IllegalArgumentException.class,
        () -> Client.NODE.scheduler(StrategyOptions.of(Map.of("attempt-timeout", "5ms"))));
  }

  @Test
  void asyncioIsSequentialByDefault() {
    Result r = model(Client.ASYNCIO).deadline(Duration.ofSeconds(5)).run(hangs(), connectsAfter(1));
    assertEquals(List.of(new Span(0, 0, 5000, "TIMED_OUT")), r.spans());
    assertEquals("TIMED_OUT", r.end());
  }

  @Test
  void asyncioStartsEarlyOnlyWhenTheAttemptStartedLastFails() {
    Result r = model(Client.ASYNCIO, "happy-eyeballs-delay", "250ms").run(failsAfter(400), hangs(), connectsAfter(10));
    assertEquals(List.of(new Span(0, 0, 400, "REFUSED"), new Span(1, 250, 510, "CANCELLED"),
        new Span(2, 500, 510, "CONNECTED")), r.spans(), "the first attempt's failure at 400 ms starts nothing");
    Result curl = model(Client.CURL, "happy-eyeballs-timeout", "250ms").run(failsAfter(400), hangs(), connectsAfter(10));
    assertEquals(new Span(2, 400, 410, "CONNECTED"), curl.spans().get(2), "RFC 8305 (and curl 8): any failure");
  }

  @Test
  void curlStartsOneEveryTwoHundredMillisecondsAndEndsAllAtItsConnectTimeout() {
    Result r = model(Client.CURL).run(hangs(), hangs(), connectsAfter(10));
    assertEquals(List.of(new Span(0, 0, 410, "CANCELLED"), new Span(1, 200, 410, "CANCELLED"),
        new Span(2, 400, 410, "CONNECTED")), r.spans());
    Result gaveUp = model(Client.CURL, "connect-timeout", "1s").run(hangs(), hangs(), hangs(), hangs(), hangs(), hangs());
    assertEquals(5, gaveUp.spans().size(), "starts at 0, 200, 400, 600, 800");
    gaveUp.spans().forEach(s -> assertEquals(1000, s.endMs(), s.toString()));
    assertEquals(1000, gaveUp.endMs());
  }

  @Test
  void curl788HalvesTheConnectTimeoutLeftForEachAddressButTheLast() {
    Result r = model(Client.CURL_7_88, "connect-timeout", "10s").destinations(families("6", "6", "4"))
        .run(hangs(), hangs(), hangs());
    assertEquals(List.of(new Span(0, 0, 5000, "TIMED_OUT"), new Span(1, 200, 10_000, "TIMED_OUT"),
        new Span(2, 6000, 7500, "TIMED_OUT")), r.spans(), "the IPv4 address is the list's last: it gets all the rest; "
        + "the second IPv6 address starts at the next wake-up, with half of what was left when curl moved on");
    assertEquals(List.of(true, false, true), ipv6ByAttempt(r));
    assertEquals(10_000, r.endMs());
  }

  /**
   * The times {@code curl -v --trace-time} showed for curl 7.88.1 on loopback ({@code docs/client-strategies.md},
   * validation).
   */
  @Test
  void curl788ReplacesAFailedAddressOnlyWhenItWakesUp() {
    ScheduleRun curl = model(Client.CURL_7_88, "connect-timeout", "10s");
    assertEquals(List.of(new Span(0, 0, 1, "REFUSED"), new Span(1, 200, 201, "CONNECTED")),
        curl.run(failsAfter(1), connectsAfter(1)).spans(), "the 200 ms timer is the next wake-up");
    assertEquals(List.of(new Span(0, 0, 5000, "TIMED_OUT"), new Span(1, 6000, 6001, "REFUSED"),
        new Span(2, 7001, 7002, "CONNECTED")), curl.run(hangs(), failsAfter(1), connectsAfter(1)).spans(),
        "after that, a second each");
    assertEquals(List.of(new Span(0, 0, 5000, "TIMED_OUT"), new Span(1, 6000, 7500, "TIMED_OUT"),
        new Span(2, 8500, 8501, "CONNECTED")), curl.run(hangs(), hangs(), connectsAfter(1)).spans(),
        "the second black hole's 2.5 s counts from when curl moved on, at 5 s");
  }

  @Test
  void chromeGoesIpv6FirstAndFirefoxFollowsTheResolver() {
    List<InetSocketAddress> ipv4First = families("4", "6");
    Result chrome = model(Client.CHROME).destinations(ipv4First).run(hangs(), connectsAfter(10));
    assertEquals(List.of(new Span(0, 0, 310, "CANCELLED"), new Span(1, 300, 310, "CONNECTED")), chrome.spans());
    assertEquals(List.of(true, false), ipv6ByAttempt(chrome));
    Result firefox = model(Client.FIREFOX).destinations(ipv4First).run(hangs(), connectsAfter(10));
    assertEquals(List.of(new Span(0, 0, 260, "CANCELLED"), new Span(1, 250, 260, "CONNECTED")), firefox.spans());
    assertEquals(List.of(false, true), ipv6ByAttempt(firefox));
  }

  @Test
  void chromeNeverEndsAnAttemptOnItsOwn() {
    Result r = model(Client.CHROME).deadline(Duration.ofSeconds(20)).destinations(families("6", "6", "4", "4"))
        .run(hangs(), hangs());
    assertEquals(List.of(new Span(0, 0, 20_000, "TIMED_OUT"), new Span(1, 300, 20_000, "TIMED_OUT")), r.spans(),
        "two black holes, one per family, hold the connect until its deadline");
  }

  @Test
  void everyModelHasItsSourceAndFailureWritten() {
    for (Client c : Client.values()) {
      assertTrue(!c.source().isBlank() && !c.failure().isBlank() && !c.version().isBlank(), c.name());
      assertEquals(c, Client.named(c.strategyName()));
      assertTrue(c.scheduler(StrategyOptions.empty()).toString().startsWith(c.strategyName()));
      assertTrue(c.ranker(StrategyOptions.empty()).toString().startsWith(c.strategyName()));
    }
    assertThrows(IllegalArgumentException.class, () -> Client.named("lynx"));
  }
}
