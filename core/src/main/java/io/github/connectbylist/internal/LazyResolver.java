package io.github.connectbylist.internal;

import io.github.connectbylist.Strategies;
import io.github.connectbylist.api.NameResolver;
import io.github.connectbylist.api.Origin;

/**
 * An instance's resolver, made on its first use when none was given: a connect to a list, and a JVM that
 * never connects by name, should not pay for discovering and starting a resolver (resolver {@code dns}
 * reads the host's configuration and opens a selector).
 */
public final class LazyResolver implements NameResolver {
  private final Strategies strategies;
  private NameResolver made; // guarded by this
  private boolean closed; // guarded by this

  /**
   * @param given the resolver the builder was given or made, or {@code null} to discover one on first use
   * @param strategies where to discover it, or {@code null} for the class path's
   */
  public LazyResolver(NameResolver given, Strategies strategies) {
    this.made = given;
    this.strategies = strategies;
  }

  /**
   * The resolver, made now if it was not yet.
   *
   * @throws IllegalStateException when none was made before {@link #close()}: a blocking connect by name that
   *     races the instance's close would otherwise make one that no one closes
   */
  public synchronized NameResolver get() {
    if (made == null) {
      if (closed) {
        throw new IllegalStateException("the ConnectByList was closed");
      }
      made = (strategies != null ? strategies : Strategies.discovered()).defaultResolver();
    }
    return made;
  }

  @Override
  public Lookup resolve(String host, Answers answers) {
    return get().resolve(host, answers);
  }

  @Override
  public Lookup resolve(Origin origin, Answers answers) {
    return get().resolve(origin, answers);
  }

  @Override
  public boolean resolvesServices() {
    return get().resolvesServices();
  }

  /** Closes the resolver if it was made; one never made is not made to be closed. */
  @Override
  public void close() {
    NameResolver r;
    synchronized (this) {
      closed = true;
      r = made;
    }
    if (r != null) {
      r.close();
    }
  }

  @Override
  public synchronized String toString() {
    return made != null ? made.toString() : "the default resolver, not made yet";
  }
}
