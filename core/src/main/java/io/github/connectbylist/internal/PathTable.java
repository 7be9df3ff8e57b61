package io.github.connectbylist.internal;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.PathHistory;
import io.github.connectbylist.api.PathRecord;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The memory behind {@code History}: per network, per (source, destination) pair, per destination and per
 * destination prefix, the outcomes of every attempt and an RFC 6298 estimate of the round-trip time. At most
 * {@code maxEntries} entries, least recently used first out; an entry not updated for {@code expiry} is
 * ignored and dropped. Thread-safe: every method holds this table's lock for a few map operations.
 */
public final class PathTable {
  /** A table that keeps nothing. */
  public static final PathTable NONE = new PathTable(0, 0);

  /** The view of {@link #NONE} at time 0 on no network: what a connect reads before it is planned. */
  public static final View NO_VIEW = new View(NONE, null, 0, 0);

  /** Networks whose connect counts are kept; older ones are forgotten with their counts. */
  private static final int MAX_NETWORKS = 16;

  private enum Scope { PAIR, DESTINATION, PREFIX }

  private final int maxEntries;
  private final long expiryNanos;
  private final LinkedHashMap<Key, Stats> entries;
  private final LinkedHashMap<Network, long[]> connects;
  private final Key probe = new Key(); // looks entries up under the lock; a key of its own only for a new entry

