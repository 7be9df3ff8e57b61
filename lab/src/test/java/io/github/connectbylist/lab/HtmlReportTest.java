package io.github.connectbylist.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report as its reader sees it (issue 24): a scenario's timelines on one time axis, CDF curves that read apart
 * and a note when they coincide, no label clipped at a chart's edge, DNS marks clear of the names and a lost
 * answer unlike a real one, nothing drawn for a strategy that never connects, the sweep on a log scale, and a
 * table of contents whose links all land.
 */
class HtmlReportTest {
  private static final List<String> STRATEGIES = List.of("sequential/sequential",
      "sequential/sequential(attempt-timeout=250ms)", "rfc6724/happy-eyeballs", "happy-eyeballs/happy-eyeballs");
  private static final Pattern TEXT = Pattern.compile("<text ([^>]*)>(.*?)</text>", Pattern.DOTALL);
  private static String html;

  @BeforeAll
  static void run() {
    List<Scenario> scenarios = new ArrayList<>();
    for (String name : List.of("dual-stack-healthy", "broken-ipv6", "lost-aaaa")) {
      scenarios.add(ScenarioFormat.builtIn(name));
    }
    Experiment e = new Experiment("report", 1, 20, Duration.ofSeconds(10), STRATEGIES, scenarios,
        List.of(SessionFormat.builtIn("broken-ipv6-session")), 5);
    html = HtmlReport.render(ExperimentRunner.run(e, 1));
  }

  @Test
  void theTimelinesOfAScenarioShareOneTimeAxis() {
    for (String scenario : List.of("dual-stack-healthy", "broken-ipv6", "lost-aaaa")) {
      Set<String> ends = new HashSet<>();
      Matcher m = Pattern.compile(">([0-9.]+) ms</text>").matcher(svg(section(scenario), "timeline"));
      while (m.find()) {
        ends.add(m.group(1));
      }
      assertEquals(1, ends.size(), scenario + ": one axis end for every strategy, " + ends);
    }
    assertTrue(svg(section("broken-ipv6"), "timeline").contains(">10000 ms</text>"),
        "sequential/sequential's 10 s sets the axis that happy-eyeballs' 270 ms is drawn on");
    assertTrue(section("broken-ipv6").contains("\u2014 connected in 272.85 ms</tspan>"),
        "a connect's time beside its name, which a short bar on a long axis needs");
  }

  @Test
  void cdfCurvesDifferInDashesAndMarkersAndANoteNamesThoseThatCoincide() {
    String cdf = svg(section("dual-stack-healthy"), "cdf");
    List<String> dashes = all(cdf, "<polyline [^>]*stroke-dasharray=\"([^\"]*)\"");
    assertEquals(STRATEGIES.size(), dashes.size());
    assertEquals(STRATEGIES.size(), new HashSet<>(dashes).size(), "each curve its own dashes: " + dashes);
    assertEquals(STRATEGIES.size(), all(cdf, "class=\"marker\"").size(), "a marker per curve");
    assertTrue(section("dual-stack-healthy").contains("The curves of sequential/sequential, sequential/sequential("
        + "attempt-timeout=250ms), rfc6724/happy-eyeballs and happy-eyeballs/happy-eyeballs coincide"),
        "every strategy connects alike on a healthy dual stack");
    assertEquals("The curves of a and c coincide, as do those of b and d (the same values): one line shows, with each "
        + "one's marker at its own place along it.",
        Legend.coincidenceNote("curves", List.of("a", "b", "c", "d", "e"), List.of(1, 2, 1, 2, 3)));
    assertEquals("", Legend.coincidenceNote("curves", List.of("a", "b"), List.of(1, 2)));
    assertTrue(Style.of(8).marker() != Style.of(0).marker(), "past eight lines the styles still differ");
  }

  @Test
  void noTextRunsOutOfItsChart() {
    assertTrue(chartsWithEveryTextInside(html) >= 8, "CDFs, timelines and the session's charts");
  }

