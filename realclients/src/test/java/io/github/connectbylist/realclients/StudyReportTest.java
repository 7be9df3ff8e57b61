package io.github.connectbylist.realclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the study's files say, from hand-made results: the verdicts, the reasons, the columns. */
class StudyReportTest {
  private static RealLazyEye.Row real(String client, double cad) {
    return new RealLazyEye.Row(client, "1.0", "real", cad, cad - 1, cad + 1, -1, -1, -1, 1, 1, "ipv6", 3, "m/m");
  }

  private static RealLazyEye.Row model(double cad) {
    return new RealLazyEye.Row("m/m", "model", "model", cad, cad, cad, -1, -1, -1, 1, 1, "ipv6", 1, "");
  }

  @Test
  void aModelWithinFiveMillisecondsHasNoDifferenceAndOneBeyondIsNamed() {
    assertEquals(List.of(), StudyReport.differences(real("curl", 204.9), model(200)));
    assertEquals(List.of("connection attempt delay 205.1 ms real, 200.0 ms model"),
        StudyReport.differences(real("curl", 205.1), model(200)));
    RealLazyEye.Row other = new RealLazyEye.Row("go", "1", "real", 300, 300, 300, -1, -1, -1, 10, 10, "ipv4", 3, "");
    assertEquals(List.of("addresses 10/10 real, 1/1 model (v6/v4)", "first family ipv4 real, ipv6 model"),
        StudyReport.differences(other, new RealLazyEye.Row("m", "model", "model", 300, 300, 300, -1, -1, -1, 1, 1,
            "ipv6", 1, "")));
  }

  @Test
  void theReportGivesTheTracedReasonOnlyForAClientWhoseFallbackDiffers() {
    RealLazyEye.Study study = new RealLazyEye.Study(List.of(real("node", 260), model(250), real("curl", 201),
        model(200)), List.of(), List.of(), List.of("go: java.io.IOException: no network"), Duration.ofSeconds(7));
    String html = StudyReport.html(study);
    assertTrue(html.contains("<dt><b>node</b></dt>"), "node's reason is given");
    assertFalse(html.contains("<dt><b>curl</b></dt>"), "curl is within 5 ms: nothing to explain");
    assertTrue(html.contains("within 5 ms"));
    assertTrue(html.contains("<li>go: java.io.IOException: no network</li>"), "a client not measured is named");
  }

  @Test
  void theCsvHasTheIssuesColumnsAndAnUnseenDelayIsEmpty() {
    String csv = StudyReport.csv(List.of(real("curl", 201), new RealLazyEye.Row("asyncio", "3.11", "real", -1, -1, -1,
        -1, -1, -1, 1, 0, "ipv6", 3, "asyncio/asyncio")));
    List<String> lines = csv.lines().toList();
    assertEquals("client,version,kind,cad_ms,cad_min_ms,cad_max_ms,rd_ms,rd_min_ms,rd_max_ms,ipv6_addresses,"
        + "ipv4_addresses,first_family,runs,model", lines.get(0));
    assertEquals("curl,1.0,real,201.000,200.000,202.000,,,,1,1,ipv6,3,m/m", lines.get(1));
    assertEquals("asyncio,3.11,real,,,,,,,1,0,ipv6,3,asyncio/asyncio", lines.get(2));
  }
}
