/**
 * {@code dateline serve}: a JSON API and one search page over an index, on the JDK's own HTTP
 * server ({@code com.sun.net.httpserver}). Start one with {@link org.dateline.web.NewsServer}. Like
 * the command line, it is a thin face over the core: it turns request parameters into a {@link
 * org.dateline.SearchRequest} and writes what comes back with the JSON contract the command line
 * shares ({@link org.dateline.json.JsonPrinter}). No Lucene here.
 */
package org.dateline.web;