  /**
   * @param maxEntries the most entries kept; 0 keeps nothing
   * @param expiryNanos how long an entry counts after its last update
   */
  public PathTable(int maxEntries, long expiryNanos) {
    this.maxEntries = maxEntries;
    this.expiryNanos = expiryNanos;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, Stats> eldest) {
        return size() > PathTable.this.maxEntries;
      }
    };
    this.connects = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Network, long[]> eldest) {
        return size() > MAX_NETWORKS;
      }
    };
  }

  /** Whether this table keeps anything. */
  public boolean enabled() {
    return maxEntries > 0;
  }

  /** Entries kept now, expired ones included until they are next looked at. */
  public synchronized int size() {
    return entries.size();
  }

  /** Forgets everything. */
  public synchronized void clear() {
    entries.clear();
    connects.clear();
  }

  /**
   * Starts a connect on {@code network} at {@code nowNanos}: counts it, and returns the view its strategies
   * read and its outcomes are recorded through.
   */
  public View begin(Network network, long nowNanos) {
    if (!enabled()) {
      return new View(this, network, nowNanos, 0);
    }
    long before;
    synchronized (this) {
      long[] count = connects.get(network);
      if (count == null) {
        count = new long[1];
        connects.put(network, count);
      }
      before = count[0]++;
    }
    return new View(this, network, nowNanos, before);
  }

  private synchronized Optional<PathRecord> lookUp(Network network, Scope scope, InetAddress source,
      InetAddress address, int port, long nowNanos) {
    Stats s = entries.get(probe.set(network, scope, source, address, port));
    if (s == null) {
      return Optional.empty();
    }
    if (nowNanos - s.updatedAt > expiryNanos) {
      entries.remove(probe);
      return Optional.empty();
    }
    return Optional.of(s.record());
  }

  private synchronized void update(Network network, AddressPair pair, PathRecord.Outcome outcome, FailureKind kind,
      long startedAt, long endedAt) {
    long ran = endedAt - startedAt;
    InetSocketAddress d = pair.destination();
    InetAddress source = pair.source() == null ? null : pair.source().address();
    stats(network, Scope.PAIR, source, d.getAddress(), d.getPort(), endedAt).add(outcome, kind, ran, endedAt);
    Stats destination = stats(network, Scope.DESTINATION, null, d.getAddress(), d.getPort(), endedAt);
    destination.add(outcome, kind, ran, endedAt);
    if (destination.prefix == null) { // the destination's prefix, kept with it: no address made per connect
      destination.prefix = PathHistory.prefixOf(d.getAddress());
    }
    stats(network, Scope.PREFIX, null, destination.prefix, -1, endedAt).add(outcome, kind, ran, endedAt);
    if (entries.size() > maxEntries * 2) { // keep a sweep of expired entries from ever costing much
      sweep(endedAt);
    }
  }

  private Stats stats(Network network, Scope scope, InetAddress source, InetAddress address, int port, long nowNanos) {
    Stats s = entries.get(probe.set(network, scope, source, address, port));
    if (s == null || nowNanos - s.updatedAt > expiryNanos) {
      s = new Stats();
      entries.put(new Key().set(network, scope, source, address, port), s);
    }
    return s;
  }

  private void sweep(long nowNanos) {
    for (Iterator<Stats> it = entries.values().iterator(); it.hasNext(); ) {
      if (nowNanos - it.next().updatedAt > expiryNanos) {
        it.remove();
      }
    }
  }

  /**
   * One connect's window on the table: what its ranker and scheduler read ({@link PathHistory}, at the time
   * the connect was planned), and where its attempts' outcomes go. Recording methods take times on the
   * same clock.
   */
  public static final class View implements PathHistory {
    private final PathTable table;
    private final Network network;
    private final long nowNanos;
    private final long connectsBefore;

    View(PathTable table, Network network, long nowNanos, long connectsBefore) {
      this.table = table;
      this.network = network;
      this.nowNanos = nowNanos;
      this.connectsBefore = connectsBefore;
    }

    @Override
    public long nowNanos() {
      return nowNanos;
    }

    @Override
    public long connects() {
      return connectsBefore;
    }

    @Override
    public Optional<PathRecord> pair(AddressPair pair) {
      if (!table.enabled()) {
        return Optional.empty();
      }
      InetSocketAddress d = pair.destination();
      InetAddress source = pair.source() == null ? null : pair.source().address();
      return table.lookUp(network, Scope.PAIR, source, d.getAddress(), d.getPort(), nowNanos);
    }

    @Override
    public Optional<PathRecord> destination(InetSocketAddress destination) {
      if (!table.enabled()) {
        return Optional.empty();
      }
      return table.lookUp(network, Scope.DESTINATION, null, destination.getAddress(), destination.getPort(), nowNanos);
    }

    @Override
    public Optional<PathRecord> prefix(InetAddress address) {
      if (!table.enabled()) {
        return Optional.empty();
      }
      return table.lookUp(network, Scope.PREFIX, null, PathHistory.prefixOf(address), -1, nowNanos);
    }

    /** Attempt on {@code pair} connected: its connect time is a round-trip sample. */
    public void connected(AddressPair pair, long startedAt, long connectedAt) {
      if (table.enabled()) {
        table.update(network, pair, PathRecord.Outcome.CONNECTED, null, startedAt, connectedAt);
      }
    }

    /** Attempt on {@code pair} failed with {@code kind}; a time-out bounds its round-trip time from below. */
    public void failed(AddressPair pair, FailureKind kind, long startedAt, long endedAt) {
      if (table.enabled()) {
        table.update(network, pair, PathRecord.Outcome.FAILED, kind, startedAt, endedAt);
      }
    }

    /** Attempt on {@code pair}, started no later than the winner, was still running when it connected. */
    public void lost(AddressPair pair, long startedAt, long endedAt) {
      if (table.enabled()) {
        table.update(network, pair, PathRecord.Outcome.LOST, null, startedAt, endedAt);
      }
    }

    @Override
    public String toString() {
      return "history of " + network + " at " + nowNanos;
    }
  }

  /** What one key has learned; mutated only under the table's lock. */
  private static final class Stats {
    int connected;
    int failed;
    int lost;
    final int[] failuresByKind = new int[FailureKind.values().length];
    PathRecord.Outcome last = PathRecord.Outcome.CONNECTED;
    long lastAt;
    long srtt = -1;
    long rttvar = -1;
    long slowerThan;
    long lastUsed = Long.MIN_VALUE;
    long updatedAt;
    InetAddress prefix; // of a DESTINATION entry: its PREFIX entry's address

    /** One attempt's end. An if chain, not an enum switch: no switch-map class to load on the first connect. */
    void add(PathRecord.Outcome outcome, FailureKind kind, long ran, long at) {
      updatedAt = at;
      lastAt = at;
      last = outcome;
      if (outcome == PathRecord.Outcome.CONNECTED) {
        connected++;
        lastUsed = at;
        slowerThan = 0;
        sample(Math.max(0, ran));
      } else if (outcome == PathRecord.Outcome.FAILED) {
        failed++;
        failuresByKind[kind.ordinal()]++;
        if (kind == FailureKind.TIMED_OUT) {
          slowerThan = Math.max(slowerThan, ran);
        }
      } else {
        lost++;
        slowerThan = Math.max(slowerThan, ran);
      }
    }

    /** RFC 6298 section 2.2 and 2.3, with alpha = 1/8 and beta = 1/4. */
    private void sample(long r) {
      if (srtt < 0) {
        srtt = r;
        rttvar = r / 2;
      } else {
        rttvar = (3 * rttvar + Math.abs(srtt - r)) / 4;
        srtt = (7 * srtt + r) / 8;
      }
    }

    PathRecord record() {
      Map<FailureKind, Integer> byKind = Map.of(); // the common case, read on every connect: no map to build
      if (failed > 0) {
        byKind = new EnumMap<>(FailureKind.class);
        for (FailureKind k : FailureKind.values()) {
          if (failuresByKind[k.ordinal()] > 0) {
            byKind.put(k, failuresByKind[k.ordinal()]);
          }
        }
      }
      return new PathRecord(connected, failed, byKind, lost, last, lastAt, srtt, rttvar, slowerThan, lastUsed);
    }
  }

  /**
   * Where an entry belongs; equality written out (no record: see AddressPair). Set once for a key kept in the
   * table; the table's probe is set again for every look-up, under the lock.
   */
  private static final class Key {
    Network network;
    Scope scope;
    InetAddress source;
    InetAddress address;
    int port;
    int hash;

    Key set(Network network, Scope scope, InetAddress source, InetAddress address, int port) {
      this.network = network;
      this.scope = scope;
      this.source = source;
      this.address = address;
      this.port = port;
      this.hash = (((network.hashCode() * 31 + scope.ordinal()) * 31 + Objects.hashCode(source)) * 31
          + address.hashCode()) * 31 + port;
      return this;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && hash == k.hash && port == k.port && scope == k.scope && address.equals(k.address)
          && Objects.equals(source, k.source) && network.equals(k.network);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
