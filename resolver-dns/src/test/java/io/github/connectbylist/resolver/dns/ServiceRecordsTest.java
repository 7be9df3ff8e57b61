package io.github.connectbylist.resolver.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.api.ServiceBinding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

/** How this resolver reads HTTPS records: order, shuffle, names of keys, the effective target. */
class ServiceRecordsTest {

  private static ServiceRecords.Record record(int priority, String target) {
    return new ServiceRecords.Record(priority, null, ServiceBinding.of(priority, target));
  }

  @Test
  void recordsGoByPriorityAndEqualPrioritiesAreShuffled() {
    List<ServiceRecords.Record> answer = List.of(record(2, "c"), record(1, "a"), record(1, "b"), record(1, "d"));
    Set<List<String>> orders = new HashSet<>();
    Random random = new Random(7);
    for (int i = 0; i < 50; i++) {
      List<String> targets = new ArrayList<>();
      for (ServiceBinding b : ServiceRecords.ordered(answer, random)) {
        targets.add(b.target());
      }
      assertEquals("c", targets.get(3), "priority 2 after every priority 1");
      orders.add(targets);
    }
    assertTrue(orders.size() > 1, "RFC 9460 section 2.4.1: equal priorities in random order, seen " + orders);
  }

  @Test
  void theOwnersPortAndSchemeLabelsAreNotPartOfTheTarget() throws Exception {
    assertEquals(Name.fromString("example.test."), ServiceRecords.withoutPrefix(Name.fromString("_8443._https.example.test.")));
    assertEquals(Name.fromString("example.test."), ServiceRecords.withoutPrefix(Name.fromString("example.test.")));
  }

  @Test
  void keysAreNamedAsThePresentationFormatNamesThem() {
    assertEquals(List.of("mandatory", "alpn", "no-default-alpn", "port", "ipv4hint", "ech", "ipv6hint", "key65001"),
        List.of(0, 1, 2, 3, 4, 5, 6, 65001).stream().map(ServiceRecords::keyName).toList());
  }
}
