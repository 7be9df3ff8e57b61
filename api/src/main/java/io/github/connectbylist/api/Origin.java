package io.github.connectbylist.api;

import java.util.Locale;
import java.util.Objects;

/**
 * What a connect by name asks service records for (RFC 9460 section 2.3): a scheme, a host and a port. The
 * schemes {@code https} and {@code http} are looked up with the HTTPS record type ({@code http} as the {@code
 * https} it would be upgraded to, port 80 as 443: section 9.5), any other with SVCB under its {@code _scheme}
 * label; the HTTPS query name carries the port unless it is 443 (section 9.1).
 *
 * @param scheme the URI scheme, lower case: {@code https}, or another that uses SVCB
 * @param host the host name, without the final dot
 * @param port the port the caller asked for, 1 to 65535
 */
public record Origin(String scheme, String host, int port) {

  /**
   * Checks the origin.
   *
   * @param scheme a URI scheme
   * @param host a host name
   * @param port 1 to 65535
   * @throws IllegalArgumentException when the scheme is not a URI scheme or the port is out of range
   */
  public Origin {
    scheme = Objects.requireNonNull(scheme, "scheme").toLowerCase(Locale.ROOT);
    if (!scheme.matches("[a-z][a-z0-9+.-]*")) {
      throw new IllegalArgumentException("'" + scheme + "' is not a URI scheme (RFC 3986 section 3.1)");
    }
    Objects.requireNonNull(host, "host");
    if (port < 1 || port > 0xFFFF) {
      throw new IllegalArgumentException("port " + port + " is out of range");
    }
  }

  /**
   * Whether the HTTPS record type answers (RFC 9460 section 9: clients MUST NOT send SVCB queries for {@code https}
   * or {@code http}); SVCB otherwise.
   *
   * @return {@code true} for {@code https} and {@code http}
   */
  public boolean usesHttpsRecords() {
    return scheme.equals("https") || scheme.equals("http");
  }

  /**
   * The name to query (RFC 9460 section 9.1 for {@code https}: the host for port 443, else {@code _PORT._https.}
   * before it, {@code http}'s port 80 counting as 443; section 2.3 for SVCB: always {@code _PORT._SCHEME.}).
   *
   * @return the query name, without the final dot
   */
  public String queryName() {
    String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    if (!usesHttpsRecords()) {
      return "_" + port + "._" + scheme + "." + h;
    }
    int httpsPort = scheme.equals("http") && port == 80 ? 443 : port; // section 9.5: http://h is https://h
    return httpsPort == 443 ? h : "_" + httpsPort + "._https." + h;
  }

  /**
   * The query type for this origin.
   *
   * @return {@link Query#HTTPS} for {@code https} and {@code http}, else {@link Query#SVCB}
   */
  public Query query() {
    return usesHttpsRecords() ? Query.HTTPS : Query.SVCB;
  }

  @Override
  public String toString() {
    return scheme + "://" + host + ":" + port;
  }
}
