package io.github.connectbylist.resolver.dns;

import com.google.auto.service.AutoService;
import io.github.connectbylist.api.NameResolver;
import io.github.connectbylist.api.NamedStrategy;
import io.github.connectbylist.api.StrategyLookup;
import io.github.connectbylist.api.StrategyOptions;
import io.github.connectbylist.api.StrategyProvider;
import java.net.InetSocketAddress;
import java.net.InetAddress;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers resolver {@code dns} with priority 100, over core's {@code system} (0): with this module on the
 * class path, connects by name race the AAAA and A answers unless a resolver is named.
 */
@AutoService(StrategyProvider.class)
@SuppressWarnings("exports") // @AutoService is read at compile time only; no caller sees it
public final class DnsResolverProvider implements StrategyProvider {

  /** For {@link java.util.ServiceLoader}. */
  public DnsResolverProvider() {}

  @Override
  public List<NamedStrategy<?>> strategies() {
    return List.of(NamedStrategy.resolver("dns",
        "DNS over UDP and TCP: AAAA and A apart, each answer used as it arrives (RFC 8305 section 3)", 100,
        List.of(DnsOptions.SERVERS, DnsOptions.TIMEOUT, DnsOptions.HOSTS, DnsOptions.CACHE), new Factory()));
  }

  /** Makes the resolver; the resolver's classes load only here, when one is asked for. */
  private static final class Factory implements NamedStrategy.Factory<NameResolver> {
    @Override
    public NameResolver create(StrategyOptions options, StrategyLookup lookup) {
      DnsResolver.Builder b = DnsResolver.builder();
      String servers = options.get(DnsOptions.SERVERS);
      if (!servers.equals(DnsOptions.SERVERS.defaultValue())) {
        b.servers(parseServers(servers));
      }
      b.timeout(options.get(DnsOptions.TIMEOUT));
      String hosts = options.get(DnsOptions.HOSTS);
      if (hosts.equals("none")) {
        b.noHostsFile();
      } else if (!hosts.equals(DnsOptions.HOSTS.defaultValue())) {
        try {
          b.hostsFile(Path.of(hosts));
        } catch (InvalidPathException e) {
          throw new IllegalArgumentException("option " + DnsOptions.HOSTS.name() + "=" + hosts + " is not a path: "
              + e.getMessage(), e);
        }
      }
      b.cacheSize(options.get(DnsOptions.CACHE));
      return b.build();
    }
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
    return new IllegalArgumentException("option " + DnsOptions.SERVERS.name() + ": '" + server + "': " + why);
  }
}
