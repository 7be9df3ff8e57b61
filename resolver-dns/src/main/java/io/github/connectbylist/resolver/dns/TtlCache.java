package io.github.connectbylist.resolver.dns;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xbill.DNS.Name;

/**
 * Answers kept for their time to live, the least recently used dropped beyond a bound: addresses for A and AAAA,
 * {@link ServiceRecords} for HTTPS and SVCB. Thread-safe.
 */
final class TtlCache {
  private final int capacity;
  private final LinkedHashMap<String, Entry> entries;

  private record Entry(List<?> values, long expiresAtNanos) {}

  TtlCache(int capacity) {
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
        return size() > TtlCache.this.capacity;
      }
    };
  }

  int capacity() {
    return capacity;
  }

  synchronized Optional<List<?>> get(Name name, int type, long nowNanos) {
    String key = key(name, type);
    Entry e = entries.get(key);
    if (e == null) {
      return Optional.empty();
    }
    if (nowNanos - e.expiresAtNanos >= 0) {
      entries.remove(key);
      return Optional.empty();
    }
    return Optional.of(e.values);
  }

  /**
   * Keeps an answer for {@code ttlSeconds}, at most a week (RFC 8767 section 4). One with a TTL of 0 is not
   * kept (RFC 1035 section 3.2.1), nor one with the high bit set, which RFC 2181 section 8 reads as 0.
   */
  synchronized void put(Name name, int type, List<?> values, long ttlSeconds, long nowNanos) {
    if (capacity == 0 || ttlSeconds <= 0 || ttlSeconds > Integer.MAX_VALUE) {
      return;
    }
    long ttlNanos = Math.min(ttlSeconds, 7 * 24 * 3600L) * 1_000_000_000L;
    entries.put(key(name, type), new Entry(List.copyOf(values), nowNanos + ttlNanos));
  }

  synchronized void clear() {
    entries.clear();
  }

  /** The key of a name and type: lower case, so that names that differ only in case share it (RFC 4343). */
  static String key(Name name, int type) {
    return name.toString().toLowerCase(java.util.Locale.ROOT) + "/" + type;
  }
}