  @Test
  void aLongNameOrAddressPairIsShortenedInsideItsChartAndWholeInItsTooltip() throws Exception {
    String source = "2001:db8:aaaa:bbbb:cccc:dddd:eeee:1";
    String destination = "[2001:db8:aaaa:bbbb:cccc:dddd:eeee:2]:443";
    Scenario scenario = ScenarioFormat.parse(new ObjectMapper().readTree("""
        {"name": "long-ipv6-addresses-on-both-ends-of-a-dual-stack-path-whose-ipv6-is-black-holed",
         "description": "IPv6 with long addresses, black-holed; IPv4 works",
         "destinations": ["%s", "192.0.2.10:443"],
         "sources": [{"address": "%s", "prefix": 64, "interface": "eth0"},
                     {"address": "198.51.100.2", "prefix": 24, "interface": "eth0"}],
         "network": [{"destination": "192.0.2.10", "behaviour": "connects", "latency": {"fixed-ms": 20}}]}
        """.formatted(destination, source)), "test");
    String longStrategy = "history(rtt-leeway=25ms, explore-every=16)/happy-eyeballs(connection-attempt-delay=250ms, "
        + "max-concurrent-attempts=none, resolution-delay=50ms)";
    Experiment e = new Experiment("long labels", 1, 5, Duration.ofSeconds(10),
        List.of("happy-eyeballs/happy-eyeballs", longStrategy), List.of(scenario), List.of(), 1);
    String report = HtmlReport.render(ExperimentRunner.run(e, 1));
    assertTrue(chartsWithEveryTextInside(report) >= 2, "the CDF and the timelines");
    String timeline = svg(report, "timeline");
    String pair = source + " -> " + destination;
    assertTrue(timeline.contains("<title>" + Svg.esc(pair) + "</title>"), "the whole pair in the attempt's tooltip");
    assertFalse(timeline.contains(">" + Svg.esc(pair) + "<title>"), "too long to show whole: " + pair);
    assertTrue(Pattern.compile(">2001:d[^<]*\u2026[^<]*e:1 -&gt; \\[2001:d[^<]*\u2026[^<]*e:2\\]:443<title>")
        .matcher(timeline).find(), "each address shortened in its middle, keeping its ends, the brackets and the "
        + "port: " + timeline);
    assertTrue(Pattern.compile("<title>" + Pattern.quote(Svg.esc(longStrategy)) + " \u2014 connected in [0-9.]+ ms"
        + "</title>").matcher(timeline).find(), "the whole name and the outcome in the name's tooltip");
    assertTrue(timeline.contains("<tspan font-weight=\"bold\">history(rtt-leeway=25ms"), "the name's start shows");
    assertTrue(timeline.contains("resolution-delay=50ms)</tspan>"), "and its end");
    assertTrue(timeline.contains("<tspan font-weight=\"bold\">happy-eyeballs/happy-eyeballs</tspan>"),
        "a name that fits is drawn whole");
    assertTrue(timeline.contains(">198.51.100.2 -&gt; 192.0.2.10:443<title>"), "a pair that fits is drawn whole");
  }

  @Test
  void aShortenedTextKeepsItsEndsAndFitsItsRoom() {
    assertEquals("short", Svg.fit("short", 11, 100));
    String fitted = Svg.fit("abcdefghijklmnopqrstuvwxyz0123456789", 11, 100);
    assertTrue(Svg.width(fitted, 11) <= 100 && fitted.startsWith("abc") && fitted.endsWith("789")
        && fitted.contains(Svg.ELLIPSIS), fitted);
    assertEquals("", Svg.fit("abc", 11, 1), "no room, no text");
    String emoji = Svg.fit("\uD83D\uDE00".repeat(40), 11, 100);
    assertTrue(emoji.codePoints().allMatch(c -> c == 0x1F600 || c == 0x2026), "no surrogate cut in two: " + emoji);
  }

