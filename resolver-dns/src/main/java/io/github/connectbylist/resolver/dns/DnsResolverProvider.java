package io.github.connectbylist.resolver.dns;

import com.google.auto.service.AutoService;
import io.github.connectbylist.api.BaseStrategyProvider;
import io.github.connectbylist.api.NameResolver;
import io.github.connectbylist.api.StrategyOption;
import io.github.connectbylist.api.StrategyOptions;
import java.net.InetSocketAddress;
import java.net.InetAddress;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Registers resolver {@code dns} with priority 100, over core's {@code system} (0): with this module on the
 * class path, connects by name race the AAAA and A answers unless a resolver is named.
 */
@AutoService(NameResolver.Provider.class)
public final class DnsResolverProvider extends BaseStrategyProvider<NameResolver> implements NameResolver.Provider {
  static final String SERVERS = "servers";
  static final String TIMEOUT = "timeout";
  static final String HOSTS = "hosts";
  static final String CACHE = "cache";

  /** For {@link java.util.ServiceLoader}. */
  public DnsResolverProvider() {
    super("dns", "DNS over UDP and TCP: AAAA and A apart, each answer used as it arrives (RFC 8305 section 3)", 100,
        List.of(
            new StrategyOption(SERVERS, "the host's",
                "DNS servers by address, v4:PORT, [v6]:PORT or a literal for port 53, joined by '+'; at most "
                    + DnsResolver.MAX_SERVERS),
            new StrategyOption(TIMEOUT, "5s", "how long a query waits for its answer, whatever the servers do"),
            new StrategyOption(HOSTS, "system", "the hosts file read first: system, none, or a path (at most 16 MiB)"),
            new StrategyOption(CACHE, "256", "answers kept for their TTL; 0 keeps none")));
  }

  @Override
  public NameResolver create(StrategyOptions options) {
    DnsResolver.Builder b = DnsResolver.builder();
    Optional<String> servers = options.text(SERVERS);
    if (servers.isPresent()) {
      b.servers(parseServers(servers.get()));
    }
    Optional<Duration> timeout = options.duration(TIMEOUT);
    if (timeout.isPresent()) {
      b.timeout(timeout.get());
    }
    Optional<String> hosts = options.text(HOSTS);
    if (hosts.isPresent() && hosts.get().equals("none")) {
      b.noHostsFile();
    } else if (hosts.isPresent() && !hosts.get().equals("system")) {
      try {
        b.hostsFile(Path.of(hosts.get()));
      } catch (InvalidPathException e) {
        throw new IllegalArgumentException("option " + HOSTS + "=" + hosts.get() + " is not a path: " + e.getMessage(),
            e);
      }
    }
    Optional<String> cache = options.text(CACHE);
    if (cache.isPresent()) {
      int entries = AsciiNumber.parse(cache.get().trim(), 0, DnsResolver.MAX_CACHE_SIZE);
      if (entries < 0) {
        throw new IllegalArgumentException("option " + CACHE + "=" + cache.get() + " is not a whole number from 0 to "
            + DnsResolver.MAX_CACHE_SIZE + " in ASCII digits");
      }
      b.cacheSize(entries);
    }
    return b.build();
  }

  /**
   * {@code 127.0.0.1:5353+[::1]:53+::1}: servers joined by {@code +} (a comma separates options), each exactly
   * {@code v4:port}, {@code [v6]:port}, or an address literal alone ({@code v4}, {@code v6} or {@code [v6]}) for
   * port 53. ASCII only; no names, zones, signs or anything after the port.
   */
  static List<InetSocketAddress> parseServers(String text) {
    List<InetSocketAddress> servers = new ArrayList<>();
    String[] given = text.split("\\+", -1);
    if (given.length > DnsResolver.MAX_SERVERS) { // before any is parsed: the list may be long
      throw new IllegalArgumentException("option " + DnsResolver.tooManyServers(given.length).getMessage());
    }
    for (String one : given) {
      String s = trimSpaces(one);
      String host;
      int port = 53;
      int colons = (int) s.chars().filter(c -> c == ':').count();
      if (s.startsWith("[")) {
        int close = s.indexOf(']');
        if (close < 0) {
          throw bad(one, "no closing bracket");
        }
        host = s.substring(1, close);
        if (host.indexOf(':') < 0) {
          throw bad(one, "brackets are for an IPv6 address");
        }
        String rest = s.substring(close + 1);
        if (!rest.isEmpty()) {
          if (rest.charAt(0) != ':') {
            throw bad(one, "after ']' comes ':' and the port, or nothing");
          }
          port = port(one, rest.substring(1));
        }
      } else if (colons >= 2) {
        host = s; // a bare IPv6 literal, port 53
      } else if (colons == 1) {
        host = s.substring(0, s.indexOf(':'));
        port = port(one, s.substring(s.indexOf(':') + 1));
      } else {
        host = s;
      }
      InetAddress address = AddressLiteral.parse(host);
      if (address == null) {
        throw bad(one, "'" + host + "' is not an address literal (a server is given by address, in ASCII)");
      }
      servers.add(new InetSocketAddress(address, port));
    }
    return servers;
  }

  private static String trimSpaces(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && s.charAt(from) == ' ') {
      from++;
    }
    while (to > from && s.charAt(to - 1) == ' ') {
      to--;
    }
    return s.substring(from, to);
  }

  private static int port(String whole, String digits) {
    int port = AsciiNumber.parse(digits, 1, 65535);
    if (port < 0) {
      throw bad(whole, "the port must be 1 to 65535 in ASCII digits");
    }
    return port;
  }

  private static IllegalArgumentException bad(String server, String why) {
    return new IllegalArgumentException("option " + SERVERS + ": '" + server + "': " + why);
  }
}
