package io.github.connectbylist.lab;

import io.github.connectbylist.jsonfile.JsonFields;
import io.github.connectbylist.jsonfile.JsonFiles;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.connectbylist.api.Addresses;
import io.github.connectbylist.api.LocalAddress;
import io.github.connectbylist.api.ServiceBinding;
import io.github.connectbylist.api.StrategyOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads scenarios from JSON; {@code docs/lab.md} documents the format ({@code docs/lab-https.md} its {@code https}
 * part) and the built-in scenarios are examples of it. Errors name the file and the field; a key the format does not
 * have is an error, and so is a number out of its range (see {@link Limits}).
 */
public final class ScenarioFormat {
  /** The names of the built-in scenarios of the built-in experiment, in report order. */
  public static final List<String> BUILT_IN = List.of("dual-stack-healthy", "broken-ipv6", "slow-ipv6", "lossy-ipv4",
      "many-addresses-one-working", "all-down", "multi-homed-bad-source", "slow-aaaa", "lost-aaaa", "slow-a");

  /**
   * The names of the built-in scenarios with HTTPS records (RFC 9460), in report order: the {@code https}
   * experiment's ({@link Experiment#https()}), loaded by name like the others.
   */
  public static final List<String> HTTPS_BUILT_IN = List.of("https-hints-ahead", "https-port", "https-h3-only",
      "https-alias-chain", "https-slightly-late", "https-very-late", "ipv6-only-nat64");

  /** Every built-in name, {@link #BUILT_IN} then {@link #HTTPS_BUILT_IN}. */
  static final List<String> ALL_BUILT_IN = concat(BUILT_IN, HTTPS_BUILT_IN);

  /** The keys of a scenario file. */
  static final List<String> KEYS = List.of("name", "description", "destinations", "sources", "os-sources", "network",
      "otherwise", "resolution");
  /** The keys of a network rule, and of {@code otherwise} (which has no source or destination). */
  static final List<String> RULE_KEYS = List.of("source", "destination", "port", "behaviour", "latency", "loss");
  private static final List<String> OTHERWISE_KEYS = List.of("behaviour", "latency", "loss");
  private static final List<String> SOURCE_KEYS = List.of("address", "prefix", "interface");
  private static final List<String> LATENCY_KEYS = List.of("fixed-ms", "uniform-ms", "log-normal");
  private static final List<String> LOG_NORMAL_KEYS = List.of("median-ms", "sigma");
  private static final List<String> RESOLUTION_KEYS = List.of("name", "timeout-ms", "aaaa", "a", "https", "nat64");
  /** The keys of a resolution's {@code nat64} part: the AAAA answer of {@code ipv4only.arpa} (RFC 7050). */
  static final List<String> NAT64_KEYS = List.of("discovery", "answer", "delay");
  private static final List<String> FAMILY_KEYS = List.of("answer", "delay");
  /** The keys of a resolution's {@code https} part. */
  static final List<String> HTTPS_KEYS = List.of("answer", "delay", "records", "alias-hops", "targets");
  /** The keys of an HTTPS record: RFC 9460's SvcPriority, TargetName and the SvcParams a TCP client here uses. */
  static final List<String> RECORD_KEYS = List.of("priority", "target", "alpn", "no-default-alpn", "port",
      "ipv4hint", "ipv6hint");
  private static final List<String> TARGET_KEYS = List.of("aaaa", "a");
  private static final List<String> TARGET_FAMILY_KEYS = List.of("answer", "delay", "addresses");
  /** Latencies and answer delays, in milliseconds: 0 to {@link Limits#MAX_DURATION}. */
  private static final double MAX_MILLIS = Limits.MAX_DURATION.toMillis();
  /** The spread of a log-normal latency: 0 to 10 (Internet round trips have 0.1 to 1). */
  private static final double MAX_SIGMA = 10;

  private ScenarioFormat() {}

  /**
   * A built-in scenario.
   *
   * @param name one of {@link #BUILT_IN} or {@link #HTTPS_BUILT_IN}
   * @return the scenario
   * @throws IllegalArgumentException listing the built-in names when there is none by that name
   */
  public static Scenario builtIn(String name) {
    if (!ALL_BUILT_IN.contains(name)) {
      throw new IllegalArgumentException("no built-in scenario '" + name + "'; built in: "
          + String.join(", ", ALL_BUILT_IN));
    }
    return parse(JsonFiles.builtIn(ScenarioFormat.class, "scenarios/" + name + ".json", "built-in " + name), "built-in " + name);
  }

