package org.dateline;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;

/**
 * The opaque cursor of a search: the sort values of the last hit of a page, so that the next page
 * starts right after it ({@code searchAfter}) at a cost that does not grow with the page number.
 *
 * <p>Layout, URL-safe base64 without padding: a version byte, the sort order, an 8-byte fingerprint
 * of the search (query text, filters, order) so that a cursor cannot be used with another search,
 * then the last hit's primary sort value (score bits or date millis) and its id.
 */
final class Cursor {
  private Cursor() {}

  private static final byte VERSION = 1;

  /**
   * Encodes the position after a hit.
   *
   * @param request the search
   * @param last the last hit of the page, with the sort values of {@link SortOrder}'s sort: the
   *     score (Float) or date (Long), then the id (BytesRef)
   * @return the cursor
   */
  static String encode(SearchRequest request, FieldDoc last) {
    BytesRef id = (BytesRef) last.fields[1];
    ByteBuffer buf = ByteBuffer.allocate(1 + 1 + 8 + 8 + 4 + id.length);
    buf.put(VERSION);
    buf.put((byte) request.sort().ordinal());
    buf.putLong(fingerprint(request));
    if (request.sort() == SortOrder.RELEVANCE) {
      buf.putLong(Float.floatToIntBits((Float) last.fields[0]));
    } else {
      buf.putLong((Long) last.fields[0]);
    }
    buf.putInt(id.length);
    buf.put(id.bytes, id.offset, id.length);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(buf.array());
  }

  /**
   * Decodes a cursor of this search.
   *
   * @param request the search, whose {@link SearchRequest#cursor()} is set
   * @return the hit to search after
   * @throws IllegalArgumentException when the cursor is damaged or belongs to another search
   */
  static FieldDoc decode(SearchRequest request) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(request.cursor());
    } catch (IllegalArgumentException e) {
      throw invalid(request.cursor());
    }
    try {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      if (buf.get() != VERSION) {
        throw invalid(request.cursor());
      }
      int sort = buf.get();
      long fingerprint = buf.getLong();
      if (sort != request.sort().ordinal() || fingerprint != fingerprint(request)) {
        throw new IllegalArgumentException(
            "cursor does not belong to this search (a cursor only continues the search, with the"
                + " same query, filters and order, that returned it)");
      }
      long value = buf.getLong();
      int length = buf.getInt();
      if (length < 0 || length != buf.remaining()) {
        throw invalid(request.cursor());
      }
      byte[] id = new byte[length];
      buf.get(id);
      Object primary =
          request.sort() == SortOrder.RELEVANCE
              ? (Object) Float.intBitsToFloat((int) value)
              : value;
      // Sort values end with the unique id, so no other hit ties with the cursor's; the highest
      // doc number makes a tie (the same article, re-read) count as already returned.
      return new FieldDoc(Integer.MAX_VALUE, Float.NaN, new Object[] {primary, new BytesRef(id)});
    } catch (BufferUnderflowException e) {
      throw invalid(request.cursor());
    }
  }

  private static IllegalArgumentException invalid(String cursor) {
    return new IllegalArgumentException(
        "cursor is not valid (got: \""
            + abbreviate(cursor)
            + "\"); pass the nextCursor of a result unchanged");
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }

  /** What makes two requests the same search: query, filters and order, not the page. */
  static long fingerprint(SearchRequest r) {
    StringBuilder sb = new StringBuilder();
    sb.append(r.query()).append('\u0000').append(r.sort()).append('\u0000');
    // the sorted set and map print as "[]" and "{}" when empty: spare building them then
    if (r.sources().isEmpty()) {
      sb.append("[]");
    } else {
      Set<String> sources = new TreeSet<>();
      r.sources().forEach(s -> sources.add(ArticleDocuments.keywordTerm(s)));
      sb.append(sources);
    }
    sb.append('\u0000').append(r.dates()).append('\u0000');
    if (r.fields().isEmpty()) {
      sb.append("{}");
    } else {
      Map<String, Set<String>> fields = new TreeMap<>();
      r.fields()
          .forEach(
              (k, v) -> {
                Set<String> terms = new TreeSet<>();
                v.forEach(x -> terms.add(ArticleDocuments.keywordTerm(x)));
                fields.put(k, terms);
              });
      sb.append(fields);
    }
    if (r.anyWord()) {
      sb.append('\u0000').append("any word"); // appended only when set: older cursors stay valid
    }
    if (r.expansion() != null) {
      sb.append('\u0000').append(r.expansion()); // as "any word": older cursors stay valid
    }
    // SHA-256 by hand (Sha256): the same digest without setting up the security providers
    byte[] digest = Sha256.digest(sb.toString().getBytes(StandardCharsets.UTF_8));
    return ByteBuffer.wrap(digest).getLong();
  }
}
