package io.github.connectbylist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.NamedStrategy;
import io.github.connectbylist.support.AllAtOnceScheduler;
import io.github.connectbylist.support.Recorder;
import io.github.connectbylist.testbed.Endpoint;
import io.github.connectbylist.testbed.Testbed;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Strategies are found with ServiceLoader and chosen by name, option text, system property, or priority. */
class DiscoveryTest {
  private final Strategies strategies = Strategies.discovered();

  @Test
  void aProviderOnTheTestClassPathIsFoundByName() {
    try (ConnectByList cbl = ConnectByList.builder().ranker("test-sequential").scheduler("test-all-at-once").build()) {
      assertInstanceOf(AllAtOnceScheduler.class, cbl.scheduler());
    }
  }

  @Test
  void aProviderThatThrowsWhileLoadingIsReportedAndTheOthersStillWork() {
    assertTrue(strategies.problems().stream().anyMatch(p -> p.contains("BrokenRankerProvider")),
        strategies.problems().toString());
    assertEquals(List.of("test-sequential", "test-reverse"),
        strategies.rankers().stream().map(NamedStrategy::name).toList());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> strategies.ranker("broken"));
    assertTrue(e.getMessage().contains("failed to load"), e.getMessage());
  }

  @Test
  void anUnknownNameListsTheAvailableOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ConnectByList.builder().scheduler("nope").build());
    assertTrue(e.getMessage().contains("no scheduler named 'nope'"), e.getMessage());
    assertTrue(e.getMessage().contains("test-sequential, test-all-at-once"), e.getMessage());
    IllegalArgumentException s = assertThrows(IllegalArgumentException.class,
        () -> ConnectByList.builder().strategy("nope").build());
    assertTrue(s.getMessage().contains("rankers: test-sequential, test-reverse"), s.getMessage());
    assertFalse(s.getMessage().contains("comes with"), "no module of this project has 'nope': " + s.getMessage());
  }

  /** The strategy modules are not on core's test class path: the error names the artifact to add. */
  @Test
  void aStrategyOfAModuleNotOnTheClassPathNamesTheArtifact() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ConnectByList.builder().strategy("sequential(attempt-timeout=250ms)").build());
    assertTrue(e.getMessage().startsWith("no strategy named 'sequential'; 'sequential' comes with "
        + "io.github.connectbylist:connectbylist-strategy-sequential, which is not on the class path"), e.getMessage());
    IllegalArgumentException r = assertThrows(IllegalArgumentException.class,
        () -> ConnectByList.builder().resolver("dns").build());
    assertTrue(r.getMessage().contains("io.github.connectbylist:connectbylist-resolver-dns"), r.getMessage());
  }

  @Test
  void anUnknownOptionListsTheOptionsThatExist() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ConnectByList.builder().strategy("test-sequential(attempt-timout=1s)").build());
    assertTrue(e.getMessage().contains("attempt-timout"), e.getMessage());
    assertTrue(e.getMessage().contains("attempt-timeout=none"), e.getMessage());
  }

  @Test
  void aMalformedOptionValueNamesTheOption() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ConnectByList.builder().scheduler("test-sequential(attempt-timeout=soon)").build());
    assertTrue(e.getMessage().contains("attempt-timeout=soon"), e.getMessage());
  }

  @Test
  void optionTextReachesTheStrategy() {
    try (ConnectByList cbl = ConnectByList.builder()
        .strategy("test-sequential(attempt-timeout=250ms)").build()) {
      assertEquals("test-sequential(attempt-timeout=250ms)", cbl.scheduler().toString());
    }
  }

  @Test
  void withoutANameTheHighestPriorityIsUsed() {
    try (ConnectByList cbl = ConnectByList.builder().build()) {
      assertEquals("test-sequential", cbl.ranker().toString());
      assertTrue(cbl.scheduler().toString().startsWith("test-sequential("), cbl.scheduler().toString());
    }
  }

  @Test
  void theSystemPropertyNamesTheDefault() throws Exception {
    String old = System.getProperty(Strategies.PROPERTY);
    System.setProperty(Strategies.PROPERTY, "test-all-at-once");
    try (Testbed testbed = new Testbed(); ConnectByList cbl = ConnectByList.builder().build()) {
      assertInstanceOf(AllAtOnceScheduler.class, cbl.scheduler());
      assertEquals("test-sequential", cbl.ranker().toString(), "no ranker of that name: the highest priority");
      System.setProperty(Strategies.PROPERTY, "nope");
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConnectByList.builder().build());
      assertTrue(e.getMessage().contains(Strategies.PROPERTY), e.getMessage());
    } finally {
      if (old == null) {
        System.clearProperty(Strategies.PROPERTY);
      } else {
        System.setProperty(Strategies.PROPERTY, old);
      }
    }
  }

  @Test
  void theRankersOrderIsTheOrderTried() throws Exception {
    Recorder recorder = new Recorder();
    try (Testbed testbed = new Testbed();
        ConnectByList cbl = ConnectByList.builder().ranker("test-reverse(unused=1)").scheduler("test-sequential")
            .listener(recorder).build()) {
      Endpoint refused = testbed.refusing("127.0.0.2");
      Endpoint good = testbed.accepting("127.0.0.1");
      try (Connection c = cbl.connect(List.of(refused.address(), good.address()))) {
        assertEquals(1, c.attempts().size(), "the reversed order tries the good one first");
        List<AddressPair> ranked = recorder.rankings.get(0);
        assertEquals(good.address(), ranked.get(0).destination());
        assertEquals(refused.address(), ranked.get(1).destination());
      }
    }
  }

  @Test
  void aRankerThatLosesPairsIsIgnoredWithAReport() throws Exception {
    try (Testbed testbed = new Testbed();
        ConnectByList cbl = ConnectByList.builder().scheduler("test-sequential")
            .ranker((pairs, context) -> pairs.subList(0, 1)).build()) {
      Endpoint refused = testbed.refusing("127.0.0.2");
      Endpoint good = testbed.accepting("127.0.0.1");
      try (Connection c = cbl.connect(List.of(refused.address(), good.address()))) {
        assertEquals(2, c.attempts().size(), "input order, both pairs");
      }
    }
  }

  @Test
  void aSchedulerThatThrowsIsReplacedAndTheConnectGoesOn() throws Exception {
    try (Testbed testbed = new Testbed();
        ConnectByList cbl = ConnectByList.builder().ranker("test-sequential")
            .scheduler((pairs, deadline, history) -> new io.github.connectbylist.api.AttemptScheduler.Schedule() {
              @Override
              public io.github.connectbylist.api.Decision next(long now) {
                throw new IllegalStateException("scheduler bug");
              }

              @Override
              public void attemptFailed(int index, io.github.connectbylist.api.FailureKind kind, long now) {}
            }).build()) {
      Endpoint refused = testbed.refusing("127.0.0.2");
      Endpoint good = testbed.accepting("127.0.0.1");
      try (Connection c = cbl.connect(List.of(refused.address(), good.address()))) {
        assertEquals(good.address(), c.remoteAddress());
      }
    }
  }

  @Test
  void strategyTextIsParsedStrictly() {
    for (String bad : List.of("", "(x=1)", "test-sequential(", "test-sequential(attempt-timeout)", "test-sequential(a=1, a=2)")) {
      assertThrows(IllegalArgumentException.class, () -> strategies.scheduler(bad), bad);
    }
    assertFalse(strategies.schedulers().isEmpty());
  }
}