  /**
   * Reads a scenario file.
   *
   * @param file the file
   * @return the scenario
   * @throws IOException naming the file when it is missing, unreadable or not JSON
   * @throws IllegalArgumentException naming the file and the field that is wrong
   */
  public static Scenario read(Path file) throws IOException {
    return parse(JsonFiles.read(file), file.toString());
  }

  /**
   * A built-in name, or a path to a scenario file.
   *
   * @param nameOrPath a built-in name or a path
   * @return the scenario
   * @throws IOException naming the file when it cannot be read, and listing the built-in names when there is
   *     no such file
   */
  public static Scenario load(String nameOrPath) throws IOException {
    return reference(nameOrPath, Path.of(""), null);
  }

  /**
   * A scenario named in another file: a built-in name, or a path relative to {@code directory}. A name that is
   * neither says so and lists the built-in names, since a misspelt one looks like a missing file.
   *
   * @param where the file that names it, for messages, or {@code null}
   */
  static Scenario reference(String ref, Path directory, String where) throws IOException {
    return ALL_BUILT_IN.contains(ref) ? builtIn(ref)
        : read(JsonFiles.referenced("scenario", ref, ALL_BUILT_IN, directory, where));
  }

  static Scenario parse(JsonNode root, String where) {
    JsonFields c = JsonFields.root(root, where, KEYS);
    List<String> destinationTexts = c.texts("destinations", true);
    if (destinationTexts.size() > Limits.MAX_DESTINATIONS) {
      throw c.error("destinations", destinationTexts.size() + " destinations; a scenario may have at most "
          + Limits.MAX_DESTINATIONS);
    }
    List<InetSocketAddress> destinations = new ArrayList<>();
    for (String d : destinationTexts) {
      destinations.add(socketAddress(c, d, "destinations"));
    }
    List<JsonFields> sourceFields = c.objects("sources", true, SOURCE_KEYS);
    if (sourceFields.size() > Limits.MAX_SOURCES) {
      throw c.error("sources", sourceFields.size() + " sources; a scenario may have at most " + Limits.MAX_SOURCES);
    }
    List<LocalAddress> sources = new ArrayList<>();
    for (JsonFields s : sourceFields) {
      InetAddress address = address(s, s.text("address"), "address");
      int max = address.getAddress().length == 4 ? 32 : 128;
      sources.add(LocalAddress.of(address, (int) s.whole("prefix", 0, max, max == 32 ? 24 : 64),
          s.text("interface", "eth0")));
    }
    Map<InetAddress, InetAddress> osSources = new HashMap<>();
    if (c.has("os-sources")) {
      JsonFields os = c.map("os-sources");
      for (java.util.Iterator<String> it = os.keys(); it.hasNext(); ) {
        String key = it.next();
        osSources.put(address(os, key, key), address(os, os.text(key), key));
      }
    }
    Resolution resolution = c.has("resolution") ? resolution(c.object("resolution", RESOLUTION_KEYS)) : null;
    String name = c.text("name");
    String description = c.text("description", "");
    SimulatedNetwork network = network(c);
    try {
      return new Scenario(name, description, destinations, sources, osSources, network, resolution);
    } catch (IllegalArgumentException e) {
      throw c.error("destinations", e.getMessage());
    }
  }

  /** The {@code network} rules and {@code otherwise} of a scenario, or of a session's phase. */
  static SimulatedNetwork network(JsonFields node) {
    List<SimulatedNetwork.Rule> rules = new ArrayList<>();
    for (JsonFields r : node.objects("network", true, RULE_KEYS)) {
      rules.add(new SimulatedNetwork.Rule(
          r.has("source") ? address(r, r.text("source"), "source") : null,
          r.has("destination") ? address(r, r.text("destination"), "destination") : null,
          (int) r.whole("port", 1, 65535, 0),
          behaviour(r)));
    }
    Behaviour otherwise = node.has("otherwise") ? behaviour(node.object("otherwise", OTHERWISE_KEYS))
        : new Behaviour.BlackHoled();
    return new SimulatedNetwork(rules, otherwise);
  }

  private static InetAddress address(JsonFields c, String text, String field) {
    try {
      return Addresses.parseLiteral(text);
    } catch (IllegalArgumentException e) {
      throw c.error(field, e.getMessage());
    }
  }

