package io.github.connectbylist.resolver.dns;

import com.google.auto.service.AutoService;
import io.github.connectbylist.api.BaseStrategyProvider;
import io.github.connectbylist.api.NameResolver;
import io.github.connectbylist.api.StrategyOption;
import io.github.connectbylist.api.StrategyOptions;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
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
    super("dns", "dnsjava: AAAA and A queried apart, each answer used as it arrives (RFC 8305 section 3)", 100,
        List.of(
            new StrategyOption(SERVERS, "the host's", "DNS servers, HOST:PORT separated by '+', such as 127.0.0.1:5353"),
            new StrategyOption(TIMEOUT, "5s", "how long a query waits for its answer"),
            new StrategyOption(HOSTS, "system", "the hosts file read first: system, none, or a path"),
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
      b.hostsFile(Path.of(hosts.get()));
    }
    Optional<Integer> cache = options.integer(CACHE);
    if (cache.isPresent()) {
      b.cacheSize(cache.get());
    }
    return b.build();
  }

  /**
   * {@code 127.0.0.1:5353+[::1]:53}: address literals with an optional port (53 by default), joined by
   * {@code +} (a comma separates options).
   */
  static List<InetSocketAddress> parseServers(String text) {
    List<InetSocketAddress> servers = new ArrayList<>();
    for (String one : text.split("\\+")) {
      String s = one.trim();
      String host;
      int port = 53;
      if (s.startsWith("[")) {
        int close = s.indexOf(']');
        if (close < 0) {
          throw bad(one, "no closing bracket");
        }
        host = s.substring(1, close);
        if (close + 1 < s.length()) {
          port = port(one, s.substring(close + 1));
        }
      } else if (s.indexOf(':') != s.lastIndexOf(':')) {
        host = s; // a bare IPv6 literal, port 53
      } else if (s.indexOf(':') > 0) {
        host = s.substring(0, s.indexOf(':'));
        port = port(one, s.substring(s.indexOf(':')));
      } else {
        host = s;
      }
      try {
        servers.add(new InetSocketAddress(org.xbill.DNS.Address.getByAddress(host), port));
      } catch (UnknownHostException e) {
        throw bad(one, "'" + host + "' is not an address literal (a server is given by address)");
      }
    }
    return servers;
  }

  private static int port(String whole, String colonAndPort) {
    try {
      int port = Integer.parseInt(colonAndPort.substring(1));
      if (port < 1 || port > 65535) {
        throw bad(whole, "the port must be 1 to 65535");
      }
      return port;
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      throw bad(whole, "the port is not a number");
    }
  }

  private static IllegalArgumentException bad(String server, String why) {
    return new IllegalArgumentException("option " + SERVERS + ": '" + server + "': " + why);
  }
}
