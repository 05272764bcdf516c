package org.dateline.solr;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;
import org.dateline.Article;
import org.dateline.IndexStats;
import org.dateline.Problem;
import org.dateline.SolrBridge;
import org.dateline.ingest.ArticleReader;
import org.dateline.ingest.ProblemLog;

/**
 * Streams articles into a SolrCloud collection, as {@link org.dateline.NewsIndex} does into a local
 * index: the same ids (indexing an id again replaces it), bad records skipped and counted by the
 * reader, batches sent with retries, and one commit at the end that makes them visible.
 *
 * <p>Each batch asks the collection (real-time get, which sees uncommitted updates) which of its
 * ids are there already, so the summary tells added from replaced as the local one does. A batch
 * that fails after its retries ends the run with the error; what earlier batches sent stays, and
 * running the same command again finishes the job without duplicates.
 */
public final class SolrNewsIndexer {
  /** Articles sent per update request. */
  public static final int DEFAULT_BATCH = 500;

  private static final int ATTEMPTS = 4;

  private final SolrCollection collection;
  private final int batchSize;

  private SolrNewsIndexer(SolrCollection collection, int batchSize) {
    this.collection = collection;
    this.batchSize = batchSize;
  }

  /**
   * An indexer for a collection; the caller keeps and closes the collection.
   *
   * @param collection the collection
   * @return the indexer
   */
  public static SolrNewsIndexer on(SolrCollection collection) {
    return new SolrNewsIndexer(collection, DEFAULT_BATCH);
  }

  /**
   * Returns an indexer sending {@code batchSize} articles per request.
   *
   * @param batchSize articles per request, &gt; 0
   * @return the indexer
   */
  public SolrNewsIndexer withBatchSize(int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be > 0 (got: " + batchSize + ")");
    }
    return new SolrNewsIndexer(collection, batchSize);
  }

  /**
   * Reads every article and upserts it into the collection, then commits.
   *
   * @param reader the articles
   * @param log where the reader reports bad records
   * @return what was added, replaced and skipped
   * @throws IOException when reading fails in strict mode, or the collection cannot be written
   */
  public IndexStats add(ArticleReader reader, ProblemLog log) throws IOException {
    long start = System.nanoTime();
    long added = 0;
    long replaced = 0;
    Map<String, SolrInputDocument> batch = new LinkedHashMap<>();
    int duplicatesInBatch = 0;
    Optional<Article> next;
    while ((next = reader.next()).isPresent()) {
      Article a = next.get();
      if (a.id().length() > SolrBridge.MAX_ID_CHARS) {
        log.skip(
            new Problem(a.id().substring(0, 40) + "…", 0, "id longer than " + SolrBridge.MAX_ID_CHARS + " characters"));
        continue;
      }
      if (batch.put(a.id(), document(a)) != null) {
        duplicatesInBatch++;
      }
      if (batch.size() >= batchSize) {
        long existing = send(batch);
        added += batch.size() - existing;
        replaced += existing + duplicatesInBatch;
        batch.clear();
        duplicatesInBatch = 0;
      }
    }
    if (!batch.isEmpty()) {
      long existing = send(batch);
      added += batch.size() - existing;
      replaced += existing + duplicatesInBatch;
    }
    commit();
    return new IndexStats(
        added,
        replaced,
        log.skipCount(),
        log.skips(),
        log.warningCount(),
        log.warnings(),
        1,
        Duration.ofNanos(System.nanoTime() - start));
  }

  /** The Solr document of an article, field for field as {@code ArticleDocuments} maps it. */
  static SolrInputDocument document(Article a) {
    SolrInputDocument d = new SolrInputDocument();
    d.addField(SolrBridge.ID, a.id());
    d.addField(SolrBridge.TITLE, a.title());
    d.addField(SolrBridge.BODY, a.body());
    if (a.date() != null) {
      d.addField(SolrBridge.DATE, Date.from(a.date()));
      d.addField(SolrConfigset.DAY_FIELD, (int) SolrBridge.epochDay(a.date().toEpochMilli()));
    }
    keyword(d, SolrBridge.SOURCE, a.source());
    if (a.url() != null) {
      d.addField(SolrBridge.URL, a.url());
    }
    if (a.titleDerived()) {
      d.addField(SolrBridge.TITLE_DERIVED, true);
    }
    for (Map.Entry<String, List<String>> e : a.fields().entrySet()) {
      boolean any = false;
      for (String v : e.getValue()) {
        any |= keyword(d, e.getKey(), v);
      }
      if (any) {
        d.addField(SolrConfigset.FIELDS_FIELD, e.getKey());
      }
    }
    return d;
  }

  private static boolean keyword(SolrInputDocument d, String field, String value) {
    if (value == null || value.isBlank()) {
      return false;
    }
    d.addField(field, SolrBridge.keywordTerm(value));
    d.addField(SolrConfigset.VALUE_PREFIX + field, SolrBridge.keyword(value));
    return true;
  }

  /** Sends a batch with retries; returns how many of its ids the collection had already. */
  private long send(Map<String, SolrInputDocument> batch) throws IOException {
    long existing = withRetries(() -> existing(batch.keySet()));
    UpdateRequest update = new UpdateRequest();
    update.add(new ArrayList<>(batch.values()));
    withRetries(() -> collection.request(update));
    return existing;
  }

  private long existing(Set<String> ids) throws IOException {
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("ids", ids.toArray(new String[0]));
    p.set("fl", SolrBridge.ID);
    QueryRequest get = new QueryRequest(p, SolrRequest.METHOD.POST);
    get.setPath("/get");
    NamedList<Object> r = collection.request(get);
    Object docs = r.get("response");
    if (!(docs instanceof SolrDocumentList list)) {
      return 0;
    }
    Set<String> found = new HashSet<>();
    list.forEach(doc -> found.add(String.valueOf(doc.getFieldValue(SolrBridge.ID))));
    found.retainAll(ids);
    return found.size();
  }

  /**
   * Makes everything sent visible to searches.
   *
   * @throws IOException when the collection cannot be reached
   */
  public void commit() throws IOException {
    UpdateRequest commit = new UpdateRequest();
    commit.setAction(UpdateRequest.ACTION.COMMIT, true, true);
    withRetries(() -> collection.request(commit));
  }

  private interface Call<T> {
    T call() throws IOException;
  }

  private static <T> T withRetries(Call<T> call) throws IOException {
    IOException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        return call.call();
      } catch (org.dateline.IndexUnavailableException e) {
        last = e;
        if (e.getMessage() != null && e.getMessage().startsWith("no collection")) {
          throw e;
        }
      }
      try {
        Thread.sleep(250L << attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while retrying a batch");
      }
    }
    throw last;
  }
}
