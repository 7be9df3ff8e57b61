package io.github.connectbylist.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.connectbylist.api.Addresses;
import io.github.connectbylist.api.StrategyOptions;
import io.github.connectbylist.jsonfile.JsonFields;
import io.github.connectbylist.jsonfile.JsonFiles;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * Topology files: an emulated network written as JSON ({@code docs/networks/README.md} documents the format,
 * and the files beside it are examples), read as strictly as the lab's files. A key the format does not have
 * is an error naming the key and the keys it has; an address outside the documentation prefixes, a prefix
 * length out of range, a name given twice, a loss past 1 or a delay past {@link PathRule#MAX_DELAY} is refused,
 * never coerced. Every error is one line, {@code FILE: FIELD: problem}, the field written as a path such as
 * {@code hosts[1].interfaces[0].addresses[2]} (counting from 0), the value shown as written.
 *
 * <p>{@link #print} shows a network as the emulator builds it, for {@code connectbylist emulate FILE --print};
 * {@link #write} writes one as JSON that {@link #read} reads back to an equal {@link Topology}.
 */
public final class TopologyFile {
  /** The most hosts a network has: each is a network namespace with its own processes. */
  public static final int MAX_HOSTS = 64;
  /** The most interfaces a host has. */
  public static final int MAX_INTERFACES = 16;
  /** The most addresses an interface has. */
  public static final int MAX_ADDRESSES = 32;
  /** The most rules a network has: each packet is matched against them in order. */
  public static final int MAX_RULES = 1000;
  /** The most names the name service answers for. */
  public static final int MAX_NAMES = 1000;
  /** The most addresses a name has, both families together. */
  public static final int MAX_NAME_ADDRESSES = 32;

  /** The keys of each object of the format, which {@code docs/networks/README.md} documents. */
  static final List<String> KEYS = List.of("name", "hosts", "rules", "dns");
  static final List<String> HOST_KEYS = List.of("name", "interfaces");
  static final List<String> INTERFACE_KEYS = List.of("name", "addresses");
  static final List<String> RULE_KEYS = List.of("name", "from", "to", "direction", "family", "protocol",
      "port", "delay", "jitter", "loss", "action");
  static final List<String> DNS_KEYS = List.of("host", "address", "names");
  private static final List<String> DIRECTIONS = List.of("both", "one-way");
  private static final List<String> FAMILIES = List.of("ipv4", "ipv6");
  private static final List<String> PROTOCOLS = List.of("tcp", "udp", "icmp");
  private static final List<String> ACTIONS = List.of("pass", "drop", "reset", "host-unreachable",
      "network-unreachable");
  private static final String DURATIONS = "such as 150ms, 1.5s, 500us or 0";

  private TopologyFile() {}

  // ---------------------------------------------------------------------------------------------- reading

  /**
   * Reads a topology file.
   *
   * @param file the file
   * @return the network it describes
   * @throws IOException naming the file when it is missing, not a regular file, too large, unreadable, not
   *     UTF-8 or not JSON (with line and column)
   * @throws IllegalArgumentException naming the file and the field when the content is wrong
   */
  public static Topology read(Path file) throws IOException {
    return parse(JsonFiles.read(file), file.toString());
  }

  /** The network of a parsed file; {@code where} names the file in messages. */
  static Topology parse(JsonNode root, String where) {
    rejectUnprintableKeys(root, where, "");
    JsonFields c = JsonFields.root(root, where, KEYS);
    String name = name(c, "name", 64, TopologyFile::nameChar, "a network's name is 1 to 64 of a-z A-Z 0-9 - _ .");
    Map<InetAddress, String> owners = new HashMap<>(); // each address to "host interface", to find one given twice
    List<HostSpec> hosts = new ArrayList<>();
    for (JsonFields h : objects(c, "hosts", true, HOST_KEYS, MAX_HOSTS)) {
      HostSpec host = host(h, owners);
      for (HostSpec other : hosts) {
        if (other.name().equals(host.name())) {
          throw h.error("name", "two hosts are named " + host.name() + ": give each its own name");
        }
      }
      hosts.add(host);
    }
    List<PathRule> rules = new ArrayList<>();
    for (JsonFields r : objects(c, "rules", false, RULE_KEYS, MAX_RULES)) {
      PathRule rule = rule(r);
      for (PathRule other : rules) {
        if (other.name().equals(rule.name())) {
          throw r.error("name", "two rules are named " + rule.name() + ": give each its own name, by which a "
              + "running network replaces it");
        }
      }
      rules.add(rule);
    }
    Optional<NameService> names = c.has("dns") ? Optional.of(dns(c.object("dns", DNS_KEYS), hosts))
        : Optional.empty();
    try {
      return new Topology(name, hosts, rules, names);
    } catch (IllegalArgumentException e) { // checked above field by field; this is the net under that
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  /**
   * Refuses a key with a character outside printable ASCII anywhere in the file, shown escaped, before any
   * message could quote it as written: no key of the format, and no name, has one, and a line break in a key
   * would break a message's one line.
   */
  private static void rejectUnprintableKeys(JsonNode node, String where, String path) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (!printableAscii(e.getKey())) {
          throw new IllegalArgumentException(where + ": " + (path.isEmpty() ? "" : path + ": ") + "key "
              + shown(e.getKey()) + " is not printable ASCII, as every key of the format and every name is");
        }
        rejectUnprintableKeys(e.getValue(), where, path.isEmpty() ? e.getKey() : path + "." + e.getKey());
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        rejectUnprintableKeys(node.get(i), where, path + "[" + i + "]");
      }
    }
  }

  private static HostSpec host(JsonFields h, Map<InetAddress, String> owners) {
    String name = name(h, "name", 20, c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-',
        "a host's name is 1 to 20 of a-z 0-9 -");
    List<InterfaceSpec> interfaces = new ArrayList<>();
    List<JsonFields> fields = objects(h, "interfaces", true, INTERFACE_KEYS, MAX_INTERFACES);
    for (JsonFields i : fields) {
      String interfaceName = name(i, "name", 15, TopologyFile::interfaceChar,
          "an interface's name is 1 to 15 of a-z 0-9 - _ . (the kernel's limit is 15)");
      for (InterfaceSpec other : interfaces) {
        if (other.name().equals(interfaceName)) {
          throw i.error("name", "host " + name + " has two interfaces named " + interfaceName);
        }
      }
      List<String> texts = texts(i, "addresses", true, MAX_ADDRESSES);
      List<Prefix> addresses = new ArrayList<>();
      for (int k = 0; k < texts.size(); k++) {
        String key = "addresses[" + k + "]";
        String text = texts.get(k);
        if (text.indexOf('/') < 0) {
          throw i.error(key, shown(text) + " has no prefix length: give its subnet's too, such as 192.0.2.2/24 or "
              + "2001:db8:1::2/64");
        }
        Prefix p = prefix(i, key, text);
        documentation(i, key, p.address());
        String owner = owners.putIfAbsent(p.address(), name + " " + interfaceName);
        if (owner != null) {
          throw i.error(key, Addresses.text(p.address()) + " is already on " + owner + ": an address is on one "
              + "interface only");
        }
        addresses.add(p);
      }
      interfaces.add(new InterfaceSpec(interfaceName, addresses));
    }
    return new HostSpec(name, interfaces);
  }

  private static PathRule rule(JsonFields r) {
    String name = name(r, "name", 64, TopologyFile::nameChar, "a rule's name is 1 to 64 of a-z A-Z 0-9 - _ .");
    Prefix from = r.has("from") ? rulePrefix(r, "from") : null;
    Prefix to = r.has("to") ? rulePrefix(r, "to") : null;
    boolean bothWays = choice(r, "direction", "both", DIRECTIONS).equals("both");
    Family family = switch (choice(r, "family", "", FAMILIES)) {
      case "ipv4" -> Family.IPV4;
      case "ipv6" -> Family.IPV6;
      default -> null;
    };
    Protocol protocol = switch (choice(r, "protocol", "", PROTOCOLS)) {
      case "tcp" -> Protocol.TCP;
      case "udp" -> Protocol.UDP;
      case "icmp" -> Protocol.ICMP;
      default -> null;
    };
    int port = (int) r.whole("port", 1, 65_535, 0);
    Duration delay = duration(r, "delay");
    Duration jitter = duration(r, "jitter");
    double loss = r.number("loss", 0, 1, 0);
    Action action = Action.parse(choice(r, "action", "pass", ACTIONS));
    if (family != null) {
      for (String side : List.of("from", "to")) {
        Prefix p = side.equals("from") ? from : to;
        if (p != null && p.family() != family) {
          throw r.error(side, p + " is " + p.family() + ", but the rule's family is " + family);
        }
      }
    }
    if (from != null && to != null && from.family() != to.family()) {
      throw r.error("to", to + " is " + to.family() + ", but from " + from + " is " + from.family()
          + ": a rule's two sides are of one family");
    }
    if (port != 0 && protocol == Protocol.ICMP) {
      throw r.error("port", "icmp has no ports: give tcp or udp, or no protocol");
    }
    if (action != Action.PASS) {
      String why = action == Action.DROP ? "a dropped packet is never delivered, so it is not delayed or lost"
          : "a rejected packet is answered at once, not delayed or lost";
      for (String key : List.of("delay", "jitter", "loss")) {
        boolean given = key.equals("loss") ? loss != 0 : !(key.equals("delay") ? delay : jitter).isZero();
        if (given) {
          throw r.error(key, "a rule whose action is " + action + " has no " + key + ": " + why
              + "; give the " + key + " to a rule whose action is pass");
        }
      }
    }
    try {
      return new PathRule(name, from, to, bothWays, family, protocol, port, delay, jitter, loss, action);
    } catch (IllegalArgumentException e) { // checked above; this is the net under that
      throw r.error("", e.getMessage());
    }
  }

  private static NameService dns(JsonFields d, List<HostSpec> hosts) {
    String hostName = d.text("host");
    HostSpec host = null;
    for (HostSpec h : hosts) {
      if (h.name().equals(hostName)) {
        host = h;
      }
    }
    if (host == null) {
      throw d.error("host", shown(hostName) + " is not a host of the network; the hosts are "
          + String.join(", ", hosts.stream().map(HostSpec::name).toList()));
    }
    String addressText = d.text("address");
    if (addressText.indexOf('/') >= 0) {
      throw d.error("address", shown(addressText) + ": give the server's address alone, without a prefix length");
    }
    InetAddress address = literal(d, "address", addressText);
    List<String> own = new ArrayList<>();
    for (InterfaceSpec i : host.interfaces()) {
      for (Prefix p : i.addresses()) {
        own.add(Addresses.text(p.address()));
      }
    }
    if (!own.contains(Addresses.text(address))) {
      throw d.error("address", Addresses.text(address) + " is not an address of host " + hostName + ", which has "
          + String.join(", ", own));
    }
    Map<String, List<InetAddress>> names = new LinkedHashMap<>();
    if (d.has("names")) {
      JsonFields n = d.map("names");
      for (Iterator<String> it = n.keys(); it.hasNext(); ) {
        String name = it.next();
        if (names.size() == MAX_NAMES) {
          throw d.error("names", "more than " + MAX_NAMES + " names: a network has at most " + MAX_NAMES);
        }
        String problem = dnsNameProblem(name);
        if (problem != null) {
          throw d.error("names", shown(name) + " is not a name the network can serve: " + problem);
        }
        List<String> texts = texts(n, name, true, MAX_NAME_ADDRESSES);
        List<InetAddress> addresses = new ArrayList<>();
        for (int k = 0; k < texts.size(); k++) {
          String key = name + "[" + k + "]";
          if (texts.get(k).indexOf('/') >= 0) {
            throw n.error(key, shown(texts.get(k)) + ": give an address alone, without a prefix length");
          }
          InetAddress a = literal(n, key, texts.get(k));
          documentation(n, key, a);
          if (addresses.contains(a)) {
            throw n.error(key, Addresses.text(a) + " is given twice");
          }
          addresses.add(a);
        }
        names.put(name, addresses);
      }
    }
    return new NameService(hostName, address, names);
  }

  /** Why {@code name} is not a DNS name of lower-case labels, or {@code null} when it is one. */
  private static String dnsNameProblem(String name) {
    String rule = "give labels of a-z 0-9 - (lower case, no '-' first or last, 1 to 63 each), joined by dots, "
        + "253 characters at most, without a final dot";
    if (name.isEmpty() || name.length() > 253 || name.endsWith(".")) {
      return rule;
    }
    for (String label : name.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")
          || !label.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
        return rule;
      }
    }
    return null;
  }

  /** A name under {@code key}: 1 to {@code max} characters, each {@code allowed}. */
  private static String name(JsonFields f, String key, int max, IntPredicate allowed, String rule) {
    String text = f.text(key);
    if (text.isEmpty() || text.length() > max || !text.chars().allMatch(allowed)) {
      throw f.error(key, shown(text) + (text.length() > max ? " is " + text.length() + " characters" : "")
          + ": " + rule);
    }
    return text;
  }

  private static boolean nameChar(int c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
        || c == '.';
  }

  private static boolean interfaceChar(int c) {
    return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.';
  }

  /** The string under {@code key}, one of {@code choices}; {@code otherwise} when absent. */
  private static String choice(JsonFields f, String key, String otherwise, List<String> choices) {
    String text = f.text(key, otherwise);
    if (f.has(key) && !choices.contains(text)) {
      throw f.error(key, shown(text) + " is not one of " + String.join(", ", choices));
    }
    return text;
  }

  /** A delay or jitter: a duration with a unit, or {@code 0}; zero when absent. */
  private static Duration duration(JsonFields f, String key) {
    if (!f.has(key)) {
      return Duration.ZERO;
    }
    String text = f.textOrNumber(key, "0");
    if (text.equals("0")) {
      return Duration.ZERO;
    }
    String range = " from 0 to " + StrategyOptions.formatDuration(PathRule.MAX_DELAY);
    if (f.get(key).isNumber()) {
      throw f.error(key, text + " has no unit: give a duration " + DURATIONS + "," + range);
    }
    if (!printableAscii(text)) {
      throw f.error(key, shown(text) + " is not a duration " + DURATIONS + ": only ASCII digits and units are");
    }
    try {
      return StrategyOptions.readDuration(shown(text), text, Duration.ZERO, PathRule.MAX_DELAY);
    } catch (IllegalArgumentException e) {
      throw f.error(key, e.getMessage());
    }
  }

  /** An address literal: ASCII only, no zone, and IPv4 written as IPv4. */
  private static InetAddress literal(JsonFields f, String key, String text) {
    if (!printableAscii(text)) {
      throw f.error(key, shown(text) + " is not an address literal: only ASCII digits, letters a-f, '.', ':' and "
          + "'/' are");
    }
    if (text.indexOf('%') >= 0) {
      throw f.error(key, shown(text) + " has a zone (%...): an emulated network's addresses have none");
    }
    InetAddress a;
    try {
      a = Addresses.parseLiteral(text);
    } catch (IllegalArgumentException e) {
      throw f.error(key, e.getMessage());
    }
    if (text.indexOf(':') >= 0 && a instanceof Inet4Address) {
      throw f.error(key, shown(text) + " is an IPv4-mapped IPv6 address: write the IPv4 address "
          + Addresses.text(a));
    }
    return a;
  }

  /** {@code ADDRESS/LENGTH}, or an address alone. */
  private static Prefix prefix(JsonFields f, String key, String text) {
    if (!printableAscii(text)) {
      throw f.error(key, shown(text) + " is not an address literal: only ASCII digits, letters a-f, '.', ':' and "
          + "'/' are");
    }
    int slash = text.indexOf('/');
    literal(f, key, slash < 0 ? text : text.substring(0, slash));
    try {
      return Prefix.parse(text);
    } catch (IllegalArgumentException e) {
      throw f.error(key, e.getMessage());
    }
  }

  /** A rule's {@code from} or {@code to}: a prefix without bits set past its length, or an address alone. */
  private static Prefix rulePrefix(JsonFields f, String key) {
    String text = f.text(key);
    Prefix p = prefix(f, key, text);
    byte[] bytes = p.address().getAddress();
    boolean hostBits = false;
    for (int bit = p.length(); bit < bytes.length * 8; bit++) {
      if ((bytes[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
        hostBits = true;
        bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
      }
    }
    if (hostBits) {
      String network;
      try {
        network = Addresses.text(InetAddress.getByAddress(bytes));
      } catch (java.net.UnknownHostException impossible) {
        throw new AssertionError(impossible);
      }
      throw f.error(key, text + " has bits set past its length " + p.length() + ": write " + network + "/"
          + p.length() + " for the prefix, or " + Addresses.text(p.address()) + " alone for one address");
    }
    return p;
  }

  private static void documentation(JsonFields f, String key, InetAddress a) {
    Topology.checkDocumentation(a, f.where() + ": " + f.name(key));
  }

  /** The objects of the list under {@code key}, each named {@code key[i]} in messages. */
  private static List<JsonFields> objects(JsonFields f, String key, boolean required, List<String> known, int max) {
    JsonNode list = list(f, key, required, max);
    List<JsonFields> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      out.add(JsonFields.object(list.get(i), f.where(), f.name(key + "[" + i + "]"), known));
    }
    return out;
  }

  /** The strings of the list under {@code key}. */
  private static List<String> texts(JsonFields f, String key, boolean required, int max) {
    JsonNode list = list(f, key, required, max);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode element = list.get(i);
      if (!element.isTextual()) {
        throw f.error(key + "[" + i + "]", "give a string, not " + kind(element));
      }
      out.add(element.asText());
    }
    return out;
  }

  private static JsonNode list(JsonFields f, String key, boolean required, int max) {
    JsonNode list = f.get(key);
    if (list == null && !required) {
      return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    }
    if (list == null || !list.isArray()) {
      throw f.error(key, list == null ? "missing: give a list [...]" : "give a list [...], not " + kind(list));
    }
    if (required && list.isEmpty()) {
      throw f.error(key, "the list is empty: give at least one");
    }
    if (list.size() > max) {
      throw f.error(key, list.size() + " elements: give at most " + max);
    }
    return list;
  }

  private static String kind(JsonNode node) {
    if (node.isArray()) {
      return "a list";
    }
    if (node.isObject()) {
      return "an object";
    }
    String text = node.toString(); // JSON: a string is quoted and escaped, so this is one line
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }

  private static boolean printableAscii(String text) {
    return text.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
  }

  /**
   * A user's text quoted for a message: anything but printable ASCII as {@code \}{@code uXXXX}, so that a
   * message stays one line and shows a look-alike character for what it is; long text shortened.
   */
  static String shown(String text) {
    StringBuilder out = new StringBuilder("'");
    for (int i = 0; i < text.length() && i < 80; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out.append(text.length() > 80 ? "...'" : "'").toString();
  }

  // ---------------------------------------------------------------------------------------------- writing

  /**
   * The network as a topology file: JSON that {@link #read} reads back to an equal topology, defaults left
   * out. A topology made in code with what the format refuses (a host named {@code Client}, a rule named with
   * a space, a name without addresses) is written all the same, and reading it back fails naming the field.
   *
   * @param t the network
   * @return the file's text, ending with a newline
   */
  public static String write(Topology t) {
    StringBuilder out = new StringBuilder("{\n");
    out.append("  \"name\": ").append(json(t.name())).append(",\n");
    out.append("  \"hosts\": [\n");
    for (int h = 0; h < t.hosts().size(); h++) {
      HostSpec host = t.hosts().get(h);
      out.append("    {\"name\": ").append(json(host.name())).append(", \"interfaces\": [");
      boolean several = host.interfaces().size() > 1;
      for (int i = 0; i < host.interfaces().size(); i++) {
        InterfaceSpec in = host.interfaces().get(i);
        out.append(several ? (i == 0 ? "\n" : ",\n") + "      " : "");
        out.append("{\"name\": ").append(json(in.name())).append(", \"addresses\": [");
        out.append(String.join(", ", in.addresses().stream().map(p -> json(p.toString())).toList())).append("]}");
      }
      out.append(several ? "\n    ]}" : "]}").append(h + 1 < t.hosts().size() ? ",\n" : "\n");
    }
    out.append("  ],\n");
    out.append("  \"rules\": [");
    for (int r = 0; r < t.rules().size(); r++) {
      out.append(r == 0 ? "\n" : ",\n").append("    ").append(rule(t.rules().get(r)));
    }
    out.append(t.rules().isEmpty() ? "]" : "\n  ]");
    if (t.names().isPresent()) {
      NameService dns = t.names().get();
      out.append(",\n  \"dns\": {\"host\": ").append(json(dns.host())).append(", \"address\": ")
          .append(json(Addresses.text(dns.address()))).append(", \"names\": {");
      int n = 0;
      for (Map.Entry<String, List<InetAddress>> e : dns.names().entrySet()) {
        out.append(n++ == 0 ? "\n" : ",\n").append("    ").append(json(e.getKey())).append(": [")
            .append(String.join(", ", e.getValue().stream().map(a -> json(Addresses.text(a))).toList()))
            .append("]");
      }
      out.append(n == 0 ? "}}" : "\n  }}");
    }
    return out.append("\n}\n").toString();
  }

  private static String rule(PathRule r) {
    List<String> fields = new ArrayList<>();
    fields.add("\"name\": " + json(r.name()));
    if (r.from() != null) {
      fields.add("\"from\": " + json(r.from().toString()));
    }
    if (r.to() != null) {
      fields.add("\"to\": " + json(r.to().toString()));
    }
    if (!r.bothWays()) {
      fields.add("\"direction\": \"one-way\"");
    }
    if (r.family() != null) {
      fields.add("\"family\": " + json(r.family().toString()));
    }
    if (r.protocol() != null) {
      fields.add("\"protocol\": " + json(r.protocol().toString()));
    }
    if (r.port() != 0) {
      fields.add("\"port\": " + r.port());
    }
    if (!r.delay().isZero()) {
      fields.add("\"delay\": " + json(StrategyOptions.formatDuration(r.delay())));
    }
    if (!r.jitter().isZero()) {
      fields.add("\"jitter\": " + json(StrategyOptions.formatDuration(r.jitter())));
    }
    if (r.loss() != 0) {
      fields.add("\"loss\": " + BigDecimal.valueOf(r.loss()).stripTrailingZeros().toPlainString());
    }
    if (r.action() != Action.PASS) {
      fields.add("\"action\": " + json(r.action().toString()));
    }
    return "{" + String.join(", ", fields) + "}";
  }

  private static String json(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  // --------------------------------------------------------------------------------------------- printing

  /**
   * The network as the emulator builds it, for {@code connectbylist emulate FILE --print}: each host with its
   * interfaces and addresses; its main routing table, whose default route of each family leaves by the host's
   * first interface of that family; one routing table per interface, chosen by source address, so that a socket
   * bound to an interface's address leaves by it; the rules in order, each with what it matches, what it does
   * and what that makes of a round trip; and the name service with its names.
   *
   * @param t the network
   * @return lines of text, ending with a newline
   */
  public static String print(Topology t) {
    StringBuilder out = new StringBuilder();
    out.append("network ").append(t.name()).append(": ").append(count(t.hosts().size(), "host")).append(", ")
        .append(count(t.rules().size(), "rule")).append(", ")
        .append(t.names().map(n -> count(n.names().size(), "name")).orElse("no name service")).append('\n');
    for (HostSpec h : t.hosts()) {
      out.append('\n').append("host ").append(h.name()).append('\n');
      int width = h.interfaces().stream().mapToInt(i -> i.name().length()).max().orElse(0);
      for (InterfaceSpec i : h.interfaces()) {
        out.append("  interface ").append(pad(i.name(), width)).append("  ")
            .append(String.join(", ", i.addresses().stream().map(Prefix::toString).toList())).append('\n');
      }
      List<String> main = new ArrayList<>();
      for (Family f : new Family[] {Family.IPV6, Family.IPV4}) {
        Optional<InterfaceSpec> via = h.defaultInterface(f);
        main.add(via.map(i -> f + " default via " + i.name()).orElse("no " + f + " (no " + f + " address)"));
      }
      out.append("  main table: ").append(String.join(", ", main)).append('\n');
      for (InterfaceSpec i : h.interfaces()) {
        List<String> routes = new ArrayList<>();
        for (Family f : new Family[] {Family.IPV6, Family.IPV4}) {
          if (i.has(f)) {
            routes.add(f + " default via " + i.name());
          }
        }
        out.append("  table ").append(i.name()).append(", for source ")
            .append(String.join(", ", i.addresses().stream().map(p -> Addresses.text(p.address())).toList()))
            .append(": ").append(String.join(", ", routes)).append('\n');
      }
    }
    out.append('\n');
    if (t.rules().isEmpty()) {
      out.append("rules: none\n");
    } else {
      out.append("rules, in order (the first that matches a packet applies):\n");
      List<String[]> rows = new ArrayList<>();
      boolean anyProtocol = t.rules().stream().anyMatch(r -> r.protocol() != null || r.port() != 0);
      for (PathRule r : t.rules()) {
        List<String> row = new ArrayList<>(List.of(r.name(), r.bothWays() ? "both ways" : "one way",
            family(r)));
        if (anyProtocol) {
          row.add(protocol(r));
        }
        row.add(side(r.from()) + " -> " + side(r.to()));
        row.add(does(r));
        row.add("=> " + makes(r));
        rows.add(row.toArray(new String[0]));
      }
      table(out, rows);
    }
    out.append("a packet no rule matches passes at once; a packet to an address no interface has is dropped\n");
    out.append('\n');
    if (t.names().isEmpty()) {
      out.append("name service: none\n");
    } else {
      NameService dns = t.names().get();
      out.append("name service: on host ").append(dns.host()).append(" at ").append(Addresses.text(dns.address()))
          .append(" port 53, udp and tcp; every host's resolv.conf points to it\n");
      Map<InetAddress, String> owners = new HashMap<>();
      for (HostSpec h : t.hosts()) {
        for (InterfaceSpec i : h.interfaces()) {
          for (Prefix p : i.addresses()) {
            owners.put(p.address(), h.name() + " " + i.name());
          }
        }
      }
      List<String[]> rows = new ArrayList<>();
      for (Map.Entry<String, List<InetAddress>> e : dns.names().entrySet()) {
        rows.add(new String[] {e.getKey(), String.join(", ", e.getValue().stream().map(a -> Addresses.text(a)
            + " (" + owners.getOrDefault(a, "no host: dropped") + ")").toList())});
      }
      table(out, rows);
    }
    return out.toString();
  }

  private static String family(PathRule r) {
    if (r.family() != null) {
      return r.family().toString();
    }
    Prefix side = r.from() != null ? r.from() : r.to();
    return side != null ? side.family().toString() : "any family";
  }

  private static String protocol(PathRule r) {
    String p = r.protocol() == null ? (r.port() == 0 ? "any protocol" : "tcp/udp") : r.protocol().toString();
    return r.port() == 0 ? p : p + " port " + r.port();
  }

  private static String side(Prefix p) {
    return p == null ? "any" : p.toString();
  }

  private static String does(PathRule r) {
    return switch (r.action()) {
      case PASS -> {
        List<String> parts = new ArrayList<>();
        if (!r.delay().isZero()) {
          parts.add("delay " + StrategyOptions.formatDuration(r.delay()));
        }
        if (!r.jitter().isZero()) {
          parts.add("jitter " + StrategyOptions.formatDuration(r.jitter()));
        }
        if (r.loss() != 0) {
          parts.add("loss " + percent(r.loss()));
        }
        yield parts.isEmpty() ? "pass" : String.join("  ", parts);
      }
      case DROP -> "drop";
      case RESET -> "reject: tcp reset";
      case HOST_UNREACHABLE -> "reject: icmp host unreachable";
      case NETWORK_UNREACHABLE -> "reject: icmp network unreachable";
    };
  }

  /** What a rule makes of a connect or a round trip. */
  private static String makes(PathRule r) {
    switch (r.action()) {
      case DROP:
        return "black hole: no answer, the sender times out";
      case RESET:
        return "fails at once: refused";
      case HOST_UNREACHABLE:
        return "fails at once: host unreachable";
      case NETWORK_UNREACHABLE:
        return "fails at once: network unreachable";
      default:
        break;
    }
    if (r.loss() == 1) {
      return "every packet lost: a black hole";
    }
    if (r.delay().isZero() && r.jitter().isZero() && r.loss() == 0) {
      return "passes at once";
    }
    int legs = r.bothWays() ? 2 : 1;
    Duration low = r.delay().minus(r.jitter()).isNegative() ? Duration.ZERO : r.delay().minus(r.jitter());
    Duration high = r.delay().plus(r.jitter());
    StringBuilder out = new StringBuilder();
    if (r.delay().isZero() && r.jitter().isZero()) {
      out.append("no delay");
    } else {
      out.append(r.bothWays() ? "round trip " : "one way ")
          .append(StrategyOptions.formatDuration(r.delay().multipliedBy(legs)));
    }
    if (!r.jitter().isZero()) {
      out.append(" (").append(StrategyOptions.formatDuration(low.multipliedBy(legs))).append(" to ")
          .append(StrategyOptions.formatDuration(high.multipliedBy(legs))).append(")");
    }
    if (r.loss() != 0) {
      out.append(r.bothWays() ? ", " + percent(1 - Math.pow(1 - r.loss(), 2)) + " of round trips lose a packet"
          : ", " + percent(r.loss()) + " of packets lost");
    }
    if (!r.bothWays()) {
      out.append("; replies go by the other rules");
    }
    return out.toString();
  }

  private static String percent(double share) {
    return new BigDecimal(share * 100).round(new MathContext(3)).stripTrailingZeros().toPlainString() + "%";
  }

  private static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }

  /** Rows as columns two spaces apart, each indented by two. */
  private static void table(StringBuilder out, List<String[]> rows) {
    int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int c = 0; c < row.length; c++) {
        line.append(c + 1 < row.length ? pad(row[c], widths[c]) + "  " : row[c]);
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }
}
