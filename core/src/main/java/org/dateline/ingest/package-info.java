/**
 * Reading news articles from corpora: plain-text files with header lines, JSON Lines and the
 * Reuters-21578 SGML files. Every format streams its input through one interface, {@link
 * org.dateline.ingest.ArticleReader}, opened with {@link org.dateline.ingest.ArticleReaders}.
 */
package org.dateline.ingest;
