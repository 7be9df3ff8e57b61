package io.github.connectbylist.strategy.rfc6724;

import java.util.Comparator;
import java.util.List;

/**
 * A stable merge sort that never throws. RFC 6724's rules are pairwise preferences that are not always a
 * total order (rule 9 compares only IPv6 destinations), and {@link List#sort} may reject such a
 * comparator; this sort gives a deterministic order whatever the comparator does, as Go's sort.Stable does.
 */
final class StableSort {
  private StableSort() {}

  static <T> void sort(T[] items, Comparator<? super T> order) {
    if (items.length < 2) {
      return;
    }
    @SuppressWarnings("unchecked")
    T[] scratch = (T[]) new Object[items.length];
    mergeSort(items, scratch, 0, items.length, order);
  }

  private static <T> void mergeSort(T[] a, T[] scratch, int from, int to, Comparator<? super T> order) {
    if (to - from < 2) {
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(a, scratch, from, mid, order);
    mergeSort(a, scratch, mid, to, order);
    if (order.compare(a[mid - 1], a[mid]) <= 0) {
      return;
    }
    System.arraycopy(a, from, scratch, from, to - from);
    int i = from;
    int j = mid;
    for (int k = from; k < to; k++) {
      if (j >= to || (i < mid && order.compare(scratch[i], scratch[j]) <= 0)) {
        a[k] = scratch[i++];
      } else {
        a[k] = scratch[j++];
      }
    }
  }
}
