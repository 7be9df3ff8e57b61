package io.github.connectbylist.internal;

/**
 * What was last made from one object, to be found again by that object's identity: the host's list of
 * addresses is one object for seconds ({@link LocalAddresses}), so what every connect derives from it is made
 * once per list. A plain class, not a record: nothing here is compared or hashed.
 *
 * @param <K> what it was made from
 * @param <V> what was made
 */
final class LastMade<K, V> {
  private final K from;
  private final V made;

  LastMade(K from, V made) {
    this.from = from;
    this.made = made;
  }

  /** What was made, when {@code last} was made from this very object; else {@code null}. */
  static <K, V> V from(LastMade<K, V> last, K from) {
    return last != null && last.from == from ? last.made : null;
  }

  /** What was made. */
  V made() {
    return made;
  }
}
