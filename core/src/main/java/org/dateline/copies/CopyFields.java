package org.dateline.copies;

import java.nio.charset.StandardCharsets;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/**
 * The fields copy detection keeps in each article's document, and the names of the article fields
 * it reads. Names starting with {@code $} are internal: never extra keyword fields, never shown.
 *
 * <ul>
 *   <li>{@link #BANDS}: the MinHash band keys, indexed only (no positions, no frequencies); the
 *       inverted index is the LSH table, so finding an article's candidates is one term query and
 *       costs no memory beyond Lucene's own.
 *   <li>{@link #GROUP}: binary doc values, the id of the group's earliest article, which names the
 *       group. Doc values because they can be updated in place ({@code
 *       IndexWriter#updateDocValues}) when a later article joins or the earliest is deleted,
 *       without rewriting the document.
 *   <li>{@link #KEY}: numeric doc values, a 64-bit hash of the group's name: what collapsing and
 *       story counts compare, one long per article.
 *   <li>{@link #SIZE}: numeric doc values, how many articles the group holds.
 *   <li>{@link #TEXT}: a hash of the whole shingle set, as numeric doc values and as an indexed
 *       term, so that an exact copy finds an earlier one with one lookup.
 * </ul>
 */
public final class CopyFields {
  private CopyFields() {}

  /** MinHash band keys. */
  public static final String BANDS = "$copy_bands";

  /** Group name: the id of the group's earliest article. */
  public static final String GROUP = "$copy_group";

  /** Hash of the group name. */
  public static final String KEY = "$copy_key";

  /** Group size. */
  public static final String SIZE = "$copy_size";

  /**
   * A 64-bit hash of the article's whole shingle set: two articles with the same value have the
   * same text (Jaccard 1), so grouping an exact copy needs neither its body nor its band lookups.
   * Absent when the body has no shingles, and in indexes written before it was added (their
   * articles are compared by their text, as before).
   */
  public static final String TEXT = "$copy_text";

  // The article fields copy detection reads; equal to org.dateline.Fields (a test checks).
  /** The article id field. */
  public static final String ID = "id";

  /** The stored body field. */
  public static final String BODY = "body";

  /** The date field (epoch ms, points and sorted numeric doc values, stored). */
  public static final String DATE = "date";

  /** The source field (sorted-set doc values as written, stored). */
  public static final String SOURCE = "source";

  private static final FieldType BAND_TYPE;

  static {
    FieldType t = new FieldType();
    t.setIndexOptions(IndexOptions.DOCS);
    t.setTokenized(false);
    t.setOmitNorms(true);
    t.freeze();
    BAND_TYPE = t;
  }

  /**
   * Adds an article's copy fields to its document when detection is on: its band keys (when the
   * body has shingles), and a group of its own, which the grouping pass at commit corrects. With
   * detection off it adds nothing, and searches treat every article as a group of its own.
   *
   * @param doc the article's document
   * @param id the article's id
   * @param body the article's body
   * @param policy whether detection is on
   */
  public static void add(Document doc, String id, String body, CopyPolicy policy) {
    if (!policy.enabled()) {
      return; // no fields at all: an index without detection pays nothing for it
    }
    long[] shingles = Shingles.of(body);
    if (shingles.length > 0) {
      for (BytesRef key : MinHash.bandKeys(MinHash.signature(shingles))) {
        doc.add(new Field(BANDS, key, BAND_TYPE));
      }
      long text = textHash(shingles);
      doc.add(new NumericDocValuesField(TEXT, text));
      // indexed too: an exact copy finds an earlier one with one term lookup
      doc.add(new Field(TEXT, textTerm(text), BAND_TYPE));
    }
    doc.add(new BinaryDocValuesField(GROUP, new BytesRef(id)));
    doc.add(new NumericDocValuesField(KEY, key(id)));
    doc.add(new NumericDocValuesField(SIZE, 1));
  }

  /**
   * The hash of a whole shingle set, as {@link #TEXT} holds it.
   *
   * @param shingles from {@link Shingles#of(String)}
   * @return the hash
   */
  public static long textHash(long[] shingles) {
    long h = shingles.length;
    for (long s : shingles) {
      h = Shingles.mix(h * 0x9E3779B97F4A7C15L + s);
    }
    return h;
  }

  /**
   * The indexed term of a {@link #TEXT} value: its 8 bytes, big-endian.
   *
   * @param text from {@link #textHash(long[])}
   * @return the term
   */
  public static BytesRef textTerm(long text) {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (text >>> (56 - 8 * i));
    }
    return new BytesRef(b);
  }

  /**
   * The collapse key of a group name: a 64-bit hash of its UTF-8 bytes.
   *
   * @param group a group name (an article id)
   * @return the key
   */
  public static long key(String group) {
    long h = 0xcbf29ce484222325L;
    for (byte b : group.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    return Shingles.mix(h);
  }
}
