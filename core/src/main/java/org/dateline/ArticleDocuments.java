package org.dateline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;

/** Maps an {@link Article} to a Lucene document and a stored document back to an article. */
final class ArticleDocuments {
  private ArticleDocuments() {}

  /**
   * Title and body: analyzed, stored, positions in the postings (for phrases) but no offsets. The
   * highlighter finds match offsets by analyzing the stored text of the hits it shows again (ten
   * titles and bodies per page), which costs less than storing an offset for every word of every
   * article: offsets were about a fifth of the index and of the inversion work.
   */
  static final FieldType TEXT = textType(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);

  /**
   * Title and body of an index made before offsets were dropped: Lucene refuses to change a
   * field's index options in an existing index, so such an index keeps offsets in the postings
   * (and its highlighter keeps reading them).
   */
  static final FieldType TEXT_WITH_OFFSETS =
      textType(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);

  private static FieldType textType(IndexOptions options) {
    FieldType t = new FieldType();
    t.setTokenized(true);
    t.setStored(true);
    t.setIndexOptions(options);
    t.freeze();
    return t;
  }

  /**
   * Builds the document for an article.
   *
   * @param a the article
   * @param copies whether to index the article's copy fingerprints (its group fields are always
   *     written)
   * @param grams the frequent-word pairs to add beside title and body, or null for none
   * @param text the type of title and body: {@link #TEXT}, or {@link #TEXT_WITH_OFFSETS} for an
   *     index that has offsets
   * @return the document, keyed by {@link Fields#ID}
   */
  static Document toDocument(
      Article a, org.dateline.copies.CopyPolicy copies, PhraseGrams grams, FieldType text) {
    Document doc = new Document();
    doc.add(new KeywordField(Fields.ID, a.id(), Field.Store.YES));
    if (grams == null) {
      doc.add(new Field(Fields.TITLE, a.title(), text));
      doc.add(new Field(Fields.BODY, a.body(), text));
    } else {
      grams.addFields(doc, Fields.TITLE, a.title(), text);
      grams.addFields(doc, Fields.BODY, a.body(), text);
    }
    if (a.date() != null) {
      doc.add(new LongField(Fields.DATE, a.date().toEpochMilli(), Field.Store.YES));
    }
    addKeyword(doc, Fields.SOURCE, a.source());
    if (a.url() != null) {
      doc.add(new StoredField(Fields.URL, a.url()));
    }
    if (a.titleDerived()) {
      doc.add(new StoredField(Fields.TITLE_DERIVED, 1));
    }
    for (Map.Entry<String, List<String>> e : a.fields().entrySet()) {
      for (String value : e.getValue()) {
        addKeyword(doc, e.getKey(), value);
      }
    }
    org.dateline.copies.CopyFields.add(doc, a.id(), a.body(), copies);
    return doc;
  }

  /** Lower-case term for matching, value as written for facets and display. */
  private static void addKeyword(Document doc, String field, String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    String v = keyword(value);
    doc.add(new StringField(field, keywordTerm(v), Field.Store.NO));
    doc.add(new SortedSetDocValuesField(field, new BytesRef(v)));
    doc.add(new StoredField(field, v));
  }

  /**
   * The indexed term of a keyword value (source, extra fields): trimmed, lower case in {@code
   * Locale.ROOT}, accents folded, so that {@code source:rte} finds "RTÉ News". Queries and filters
   * on keyword fields must build their terms with this method too.
   *
   * @param value the value as written
   * @return the term
   */
  static String keywordTerm(String value) {
    String lower = keyword(value).toLowerCase(Locale.ROOT);
    if (isAscii(lower)) {
      return lower; // folding changes nothing: skip its buffers (every article has a source)
    }
    char[] out = new char[lower.length() * 4];
    int n =
        org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter.foldToASCII(
            lower.toCharArray(), 0, out, 0, lower.length());
    return new String(out, 0, n);
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** Trims a keyword value and cuts it to {@link Fields#MAX_KEYWORD_CHARS}. */
  static String keyword(String value) {
    String v = value.strip();
    return v.length() > Fields.MAX_KEYWORD_CHARS ? v.substring(0, Fields.MAX_KEYWORD_CHARS) : v;
  }

  /**
   * Rebuilds an article from a stored document.
   *
   * @param doc the stored fields of one hit
   * @return the article as indexed
   */
  static Article fromStored(Document doc) {
    IndexableField date = doc.getField(Fields.DATE);
    Map<String, List<String>> extra = new LinkedHashMap<>();
    for (IndexableField f : doc.getFields()) {
      if (Fields.isExtra(f.name()) && f.stringValue() != null) {
        extra.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f.stringValue());
      }
    }
    return new Article(
        doc.get(Fields.ID),
        nullToEmpty(doc.get(Fields.TITLE)),
        doc.getField(Fields.TITLE_DERIVED) != null,
        nullToEmpty(doc.get(Fields.BODY)),
        date == null ? null : Instant.ofEpochMilli(date.numericValue().longValue()),
        nullToEmpty(doc.get(Fields.SOURCE)),
        doc.get(Fields.URL),
        extra);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
