/**
 * Web pages as articles: the page's own metadata ({@link org.dateline.page.PageMetadata}, from
 * JSON-LD, OpenGraph, Dublin Core, {@code <time>} and the URL) and its main text without the menus,
 * teasers and comments around it ({@link org.dateline.page.MainText}), built on jsoup's tree. The
 * readers of HTML files, WARC archives and feeds in {@code org.dateline.ingest} use them.
 */
package org.dateline.page;