  private static InetSocketAddress socketAddress(JsonFields c, String text, String field) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0) {
      throw c.error(field, "'" + text + "' is not ADDRESS:PORT or [IPV6]:PORT");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = (int) StrategyOptions.readWhole("port", text.substring(colon + 1), 1, 65535); // ASCII digits only
    } catch (IllegalArgumentException e) {
      throw c.error(field, "'" + text + "' needs a port number from 1 to 65535");
    }
    return new InetSocketAddress(address(c, host, field), port);
  }

  private static Behaviour behaviour(JsonFields node) {
    String kind = node.text("behaviour");
    boolean timed = kind.equals("connects") || kind.equals("refused") || kind.equals("lossy");
    if (!timed && node.has("latency")) {
      throw node.error("latency", "a " + kind + " path has no latency; only connects, refused and lossy do");
    }
    if (!kind.equals("lossy") && node.has("loss")) {
      throw node.error("loss", "only a lossy path has a loss; this one is " + kind);
    }
    return switch (kind) {
      case "connects" -> new Behaviour.Connects(latency(node));
      case "refused" -> new Behaviour.Refused(latency(node));
      case "black-holed" -> new Behaviour.BlackHoled();
      case "unreachable" -> new Behaviour.Unreachable();
      case "lossy" -> {
        if (!node.has("loss")) {
          throw node.error("loss", "missing: give the chance that a SYN is lost, from 0 to 1");
        }
        yield new Behaviour.Lossy(latency(node), node.number("loss", 0, 1, 0));
      }
      default -> throw node.error("behaviour",
          "'" + kind + "' is not one of connects, refused, black-holed, unreachable, lossy");
    };
  }

  private static Resolution resolution(JsonFields r) {
    Resolution.Family aaaa = family(r.object("aaaa", FAMILY_KEYS));
    Resolution.Family a = family(r.object("a", FAMILY_KEYS));
    double timeout = r.number("timeout-ms", 0, MAX_MILLIS, 5000);
    if (!(timeout > 0)) {
      throw r.error("timeout-ms", "must be positive, was " + timeout);
    }
    String name = r.text("name", "service.test");
    Resolution.Https https = r.has("https") ? https(r.object("https", HTTPS_KEYS), name) : null;
    Resolution.Nat64 nat64 = r.has("nat64") ? nat64(r.object("nat64", NAT64_KEYS)) : null;
    try {
      return new Resolution(name, aaaa, a, timeout, https, nat64);
    } catch (IllegalArgumentException e) {
      throw r.error("", e.getMessage());
    }
  }

  private static Resolution.Family family(JsonFields f) {
    return family(f, "addresses", "addresses");
  }

  /**
   * A query's answer and delay; {@code ok} is what the answer of data is called in the file ({@code addresses} or
   * {@code records}), and the default.
   */
  private static Resolution.Family family(JsonFields f, String ok, String otherwise) {
    String answer = f.text("answer", otherwise);
    Resolution.Answer kind = answer.equals(ok) ? (ok.equals("records") ? Resolution.Answer.RECORDS
        : Resolution.Answer.ADDRESSES) : switch (answer) {
          case "empty" -> Resolution.Answer.EMPTY;
          case "nxdomain" -> Resolution.Answer.NXDOMAIN;
          case "servfail" -> Resolution.Answer.SERVFAIL;
          case "lost" -> Resolution.Answer.LOST;
          default -> throw f.error("answer", "'" + answer + "' is not one of " + ok + ", empty, nxdomain, servfail, lost");
        };
    Latency delay = f.has("delay") ? latencyOf(f.object("delay", LATENCY_KEYS)) : new Latency.Fixed(0);
    return new Resolution.Family(kind, delay);
  }

  /** A resolution's {@code nat64} part: {@code "discovery"}, the AAAA answer's address, and the answer's kind and delay. */
  private static Resolution.Nat64 nat64(JsonFields n) {
    String literal = n.text("discovery");
    java.net.InetAddress discovery;
    try {
      discovery = io.github.connectbylist.api.Addresses.parseLiteral(literal);
    } catch (IllegalArgumentException e) {
      throw n.error("discovery", "'" + literal + "' is not an address: " + e.getMessage());
    }
    try {
      return new Resolution.Nat64(discovery, family(n));
    } catch (IllegalArgumentException e) {
      throw n.error("discovery", e.getMessage());
    }
  }

  /**
   * A resolution's {@code https} part: how the query goes (as AAAA and A, with {@code records} for the answer of
   * data), the records, the AliasMode hops before them and the targets' address answers. {@code name} is the name
   * connected to, which a record's target {@code "."} stands for (RFC 9460 section 2.5).
   */
  private static Resolution.Https https(JsonFields h, String name) {
    Resolution.Family query = family(h, "records", "records");
    boolean records = query.answer() == Resolution.Answer.RECORDS;
    int hops = (int) h.whole("alias-hops", 0, Resolution.MAX_ALIAS_HOPS, 0);
    if (!records) {
      for (String key : List.of("records", "targets")) {
        if (h.has(key)) {
          throw h.error(key, "only an answer of records has " + key + "; this one is " + h.text("answer"));
        }
      }
      return new Resolution.Https(query, List.of(), hops, Map.of());
    }
    List<JsonFields> recordFields = h.objects("records", true, RECORD_KEYS);
    if (recordFields.isEmpty()) {
      throw h.error("records", "give at least one record, or the answer empty for a name without records (NODATA)");
    }
    if (recordFields.size() > Limits.MAX_RECORDS) {
      throw h.error("records", recordFields.size() + " records; at most " + Limits.MAX_RECORDS);
    }
    String origin = name.toLowerCase(java.util.Locale.ROOT);
    List<ServiceBinding> bindings = new ArrayList<>();
    for (JsonFields r : recordFields) {
      bindings.add(record(r, origin, hops));
    }
    Map<String, Resolution.Target> targets = new java.util.LinkedHashMap<>();
    if (h.has("targets")) {
      JsonFields t = h.map("targets");
      for (java.util.Iterator<String> it = t.keys(); it.hasNext(); ) {
        String key = it.next();
        String target = key.toLowerCase(java.util.Locale.ROOT);
        if (target.endsWith(".")) {
          target = target.substring(0, target.length() - 1);
        }
        if (target.equals(origin) || target.isEmpty()) {
          throw t.error(key, target.isEmpty() ? "'" + key + "' is not a target name"
              : "'" + key + "' is the name connected to: its addresses are the aaaa and a answers, not a target's");
        }
        boolean named = false;
        for (ServiceBinding b : bindings) {
          named |= b.target().equals(target);
        }
        if (!named) {
          throw t.error(key, "no record has the target '" + key + "'");
        }
        targets.put(target, target(t.object(key, TARGET_KEYS)));
      }
    }
    for (ServiceBinding b : bindings) {
      if (!b.target().equals(origin) && !targets.containsKey(b.target())) {
        throw h.error("records", "the target '" + b.target() + "' has no answers: give its aaaa and a in targets");
      }
    }
    try {
      return new Resolution.Https(query, bindings, hops, targets);
    } catch (IllegalArgumentException e) {
      throw h.error("", e.getMessage());
    }
  }

  /** One ServiceMode record; target {@code "."} is the name connected to, which an alias chain would change. */
  private static ServiceBinding record(JsonFields r, String origin, int hops) {
    if (!r.has("priority")) {
      throw r.error("priority", "missing: give the SvcPriority, 1 to 65535 (lower is preferred)");
    }
    int priority = (int) r.whole("priority", 1, 65535, 1);
    String target = r.text("target", ".").trim().toLowerCase(java.util.Locale.ROOT);
    if (target.equals(".")) {
      if (hops > 0) {
        throw r.error("target", "'.' after alias-hops would be the last alias's name, which the scenario does not "
            + "have: give the target's name and its answers in targets");
      }
      target = origin;
    }
    if (target.isEmpty() || target.contains(" ") || target.startsWith(".")) {
      throw r.error("target", "'" + r.text("target") + "' is not a host name or '.'");
    }
    List<String> alpn = r.texts("alpn", false);
    for (String id : alpn) {
      if (id.isEmpty() || id.contains(",")) {
        throw r.error("alpn", "'" + id + "' is not an ALPN protocol id such as h2, h3 or http/1.1");
      }
    }
    boolean noDefaultAlpn = false;
    if (r.has("no-default-alpn")) {
      JsonNode flag = r.get("no-default-alpn");
      if (!flag.isBoolean()) {
        throw r.error("no-default-alpn", "give true or false, not " + flag);
      }
      noDefaultAlpn = flag.booleanValue();
      if (noDefaultAlpn && alpn.isEmpty()) {
        throw r.error("no-default-alpn", "without alpn the record offers no protocol at all (RFC 9460 section 7.1.1)");
      }
    }
    int port = (int) r.whole("port", 1, 65535, -1);
    List<InetAddress> v4 = hints(r, "ipv4hint", true);
    List<InetAddress> v6 = hints(r, "ipv6hint", false);
    try {
      return new ServiceBinding(priority, target, alpn, noDefaultAlpn, port, v4, v6, null, List.of());
    } catch (IllegalArgumentException e) {
      throw r.error("", e.getMessage());
    }
  }

  private static List<InetAddress> hints(JsonFields r, String key, boolean ipv4) {
    List<InetAddress> hints = new ArrayList<>();
    List<String> texts = r.texts(key, false);
    if (texts.size() > Limits.MAX_RECORDS) {
      throw r.error(key, texts.size() + " addresses; at most " + Limits.MAX_RECORDS);
    }
    for (String text : texts) {
      InetAddress address = address(r, text, key);
      if ((address.getAddress().length == 4) != ipv4) {
        throw r.error(key, "'" + text + "' is not an " + (ipv4 ? "IPv4" : "IPv6") + " address");
      }
      hints.add(address);
    }
    return hints;
  }

  /** A target's AAAA and A answers; one left out is an empty answer at once. */
  private static Resolution.Target target(JsonFields t) {
    if (!t.has("aaaa") && !t.has("a")) {
      throw t.error("", "give the target's aaaa or a answer, or both");
    }
    List<List<InetAddress>> addresses = new ArrayList<>();
    List<Resolution.Family> families = new ArrayList<>();
    for (String query : List.of("aaaa", "a")) {
      if (!t.has(query)) {
        families.add(new Resolution.Family(Resolution.Answer.EMPTY, new Latency.Fixed(0)));
        addresses.add(List.of());
        continue;
      }
      JsonFields f = t.object(query, TARGET_FAMILY_KEYS);
      Resolution.Family family = family(f);
      List<InetAddress> list = new ArrayList<>();
      List<String> texts = f.texts("addresses", false);
      if (texts.size() > Limits.MAX_RECORDS) {
        throw f.error("addresses", texts.size() + " addresses; at most " + Limits.MAX_RECORDS);
      }
      for (String text : texts) {
        InetAddress address = address(f, text, "addresses");
        if ((address.getAddress().length == 16) != query.equals("aaaa")) {
          throw f.error("addresses", "'" + text + "' is not an " + (query.equals("aaaa") ? "IPv6" : "IPv4")
              + " address");
        }
        list.add(address);
      }
      if (family.answer() == Resolution.Answer.ADDRESSES && list.isEmpty()) {
        throw f.error("addresses", "missing: an answer of addresses needs at least one (or give the answer empty)");
      }
      if (family.answer() != Resolution.Answer.ADDRESSES && !list.isEmpty()) {
        throw f.error("addresses", "only an answer of addresses has addresses; this one is " + f.text("answer"));
      }
      families.add(family);
      addresses.add(list);
    }
    return new Resolution.Target(families.get(0), addresses.get(0), families.get(1), addresses.get(1));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  private static Latency latency(JsonFields node) {
    if (!node.has("latency")) {
      throw node.error("latency", "missing: give one of fixed-ms, uniform-ms [min, max], log-normal {median-ms, "
          + "sigma}");
    }
    return latencyOf(node.object("latency", LATENCY_KEYS));
  }

  private static Latency latencyOf(JsonFields l) {
    List<String> given = new ArrayList<>();
    l.keys().forEachRemaining(given::add);
    if (given.size() != 1) {
      throw l.error("", "give one of fixed-ms, uniform-ms [min, max], log-normal {median-ms, sigma}"
          + (given.isEmpty() ? "" : ", not " + String.join(" and ", given)));
    }
    if (l.has("fixed-ms")) {
      return new Latency.Fixed(l.number("fixed-ms", 0, MAX_MILLIS, 0));
    }
    if (l.has("uniform-ms")) {
      JsonNode bounds = l.get("uniform-ms");
      if (!bounds.isArray() || bounds.size() != 2) {
        throw l.error("uniform-ms", "give [min, max], not " + bounds);
      }
      double min = l.number("uniform-ms", bounds.get(0), 0, MAX_MILLIS);
      double max = l.number("uniform-ms", bounds.get(1), 0, MAX_MILLIS);
      try {
        return new Latency.Uniform(min, max);
      } catch (IllegalArgumentException e) {
        throw l.error("uniform-ms", e.getMessage());
      }
    }
    JsonFields ln = l.object("log-normal", LOG_NORMAL_KEYS);
    if (!ln.has("median-ms") || !ln.has("sigma")) {
      throw ln.error(ln.has("median-ms") ? "sigma" : "median-ms", "missing: give both median-ms and sigma");
    }
    return new Latency.LogNormal(ln.number("median-ms", 0, MAX_MILLIS, 0), ln.number("sigma", 0, MAX_SIGMA, 0));
  }
}
