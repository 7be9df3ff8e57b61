/**
 * Resolver {@code dns}: A and AAAA queried apart and delivered per family as they arrive, so that a connect
 * by name can start on the first family to answer (RFC 8305 section 3). Its own client over UDP and TCP, with
 * dnsjava for the messages only: each query has one timer that holds whatever a server does, only replies to
 * the query (RFC 5452) and records of the name asked and its CNAME chain (RFC 1034 section 3.6.2) count, TTLs
 * follow RFC 2181 section 8, and hosts files and options are read with bounds, in ASCII. See {@link
 * io.github.connectbylist.resolver.dns.DnsResolver}.
 */
@SuppressWarnings("requires-automatic") // auto-service, at compile time only: it ships no descriptor
module io.github.connectbylist.resolver.dns {
  requires transitive io.github.connectbylist.api; // its types are in this module's public signatures
  requires io.github.connectbylist.engine; // its TimerQueue only
  requires org.dnsjava;
  requires static com.google.auto.service;

  exports io.github.connectbylist.resolver.dns;

  provides io.github.connectbylist.api.StrategyProvider
      with io.github.connectbylist.resolver.dns.DnsResolverProvider;
}
