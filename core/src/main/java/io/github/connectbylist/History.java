package io.github.connectbylist;

import io.github.connectbylist.internal.PathTable;
import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link ConnectByList} remembers of its connects, so that the next one need not start from nothing
 * (Happy Eyeballs v3's stateful client, draft-ietf-happy-happyeyeballs-v3, "Sorting Destination Addresses
 * Within Groups"): for each (source, destination) pair, each destination and each destination prefix, how
 * often attempts connected, failed (by kind) or lost a race, how the last one ended and when, an RFC 6298
 * estimate of the round-trip time, and a lower bound on it from attempts given up while still running.
 *
 * <p>It is kept per network (the set of on-link prefixes of the host's addresses): what was learned on one
 * network is never used on another, and comes back if the host returns to it within the expiry. It is
 * bounded ({@link Builder#maxEntries}, least recently used out; an entry weighs about 225 bytes, and a
 * destination tried through one source takes three) and forgets what it has not heard of for {@link
 * Builder#expiry}. It lives in this process only: nothing is written anywhere.
 *
 * <p>Each instance has its own by default; {@code ConnectByList.builder().history(h)} shares one between
 * instances, and {@link #none()} keeps nothing. Rankers and schedulers read it as a {@link
 * io.github.connectbylist.api.PathHistory} view taken when a connect is planned.
 */
public final class History {
  /** Entries kept by default: about a megabyte, some 1,300 destinations. */
  public static final int DEFAULT_MAX_ENTRIES = 4096;
  /** How long an entry counts after its last update, by default. */
  public static final Duration DEFAULT_EXPIRY = Duration.ofHours(1);

  private static final History NONE = new History(PathTable.NONE, 0, Duration.ZERO);

  private final PathTable table;
  private final int maxEntries;
  private final Duration expiry;

  private History(PathTable table, int maxEntries, Duration expiry) {
    this.table = table;
    this.maxEntries = maxEntries;
    this.expiry = expiry;
  }

  /**
   * A history with the defaults: {@value #DEFAULT_MAX_ENTRIES} entries, one hour.
   *
   * @return a new, empty history
   */
  public static History create() {
    return builder().build();
  }

  /**
   * A history that keeps nothing: every connect starts from nothing, as WSAConnectByList's do.
   *
   * @return the empty history
   */
  public static History none() {
    return NONE;
  }

  /**
   * Options of a history.
   *
   * @return a builder with the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Entries kept now.
   *
   * @return the count
   */
  public int size() {
    return table.size();
  }

  /** Forgets everything, as when the application knows the network changed under it. */
  public void clear() {
    table.clear();
  }

  PathTable table() {
    return table;
  }

  @Override
  public String toString() {
    return this == NONE ? "History[none]"
        : "History[" + size() + " of " + maxEntries + " entries, expiry " + expiry + "]";
  }

  /** Options of a {@link History}. */
  public static final class Builder {
    private int maxEntries = DEFAULT_MAX_ENTRIES;
    private Duration expiry = DEFAULT_EXPIRY;

    private Builder() {}

    /**
     * The most entries kept; the least recently used goes first.
     *
     * @param max at least 1
     * @return this builder
     */
    public Builder maxEntries(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxEntries must be at least 1, was " + max);
      }
      this.maxEntries = max;
      return this;
    }

    /**
     * How long an entry counts after its last update.
     *
     * @param expiry positive
     * @return this builder
     */
    public Builder expiry(Duration expiry) {
      Objects.requireNonNull(expiry, "expiry");
      if (expiry.isNegative() || expiry.isZero()) {
        throw new IllegalArgumentException("expiry must be positive, was " + expiry);
      }
      this.expiry = expiry;
      return this;
    }

    /**
     * The history with these options.
     *
     * @return a new, empty history
     */
    public History build() {
      return new History(new PathTable(maxEntries, expiry.toNanos()), maxEntries, expiry);
    }
  }
}
