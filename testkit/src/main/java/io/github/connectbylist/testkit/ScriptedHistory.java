package io.github.connectbylist.testkit;

import io.github.connectbylist.api.AddressPair;
import io.github.connectbylist.api.FailureKind;
import io.github.connectbylist.api.PathHistory;
import io.github.connectbylist.api.PathRecord;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A history written by hand, for testing a ranker or scheduler that reads one: these records for these
 * pairs, destinations and prefixes, at this instant, after this many connects. Where {@link ScheduleRun}
 * with a real {@code History} shows what a strategy learns, this states exactly what it knows, so that each
 * rule can be tested alone.
 *
 * <pre>{@code
 * long now = Duration.ofHours(1).toNanos();
 * ScriptedHistory h = ScriptedHistory.at(now).afterConnects(2)
 *     .pair(ipv6, ScriptedHistory.lostAfter(250_000_000, now - 1_000_000_000))   // a black hole, a second ago
 *     .pair(ipv4, ScriptedHistory.connectedIn(20_000_000, now - 1_000_000_000));
 * List<AddressPair> ranked = ranker.rank(pairs, new RankingContext(sources, Map.of(), h));
 * }</pre>
 *
 * <p>Not thread-safe: write it, then hand it over.
 */
public final class ScriptedHistory implements PathHistory {
  private long nowNanos;
  private long connects;
  private final Map<AddressPair, PathRecord> pairs = new HashMap<>();
  private final Map<InetSocketAddress, PathRecord> destinations = new HashMap<>();
  private final Map<InetAddress, PathRecord> prefixes = new HashMap<>();

  private ScriptedHistory(long nowNanos) {
    this.nowNanos = nowNanos;
  }

  /**
   * An empty history whose view is taken at this instant, after no connects.
   *
   * @param nowNanos the instant, on the clock of every time in its records
   * @return the history
   */
  public static ScriptedHistory at(long nowNanos) {
    return new ScriptedHistory(nowNanos);
  }

  /**
   * A path that connected once, in {@code rttNanos}: RFC 6298's first sample (SRTT the sample, RTTVAR half
   * of it).
   *
   * @param rttNanos its connect time
   * @param atNanos when it connected
   * @return the record
   */
  public static PathRecord connectedIn(long rttNanos, long atNanos) {
    return new PathRecord(1, 0, Map.of(), 0, PathRecord.Outcome.CONNECTED, atNanos, rttNanos, rttNanos / 2, 0,
        atNanos);
  }

  /**
   * A path tried once that lost the race after running {@code ranNanos} without connecting, as a black
   * hole does under Happy Eyeballs.
   *
   * @param ranNanos how long it ran: a lower bound on its round-trip time
   * @param atNanos when it was given up
   * @return the record
   */
  public static PathRecord lostAfter(long ranNanos, long atNanos) {
    return new PathRecord(0, 0, Map.of(), 1, PathRecord.Outcome.LOST, atNanos, -1, -1, ranNanos, Long.MIN_VALUE);
  }

  /**
   * A path tried once that failed.
   *
   * @param kind how
   * @param atNanos when
   * @return the record
   */
  public static PathRecord failed(FailureKind kind, long atNanos) {
    return new PathRecord(0, 1, Map.of(kind, 1), 0, PathRecord.Outcome.FAILED, atNanos, -1, -1, 0, Long.MIN_VALUE);
  }

  /**
   * Moves the instant of the view, as a later connect would see the same records.
   *
   * @param nowNanos the new instant
   * @return this history
   */
  public ScriptedHistory viewAt(long nowNanos) {
    this.nowNanos = nowNanos;
    return this;
  }

  /**
   * How many connects came before the one being planned (the count rankers explore by).
   *
   * @param count not negative
   * @return this history
   */
  public ScriptedHistory afterConnects(long count) {
    if (count < 0) {
      throw new IllegalArgumentException("connects must not be negative, was " + count);
    }
    this.connects = count;
    return this;
  }

  /**
   * What is known of a pair; replaces what was written for it before.
   *
   * @param pair the pair
   * @param record its record
   * @return this history
   */
  public ScriptedHistory pair(AddressPair pair, PathRecord record) {
    pairs.put(Objects.requireNonNull(pair, "pair"), Objects.requireNonNull(record, "record"));
    return this;
  }

  /**
   * What is known of a destination over every source.
   *
   * @param destination the destination
   * @param record its record
   * @return this history
   */
  public ScriptedHistory destination(InetSocketAddress destination, PathRecord record) {
    destinations.put(Objects.requireNonNull(destination, "destination"), Objects.requireNonNull(record, "record"));
    return this;
  }

  /**
   * What is known of the prefix of an address ({@link PathHistory#prefixOf}): every address in that /64 or
   * /24 is answered with it.
   *
   * @param anyAddressInIt an address of the prefix
   * @param record its record
   * @return this history
   */
  public ScriptedHistory prefix(InetAddress anyAddressInIt, PathRecord record) {
    prefixes.put(PathHistory.prefixOf(anyAddressInIt), Objects.requireNonNull(record, "record"));
    return this;
  }

  @Override
  public long nowNanos() {
    return nowNanos;
  }

  @Override
  public long connects() {
    return connects;
  }

  @Override
  public Optional<PathRecord> pair(AddressPair pair) {
    return Optional.ofNullable(pairs.get(pair));
  }

  @Override
  public Optional<PathRecord> destination(InetSocketAddress destination) {
    return Optional.ofNullable(destinations.get(destination));
  }

  @Override
  public Optional<PathRecord> prefix(InetAddress address) {
    return Optional.ofNullable(prefixes.get(PathHistory.prefixOf(address)));
  }

  @Override
  public String toString() {
    return "scripted history at " + nowNanos + " ns after " + connects + " connects: " + pairs.size() + " pairs, "
        + destinations.size() + " destinations, " + prefixes.size() + " prefixes";
  }
}
