package io.github.connectbylist.api;

import java.util.Locale;
import java.util.Objects;

/**
 * What a connect by name asks service records for (RFC 9460 section 2.3): a scheme, a host and a port. The
 * scheme {@code https} is looked up with the HTTPS record type, any other with SVCB under its {@code _scheme}
 * label; the query name carries the port unless it is the scheme's default (section 9.1 for HTTPS).
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
   * Whether the HTTPS record type answers (RFC 9460 section 9): for {@code https}; SVCB otherwise.
   *
   * @return {@code true} for {@code https}
   */
  public boolean usesHttpsRecords() {
    return scheme.equals("https");
  }

  /**
   * The name to query (RFC 9460 section 9.1 for {@code https}: the host for port 443, else {@code _PORT._https.}
   * before it; section 2.3 for SVCB: always {@code _PORT._SCHEME.} before it).
   *
   * @return the query name, without the final dot
   */
  public String queryName() {
    String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    if (usesHttpsRecords() && port == 443) {
      return h;
    }
    return "_" + port + "._" + scheme + "." + h;
  }

  /**
   * The query type for this origin.
   *
   * @return {@link Query#HTTPS} or {@link Query#SVCB}
   */
  public Query query() {
    return usesHttpsRecords() ? Query.HTTPS : Query.SVCB;
  }

  @Override
  public String toString() {
    return scheme + "://" + host + ":" + port;
  }
}
