package io.github.connectbylist.api;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * What earlier connects on the host's current network learned of its paths, for rankers and schedulers to
 * read: Happy Eyeballs v3's stateful client (draft-ietf-happy-happyeyeballs-v3, "Sorting Destination
 * Addresses Within Groups"; RFC 8305 section 4 has the same idea). A view is taken when a connect is
 * planned, at the driver's time ({@link #nowNanos()}), so a strategy that reads it still reads no clock.
 * It holds only what was learned on the network the host is attached to now.
 *
 * <p>Views are read-only and may be read from any thread. A view reads the history as it stands when
 * asked, so read it while the connect is planned (in {@code rank} and {@code newSchedule}); a schedule that
 * needs something later copies it then.
 */
public interface PathHistory {

  /**
   * The instant this view was taken, on the clock of every time in it.
   *
   * @return nanoseconds on the driver's clock
   */
  long nowNanos();

  /**
   * How many connects were planned on this network before this one: a count that strategies may use to
   * do something every so often, deterministically.
   *
   * @return the count, from 0
   */
  long connects();

  /**
   * What is known of this exact pair.
   *
   * @param pair a source (or none) and a destination
   * @return the record, or empty when nothing is known
   */
  Optional<PathRecord> pair(AddressPair pair);

  /**
   * What is known of a destination, over every source.
   *
   * @param destination an address and port
   * @return the record, or empty when nothing is known
   */
  Optional<PathRecord> destination(InetSocketAddress destination);

  /**
   * What is known of a destination's prefix ({@code /64} for IPv6, {@code /24} for IPv4), over every
   * address in it, port and source: RFC 8305 section 5's "same host or prefix".
   *
   * @param address an address in the prefix
   * @return the record, or empty when nothing is known
   */
  Optional<PathRecord> prefix(InetAddress address);

  /**
   * The prefix that {@link #prefix} answers for, as an address with the rest zeroed: the {@code /64} of an
   * IPv6 address, the {@code /24} of an IPv4 one. One definition, for the history that records and for
   * anything that writes a history by hand.
   *
   * @param address any address
   * @return the first address of its prefix
   */
  static InetAddress prefixOf(InetAddress address) {
    byte[] b = address.getAddress();
    int keep = b.length == 4 ? 3 : 8;
    for (int i = keep; i < b.length; i++) {
      b[i] = 0;
    }
    try {
      return InetAddress.getByAddress(b);
    } catch (java.net.UnknownHostException impossible) {
      throw new AssertionError("4 or 16 bytes are always an address", impossible);
    }
  }

  /**
   * A history that knows nothing; every strategy must cope with it.
   *
   * @param nowNanos the instant of the view
   * @return the empty view
   */
  static PathHistory none(long nowNanos) {
    return new PathHistory() {
      @Override
      public long nowNanos() {
        return nowNanos;
      }

      @Override
      public long connects() {
        return 0;
      }

      @Override
      public Optional<PathRecord> pair(AddressPair pair) {
        return Optional.empty();
      }

      @Override
      public Optional<PathRecord> destination(InetSocketAddress destination) {
        return Optional.empty();
      }

      @Override
      public Optional<PathRecord> prefix(InetAddress address) {
        return Optional.empty();
      }

      @Override
      public String toString() {
        return "no history";
      }
    };
  }
}
