/** Dateline: search for news articles on Apache Lucene. Start with {@link org.dateline.NewsIndex}. */
package org.dateline;
