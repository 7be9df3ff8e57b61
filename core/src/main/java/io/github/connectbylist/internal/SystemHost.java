package io.github.connectbylist.internal;

import io.github.connectbylist.api.LocalAddress;
import io.github.connectbylist.engine.Host;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * This machine as a {@link Host}: its addresses from {@link LocalAddresses} (or the caller's own list) and
 * the source its kernel would pick from {@link OsSourceLookup}, both cached.
 */
public final class SystemHost implements Host {
  /** The machine's own addresses. */
  public static final SystemHost INSTANCE = new SystemHost(null);

  private final List<LocalAddress> given;

  private SystemHost(List<LocalAddress> given) {
    this.given = given;
  }

  /** This machine with the caller's list of source addresses instead of its own. */
  public static SystemHost withAddresses(List<LocalAddress> addresses) {
    return new SystemHost(List.copyOf(addresses));
  }

  /** Whether the addresses are the caller's; then every pair's source is bound, as the caller asked. */
  public boolean addressesGiven() {
    return given != null;
  }

  @Override
  public List<LocalAddress> localAddresses() {
    return given != null ? given : LocalAddresses.current();
  }

  @Override
  public Optional<InetAddress> osPreferredSource(InetAddress destination) {
    return OsSourceLookup.sourceFor(destination);
  }

  @Override
  public String toString() {
    return given != null ? "system host with given addresses " + given : "system host";
  }
}
