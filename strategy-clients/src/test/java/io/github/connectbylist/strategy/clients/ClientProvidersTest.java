package io.github.connectbylist.strategy.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.Strategies;
import io.github.connectbylist.api.NamedStrategy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The models are found by name through ServiceLoader, take their options, and are never the default. */
class ClientProvidersTest {

  @Test
  void everyClientIsARankerAndASchedulerByItsName() {
    Strategies s = Strategies.discovered();
    for (Client c : Client.values()) {
      Strategies.Choice choice = s.strategy(c.strategyName());
      assertTrue(choice.scheduler().toString().startsWith(c.strategyName()), choice.toString());
      assertTrue(choice.ranker().toString().startsWith(c.strategyName()), choice.toString());
    }
    List<NamedStrategy<?>> all = new ArrayList<>(s.rankers());
    all.addAll(s.schedulers());
    for (Client c : Client.values()) {
      for (NamedStrategy<?> p : all) {
        if (p.name().equals(c.strategyName())) {
          assertTrue(p.priority() < 0, p + " must never be the default");
        }
      }
    }
  }

  @Test
  void optionsGoToWhicheverSideDeclaresThem() {
    Strategies s = Strategies.discovered();
    Strategies.Choice asyncio = s.strategy("asyncio(happy-eyeballs-delay=250ms)");
    assertTrue(asyncio.scheduler().toString().contains("delay=250ms"), asyncio.scheduler().toString());
    assertTrue(asyncio.ranker().toString().contains("alternating"), asyncio.ranker().toString());
    assertEquals("go(primary=the first address's family, fallback after 100ms, deadline split per address, floor 2s)", s.scheduler("go(fallback-delay=100ms)").toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.strategy("chrome(delay=1s)"));
    assertTrue(e.getMessage().contains("fallback-delay"), e.getMessage());
  }

  @Test
  void everyClientSaysWhatItDoesWithHttpsRecordsAndNoneUsesTheirEndpoints() {
    Strategies s = Strategies.discovered();
    for (Client c : Client.values()) {
      assertTrue(c.httpsRecords().contains("HTTPS records"), c + ": " + c.httpsRecords());
      assertTrue(!c.usesServiceEndpoints(), c + " is modelled without service records");
      assertEquals(c, Client.modelling(c.strategyName()).orElseThrow());
      for (NamedStrategy<?> p : s.schedulers()) {
        if (p.name().equals(c.strategyName())) {
          assertTrue(p.description().endsWith("HTTPS records: " + c.httpsRecords()), p.description());
        }
      }
    }
    assertEquals(Client.ASYNCIO, Client.modelling("asyncio(happy-eyeballs-delay=250ms)").orElseThrow());
    assertTrue(Client.modelling("happy-eyeballs").isEmpty());
  }
}
