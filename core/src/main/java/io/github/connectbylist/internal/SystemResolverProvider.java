package io.github.connectbylist.internal;

import io.github.connectbylist.api.NameResolver;
import io.github.connectbylist.api.NamedStrategy;
import io.github.connectbylist.api.StrategyLookup;
import io.github.connectbylist.api.StrategyOptions;
import io.github.connectbylist.api.StrategyProvider;
import java.util.List;

/** Registers resolver {@code system}, the JDK's, with the lowest priority: any other resolver found wins. */
public final class SystemResolverProvider implements StrategyProvider {

  /** For {@link java.util.ServiceLoader}. */
  public SystemResolverProvider() {}

  @Override
  public List<NamedStrategy<?>> strategies() {
    return List.of(NamedStrategy.resolver("system", "the JDK's resolver (hosts file, nsswitch): both families in one answer",
        0, List.of(), new Factory()));
  }

  /** Makes the resolver; a class, not a lambda, on the first connect's path. */
  private static final class Factory implements NamedStrategy.Factory<NameResolver> {
    @Override
    public NameResolver create(StrategyOptions options, StrategyLookup lookup) {
      return new SystemResolver();
    }
  }
}
