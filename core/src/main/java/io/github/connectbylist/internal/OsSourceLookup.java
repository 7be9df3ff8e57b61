package io.github.connectbylist.internal;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the source address the operating system would use for a destination by connecting an unbound UDP
 * socket to it and reading the local address: the kernel runs its own source selection (RFC 6724 section
 * 5 on Linux) and no packet is sent. Results are cached for a few seconds, since each lookup is a socket.
 */
public final class OsSourceLookup {
  private static final long TTL_NANOS = 5_000_000_000L;
  private static final int MAX_ENTRIES = 4096;
  private static final ConcurrentHashMap<InetAddress, Entry> CACHE = new ConcurrentHashMap<>();

  private record Entry(Optional<InetAddress> source, long expiresAt) {}

  private OsSourceLookup() {}

  public static Optional<InetAddress> sourceFor(InetAddress destination) {
    long now = System.nanoTime();
    Entry e = CACHE.get(destination);
    if (e == null || now - e.expiresAt() >= 0) {
      if (CACHE.size() >= MAX_ENTRIES) {
        CACHE.clear();
      }
      e = new Entry(lookUp(destination), now + TTL_NANOS);
      CACHE.put(destination, e);
    }
    return e.source();
  }

  private static Optional<InetAddress> lookUp(InetAddress destination) {
    StandardProtocolFamily family =
        destination instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
    try (DatagramChannel probe = DatagramChannel.open(family)) {
      probe.connect(new InetSocketAddress(destination, 9));
      return Optional.of(((InetSocketAddress) probe.getLocalAddress()).getAddress());
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // no route: the ranker goes without, and the attempt will say why
    }
  }
}
