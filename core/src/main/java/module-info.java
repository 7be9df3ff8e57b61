/**
 * ConnectByList: the facade ({@code io.github.connectbylist}), its event loop and sockets behind the engine
 * seam (module {@code io.github.connectbylist.engine}), which lets a connect run on another driver and
 * transport. Everything else is internal and not exported. Strategies and resolvers are found with {@link
 * java.util.ServiceLoader}; the JDK's resolver, {@code system}, is core's own.
 */
module io.github.connectbylist.core {
  requires transitive io.github.connectbylist.api;
  requires transitive io.github.connectbylist.engine;

  exports io.github.connectbylist;

  uses io.github.connectbylist.api.StrategyProvider;

  provides io.github.connectbylist.api.StrategyProvider with io.github.connectbylist.internal.SystemResolverProvider;
}
