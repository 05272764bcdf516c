/**
 * Dateline past one machine: the library's faces for a SolrCloud collection. {@link
 * org.dateline.solr.SolrNewsIndexer} writes the articles any Dateline reader reads, {@link
 * org.dateline.solr.SolrNewsSearcher} answers the same {@link org.dateline.SearchRequest} with the
 * same {@link org.dateline.SearchResult} as the local {@link org.dateline.NewsSearcher} (both are
 * {@link org.dateline.ArticleSearcher}s), and {@link org.dateline.solr.SolrConfigset} is the
 * collection's configset, made from Dateline's own field and analysis definitions.
 *
 * <p>Only SolrJ is on this module's classpath, never Solr's server or its Lucene 9: the local test
 * cluster runs in a JVM of its own ({@code dateline-solr-cluster}).
 */
package org.dateline.solr;
