package io.github.connectbylist.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.connectbylist.api.Addresses;
import io.github.connectbylist.api.LocalAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads scenarios from JSON; the README documents the format and the built-in scenarios are examples of it.
 * Errors name the file and the field.
 */
public final class ScenarioFormat {
  /** The names of the built-in scenarios, in report order. */
  public static final List<String> BUILT_IN = List.of("dual-stack-healthy", "broken-ipv6", "slow-ipv6", "lossy-ipv4",
      "many-addresses-one-working", "all-down", "multi-homed-bad-source", "slow-aaaa", "lost-aaaa", "slow-a");

  private static final ObjectMapper JSON = new ObjectMapper();

  private ScenarioFormat() {}

  /**
   * A built-in scenario.
   *
   * @param name one of {@link #BUILT_IN}
   * @return the scenario
   * @throws IllegalArgumentException listing the built-in names when there is none by that name
   */
  public static Scenario builtIn(String name) {
    if (!BUILT_IN.contains(name)) {
      throw new IllegalArgumentException("no built-in scenario '" + name + "'; built in: " + String.join(", ", BUILT_IN));
    }
    try (InputStream in = ScenarioFormat.class.getResourceAsStream("scenarios/" + name + ".json")) {
      return parse(JSON.readTree(in), "built-in " + name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
   * @throws IOException naming the file when it cannot be read
   */
  public static Scenario load(String nameOrPath) throws IOException {
    return BUILT_IN.contains(nameOrPath) ? builtIn(nameOrPath) : read(Path.of(nameOrPath));
  }

  static Scenario parse(JsonNode root, String where) {
    Context c = new Context(where);
    List<InetSocketAddress> destinations = new ArrayList<>();
    for (JsonNode d : c.array(root, "destinations")) {
      destinations.add(c.socketAddress(d.asText(), "destinations"));
    }
    List<LocalAddress> sources = new ArrayList<>();
    for (JsonNode s : c.array(root, "sources")) {
      InetAddress address = c.address(c.text(s, "address"), "sources.address");
      sources.add(LocalAddress.of(address, s.path("prefix").asInt(address.getAddress().length == 4 ? 24 : 64),
          s.path("interface").asText("eth0")));
    }
    Map<InetAddress, InetAddress> osSources = new HashMap<>();
    root.path("os-sources").fields().forEachRemaining(e ->
        osSources.put(c.address(e.getKey(), "os-sources"), c.address(e.getValue().asText(), "os-sources")));
    Resolution resolution = root.has("resolution") ? c.resolution(root.get("resolution")) : null;
    String name = c.text(root, "name");
    String description = root.path("description").asText("");
    SimulatedNetwork network = network(root, where);
    try {
      return new Scenario(name, description, destinations, sources, osSources, network, resolution);
    } catch (IllegalArgumentException e) {
      throw c.error("destinations", e.getMessage());
    }
  }

  /** The {@code network} rules and {@code otherwise} of a scenario, or of a session's phase. */
  static SimulatedNetwork network(JsonNode node, String where) {
    Context c = new Context(where);
    List<SimulatedNetwork.Rule> rules = new ArrayList<>();
    for (JsonNode r : c.array(node, "network")) {
      rules.add(new SimulatedNetwork.Rule(
          r.has("source") ? c.address(r.get("source").asText(), "network.source") : null,
          r.has("destination") ? c.address(r.get("destination").asText(), "network.destination") : null,
          c.behaviour(r, "network")));
    }
    Behaviour otherwise = node.has("otherwise") ? c.behaviour(node.get("otherwise"), "otherwise") : new Behaviour.BlackHoled();
    return new SimulatedNetwork(rules, otherwise);
  }

  /** Where we are in a file, for error messages. */
  private record Context(String where) {

    IllegalArgumentException error(String field, String problem) {
      return new IllegalArgumentException(where + ": " + field + ": " + problem);
    }

    String text(JsonNode node, String field) {
      JsonNode value = node.get(field);
      if (value == null || !value.isTextual()) {
        throw error(field, "missing, or not a string");
      }
      return value.asText();
    }

    Iterable<JsonNode> array(JsonNode node, String field) {
      JsonNode value = node.get(field);
      if (value == null || !value.isArray()) {
        throw error(field, "missing, or not a list");
      }
      return value;
    }

    InetAddress address(String text, String field) {
      try {
        return Addresses.parseLiteral(text);
      } catch (IllegalArgumentException e) {
        throw error(field, e.getMessage());
      }
    }

    InetSocketAddress socketAddress(String text, String field) {
      int colon = text.lastIndexOf(':');
      if (colon <= 0) {
        throw error(field, "'" + text + "' is not ADDRESS:PORT or [IPV6]:PORT");
      }
      String host = text.substring(0, colon);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      try {
        return new InetSocketAddress(address(host, field), Integer.parseInt(text.substring(colon + 1)));
      } catch (NumberFormatException e) {
        throw error(field, "'" + text + "' has no port number");
      }
    }

    Behaviour behaviour(JsonNode node, String field) {
      String kind = text(node, "behaviour");
      return switch (kind) {
        case "connects" -> new Behaviour.Connects(latency(node, field));
        case "refused" -> new Behaviour.Refused(latency(node, field));
        case "black-holed" -> new Behaviour.BlackHoled();
        case "unreachable" -> new Behaviour.Unreachable();
        case "lossy" -> new Behaviour.Lossy(latency(node, field), node.path("loss").asDouble(-1));
        default -> throw error(field + ".behaviour",
            "'" + kind + "' is not one of connects, refused, black-holed, unreachable, lossy");
      };
    }

    Resolution resolution(JsonNode r) {
      try {
        return new Resolution(r.path("name").asText("service.test"), family(r, "aaaa"), family(r, "a"),
            r.path("timeout-ms").asDouble(5000));
      } catch (IllegalArgumentException e) {
        throw error("resolution", e.getMessage());
      }
    }

    Resolution.Family family(JsonNode r, String query) {
      String field = "resolution." + query;
      JsonNode f = r.get(query);
      if (f == null || !f.isObject()) {
        throw error(field, "missing: give {\"answer\": ..., \"delay\": {...}}");
      }
      String answer = f.path("answer").asText("addresses");
      Resolution.Answer kind = switch (answer) {
        case "addresses" -> Resolution.Answer.ADDRESSES;
        case "empty" -> Resolution.Answer.EMPTY;
        case "nxdomain" -> Resolution.Answer.NXDOMAIN;
        case "servfail" -> Resolution.Answer.SERVFAIL;
        case "lost" -> Resolution.Answer.LOST;
        default -> throw error(field + ".answer", "'" + answer + "' is not one of addresses, empty, nxdomain, "
            + "servfail, lost");
      };
      Latency delay = f.has("delay") ? latencyOf(f.get("delay"), field + ".delay") : new Latency.Fixed(0);
      return new Resolution.Family(kind, delay);
    }

    Latency latency(JsonNode node, String field) {
      JsonNode l = node.get("latency");
      if (l == null) {
        throw error(field + ".latency", "missing");
      }
      return latencyOf(l, field + ".latency");
    }

    Latency latencyOf(JsonNode l, String field) {
      try {
        if (l.has("fixed-ms")) {
          return new Latency.Fixed(l.get("fixed-ms").asDouble());
        }
        if (l.has("uniform-ms")) {
          return new Latency.Uniform(l.get("uniform-ms").get(0).asDouble(), l.get("uniform-ms").get(1).asDouble());
        }
        if (l.has("log-normal")) {
          JsonNode ln = l.get("log-normal");
          return new Latency.LogNormal(ln.path("median-ms").asDouble(-1), ln.path("sigma").asDouble(-1));
        }
      } catch (IllegalArgumentException e) {
        throw error(field, e.getMessage());
      }
      throw error(field, "give one of fixed-ms, uniform-ms [min, max], log-normal {median-ms, sigma}");
    }
  }
}
