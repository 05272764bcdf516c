package org.dateline.solr;

import java.io.IOException;
import java.time.Duration;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.util.ContentStreamBase;

/** Creates Dateline collections on a SolrCloud cluster. */
public final class SolrCollections {
  private SolrCollections() {}

  /** How long {@link #create} waits for every replica to become active. */
  public static final Duration ACTIVE_TIMEOUT = Duration.ofSeconds(120);

  /**
   * Uploads Dateline's configset (named {@code dateline-NAME}, replacing one of that name) and
   * creates the collection with it, then waits until every replica is active.
   *
   * @param collection the collection to create (its URLs and name)
   * @param shards how many shards, &gt; 0
   * @param replicas how many replicas of each shard, &gt; 0
   * @throws IOException when the cluster cannot be reached or refuses (a collection of that name
   *     exists already, not enough nodes)
   */
  public static void create(SolrCollection collection, int shards, int replicas)
      throws IOException {
    if (shards < 1 || replicas < 1) {
      throw new IllegalArgumentException(
          "shards and replicas must be > 0 (got: " + shards + " and " + replicas + ")");
    }
    String config = "dateline-" + collection.name();
    ConfigSetAdminRequest.Upload upload = new ConfigSetAdminRequest.Upload();
    upload.setConfigSetName(config);
    upload.setOverwrite(true);
    upload.setUploadStream(
        new ContentStreamBase.ByteArrayStream(SolrConfigset.zip(), "configset.zip", "application/zip"));
    request(collection, upload);
    CollectionAdminRequest.Create create =
        CollectionAdminRequest.createCollection(collection.name(), config, shards, replicas);
    create.setWaitForFinalState(true);
    request(collection, create);
  }

  private static void request(SolrCollection collection, org.apache.solr.client.solrj.SolrRequest<?> r)
      throws IOException {
    try {
      collection.client().request(r);
    } catch (org.apache.solr.client.solrj.SolrServerException e) {
      throw collection.unavailable(e);
    } catch (org.apache.solr.common.SolrException e) {
      throw new org.dateline.IndexUnavailableException(
          null,
          org.dateline.IndexUnavailableException.Reason.NOT_WRITABLE,
          "Solr refused to create collection '" + collection.name() + "': " + e.getMessage(),
          e);
    }
  }
}
