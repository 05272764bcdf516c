/**
 * The JSON contract shared by the command line ({@code --json}) and the HTTP API ({@code dateline
 * serve}): {@link org.dateline.json.JsonPrinter} writes the core's records as JSON documents, so
 * the two faces cannot drift apart. Serialization stays out of the core, which has no output of its
 * own.
 */
package org.dateline.json;
