package io.github.connectbylist.httpclient5;

import io.github.connectbylist.ConnectByList;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SchemePortResolver;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionOperator;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;

/**
 * HttpClient's own builder, every setting kept, whose manager connects through {@link RacingConnectionOperator}.
 * A {@link DnsResolver} is refused when the manager is built: names are the {@link ConnectByList}'s to resolve.
 */
final class RacingConnectionManagerBuilder extends PoolingHttpClientConnectionManagerBuilder {
  private final ConnectByList cbl;

  RacingConnectionManagerBuilder(ConnectByList cbl) {
    this.cbl = cbl;
  }

  @Override
  protected HttpClientConnectionOperator createConnectionOperator(SchemePortResolver ports, DnsResolver dns,
      TlsSocketStrategy tls) {
    if (dns != null) {
      throw new IllegalStateException("a DnsResolver was set on the builder, but names are resolved by the "
          + "ConnectByList (every address raced): give it a resolver instead, e.g. ConnectByList.builder().resolver(\"dns\")");
    }
    return new RacingConnectionOperator(cbl, ports, tls);
  }
}
