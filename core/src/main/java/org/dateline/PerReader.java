package org.dateline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.lucene.index.IndexReader;

/**
 * A value kept per open reader, by its cache key, and dropped when that reader closes: what the
 * facet caches ({@link SourceDayColumn}, {@link GlobalOrdinals}, {@link FacetPass#labels}) hang
 * their state on. A reader's cache key is per open reader, so deletes and doc-values updates (a new
 * reader) get a new value.
 *
 * @param <V> the value, made empty on first use and filled by its owner
 */
final class PerReader<V> {
  private final Map<IndexReader.CacheKey, V> values = new ConcurrentHashMap<>();
  private final Supplier<V> empty;

  /**
   * @param empty makes a reader's value on its first use
   */
  PerReader(Supplier<V> empty) {
    this.empty = empty;
  }

  /**
   * The reader's value, made on its first use.
   *
   * @param helper the reader's cache helper, or null
   * @return the value, or null when the reader has no cache helper (nothing to keep it by)
   */
  V get(IndexReader.CacheHelper helper) {
    if (helper == null) {
      return null;
    }
    IndexReader.CacheKey key = helper.getKey();
    V value = values.get(key);
    if (value == null) {
      V fresh = empty.get();
      value = values.putIfAbsent(key, fresh);
      if (value == null) {
        value = fresh;
        helper.addClosedListener(values::remove);
      }
    }
    return value;
  }

  /**
   * The reader's value if it has one already; unlike {@link #get} this makes none.
   *
   * @param helper the reader's cache helper, or null
   * @return the value, or null
   */
  V peek(IndexReader.CacheHelper helper) {
    return helper == null ? null : values.get(helper.getKey());
  }
}
