package org.dateline.solr;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudHttp2SolrClient;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.NamedList;
import org.dateline.IndexUnavailableException;

/**
 * A SolrCloud collection and the client that reaches it: the nodes' base URLs ({@code
 * http://host:8983/solr}, any number, comma-separated) and the collection's name. Cluster state
 * comes over HTTP from any node that answers, so one stopped node costs nothing but a retry.
 *
 * <p>Thread-safe; close it when done.
 */
public final class SolrCollection implements AutoCloseable {
  private final List<String> urls;
  private final String name;
  private CloudHttp2SolrClient client;

  private SolrCollection(List<String> urls, String name) {
    this.urls = List.copyOf(urls);
    this.name = name;
  }

  /**
   * Connects to a collection. Nothing is sent until the first request.
   *
   * @param solr one or more node base URLs, comma-separated: {@code http://127.0.0.1:8983/solr}
   * @param collection the collection's name
   * @return the collection
   * @throws IllegalArgumentException when a URL is not an http(s) URL or the name is not a valid
   *     collection name
   */
  public static SolrCollection connect(String solr, String collection) {
    Objects.requireNonNull(solr, "solr");
    Objects.requireNonNull(collection, "collection");
    List<String> urls = new ArrayList<>();
    for (String u : solr.split(",")) {
      String url = u.strip();
      if (url.isEmpty()) {
        continue;
      }
      URI uri;
      try {
        uri = URI.create(url);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--solr must be http(s) URLs (got: " + url + ")", e);
      }
      if (uri.getHost() == null
          || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        throw new IllegalArgumentException(
            "--solr must be http(s) URLs such as http://127.0.0.1:8983/solr (got: " + url + ")");
      }
      urls.add(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("--solr must name at least one URL (got: " + solr + ")");
    }
    if (!collection.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
      throw new IllegalArgumentException(
          "a collection name is letters, digits, '.', '_' and '-' (got: " + collection + ")");
    }
    return new SolrCollection(urls, collection);
  }

  /** Returns the collection's name. */
  public String name() {
    return name;
  }

  /** Returns the node URLs, comma-separated, as given. */
  public String urls() {
    return String.join(",", urls);
  }

  /**
   * The client, for this package's requests; made on first use, since making it already asks a
   * node for the cluster's state.
   */
  synchronized CloudHttp2SolrClient client() throws IOException {
    if (client == null) {
      try {
        client =
            new CloudHttp2SolrClient.Builder(urls)
                .withDefaultCollection(name)
                .withInternalClientBuilder(
                    new Http2SolrClient.Builder()
                        .withConnectionTimeout(5, TimeUnit.SECONDS)
                        .withIdleTimeout(120, TimeUnit.SECONDS))
                .build();
      } catch (RuntimeException e) {
        throw unavailable(e);
      }
    }
    return client;
  }

  /**
   * Sends a request to the collection, turning Solr's failures into Dateline's: an unreachable
   * cluster or a missing collection is an {@link IndexUnavailableException}.
   */
  NamedList<Object> request(SolrRequest<?> request) throws IOException {
    try {
      return client().request(request, name);
    } catch (SolrServerException e) {
      throw unavailable(e);
    } catch (SolrException e) {
      throw translate(e);
    } catch (IOException e) {
      throw unavailable(e);
    }
  }

  IOException unavailable(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String why = root instanceof ConnectException ? "connection refused" : String.valueOf(root);
    return new IndexUnavailableException(
        null,
        IndexUnavailableException.Reason.MISSING,
        "cannot reach Solr at "
            + urls()
            + " ("
            + why
            + "); start a cluster with 'dateline solr start' or check --solr",
        e);
  }

  RuntimeException translateRuntime(SolrException e) {
    return new IllegalStateException("Solr failed: " + e.getMessage(), e);
  }

  IOException translate(SolrException e) throws IOException {
    String msg = String.valueOf(e.getMessage());
    if (msg.contains("Collection not found") || msg.contains("Could not find collection")) {
      throw new IndexUnavailableException(
          null,
          IndexUnavailableException.Reason.MISSING,
          "no collection '"
              + name
              + "' at "
              + urls()
              + "; create it with 'dateline solr create --solr URL --collection "
              + name
              + "'",
          e);
    }
    if (e.code() >= 500 || e.code() <= 0) {
      return unavailable(e);
    }
    throw translateRuntime(e);
  }

  /** Closes the client. */
  @Override
  public synchronized void close() throws IOException {
    if (client != null) {
      client.close();
    }
  }

  @Override
  public String toString() {
    return "SolrCollection[" + name + " at " + urls() + "]";
  }
}
