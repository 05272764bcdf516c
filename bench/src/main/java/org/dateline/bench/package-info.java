/**
 * The benchmark harness: generates the corpora and the query list, and runs the Dateline and
 * plain-Lucene sides of the comparison, each system in its own JVM started by {@code bench/run.sh}.
 * The SQLite FTS5 peer lives in {@code bench/peers/fts5_bench.py}; Anserini runs from its own jar.
 */
package org.dateline.bench;
