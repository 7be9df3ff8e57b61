package io.github.connectbylist.internal;

import io.github.connectbylist.api.BaseStrategyProvider;
import io.github.connectbylist.api.NameResolver;
import io.github.connectbylist.api.StrategyOptions;
import java.util.List;

/** Registers resolver {@code system}, the JDK's, with the lowest priority: any other resolver found wins. */
public final class SystemResolverProvider extends BaseStrategyProvider<NameResolver> implements NameResolver.Provider {

  /** For {@link java.util.ServiceLoader}. */
  public SystemResolverProvider() {
    super("system", "the JDK's resolver (hosts file, nsswitch): both families in one answer", 0, List.of());
  }

  @Override
  public NameResolver create(StrategyOptions options) {
    return new SystemResolver();
  }
}
