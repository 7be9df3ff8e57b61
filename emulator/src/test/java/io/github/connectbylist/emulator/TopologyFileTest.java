package io.github.connectbylist.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.connectbylist.api.Addresses;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Topology files: the examples in {@code docs/networks} read, write back to what reads as the same network, and
 * print; wrong and hostile files are refused in one line naming the file and the field.
 */
class TopologyFileTest {
  /** The examples, from the module's directory, where Maven runs the tests. */
  private static final Path EXAMPLES = Path.of("..", "docs", "networks");

  @TempDir
  Path dir;

  private static List<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }

  @Test
  void everyExampleReadsRoundTripsAndPrints() throws Exception {
    List<Path> examples = examples();
    List<String> names = examples.stream().map(f -> f.getFileName().toString()).toList();
    assertTrue(names.containsAll(List.of("dual-stack-slow-ipv6.json", "multi-homed.json", "broken-ipv6.json")),
        names.toString());
    for (Path file : examples) {
      Topology t = TopologyFile.read(file);
      String name = file.getFileName().toString();
      assertEquals(name.substring(0, name.length() - ".json".length()), t.name(), "the name is the file's: " + file);
      Path copy = dir.resolve(name);
      Files.writeString(copy, TopologyFile.write(t));
      assertEquals(t, TopologyFile.read(copy), file + " written back:\n" + TopologyFile.write(t));
      assertEquals(TopologyFile.write(t), TopologyFile.write(TopologyFile.read(copy)), "writing is stable: " + file);
      String printed = TopologyFile.print(t);
      assertTrue(printed.startsWith("network " + t.name() + ": "), printed);
      for (HostSpec h : t.hosts()) {
        assertTrue(printed.contains("host " + h.name() + "\n"), printed);
      }
      for (PathRule r : t.rules()) {
        assertTrue(printed.contains("\n  " + r.name() + " "), printed);
      }
    }
  }

  @Test
  void dualStackSlowIpv6HasTheRoundTripsAndNameTheReadmeSays() throws Exception {
    Topology t = TopologyFile.read(EXAMPLES.resolve("dual-stack-slow-ipv6.json"));
    assertEquals(List.of("client", "server"), t.hosts().stream().map(HostSpec::name).toList());
    assertEquals(Duration.ofMillis(150), t.rules().get(0).delay());
    assertEquals(Family.IPV6, t.rules().get(0).family());
    assertEquals(Duration.ofMillis(10), t.rules().get(1).delay());
    NameService dns = t.names().orElseThrow();
    assertEquals("server", dns.host());
    assertEquals(List.of(Addresses.parseLiteral("2001:db8:2::2"), Addresses.parseLiteral("198.51.100.2")),
        dns.names().get("dual.test"));
    String printed = TopologyFile.print(t);
    assertTrue(printed.contains("  ipv6  both ways  ipv6  any -> any  delay 150ms  => round trip 300ms\n"), printed);
    assertTrue(printed.contains("  ipv4  both ways  ipv4  any -> any  delay 10ms   => round trip 20ms\n"), printed);
    assertTrue(printed.contains("  main table: ipv6 default via eth0, ipv4 default via eth0\n"), printed);
    assertTrue(printed.contains("name service: on host server at 198.51.100.53 port 53"), printed);
    assertTrue(printed.contains("  dual.test  2001:db8:2::2 (server eth0), 198.51.100.2 (server eth0)\n"), printed);
  }

  @Test
  void multiHomedPrintsItsDefaultRoutesAndOneTablePerInterface() throws Exception {
    Topology t = TopologyFile.read(EXAMPLES.resolve("multi-homed.json"));
    HostSpec client = t.host("client");
    assertEquals("wifi", client.defaultInterface(Family.IPV6).orElseThrow().name());
    assertEquals("wifi", client.defaultInterface(Family.IPV4).orElseThrow().name());
    assertFalse(client.interfaces().get(1).has(Family.IPV6), "cell is IPv4 only");
    String printed = TopologyFile.print(t);
    assertTrue(printed.contains("  interface wifi  2001:db8:1::2/64, 192.0.2.2/24\n"
        + "  interface cell  203.0.113.2/24\n"
        + "  main table: ipv6 default via wifi, ipv4 default via wifi\n"
        + "  table wifi, for source 2001:db8:1::2, 192.0.2.2: ipv6 default via wifi, ipv4 default via wifi\n"
        + "  table cell, for source 203.0.113.2: ipv4 default via cell\n"), printed);
    assertTrue(printed.contains("rules, in order (the first that matches a packet applies):\n"
        + "  wifi-ipv6-black-hole      both ways  ipv6  any protocol  2001:db8:1::/64 -> any           drop        "
        + "       => black hole: no answer, the sender times out\n"
        + "  server-refuses-wifi-ipv4  both ways  ipv4  tcp           192.0.2.0/24 -> 198.51.100.2/32  reject: tcp "
        + "reset  => fails at once: refused\n"
        + "  cell                      both ways  ipv4  any protocol  203.0.113.0/24 -> any            delay 40ms  "
        + "       => round trip 80ms\n"
        + "  wifi-ipv4                 both ways  ipv4  any protocol  192.0.2.0/24 -> any              delay 10ms  "
        + "       => round trip 20ms\n"), printed);
    assertTrue(printed.contains("  server.test  2001:db8:2::2 (server eth0), 198.51.100.2 (server eth0)"), printed);
  }

  @Test
  void everyPartOfARuleRoundTrips() throws Exception {
    PathRule all = PathRule.named("all").from(Prefix.parse("2001:db8:1::/48")).to(Prefix.parse("2001:db8:2::7"))
        .oneWay().family(Family.IPV6).protocol(Protocol.UDP).port(53).delay(Duration.ofNanos(1_500_001))
        .jitter(Duration.ofMillis(1500)).loss(0.125);
    Map<String, List<InetAddress>> names = new LinkedHashMap<>();
    names.put("b.test", List.of(Addresses.parseLiteral("203.0.113.9")));
    names.put("a.test", List.of(Addresses.parseLiteral("2001:db8:2::7"), Addresses.parseLiteral("192.0.2.1")));
    Topology t = new Topology("every-part", List.of(
        new HostSpec("a", List.of(new InterfaceSpec("x", List.of(Prefix.parse("2001:db8:1::1/64"))),
            new InterfaceSpec("y.0", List.of(Prefix.parse("192.0.2.1/25"))))),
        new HostSpec("b", List.of(new InterfaceSpec("eth0", List.of(Prefix.parse("2001:db8:2::7/128")))))),
        List.of(all, PathRule.named("hole").to(Prefix.parse("198.51.100.0/24")).action(Action.HOST_UNREACHABLE),
            PathRule.named("tiny-loss").loss(1e-7), PathRule.named("nothing")),
        Optional.of(new NameService("b", Addresses.parseLiteral("2001:db8:2::7"), names)));
    Path file = dir.resolve("t.json");
    Files.writeString(file, TopologyFile.write(t));
    Topology back = TopologyFile.read(file);
    assertEquals(t, back, TopologyFile.write(t));
    assertEquals(List.of("b.test", "a.test"), new ArrayList<>(back.names().orElseThrow().names().keySet()),
        "names keep their order");
    String printed = TopologyFile.print(t);
    assertTrue(printed.contains("all        one way    ipv6        udp port 53   2001:db8:1::/48 -> 2001:db8:2::7/128"
        + "  delay 1500001ns  jitter 1500ms  loss 12.5%  => one way 1500001ns (0s to 1501500001ns), 12.5% of packets "
        + "lost; replies go by the other rules\n"), printed);
    assertTrue(printed.contains("\n  tiny-loss  both ways  any family  any protocol  any -> any  "), printed);
    assertTrue(printed.contains("loss 0.00001%  "), printed);
    assertTrue(printed.contains("=> no delay, 0.00002% of round trips lose a packet\n"), printed);
    assertTrue(printed.contains("\n  nothing    both ways  any family  any protocol  any -> any"), printed);
    assertTrue(printed.contains("pass  "), printed);
    assertTrue(printed.contains("=> passes at once\n"), printed);
    assertTrue(printed.contains("  b.test  203.0.113.9 (no host: dropped)\n"), printed);
  }

  @Test
  void aNetworkWithoutRulesOrNamesWritesAndPrints() throws Exception {
    Topology t = new Topology("bare", List.of(new HostSpec("h", List.of(new InterfaceSpec("eth0",
        List.of(Prefix.parse("192.0.2.1/24")))))), List.of(), Optional.empty());
    Path file = dir.resolve("bare.json");
    Files.writeString(file, TopologyFile.write(t));
    assertEquals(t, TopologyFile.read(file));
    String printed = TopologyFile.print(t);
    assertTrue(printed.contains("  main table: no ipv6 (no ipv6 address), ipv4 default via eth0\n"), printed);
    assertTrue(printed.contains("rules: none\n"), printed);
    assertTrue(printed.contains("name service: none\n"), printed);
  }

  @Test
  void theReadmeDocumentsEveryKeyAndShowsTheExampleAsItIsAndAsItPrints() throws Exception {
    String readme = Files.readString(EXAMPLES.resolve("README.md"));
    for (List<String> keys : List.of(TopologyFile.KEYS, TopologyFile.HOST_KEYS, TopologyFile.INTERFACE_KEYS,
        TopologyFile.RULE_KEYS, TopologyFile.DNS_KEYS)) {
      for (String key : keys) {
        assertTrue(readme.contains("\n| `" + key + "` | "), "README.md has a row for " + key);
      }
    }
    Path example = EXAMPLES.resolve("dual-stack-slow-ipv6.json");
    assertTrue(readme.contains("```json\n" + Files.readString(example) + "```\n"), "README.md shows " + example);
    assertTrue(readme.contains("```\n" + TopologyFile.print(TopologyFile.read(example)) + "```\n"),
        "README.md shows what --print prints:\n" + TopologyFile.print(TopologyFile.read(example)));
  }

  // ------------------------------------------------------------------------------------------ hostile files

  /** The dual-stack example with {@code from} replaced by {@code to} (once; it must be there). */
  private Path variant(String from, String to) throws IOException {
    String text = Files.readString(EXAMPLES.resolve("dual-stack-slow-ipv6.json"));
    assertTrue(text.contains(from), from);
    Path file = dir.resolve("bad.json");
    Files.writeString(file, text.replace(from, to));
    return file;
  }

  /** A file of the given text. */
  private Path file(String json) throws IOException {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, json);
    return file;
  }

  private static final String CLIENT = "{\"name\": \"client\", \"interfaces\": [{\"name\": \"eth0\", \"addresses\": "
      + "[\"192.0.2.2/24\"]}]}";

  /** A network of one client and these rules. */
  private Path rules(String rules) throws IOException {
    return file("{\"name\": \"n\", \"hosts\": [" + CLIENT + "], \"rules\": [" + rules + "]}");
  }

  /** The one-line message of reading {@code file}, which must fail. */
  private static String error(Path file) {
    Exception e = assertThrows(Exception.class, () -> TopologyFile.read(file));
    assertTrue(e instanceof IllegalArgumentException || e instanceof IOException, e.toString());
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
    return e.getMessage();
  }

  @Test
  void anUnknownKeyIsNamedWithTheKeysThereAre() throws Exception {
    Path file = variant("\"delay\": \"150ms\"", "\"delay\": \"150ms\", \"latency\": \"1s\"");
    assertEquals(file + ": rules[0]: unknown key 'latency'; the keys are name, from, to, direction, family, protocol,"
        + " port, delay, jitter, loss, action", error(file));
    assertEquals(file + ": unknown key 'description'; the keys are name, hosts, rules, dns",
        error(variant("\"name\": \"dual-stack-slow-ipv6\"", "\"name\": \"x\", \"description\": \"\"")));
    assertEquals(file + ": hosts[1].interfaces[0]: unknown key 'mtu'; the keys are name, addresses",
        error(variant("{\"name\": \"eth0\", \"addresses\": [\"2001:db8:2::2/64\"",
            "{\"name\": \"eth0\", \"mtu\": 1500, \"addresses\": [\"2001:db8:2::2/64\"")));
    assertEquals(file + ": dns: unknown key 'port'; the keys are host, address, names",
        error(variant("\"address\": \"198.51.100.53\"", "\"address\": \"198.51.100.53\", \"port\": 53")));
  }

  @Test
  void anAddressOutsideTheDocumentationPrefixesIsRefused() throws Exception {
    Path file = variant("\"192.0.2.2/24\"", "\"8.8.8.8/24\"");
    assertEquals(file + ": hosts[0].interfaces[0].addresses[1]: 8.8.8.8 is not in a documentation prefix "
        + "(2001:db8::/32, 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24): an emulated network uses no other",
        error(file));
    assertTrue(error(variant("\"dual.test\": [\"2001:db8:2::2\"", "\"dual.test\": [\"2001:4860::8888\""))
        .startsWith(file + ": dns.names.dual.test[0]: 2001:4860::8888 is not in a documentation prefix"));
  }

  @Test
  void aBadPrefixLengthIsRefused() throws Exception {
    Path file = variant("\"192.0.2.2/24\"", "\"192.0.2.2/33\"");
    assertEquals(file + ": hosts[0].interfaces[0].addresses[1]: prefix length 33 of 192.0.2.2 is out of range: "
        + "give 0 to 32", error(file));
    assertEquals(file + ": hosts[0].interfaces[0].addresses[0]: prefix length 129 of 2001:db8:1::2 is out of range: "
        + "give 0 to 128", error(variant("\"2001:db8:1::2/64\"", "\"2001:db8:1::2/129\"")));
    assertEquals(file + ": hosts[0].interfaces[0].addresses[1]: '192.0.2.2/+4': the prefix length must be a "
        + "decimal number", error(variant("\"192.0.2.2/24\"", "\"192.0.2.2/+4\"")));
    assertEquals(file + ": hosts[0].interfaces[0].addresses[1]: '192.0.2.2' has no prefix length: give its "
        + "subnet's too, such as 192.0.2.2/24 or 2001:db8:1::2/64", error(variant("\"192.0.2.2/24\"", "\"192.0.2.2\"")));
    assertEquals(file + ": rules[0].from: 192.0.2.7/24 has bits set past its length 24: write 192.0.2.0/24 for the "
        + "prefix, or 192.0.2.7 alone for one address", error(rules("{\"name\": \"r\", \"from\": \"192.0.2.7/24\"}")));
  }

  @Test
  void aNameGivenTwiceIsRefused() throws Exception {
    Path file = variant("{\"name\": \"server\"", "{\"name\": \"client\"");
    assertEquals(file + ": hosts[1].name: two hosts are named client: give each its own name", error(file));
    assertEquals(file + ": rules[1].name: two rules are named ipv6: give each its own name, by which a running "
        + "network replaces it", error(variant("{\"name\": \"ipv4\"", "{\"name\": \"ipv6\"")));
    assertEquals(file + ": hosts[1].interfaces[0].addresses[0]: 2001:db8:1::2 is already on client eth0: an address "
        + "is on one interface only", error(variant("\"2001:db8:2::2/64\"", "\"2001:db8:1::2/64\"")));
    assertEquals(file + ": hosts[0].interfaces[1].name: host client has two interfaces named eth0",
        error(variant("{\"name\": \"eth0\", \"addresses\": [\"2001:db8:1::2/64\", \"192.0.2.2/24\"]}",
            "{\"name\": \"eth0\", \"addresses\": [\"2001:db8:1::2/64\"]}, {\"name\": \"eth0\", \"addresses\": "
                + "[\"192.0.2.2/24\"]}")));
    assertEquals(file + ": dns.names.dual.test[1]: 2001:db8:2::2 is given twice",
        error(variant("[\"2001:db8:2::2\", \"198.51.100.2\"]", "[\"2001:db8:2::2\", \"2001:db8:2:0::2\"]")));
    assertTrue(error(file("{\"name\": \"n\", \"name\": \"m\"}")).contains("Duplicate field 'name'"));
  }

  @Test
  void aLossPastOneIsRefused() throws Exception {
    Path file = rules("{\"name\": \"r\", \"loss\": 1.5}");
    assertEquals(file + ": rules[0].loss: 1.5 is out of range: give a number from 0 to 1", error(file));
    assertEquals(file + ": rules[0].loss: -0.1 is out of range: give a number from 0 to 1",
        error(rules("{\"name\": \"r\", \"loss\": -0.1}")));
    assertEquals(file + ": rules[0].loss: \"10%\" is not a number: give one from 0 to 1",
        error(rules("{\"name\": \"r\", \"loss\": \"10%\"}")));
  }

  @Test
  void aDelayPastAMinuteIsRefusedNotOverflowed() throws Exception {
    Path file = rules("{\"name\": \"r\", \"delay\": \"1000000000000000000000000000000m\"}");
    assertEquals(file + ": rules[0].delay: '1000000000000000000000000000000m' is out of range: give a duration "
        + "from 0s to 1m", error(file));
    assertEquals(file + ": rules[0].jitter: '61s' is out of range: give a duration from 0s to 1m",
        error(rules("{\"name\": \"r\", \"jitter\": \"61s\"}")));
    assertEquals(file + ": rules[0].delay: 150 has no unit: give a duration such as 150ms, 1.5s, 500us or 0, from 0"
        + " to 1m", error(rules("{\"name\": \"r\", \"delay\": 150}")));
    assertEquals(file + ": rules[0].delay: '-5ms' is not a duration such as 250ms, 2s or 1.5s",
        error(rules("{\"name\": \"r\", \"delay\": \"-5ms\"}")));
    assertEquals(file + ": rules[0].delay: '1.0000000001ms' is finer than a nanosecond: give a duration from 0s to 1m",
        error(rules("{\"name\": \"r\", \"delay\": \"1.0000000001ms\"}")));
  }

  @Test
  void zeroIsADurationWithOrWithoutAUnit() throws Exception {
    for (String zero : List.of("\"0\"", "0", "\"0ms\"", "\"0s\"")) {
      Topology t = TopologyFile.read(rules("{\"name\": \"r\", \"delay\": " + zero + "}"));
      assertEquals(Duration.ZERO, t.rules().get(0).delay(), zero);
    }
    assertEquals(Duration.ofNanos(1_500_000_000), TopologyFile.read(rules("{\"name\": \"r\", \"delay\": \"1.5s\"}"))
        .rules().get(0).delay());
    assertEquals(Duration.ofNanos(500_000), TopologyFile.read(rules("{\"name\": \"r\", \"delay\": \"500us\"}"))
        .rules().get(0).delay());
  }

  @Test
  void theDnsAddressMustBeItsHosts() throws Exception {
    Path file = variant("\"address\": \"198.51.100.53\"", "\"address\": \"192.0.2.2\"");
    assertEquals(file + ": dns.address: 192.0.2.2 is not an address of host server, which has 2001:db8:2::2, "
        + "198.51.100.2, 198.51.100.53", error(file));
    assertEquals(file + ": dns.host: 'resolver' is not a host of the network; the hosts are client, server",
        error(variant("\"host\": \"server\"", "\"host\": \"resolver\"")));
    assertEquals(file + ": dns.address: '198.51.100.53/24': give the server's address alone, without a prefix "
        + "length", error(variant("\"address\": \"198.51.100.53\"", "\"address\": \"198.51.100.53/24\"")));
  }

  @Test
  void anInterfaceNameOver15CharactersIsRefused() throws Exception {
    Path file = variant("{\"name\": \"eth0\", \"addresses\": [\"2001:db8:1::2/64\"",
        "{\"name\": \"ethernet-adapter0\", \"addresses\": [\"2001:db8:1::2/64\"");
    assertEquals(file + ": hosts[0].interfaces[0].name: 'ethernet-adapter0' is 17 characters: an interface's name "
        + "is 1 to 15 of a-z 0-9 - _ . (the kernel's limit is 15)", error(file));
    assertEquals(file + ": hosts[0].interfaces[0].name: 'eth/0': an interface's name is 1 to 15 of a-z 0-9 - _ . "
        + "(the kernel's limit is 15)", error(variant("{\"name\": \"eth0\", \"addresses\": [\"2001:db8:1::2/64\"",
            "{\"name\": \"eth/0\", \"addresses\": [\"2001:db8:1::2/64\"")));
    assertEquals(file + ": hosts[0].name: 'Client': a host's name is 1 to 20 of a-z 0-9 -",
        error(variant("{\"name\": \"client\"", "{\"name\": \"Client\"")));
  }

  @Test
  void nonAsciiDigitsInAnAddressAreRefusedAndShownEscaped() throws Exception {
    Path file = variant("\"192.0.2.2/24\"", "\"\uff11\uff19\uff12.0.2.2/24\"");
    assertEquals(file + ": hosts[0].interfaces[0].addresses[1]: '\\uff11\\uff19\\uff12.0.2.2/24' is not an address "
        + "literal: only ASCII digits, letters a-f, '.', ':' and '/' are", error(file));
    assertEquals(file + ": hosts[0].interfaces[0].addresses[1]: '192.0.2.2/2\\u0664' is not an address literal: "
        + "only ASCII digits, letters a-f, '.', ':' and '/' are", error(variant("\"192.0.2.2/24\"",
            "\"192.0.2.2/2\u0664\"")));
    assertTrue(error(variant("\"198.51.100.2\"]", "\"198.51.100.\u0662\"]"))
        .startsWith(file + ": dns.names.dual.test[1]: '198.51.100.\\u0662' is not an address literal"));
    assertEquals(file + ": hosts[0].name: 'cli\\u000aent': a host's name is 1 to 20 of a-z 0-9 -",
        error(variant("{\"name\": \"client\"", "{\"name\": \"cli\\nent\"")));
  }

  @Test
  void aRuleWhoseSidesDifferInFamilyIsRefused() throws Exception {
    Path file = rules("{\"name\": \"r\", \"from\": \"192.0.2.0/24\", \"to\": \"2001:db8::/32\"}");
    assertEquals(file + ": rules[0].to: 2001:db8::/32 is ipv6, but from 192.0.2.0/24 is ipv4: a rule's two sides "
        + "are of one family", error(file));
    assertEquals(file + ": rules[0].from: 192.0.2.0/24 is ipv4, but the rule's family is ipv6",
        error(rules("{\"name\": \"r\", \"family\": \"ipv6\", \"from\": \"192.0.2.0/24\"}")));
  }

  @Test
  void aRuleThatDropsOrRejectsHasNoDelayOrLoss() throws Exception {
    Path file = rules("{\"name\": \"r\", \"action\": \"drop\", \"delay\": \"150ms\"}");
    assertEquals(file + ": rules[0].delay: a rule whose action is drop has no delay: a dropped packet is never "
        + "delivered, so it is not delayed or lost; give the delay to a rule whose action is pass", error(file));
    assertEquals(file + ": rules[0].loss: a rule whose action is reset has no loss: a rejected packet is answered at "
        + "once, not delayed or lost; give the loss to a rule whose action is pass",
        error(rules("{\"name\": \"r\", \"action\": \"reset\", \"loss\": 0.5}")));
    assertEquals(file + ": rules[0].jitter: a rule whose action is host-unreachable has no jitter: a rejected packet"
        + " is answered at once, not delayed or lost; give the jitter to a rule whose action is pass",
        error(rules("{\"name\": \"r\", \"action\": \"host-unreachable\", \"jitter\": \"1ms\"}")));
    assertEquals(Action.DROP, TopologyFile.read(rules("{\"name\": \"r\", \"action\": \"drop\", \"delay\": \"0\"}"))
        .rules().get(0).action(), "a delay of 0 is no delay");
  }

  @Test
  void otherWrongValuesAreNamed() throws Exception {
    Path file = rules("{\"name\": \"r\", \"action\": \"reject\"}");
    assertEquals(file + ": rules[0].action: 'reject' is not one of pass, drop, reset, host-unreachable, "
        + "network-unreachable", error(file));
    assertEquals(file + ": rules[0].direction: 'forward' is not one of both, one-way",
        error(rules("{\"name\": \"r\", \"direction\": \"forward\"}")));
    assertEquals(file + ": rules[0].port: 0 is out of range: give a whole number from 1 to 65535",
        error(rules("{\"name\": \"r\", \"port\": 0}")));
    assertEquals(file + ": rules[0].port: icmp has no ports: give tcp or udp, or no protocol",
        error(rules("{\"name\": \"r\", \"protocol\": \"icmp\", \"port\": 7}")));
    assertEquals(file + ": rules[0].name: missing: give a string", error(rules("{\"from\": \"192.0.2.0/24\"}")));
    assertEquals(file + ": hosts: the list is empty: give at least one",
        error(file("{\"name\": \"n\", \"hosts\": []}")));
    assertEquals(file + ": hosts[0]: give an object {...}, not \"client\"",
        error(file("{\"name\": \"n\", \"hosts\": [\"client\"]}")));
    assertEquals(file + ": rules[0].to: '2001:db8::1%eth0' has a zone (%...): an emulated network's addresses have "
        + "none", error(rules("{\"name\": \"r\", \"to\": \"2001:db8::1%eth0\"}")));
    assertEquals(file + ": rules[0].to: '::ffff:192.0.2.1' is an IPv4-mapped IPv6 address: write the IPv4 address "
        + "192.0.2.1", error(rules("{\"name\": \"r\", \"to\": \"::ffff:192.0.2.1\"}")));
    assertTrue(error(variant("\"dual.test\"", "\"Dual.test\""))
        .startsWith(file + ": dns.names: 'Dual.test' is not a name the network can serve: give labels"));
    assertEquals(file + ": dns.names: key 'dual\\u000a.test' is not printable ASCII, as every key of the format and "
        + "every name is", error(variant("\"dual.test\"", "\"dual\\n.test\"")));
    assertEquals(file + ": rules[1]: key 'd\\u2028elay' is not printable ASCII, as every key of the format and every "
        + "name is", error(variant("\"delay\": \"10ms\"", "\"d\\u2028elay\": \"10ms\"")));
    assertTrue(error(file("{\"name\": \"n\", ")).startsWith(file + ": line 1, column "));
    assertTrue(error(file("")).startsWith(file + ": the file must hold one JSON object"));
    assertTrue(error(dir.resolve("missing.json")).startsWith(dir.resolve("missing.json") + ": "));
  }

  @Test
  void aHugeListIsRefusedByItsLength() throws Exception {
    StringBuilder rules = new StringBuilder();
    for (int i = 0; i <= TopologyFile.MAX_RULES; i++) {
      rules.append(i == 0 ? "" : ", ").append("{\"name\": \"r").append(i).append("\"}");
    }
    Path file = rules(rules.toString());
    assertEquals(file + ": rules: 1001 elements: give at most 1000", error(file));
  }
}
