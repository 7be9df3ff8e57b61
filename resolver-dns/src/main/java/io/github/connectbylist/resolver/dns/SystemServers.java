package io.github.connectbylist.resolver.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.ResolverConfig;

/**
 * The host's DNS servers. Where {@code /etc/resolv.conf} exists, its {@code nameserver} lines (at most three,
 * glibc's {@code MAXNS}), read with the same bounds and ASCII rules as a hosts file; dnsjava's reader would
 * take the file whole and full-width digits in an IPv6 address. Elsewhere (Windows, Android) and when the
 * {@code dns.server} property names servers, dnsjava's configuration.
 */
final class SystemServers {
  private static final Path RESOLV_CONF = Path.of("/etc/resolv.conf");
  /** glibc's {@code MAXNS}: later {@code nameserver} lines are ignored. */
  static final int MAX_SERVERS = 3;

  private SystemServers() {}

  /**
   * The servers, in the order to ask them.
   *
   * @return the servers, possibly none
   * @throws IllegalStateException naming the file when the configuration cannot be read
   */
  static List<InetSocketAddress> read() {
    if (System.getProperty("dns.server") == null && Files.exists(RESOLV_CONF)) {
      try {
        return fromResolvConf(BoundedFile.lines("resolver configuration", RESOLV_CONF, 1 << 20, 4096));
      } catch (IOException e) {
        throw new IllegalStateException(e.getMessage() + "; give servers=HOST:PORT", e);
      }
    }
    try {
      return ResolverConfig.getCurrentConfig().servers();
    } catch (RuntimeException | LinkageError e) { // a broken platform configuration: one clear error
      throw new IllegalStateException("the host's DNS configuration cannot be read: " + e
          + "; give servers=HOST:PORT", e);
    }
  }

  /** The {@code nameserver} lines of a {@code resolv.conf}, as resolv.conf(5) has them. */
  static List<InetSocketAddress> fromResolvConf(List<String> lines) {
    List<InetSocketAddress> servers = new ArrayList<>();
    for (String line : lines) {
      List<String> fields = Fields.of(line);
      if (fields.size() >= 2 && fields.get(0).equals("nameserver") && servers.size() < MAX_SERVERS) {
        InetAddress a = AddressLiteral.parse(fields.get(1)); // a scoped fe80::1%eth0 is not taken
        if (a != null) {
          servers.add(new InetSocketAddress(a, 53));
        }
      }
    }
    return servers;
  }
}
