/**
 * A local SolrCloud for trying Dateline past one machine and for its integration tests: ZooKeeper
 * and N Solr nodes ({@code MiniSolrCloudCluster}) in one JVM of its own, with Solr's Lucene 9 on its
 * classpath and never {@code dateline-core}'s Lucene 10.
 */
package org.dateline.solr.cluster;
