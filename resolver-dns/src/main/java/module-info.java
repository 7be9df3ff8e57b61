/**
 * Resolver {@code dns}: A and AAAA queried apart with dnsjava and delivered per family as they arrive, so
 * that a connect by name can start on the first family to answer (RFC 8305 section 3).
 */
module io.github.connectbylist.resolver.dns {
  requires io.github.connectbylist.api;
  requires org.dnsjava;
  requires static com.google.auto.service;

  exports io.github.connectbylist.resolver.dns;

  provides io.github.connectbylist.api.NameResolver.Provider
      with io.github.connectbylist.resolver.dns.DnsResolverProvider;
}
