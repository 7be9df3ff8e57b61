package io.github.connectbylist.internal;

import io.github.connectbylist.api.LocalAddress;
import io.github.connectbylist.engine.Host;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * This machine as a {@link Host}: its addresses from {@link LocalAddresses} and the source its kernel would
 * pick from {@link OsSourceLookup}, both cached. It binds a source only where the kernel might pick another;
 * {@link #withSources} gives a host that binds the ones it is given.
 */
public final class SystemHost implements Host {
  /** The machine's own addresses. */
  public static final SystemHost INSTANCE = new SystemHost();

  private SystemHost() {}

  @Override
  public List<LocalAddress> localAddresses() {
    return LocalAddresses.current();
  }

  @Override
  public Optional<InetAddress> osPreferredSource(InetAddress destination) {
    return OsSourceLookup.sourceFor(destination);
  }

  @Override
  public boolean bindsEverySource() {
    return false;
  }

  @Override
  public String toString() {
    return "system host";
  }
}