  /** Checks that every text of every chart lies inside it; returns how many charts there are. */
  private static int chartsWithEveryTextInside(String report) {
    Matcher svgs = Pattern.compile("<svg class=\"[^\"]*\" width=\"(\\d+)\"[^>]*>(.*?)</svg>", Pattern.DOTALL)
        .matcher(report);
    int charts = 0;
    while (svgs.find()) {
      charts++;
      int width = Integer.parseInt(svgs.group(1));
      for (double[] b : boxes(svgs.group(2))) {
        assertTrue(b[0] >= 0 && b[2] <= width, "a text in [" + b[0] + ", " + b[2] + "] of a chart " + width + " wide");
      }
    }
    return charts;
  }

  @Test
  void dnsMarksAreClearOfTheNamesAndALostAnswerIsNotMarkedAsOne() {
    String timeline = svg(section("lost-aaaa"), "timeline");
    List<double[]> names = new ArrayList<>();
    List<double[]> marks = new ArrayList<>();
    Matcher m = TEXT.matcher(timeline);
    while (m.find()) {
      double[] box = box(m.group(1), m.group(2));
      if (m.group(1).contains("font-size=\"12\"")) {
        names.add(box);
      } else if (m.group(1).contains("font-size=\"9\"")) {
        marks.add(box);
      }
    }
    assertEquals(STRATEGIES.size(), names.size());
    assertFalse(marks.isEmpty());
    for (double[] name : names) {
      for (double[] mark : marks) {
        assertFalse(name[0] < mark[2] && mark[0] < name[2] && name[1] < mark[3] && mark[1] < name[3],
            "a DNS label overlaps a name");
      }
    }
    assertTrue(timeline.contains("<g class=\"dns lost\"><title>AAAA lost-aaaa.test: never answered; the resolver "
        + "gave up at 5000.0 ms</title>"), "sequential waits for the AAAA query until the resolver gives up");
    assertTrue(timeline.contains(">AAAA lost (timeout)<title>"));
    assertTrue(timeline.contains("fill=\"#fff\" stroke=\"#999999\""), "the lost answer's circle is hollow");
    assertTrue(timeline.contains("<g class=\"dns answer\"><title>A lost-aaaa.test at "), "the A answer came");
    assertFalse(timeline.contains("<g class=\"dns answer\"><title>AAAA"), "no AAAA answer came");
  }

  @Test
  void aStrategyThatNeverConnectsHasNoCurveAndTheSessionTableCountsConnects() {
    String broken = section("broken-ipv6");
    String cdf = svg(broken, "cdf");
    assertEquals(STRATEGIES.size() - 1, all(cdf, "<g class=\"curve\">").size());
    assertFalse(cdf.contains("<title>sequential/sequential:"), "black-holed IPv6: it never gets past it in 10 s");
    assertTrue(broken.contains("sequential/sequential <small>(never connected)</small>"), "the legend says so");
    assertTrue(broken.contains("No curve for sequential/sequential: never connected."));
    for (String x : all(cdf, "(\\d+\\.\\d),\\d+\\.\\d")) {
      assertTrue(Double.parseDouble(x) < 700, "no point at the axis's end, where the deadline would be: " + x);
    }
    String session = section("broken-ipv6-session");
    assertTrue(session.contains("<th>connected</th>"));
    assertTrue(session.contains("<td>sequential/sequential</td><td>0 / 100</td>"), "5 clients of 20 connects");
    assertTrue(session.contains("<td>happy-eyeballs/happy-eyeballs</td><td>100 / 100</td>"));
    assertFalse(svg(session, "session").contains("<title>sequential/sequential</title>"),
        "no line at the top of the chart for a median that is a failure");
    assertTrue(session.contains("No line for sequential/sequential"));
  }

