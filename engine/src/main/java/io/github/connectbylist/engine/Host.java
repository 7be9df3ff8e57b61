package io.github.connectbylist.engine;

import io.github.connectbylist.api.LocalAddress;
import io.github.connectbylist.api.RankingContext;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a connect knows of the host it runs on: the local addresses that can be sources, and the source the
 * operating system would pick for a destination. The pairs and the {@link RankingContext} are made from
 * it. By default it is read from the system (cached); the lab's comes from a scenario.
 *
 * <p>Both methods are called while a connect is planned, on the thread that drives it, and may be called
 * concurrently by several connects.
 */
public interface Host {

  /**
   * The host's addresses, each a candidate source.
   *
   * @return the addresses, in any order
   */
  List<LocalAddress> localAddresses();

  /**
   * The source the operating system would use for {@code destination}, when it can tell. Asked only for
   * destinations with more than one candidate source.
   *
   * @param destination a destination of the connect
   * @return the source, or empty when it cannot tell
   */
  Optional<InetAddress> osPreferredSource(InetAddress destination);

  /**
   * Whether every pair's source is bound before it connects. A host whose addresses were given (a scenario's,
   * a caller's own list) binds every one: those are the sources asked for. The system's own host binds a
   * source only where the operating system might pick another, which spares a system call and the kernel's
   * search for a port.
   *
   * @return {@code true} unless the operating system may be left to pick a source it would pick anyway
   */
  default boolean bindsEverySource() {
    return true;
  }

  /**
   * This host with other addresses as its sources, every one bound; the operating system's choices stay
   * this host's. For a call that asks for its own sources, such as a socket bound before it connects.
   *
   * @param sources the sources to use
   * @return the host
   */
  default Host withSources(List<LocalAddress> sources) {
    List<LocalAddress> fixed = List.copyOf(sources);
    Host os = this;
    return new Host() {
      @Override
      public List<LocalAddress> localAddresses() {
        return fixed;
      }

      @Override
      public Optional<InetAddress> osPreferredSource(InetAddress destination) {
        return os.osPreferredSource(destination);
      }

      @Override
      public String toString() {
        return os + " with sources " + fixed;
      }
    };
  }

  /**
   * A host with these addresses and these choices of the operating system; nothing is looked up.
   *
   * @param addresses the host's addresses
   * @param osSources destinations to the source the operating system would pick
   * @return the host
   */
  static Host of(List<LocalAddress> addresses, Map<InetAddress, InetAddress> osSources) {
    List<LocalAddress> fixedAddresses = List.copyOf(addresses);
    Map<InetAddress, InetAddress> fixedSources = Map.copyOf(osSources);
    return new Host() {
      @Override
      public List<LocalAddress> localAddresses() {
        return fixedAddresses;
      }

      @Override
      public Optional<InetAddress> osPreferredSource(InetAddress destination) {
        return Optional.ofNullable(fixedSources.get(destination));
      }

      @Override
      public String toString() {
        return "Host" + fixedAddresses;
      }
    };
  }
}
