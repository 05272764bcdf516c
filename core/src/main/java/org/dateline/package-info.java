/**
 * Dateline: search for news articles on Apache Lucene. Start with {@link org.dateline.NewsIndex} to
 * write an index and {@link org.dateline.NewsSearcher} to search it.
 */
package org.dateline;