  @Test
  void theSweepIsOnALogScaleWhenItSpansDecadesAndOnALinearOneAtAClick() throws Exception {
    Experiment e = Experiment.read(Path.of("../docs/experiments/attempt-delay-sweep.json")).withRuns(10);
    String sweeps = HtmlReport.render(ExperimentRunner.run(e, 1));
    String p50 = sweeps.substring(sweeps.indexOf("<h2 id=\"p50-against-connection-attempt-delay\">"),
        sweeps.indexOf("<h2 id=\"wasted-against-connection-attempt-delay\">"));
    assertTrue(p50.indexOf("<svg class=\"sweep log\"") < p50.indexOf("<details><summary>The same on a linear scale"),
        "20 ms to 3 s: log first");
    assertTrue(p50.contains(">p50 time to connect (ms), log scale</text>"));
    assertTrue(p50.contains("<svg class=\"sweep linear\""));
    String wasted = sweeps.substring(sweeps.indexOf("<h2 id=\"wasted-against-connection-attempt-delay\">"));
    assertTrue(wasted.contains("<svg class=\"sweep linear\"") && !wasted.contains("<svg class=\"sweep log\""),
        "no wasted attempt on a healthy dual stack: a zero has no place on a log axis");
  }

  @Test
  void theContentsLinkToEverySectionAndEveryLinkLands() {
    String nav = html.substring(html.indexOf("<nav class=\"toc\">"), html.indexOf("</nav>"));
    List<String> links = all(nav, "href=\"#([^\"]+)\"");
    assertEquals(new LinkedHashSet<>(links).size(), links.size(), "one link per section");
    for (String id : links) {
      assertEquals(1, all(html, " id=\"" + Pattern.quote(id) + "\"").size(), id);
    }
    List<String> headings = all(html, "<h[12] id=\"([^\"]+)\"");
    assertEquals(headings, links, "every part and section, in order");
    assertEquals(List.of("scenarios", "dual-stack-healthy", "broken-ipv6", "lost-aaaa", "sessions",
        "broken-ipv6-session"), links);
  }

  /** The report from a section's heading to the next heading of a part or a section. */
  private static String section(String id) {
    int start = html.indexOf("<h2 id=\"" + id + "\">");
    assertTrue(start >= 0, id);
    Matcher next = Pattern.compile("<h[12] ").matcher(html);
    return next.find(start + 1) ? html.substring(start, next.start()) : html.substring(start);
  }

  private static String svg(String section, String cssClass) {
    int start = section.indexOf("<svg class=\"" + cssClass + "\"");
    assertTrue(start >= 0, cssClass);
    return section.substring(start, section.indexOf("</svg>", start));
  }

  private static List<String> all(String text, String regex) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(text);
    while (m.find()) {
      found.add(m.groupCount() > 0 ? m.group(1) : m.group());
    }
    return found;
  }

  private static List<double[]> boxes(String svg) {
    List<double[]> boxes = new ArrayList<>();
    Matcher m = TEXT.matcher(svg);
    while (m.find()) {
      boxes.add(box(m.group(1), m.group(2)));
    }
    return boxes;
  }

  /**
   * Where a text lies, {left, top, right, bottom}, its width as the charts estimate it ({@link Svg#width}: Arial's
   * advance widths and a tenth more; Chromium, asked for each text's box, found every one inside its chart).
   */
  private static double[] box(String attributes, String content) {
    double x = attribute(attributes, "x", 0);
    double y = attribute(attributes, "y", 0);
    double size = attribute(attributes, "font-size", 16);
    String text = content.replaceAll("<title>.*?</title>", "").replaceAll("<[^>]+>", "").replace("&amp;", "&")
        .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"");
    double width = Svg.width(text, size);
    String anchor = attributes.contains("text-anchor=\"end\"") ? "end"
        : attributes.contains("text-anchor=\"middle\"") ? "middle" : "start";
    double left = anchor.equals("end") ? x - width : anchor.equals("middle") ? x - width / 2 : x;
    return new double[] {left, y - size, left + width, y};
  }

  private static double attribute(String attributes, String name, double otherwise) {
    Matcher m = Pattern.compile("(?:^|\\s)" + name + "=\"([-0-9.]+)\"").matcher(attributes);
    return m.find() ? Double.parseDouble(m.group(1)) : otherwise;
  }
}
